/// Locates the values and mappings of a YAML document in its source bytes.
public enum YAMLOutline {
    /// Scans a YAML document (UTF-8, optionally with a byte order mark) and returns every
    /// scalar value with its byte range, path and type, and every mapping with the place
    /// where a new entry can be inserted.
    ///
    /// Leaves come in document order: mapping values and sequence items at any depth, with
    /// keys decoded into the path. An empty value (`key:`) is a `.null` leaf with an empty
    /// range right after its indicator. A block scalar's range starts at its `|` or `>` and
    /// stops before the line break that ends its last line; with keep chomping (`|+`) it
    /// runs through its trailing blank lines, which belong to the value.
    ///
    /// The mappings list the top-level mapping first, then nested ones by position. An empty
    /// document yields only an empty top-level mapping whose insertion offset is the end of
    /// the document. An insertion offset equal to `bytes.count` in a document that does not
    /// end with a line break means the caller must add one before inserting.
    ///
    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - keepingValues: false leaves every leaf's `value` empty (a sealed body read only to
    ///     be opened, whose values are tokens read from their bytes): what is checked and
    ///     refused does not change.
    ///   - sharingPaths: the key paths of another outline's leaves (a sealed body's, when its
    ///     plaintext is read): a leaf whose path equals the one at its index takes that array
    ///     instead of a new one, so that both outlines hold each path once.
    ///   - sharingNodes: another outline's nodes (the sealed body's): when the document's nodes
    ///     are exactly these, lines included, the outline takes that array instead of a copy.
    /// - Throws: `HushError` (`.badInput`) with a 1-based line and byte column for malformed
    ///   YAML and for what Hush does not support: anchors, aliases, tags, several documents,
    ///   non-scalar keys, duplicate keys, a top level that is not a mapping, UTF-16 text.
    public static func scan(
        _ bytes: [UInt8], file: String, keepingValues: Bool = true, sharingPaths: [[PathComponent]] = [], sharingNodes: [OutlineNode] = []
    ) throws -> DocumentOutline {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw YAMLDiagnostics.utf16(at: .init(file: file, line: 1, column: 1))
        }
        var builder = YAMLOutlineBuilder(bytes, file: file, keepingValues: keepingValues, sharingPaths: sharingPaths, sharingNodes: sharingNodes)
        do {
            try YAMLEventReader.read(bytes) { event in try builder.handle(event) }
        } catch let error as HushError {
            throw error
        } catch let failure as YAMLParseFailure {
            throw diagnose(failure, in: bytes, file: file)
        }
        return builder.finish()
    }

    private static func diagnose(_ failure: YAMLParseFailure, in bytes: [UInt8], file: String) -> HushError {
        var map = YAMLSourceMap(bytes, origin: YAMLEventReader.bomLength(bytes))
        let offset: Int
        switch failure.position {
        case .character(let index): offset = map.byteOffset(ofCharacter: index)
        case .byte(let byte): offset = min(byte, bytes.count)
        }
        // libyaml stops looking for the `:` of a key after 1,024 characters and reports
        // something else; the real reason is on the failing line or the context's.
        let contextOffset = failure.contextStart.map { map.byteOffset(ofCharacter: $0) }
        for place in [offset, contextOffset].compactMap({ $0 }) {
            if let keyStart = YAMLKeyLength.explain(bytes, lineStart: map.lineStart(ofByte: min(place, bytes.count))) {
                let (line, column) = map.location(ofByte: keyStart)
                return YAMLDiagnostics.keyTooLong(at: .init(file: file, line: line, column: column))
            }
        }
        let contextLine = contextOffset.map { map.location(ofByte: $0).line }
        let (line, column) = map.location(ofByte: offset)
        return YAMLDiagnostics.invalid(
            failure.problem, context: failure.context, contextLine: contextLine,
            at: .init(file: file, line: line, column: column)
        )
    }
}
