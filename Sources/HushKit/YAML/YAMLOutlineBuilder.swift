/// Turns the libyaml event stream of one document into leaves and mapping spans.
///
/// A stack of open collections tracks each node's path. Every collection also records
/// where its content ends, so that a mapping's insertion point lands after its last entry,
/// nested children and block scalars included.
struct YAMLOutlineBuilder {
    private struct OpenCollection {
        var path: [PathComponent]
        var isMapping: Bool
        var isFlow: Bool
        /// 0-based byte column where the collection starts.
        var column: Int
        /// Index of the mapping's span in `mappings`, or -1 for a sequence.
        var span: Int
        var count = 0
        /// The key whose value comes next; nil while a mapping waits for a key.
        var key: String?
        /// Each key seen so far, with its byte offset, to report duplicates.
        var keys = YAMLKeyTable()
        /// Byte offset just past the last content that belongs to the collection.
        var contentEnd: Int
    }

    private var map: YAMLSourceMap
    private let file: String
    private var leaves: [Leaf] = []
    private var mappings: [MappingSpan] = []
    private var stack: [OpenCollection] = []
    private var flowDepth = 0
    private var documents = 0
    /// Where the last key, value or flow collection ended, for placing empty values.
    private var lastEnd = 0
    /// The start of an explicit `...` marker, before which an empty document takes new keys.
    private var documentEndMarker: Int?

    init(_ bytes: [UInt8], file: String) {
        self.map = YAMLSourceMap(bytes, origin: YAMLEventReader.bomLength(bytes))
        self.file = file
    }

    mutating func handle(_ event: YAMLEvent) throws(HushError) {
        switch event.kind {
        case .streamStart, .streamEnd: break
        case .documentStart:
            documents += 1
            if documents > 1 { throw YAMLDiagnostics.secondDocument(at: location(event.start)) }
        case .documentEnd:
            if !event.isImplicit { documentEndMarker = map.byteOffset(ofCharacter: event.start) }
        case .alias:
            throw YAMLDiagnostics.alias(at: location(event.start))
        case .scalar:
            try checkProperties(event)
            try scalar(event)
        case .sequenceStart, .mappingStart:
            try checkProperties(event)
            try open(event)
        case .sequenceEnd, .mappingEnd:
            close(event)
        }
    }

    /// The outline, once the stream has ended.
    mutating func finish() -> DocumentOutline {
        if mappings.isEmpty {
            // An empty document (no bytes, only comments, or a lone `---`) reads as an empty
            // top-level mapping whose entries go at the end, or before an explicit `...`.
            let end = documentEndMarker.map { map.lineStart(ofByte: $0) } ?? map.bytes.count
            mappings.append(MappingSpan(path: [], insertionOffset: end, keyColumn: 0, isFlow: false))
        }
        return DocumentOutline(leaves: leaves, mappings: mappings)
    }

    private mutating func checkProperties(_ event: YAMLEvent) throws(HushError) {
        // Both are written before the node, where libyaml's start mark for it points.
        if event.hasAnchor { throw YAMLDiagnostics.anchor(at: location(event.start)) }
        if event.hasTag { throw YAMLDiagnostics.tag(at: location(event.start)) }
    }

    private mutating func scalar(_ event: YAMLEvent) throws(HushError) {
        guard !stack.isEmpty else {
            // A document that is empty except for `---` parses as one empty plain scalar.
            if event.style == .plain && event.value.isEmpty && event.start == event.end { return }
            throw YAMLDiagnostics.topLevelNotMapping(at: location(event.start))
        }
        // The innermost collection is mutated in place: copying it would copy its key table.
        let top = stack.count - 1
        let start = map.byteOffset(ofCharacter: event.start)
        var end = map.byteOffset(ofCharacter: event.end)

        if stack[top].isMapping && stack[top].key == nil {
            if let first = stack[top].keys.insert(event.value, at: start) {
                let firstLine = map.location(ofByte: first).line
                throw YAMLDiagnostics.duplicateKey(event.value, firstLine: firstLine, at: location(byte: start))
            }
            stack[top].key = event.value
            noteContent(end)
            return
        }

        var range = start..<end
        switch event.style {
        case .literal, .folded:
            end = YAMLBlockScalar.rangeEnd(in: map.bytes, start: start, end: end, parentIndent: stack[top].column)
            range = start..<end
            // Without a final line break, the value lacks the "\n" that clip and keep
            // chomping would keep; any line added after it would silently change the value.
            if end == map.bytes.count, event.value.utf8.last.map({ $0 != 0x0A }) ?? false,
                !YAMLBlockScalar.header(in: map.bytes, start: start).strip
            {
                throw YAMLDiagnostics.blockScalarWithoutFinalBreak(at: location(byte: end))
            }
        case .singleQuoted, .doubleQuoted:
            // libyaml accepts `'x'#c`, but a plain token in its place would swallow the `#c`.
            if flowDepth == 0, end < map.bytes.count, map.bytes[end] == UInt8(ascii: "#") {
                throw YAMLDiagnostics.commentWithoutSpace(at: location(byte: end))
            }
        case .plain where start == end:
            let position = emptyValuePosition(start)
            range = position..<position
        case .plain:
            break
        }
        let type = event.style == .plain ? YAMLScalar.resolve(plain: event.value.utf8) : .string
        let (line, column) = map.location(ofByte: range.lowerBound)
        var path = stack[top].path
        path.append(Self.nextComponent(&stack[top]))
        leaves.append(
            Leaf(path: path, range: range, type: type, line: line, column: column, inFlow: flowDepth > 0, value: event.value))
        noteContent(range.upperBound)
    }

