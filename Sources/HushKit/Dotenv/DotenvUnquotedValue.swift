/// Unquoted values: the rest of the line, up to an inline comment, without surrounding blanks.
extension DotenvScanner {
    /// Scans an unquoted (possibly empty) value and the rest of its line.
    mutating func scanUnquotedValue(equalsEnd: Int) throws -> (Range<Int>, String) {
        let start = position
        if let lineEnd = plainLineEnd(from: start) {
            // The common line (every token of a sealed body): the rest of it is the value.
            let range = start..<lineEnd
            let value = keepsUnquotedText ? try text(of: range, line: line, column: column(of: start)) : ""
            position = lineEnd
            finishLine()
            return (range, value)
        }
        var end = start  // just past the last non-blank byte of the value
        var commentFollows = false
        // A token ends at its `]` (format.md §9): it may stand where a quoted value stood that
        // a comment followed directly (`C="3"#note` seals to `C=ENC[…]#note`).
        let isToken = bytes[start...].starts(with: Self.tokenStart)
        scan: while !atEnd {
            let byte = bytes[position]
            // Fast path: a byte above `'` (0x27), or `$`, `%`, `&`, is never special here.
            if byte > B.singleQuote || (byte > B.hash && byte < B.singleQuote) {
                position += 1
                end = position
                continue
            }
            if isToken, byte == B.hash, position > start, bytes[position - 1] == UInt8(ascii: "]") {
                commentFollows = true
                break scan
            }
            switch byte {
            case B.lineFeed:
                break scan
            case B.carriageReturn:
                if try atLineEnd() { break scan }  // a lone CR throws
            case B.hash where B.isBlank(bytes[position - 1]):
                commentFollows = true
                break scan
            case B.singleQuote, B.doubleQuote:
                throw error(
                    at: position, "quote character inside an unquoted value",
                    hint: "put the whole value in double quotes (escape \" as \\\") or in single quotes")
            default:
                break
            }
            position += 1
            if !B.isBlank(byte) { end = position }
        }
        // An empty value before a comment gets its range right after `=`, so that a value
        // written into it later cannot run into the comment (`A=x# c` would be one value).
        let range = commentFollows && end == start ? equalsEnd..<equalsEnd : start..<end
        // A sealed body read only to be opened needs no text for its tokens (see `keepsUnquotedText`).
        let value = keepsUnquotedText ? try text(of: range, line: line, column: column(of: range.lowerBound)) : ""
        try skipComment()  // the rest of the line: blanks, an inline comment and the line break
        return (range, value)
    }

    static let tokenStart: [UInt8] = Array("ENC[hush:".utf8)

    /// The end of the line that starts at `start` when the line is not empty and none of its
    /// bytes is at or below `'` (0x27): no blank, quote, `#`, `$`, carriage return or other
    /// control character, so the loop below would take every byte as value text and stop at
    /// the line feed. Found with `memchr` and a minimum over the line, which the compiler
    /// vectorises; a tenth of the byte-by-byte loop's time on a sealed body's tokens.
    func plainLineEnd(from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        let stop = Bytes.firstIndex(of: B.lineFeed, in: bytes, from: start) ?? bytes.count
        var lowest: UInt8 = 0xFF
        for byte in UnsafeBufferPointer(rebasing: bytes[start..<stop]) { lowest = min(lowest, byte) }
        return stop > start && lowest > B.singleQuote ? stop : nil
    }
}
