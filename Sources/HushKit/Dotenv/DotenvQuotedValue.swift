/// Quoted values: `'literal'` on one line, and `"escaped"`, which may span lines.
extension DotenvScanner {
    /// Scans the quoted value that starts at `position`, up to and including its closing quote.
    /// Returns the raw range (quotes included) and the decoded value.
    mutating func scanQuotedValue() throws -> (Range<Int>, String) {
        if bytes[position] == B.singleQuote {
            return try scanSingleQuotedValue()
        }
        return try scanDoubleQuotedValue()
    }

    /// After a closing quote only blanks and a comment may follow; anything else would be
    /// silently dropped by some readers and kept by others, so it is an error.
    mutating func finishAfterClosingQuote() throws {
        skipBlanks()
        if !atEnd, bytes[position] == B.hash {
            try skipComment()
            return
        }
        guard try atLineEnd() else {
            throw error(
                at: position, "unexpected text after the closing quote",
                hint: "only spaces, tabs and a # comment may follow a quoted value; quote the whole value")
        }
        finishLine()
    }

    func unterminated(_ kind: String, line: Int, column: Int, hint: String) -> HushError {
        HushError.syntax(file, line: line, column: column, "unterminated \(kind)-quoted value", hint: hint)
    }

    // MARK: Single quotes

    mutating func scanSingleQuotedValue() throws -> (Range<Int>, String) {
        let open = position
        position += 1
        while !atEnd {
            switch bytes[position] {
            case B.singleQuote:
                position += 1
                return (open..<position, try text(of: open + 1..<position - 1, line: line, column: column(of: open)))
            case B.lineFeed:
                // Single quotes stay on one line so that a forgotten quote is reported where it
                // is, instead of swallowing the rest of the file.
                throw unterminatedSingle(at: open)
            case B.carriageReturn:
                if try atLineEnd() { throw unterminatedSingle(at: open) }
            default:
                break
            }
            position += 1
        }
        throw unterminatedSingle(at: open)
    }

    func unterminatedSingle(at open: Int) -> HushError {
        unterminated(
            "single", line: line, column: column(of: open),
            hint: "close the quote on the same line; use double quotes with \\n for a multi-line value")
    }

    // MARK: Double quotes

    mutating func scanDoubleQuotedValue() throws -> (Range<Int>, String) {
        let open = position
        let openLine = line
        let openColumn = column(of: open)
        position += 1
        // Most values have no escapes or CRLF: then the text is a plain slice of the document,
        // and `decoded` (which allocates only when first appended to) stays unused.
        var decoded: [UInt8] = []
        var rewritten = false
        var plainStart = position
        while !atEnd {
            let byte = bytes[position]
            switch byte {
            case B.doubleQuote:
                let contentEnd = position
                position += 1
                let range = open..<position
                guard rewritten else {
                    return (range, try text(of: open + 1..<contentEnd, line: openLine, column: openColumn))
                }
                decoded.append(contentsOf: bytes[plainStart..<contentEnd])
                let value = try decoded.withUnsafeBufferPointer {
                    try Self.text(of: $0, file: file, line: openLine, column: openColumn)
                }
                return (range, value)
            case B.backslash:
                let next = position + 1
                guard next < bytes.count, let replacement = Self.escape(bytes[next]) else {
                    // Not an escape: the backslash stays, and the next byte is scanned as usual,
                    // so `\"` is the only way a quote does not close the value.
                    position += 1
                    continue
                }
                decoded.append(contentsOf: bytes[plainStart..<position])
                decoded.append(replacement)
                rewritten = true
                position = next + 1
                plainStart = position
            case B.lineFeed:
                position += 1
                line += 1
                lineStart = position
            case B.carriageReturn:
                guard next(is: B.lineFeed) else { throw strayCarriageReturn(at: position) }
                // CRLF inside the value reads as LF, the same value a LF-only checkout gives.
                decoded.append(contentsOf: bytes[plainStart..<position])
                decoded.append(B.lineFeed)
                rewritten = true
                position += 2
                line += 1
                lineStart = position
                plainStart = position
            default:
                position += 1
            }
        }
        throw unterminated(
            "double", line: openLine, column: openColumn,
            hint: "add the closing \"; write a \" inside the value as \\\"")
    }

    func next(is byte: UInt8) -> Bool {
        position + 1 < bytes.count && bytes[position + 1] == byte
    }

    /// The byte a double-quoted escape `\c` stands for, or nil when `\c` is not an escape.
    static func escape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x6E: return B.lineFeed  // n
        case 0x72: return B.carriageReturn  // r
        case 0x74: return B.tab  // t
        case B.backslash, B.doubleQuote, B.dollar: return byte
        default: return nil
        }
    }
}