    /// libyaml places an empty value that has no indicator of its own (`? key` without `:`)
    /// at the next token, possibly lines later; it belongs right after the previous content.
    private mutating func emptyValuePosition(_ offset: Int) -> Int {
        let lineStart = map.lineStart(ofByte: offset)
        let onlyIndented = map.bytes[lineStart..<offset].allSatisfy { $0 == UInt8(ascii: " ") }
        return onlyIndented && lastEnd <= lineStart ? lastEnd : offset
    }

    /// Collections nest at most this deep: each open collection holds its whole path, so
    /// unbounded nesting costs quadratic memory (a 40 KB line of `[` took gigabytes).
    static let maximumDepth = 256

    private mutating func open(_ event: YAMLEvent) throws(HushError) {
        let start = map.byteOffset(ofCharacter: event.start)
        guard stack.count < Self.maximumDepth else { throw YAMLDiagnostics.tooDeep(at: location(byte: start)) }
        let column = map.location(ofByte: start).column - 1
        var path: [PathComponent] = []
        if !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].isMapping && stack[top].key == nil {
                throw YAMLDiagnostics.complexKey(at: location(byte: start))
            }
            path = stack[top].path
            path.append(Self.nextComponent(&stack[top]))
        } else if event.kind != .mappingStart {
            throw YAMLDiagnostics.topLevelNotMapping(at: location(byte: start))
        }
        let isMapping = event.kind == .mappingStart
        var span = -1
        if isMapping {
            span = mappings.count
            mappings.append(MappingSpan(path: path, insertionOffset: start, keyColumn: column, isFlow: event.isFlow))
        }
        if event.isFlow { flowDepth += 1 }
        stack.append(
            OpenCollection(path: path, isMapping: isMapping, isFlow: event.isFlow, column: column, span: span, contentEnd: start))
    }

    private mutating func close(_ event: YAMLEvent) {
        if stack.last?.isFlow == true {
            // A flow collection ends at its closing bracket; a block one at its last entry.
            flowDepth -= 1
            noteContent(map.byteOffset(ofCharacter: event.end))
        }
        guard let done = stack.popLast() else { return }
        if done.span >= 0 {
            mappings[done.span].insertionOffset = map.nextLineStart(afterByte: done.contentEnd)
        }
        if !stack.isEmpty {
            stack[stack.count - 1].key = nil
            noteContent(done.contentEnd)
        }
    }

    /// The path component of the value that comes next in `collection`.
    private static func nextComponent(_ collection: inout OpenCollection) -> PathComponent {
        if collection.isMapping {
            defer { collection.key = nil }
            return .key(collection.key ?? "")
        }
        defer { collection.count += 1 }
        return .index(collection.count)
    }

    /// Records that content of the innermost collection reaches `end`.
    private mutating func noteContent(_ end: Int) {
        stack[stack.count - 1].contentEnd = max(stack[stack.count - 1].contentEnd, end)
        lastEnd = max(lastEnd, end)
    }

    private mutating func location(_ characterIndex: Int) -> YAMLDiagnostics.Location {
        location(byte: map.byteOffset(ofCharacter: characterIndex))
    }

    private mutating func location(byte offset: Int) -> YAMLDiagnostics.Location {
        let (line, column) = map.location(ofByte: offset)
        return YAMLDiagnostics.Location(file: file, line: line, column: column)
    }
}
