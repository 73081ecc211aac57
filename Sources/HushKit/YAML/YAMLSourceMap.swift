/// Translates positions in a YAML document: libyaml character indexes to UTF-8 byte
/// offsets, and byte offsets to 1-based lines and byte columns.
///
/// libyaml counts characters, while Hush ranges are byte offsets. Events arrive nearly in
/// document order, so a cursor that walks forward (or occasionally back) from the last
/// answer costs a few bytes per lookup instead of a rescan; pure ASCII skips even that.
struct YAMLSourceMap {
    let bytes: [UInt8]
    /// Byte offset of the first character libyaml counts (after a byte order mark).
    let origin: Int
    private let isASCII: Bool
    private var cursorCharacter = 0
    private var cursorByte: Int
    private var lineCursor = 0
    /// Byte offset where each line starts; `\n`, `\r\n` and a lone `\r` end a line.
    private let lineStarts: [Int]

    init(_ bytes: [UInt8], origin: Int) {
        self.bytes = bytes
        self.origin = origin
        self.cursorByte = origin
        var ascii = true
        var starts = [origin]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var i = origin
            let n = buffer.count
            while i < n {
                // Skip eight bytes at once when none is a line break or non-ASCII.
                if i + 8 <= n {
                    let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & Self.highBits == 0 && !Self.hasByte(0x0A, in: word) && !Self.hasByte(0x0D, in: word) {
                        i += 8
                        continue
                    }
                }
                let b = buffer[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n, buffer[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                } else if b >= 0x80 {
                    ascii = false
                }
                i += 1
            }
        }
        self.isASCII = ascii
        self.lineStarts = starts
    }

    /// The byte offset of libyaml character index `index`.
    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if isASCII { return min(origin + index, bytes.count) }
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            while cursorCharacter < index, cursorByte < n {
                // Eight ASCII bytes are eight characters: skip them in one step.
                if index - cursorCharacter >= 8, cursorByte + 8 <= n {
                    let word = UnsafeRawPointer(buffer.baseAddress! + cursorByte).loadUnaligned(as: UInt64.self)
                    if word & Self.highBits == 0 {
                        cursorByte += 8
                        cursorCharacter += 8
                        continue
                    }
                }
                cursorByte += Self.sequenceLength(buffer[cursorByte])
                cursorCharacter += 1
            }
            while cursorCharacter > index, cursorByte > origin {
                cursorByte -= 1
                while cursorByte > origin, buffer[cursorByte] & 0xC0 == 0x80 { cursorByte -= 1 }
                cursorCharacter -= 1
            }
        }
        return min(cursorByte, bytes.count)
    }

    /// The 1-based line and 1-based byte column of `offset`.
    mutating func location(ofByte offset: Int) -> (line: Int, column: Int) {
        let line = lineIndex(ofByte: offset)
        return (line + 1, offset - lineStarts[line] + 1)
    }

    /// The byte offset where the line holding `offset` starts.
    mutating func lineStart(ofByte offset: Int) -> Int {
        lineStarts[lineIndex(ofByte: offset)]
    }

    /// The offset just past the line break that ends the line holding `offset`, or the end
    /// of the document when that line has no break.
    mutating func nextLineStart(afterByte offset: Int) -> Int {
        let next = lineIndex(ofByte: offset) + 1
        return next < lineStarts.count ? lineStarts[next] : bytes.count
    }

    private mutating func lineIndex(ofByte offset: Int) -> Int {
        // Lookups mostly follow document order: try the next few lines before searching.
        var line = lineCursor
        if lineStarts[line] <= offset {
            var steps = 0
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset {
                line += 1
                steps += 1
                if steps == 8 {
                    line = searchLine(ofByte: offset)
                    break
                }
            }
        } else {
            line = searchLine(ofByte: offset)
        }
        lineCursor = line
        return line
    }

    /// The last line that starts at or before `offset`, by binary search.
    private func searchLine(ofByte offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when one of the eight bytes of `word` equals `byte` (the classic zero-byte test).
    private static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & highBits != 0
    }

    /// Bytes in the UTF-8 sequence that starts with `lead`; libyaml has already rejected
    /// malformed UTF-8, so the lead byte alone decides.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case ..<0xC0: 1
        case ..<0xE0: 2
        case ..<0xF0: 3
        default: 4
        }
    }
}
