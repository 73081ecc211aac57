/// Decides where the raw text of a literal (`|`) or folded (`>`) block scalar ends.
///
/// libyaml ends a block scalar after the line break of its last line and any blank lines
/// that follow. A leaf range must instead stop before the final line break, so that a
/// one-line token put in its place keeps the following lines intact, and it must contain
/// every line that contributes to the value, so that lines inserted after the token later
/// cannot change the value once the raw text is put back:
///
/// - keep chomping (`+`): trailing blank lines are part of the value, so the range runs to
///   the last one and leaves out only the very last line break;
/// - clip and strip chomping: trailing blank lines only carry layout, so the range ends at
///   the last content line. A line of spaces deeper than the content indentation is content
///   (it adds spaces to the value) and stays in the range.
enum YAMLBlockScalar {
    /// The indicators after `|` or `>`.
    struct Header {
        /// The explicit indentation indicator, or 0 when libyaml detects the indentation.
        var indentation = 0
        var keep = false
        var strip = false
        /// Offset just past the indicators.
        var end: Int
    }

    static func header(in bytes: [UInt8], start: Int) -> Header {
        var header = Header(end: start + 1)
        // At most two indicator characters, in either order: a digit and a chomping sign.
        indicators: while header.end < bytes.count, header.end < start + 3 {
            switch bytes[header.end] {
            case UInt8(ascii: "1")...UInt8(ascii: "9"): header.indentation = Int(bytes[header.end] - UInt8(ascii: "0"))
            case UInt8(ascii: "+"): header.keep = true
            case UInt8(ascii: "-"): header.strip = true
            default: break indicators
            }
            header.end += 1
        }
        return header
    }

    /// The end of the leaf range of the block scalar whose indicator is at byte `start` and
    /// which libyaml ends at byte `end`. `parentIndent` is the column of the enclosing block
    /// collection, from which an explicit indentation indicator counts.
    static func rangeEnd(in bytes: [UInt8], start: Int, end: Int, parentIndent: Int) -> Int {
        let header = header(in: bytes, start: start)
        // The header line may go on with spaces and a comment; both stay in the range.
        var headerEnd = header.end
        while headerEnd < end, !isBreakByte(bytes[headerEnd]) { headerEnd += 1 }

        var result = end
        if result > headerEnd { result -= breakLength(endingAt: result, in: bytes) }
        if header.keep { return result }

        let indent =
            header.indentation > 0
            ? parentIndent + header.indentation
            : detectedIndent(in: bytes, from: headerEnd, to: end, parentIndent: parentIndent)
        // Drop trailing lines of at most `indent` spaces: libyaml reads them as empty lines.
        while result > headerEnd {
            var lineStart = result
            while lineStart > headerEnd, !isBreakByte(bytes[lineStart - 1]) { lineStart -= 1 }
            guard lineStart > headerEnd, result - lineStart <= indent,
                bytes[lineStart..<result].allSatisfy({ $0 == UInt8(ascii: " ") })
            else { break }
            result = lineStart - breakLength(endingAt: lineStart, in: bytes)
        }
        return result
    }

    /// The content indentation libyaml detects without an indicator: the deepest of the
    /// leading blank lines and the first content line, and at least one more than the parent.
    private static func detectedIndent(in bytes: [UInt8], from headerEnd: Int, to end: Int, parentIndent: Int) -> Int {
        var indent = max(parentIndent + 1, 1)
        var i = headerEnd
        while i < end {
            i += breakLength(startingAt: i, in: bytes)
            var spaces = 0
            while i < end, bytes[i] == UInt8(ascii: " ") {
                spaces += 1
                i += 1
            }
            indent = max(indent, spaces)
            if i < end, !isBreakByte(bytes[i]) { break }
        }
        return indent
    }

    private static func isBreakByte(_ b: UInt8) -> Bool {
        b == 0x0A || b == 0x0D
    }

    /// Length of the line break that ends just before `offset` (`\n`, `\r\n`, `\r`, or the
    /// Unicode breaks libyaml also honours: NEL, LS, PS), or 0 if there is none.
    static func breakLength(endingAt offset: Int, in bytes: [UInt8]) -> Int {
        guard offset > 0 else { return 0 }
        switch bytes[offset - 1] {
        case 0x0A: return offset >= 2 && bytes[offset - 2] == 0x0D ? 2 : 1
        case 0x0D: return 1
        case 0x85 where offset >= 2 && bytes[offset - 2] == 0xC2: return 2
        case 0xA8...0xA9 where offset >= 3 && bytes[offset - 3] == 0xE2 && bytes[offset - 2] == 0x80: return 3
        default: return 0
        }
    }

    private static func breakLength(startingAt offset: Int, in bytes: [UInt8]) -> Int {
        guard offset < bytes.count else { return 0 }
        if bytes[offset] == 0x0D { return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1 }
        return bytes[offset] == 0x0A ? 1 : 0
    }
}
