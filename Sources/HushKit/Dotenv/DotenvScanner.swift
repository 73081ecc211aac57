/// The line-by-line scanner behind ``DotenvOutline/scan(_:file:)``.
///
/// It walks the bytes once, keeping the current line number and the offset where the line
/// starts, so every position it reports costs nothing to compute. This file handles lines and
/// names; values are scanned in `DotenvUnquotedValue.swift` and `DotenvQuotedValue.swift`.
struct DotenvScanner {
    typealias B = DotenvBytes

    /// The document; valid only during ``DotenvOutline/scan(_:file:)``, which owns the array.
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    /// Offset of the next byte to read.
    var position: Int
    /// 1-based number of the line holding `position`.
    var line = 1
    /// Offset of the first byte of that line, for columns.
    var lineStart: Int
    /// Line of the first assignment of each name, to report duplicates with both lines.
    var firstLines: [String: Int] = [:]
    /// False when the caller reads unquoted values from their byte ranges itself: their leaves
    /// get an empty `value` (a sealed body's tokens, which `SealedFile` parses from the bytes;
    /// making 10,000 strings of token text only to drop them was a tenth of opening a file).
    var keepsUnquotedText = true
    /// False only where the caller compares the names with a list already known to be free of
    /// duplicates (the plaintext of an opened sealed file, whose names must be the sealed
    /// body's): the hash table of 10,000 names was a third of that scan.
    var refusesDuplicates = true

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        // Columns on line 1 are counted after the byte order mark, as an editor shows them.
        let start = bytes.starts(with: B.byteOrderMark) ? B.byteOrderMark.count : 0
        position = start
        lineStart = start
    }

    var atEnd: Bool { position >= bytes.count }

    /// 1-based byte column of an offset on the current line.
    func column(of offset: Int) -> Int { offset - lineStart + 1 }

    func error(at offset: Int, _ what: String, hint: String) -> HushError {
        HushError.syntax(file, line: line, column: column(of: offset), what, hint: hint)
    }

    mutating func scanDocument() throws -> [Leaf] {
        var leaves: [Leaf] = []
        // Most lines of a dotenv file are assignments; reserving a rough guess avoids regrowth.
        leaves.reserveCapacity(bytes.count / 40)
        if refusesDuplicates { firstLines.reserveCapacity(bytes.count / 40) }
        while !atEnd {
            if let leaf = try scanLine() { leaves.append(leaf) }
        }
        return leaves
    }

    // MARK: Lines

    /// Scans one line (several for a multi-line value) including its line break.
    mutating func scanLine() throws -> Leaf? {
        skipBlanks()
        if atEnd { return nil }
        let byte = bytes[position]
        if byte == B.hash {
            try skipComment()
            return nil
        }
        if try atLineEnd() {
            finishLine()
            return nil
        }
        guard B.isNameStart(byte) else {
            throw error(
                at: position, "expected an assignment, a comment or a blank line",
                hint: "lines are NAME=value, export NAME=value, # comment, or blank; names start with a letter or _")
        }
        return try scanAssignment()
    }

    /// True at a line break or the end of the document. A carriage return is a line break only
    /// as part of CRLF (or as the last byte); alone it is an error, because editors disagree
    /// on whether it ends a line and the value would then depend on the editor.
    func atLineEnd() throws -> Bool {
        if atEnd { return true }
        switch bytes[position] {
        case B.lineFeed:
            return true
        case B.carriageReturn:
            let next = position + 1
            if next == bytes.count || bytes[next] == B.lineFeed { return true }
            throw strayCarriageReturn(at: position)
        default:
            return false
        }
    }

    func strayCarriageReturn(at offset: Int) -> HushError {
        error(
            at: offset, "carriage return not followed by a line feed",
            hint: "use LF or CRLF line endings; write a carriage return in a value as \\r inside double quotes")
    }

    /// Consumes the line break at `position` (if any) and moves to the next line.
    mutating func finishLine() {
        if !atEnd, bytes[position] == B.carriageReturn { position += 1 }
        if !atEnd, bytes[position] == B.lineFeed {
            position += 1
            line += 1
            lineStart = position
        }
    }

    /// Skips a comment and its line break. A lone CR is refused here too: python-dotenv and
    /// others end a line there, so text after it would be a line to them and a comment to us.
    mutating func skipComment() throws {
        while !atEnd, bytes[position] != B.lineFeed {
            if bytes[position] == B.carriageReturn, position + 1 < bytes.count, bytes[position + 1] != B.lineFeed {
                throw strayCarriageReturn(at: position)
            }
            position += 1
        }
        finishLine()
    }

    mutating func skipBlanks() {
        while !atEnd, B.isBlank(bytes[position]) { position += 1 }
    }

    mutating func skipName() {
        while !atEnd, B.isNameContinue(bytes[position]) { position += 1 }
    }

    // MARK: Assignments

    mutating func scanAssignment() throws -> Leaf {
        var nameStart = position
        skipName()
        if bytes[nameStart..<position].elementsEqual(B.export), !atEnd, B.isBlank(bytes[position]) {
            // `export NAME=` or the name `export` followed by ` =`: decide on what follows.
            let afterKeyword = position
            skipBlanks()
            if !atEnd, B.isNameStart(bytes[position]) {
                nameStart = position
                skipName()
            } else {
                position = afterKeyword
            }
        }
        let nameEnd = position
        // Checked before the name is copied: it would go into every message and path.
        guard nameEnd - nameStart <= YAMLKeyLength.maximum else {
            throw error(
                at: nameStart, "a name longer than \(YAMLKeyLength.maximum) characters (the most Hush reads)",
                hint: "shorten the name: names label values, only values may be long")
        }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        let nameColumn = column(of: nameStart)

        skipBlanks()
        guard !atEnd, bytes[position] == B.equals else {
            throw try missingEquals(afterNameAt: nameEnd)
        }
        let equalsEnd = position + 1
        position = equalsEnd
        skipBlanks()

        // One hash lookup: on a duplicate the scan stops, so overwriting the first line is fine.
        if refusesDuplicates, let first = firstLines.updateValue(line, forKey: name) {
            throw HushError.syntax(
                file, line: line, column: nameColumn,
                "duplicate name \(name): assigned on line \(first) and again on line \(line)",
                hint: "remove one of the two assignments")
        }

        // Positions are taken now: scanning the value moves `line` and `lineStart` on.
        let valueLine = line
        let valueStart = position
        let valueColumn = column(of: valueStart)
        let equalsEndColumn = column(of: equalsEnd)
        let range: Range<Int>
        let value: String
        if !atEnd, B.isQuote(bytes[position]) {
            (range, value) = try scanQuotedValue()
            try finishAfterClosingQuote()
        } else {
            (range, value) = try scanUnquotedValue(equalsEnd: equalsEnd)
        }
        var leaf = Leaf(
            path: [.key(name)], range: range, type: .string,
            line: valueLine, column: range.lowerBound == valueStart ? valueColumn : equalsEndColumn)
        leaf.value = value
        return leaf
    }

    /// The error for a name not followed by `=`, saying which of the likely mistakes it is.
    func missingEquals(afterNameAt nameEnd: Int) throws -> HushError {
        if try atLineEnd() {
            return error(
                at: position, "missing = after the name",
                hint: "write NAME=value; an empty value is written NAME=")
        }
        if position == nameEnd {
            return error(
                at: position, "invalid character in a name",
                hint: "names are ASCII letters, digits and _, and do not start with a digit")
        }
        return error(
            at: position, "expected = after the name",
            hint: "write NAME=value; spaces are not allowed inside a name")
    }

    // MARK: Value text

    /// The text of a value's bytes, which must be valid UTF-8 so that the decoded value holds
    /// exactly the bytes of the file. Errors are located at the value's start.
    func text(of range: Range<Int>, line: Int, column: Int) throws -> String {
        try Self.text(of: UnsafeBufferPointer(rebasing: bytes[range]), file: file, line: line, column: column)
    }

    static func text(of valueBytes: UnsafeBufferPointer<UInt8>, file: String, line: Int, column: Int) throws -> String {
        var text = String(decoding: valueBytes, as: UTF8.self)
        // ASCII is always valid. Otherwise decoding has repaired any invalid sequence, so a
        // changed byte sequence means invalid input.
        var bits: UInt8 = 0
        for byte in valueBytes { bits |= byte }
        if bits < 0x80 { return text }
        guard text.withUTF8({ $0.elementsEqual(valueBytes) }) else {
            throw HushError.syntax(
                file, line: line, column: column, "value is not valid UTF-8",
                hint: "save the file with UTF-8 encoding")
        }
        return text
    }
}
