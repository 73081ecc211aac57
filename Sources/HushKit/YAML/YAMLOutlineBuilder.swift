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
        /// The collection's anchor, recorded with its size when it closes.
        var anchor: String?
        /// Nodes in the collection once aliases are expanded, itself included.
        var size = 1
        /// A mapping whose merge key (`<<`) waits for its value.
        var awaitsMerge = false
        /// A sequence that is the value of a merge key: its items must be mappings.
        var isMergeList = false

        /// The next value of this mapping is a merge key's.
        var mergeValuePending: Bool { isMapping && awaitsMerge && key == "<<" }
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
    /// The document's structure, in order (`DocumentOutline.nodes`).
    private var nodes: [OutlineNode] = []
    private var hasReferences = false
    /// Parts of every path so far, and how many are allowed (`maximumPathParts`).
    private var pathParts = 0
    private let pathPartLimit: Int
    /// Each complete anchor: the size of its node once aliases are expanded, and whether it is
    /// a mapping (which a merge key may take).
    private var anchors: [String: (size: Int, isMapping: Bool)] = [:]
    /// Anchors of collections still open: an alias to one would make a recursive structure.
    private var openAnchors: Set<String> = []
    /// Nodes that aliases have added so far (see `maximumExpansion`).
    private var expansion = 0
    /// The previous node in a flow collection was a quoted scalar or a flow collection, after
    /// which YAML 1.2 lets `:` touch the value (`{"a":b}`).
    private var lastWasJSONLike = false

    init(_ bytes: [UInt8], file: String) {
        self.map = YAMLSourceMap(bytes, origin: YAMLEventReader.bomLength(bytes))
        self.file = file
        self.pathPartLimit = Self.maximumPathParts(documentSize: bytes.count)
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
            try alias(event)
        case .scalar:
            try checkFlowIndicator(event)
            try scalar(event)
            lastWasJSONLike = event.style == .singleQuoted || event.style == .doubleQuoted
        case .sequenceStart, .mappingStart:
            try checkFlowIndicator(event)
            try open(event)
            lastWasJSONLike = false
        case .sequenceEnd, .mappingEnd:
            let wasFlow = stack.last?.isFlow == true
            try close(event)
            lastWasJSONLike = wasFlow
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
        return DocumentOutline(leaves: leaves, mappings: mappings, nodes: nodes, hasReferences: hasReferences)
    }

    /// Aliases may add at most this many nodes to the data model, counted with repeats: enough
    /// for any configuration file, while a "billion laughs" document (aliases of aliases, each
    /// level multiplying the size) is refused as it is read, before anything is expanded.
    static let maximumExpansion = 100_000

    /// libyaml reads `?` and `:` as indicators anywhere in a flow collection, where YAML 1.2
    /// reads `?foo` and `:foo` as plain scalars (`{ ?foo: bar }` has the key `?foo`). Rather
    /// than give a document a meaning other YAML readers do not, such a node is refused.
    private mutating func checkFlowIndicator(_ event: YAMLEvent) throws(HushError) {
        guard flowDepth > 0 else { return }
        let start = map.byteOffset(ofCharacter: event.start)
        guard start > 0 else { return }
        let before = map.bytes[start - 1]
        // After a quoted key or a flow collection, YAML 1.2 allows `:` right before the value.
        if before == UInt8(ascii: "?") || (before == UInt8(ascii: ":") && !lastWasJSONLike) {
            throw YAMLDiagnostics.indicatorBeforeScalar(Character(Unicode.Scalar(before)), at: location(byte: start - 1))
        }
    }

    /// The value of a merge key (`<<`) must be a mapping, an alias of one, or a sequence of
    /// those (docs/format.md §8.3): checked as the document is read, so that every document the
    /// reader accepts has a data model. Called before a value is attached to the innermost
    /// collection.
    private mutating func checkMergeValue(isMapping: Bool, isSequence: Bool, at offset: Int) throws(HushError) {
        guard let top = stack.indices.last else { return }
        if stack[top].mergeValuePending {
            // Consumed here for scalars and aliases; `open` clears it after marking a merge list.
            if !isSequence { stack[top].awaitsMerge = false }
            if isMapping || isSequence { return }
        } else if stack[top].isMergeList {
            if isMapping { return }
        } else {
            return
        }
        throw YAMLDiagnostics.mergeValue(at: location(byte: offset))
    }

    /// A standard tag must be one Hush knows, and a plaintext value must fit it (a token, in a
    /// sealed body, is checked once decrypted).
    private mutating func checkTag(_ tag: String, _ leaf: Leaf) throws(HushError) {
        switch DataModel.applying(tag, to: leaf.value) {
        case .kind: return
        case .unsupported: throw DataModel.unsupportedTag(tag, leaf: leaf, file: file)
        case .invalid(let what):
            guard !Token.looksLikeToken(leaf.value.utf8) else { return }
            throw DataModel.invalidTag(tag, what, leaf: leaf, file: file)
        }
    }

    private mutating func alias(_ event: YAMLEvent) throws(HushError) {
        let name = event.anchor ?? ""
        let start = map.byteOffset(ofCharacter: event.start)
        guard !stack.isEmpty else { throw YAMLDiagnostics.topLevelNotMapping(at: location(byte: start)) }
        let top = stack.count - 1
        if stack[top].isMapping && stack[top].key == nil { throw YAMLDiagnostics.aliasKey(name, at: location(byte: start)) }
        if flowDepth > 0 { try checkFlowIndicator(event) }
        try checkMergeValue(isMapping: anchors[name]?.isMapping ?? true, isSequence: false, at: start)
        guard let size = anchors[name]?.size else {
            if openAnchors.contains(name) { throw YAMLDiagnostics.recursiveAlias(name, at: location(byte: start)) }
            throw YAMLDiagnostics.undefinedAlias(name, at: location(byte: start))
        }
        expansion += size
        if expansion > Self.maximumExpansion {
            throw YAMLDiagnostics.tooManyAliases(limit: Self.maximumExpansion, at: location(byte: start))
        }
        hasReferences = true
        nodes.append(OutlineNode(.alias(name), line: map.location(ofByte: start).line))
        _ = Self.nextComponent(&stack[top])
        stack[top].size += size
        noteContent(map.byteOffset(ofCharacter: event.end))
        lastWasJSONLike = false
    }

    /// Where a node's content starts. libyaml starts a node at its first property (`&anchor`,
    /// `!tag`); the content follows them after blanks, line breaks or comments. Leaf ranges
    /// exclude the properties, so a token replaces only the scalar text and they stay plaintext.
    private mutating func contentStart(_ start: Int, _ event: YAMLEvent) throws(HushError) -> Int {
        guard event.anchor != nil || event.tag != nil else { return start }
        let bytes = map.bytes
        var i = start
        var properties = (event.anchor != nil ? 1 : 0) + (event.tag != nil ? 1 : 0)
        while properties > 0, i < bytes.count {
            if bytes[i] == UInt8(ascii: "&") {
                // libyaml anchors are [0-9A-Za-z_-]+, so the name as reported is the text.
                i += 1 + (event.anchor?.utf8.count ?? 0)
                // libyaml ends an anchor at `:` and some other characters, YAML 1.2 only at a
                // blank or (in a flow collection) a flow indicator: `&a:b` has no one meaning,
                // and a token put right after the name would lengthen it.
                if i < bytes.count, !Self.isBlankOrBreak(bytes[i]), !(flowDepth > 0 && Self.isFlowIndicator(bytes[i])) {
                    throw YAMLDiagnostics.anchorWithoutSpace(event.anchor ?? "", at: location(byte: start))
                }
            } else if bytes[i] == UInt8(ascii: "!") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<") {
                    while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                } else {
                    while i < bytes.count, !Self.isBlankOrBreak(bytes[i]), !(flowDepth > 0 && Self.isFlowIndicator(bytes[i])) { i += 1 }
                }
            } else {
                break
            }
            properties -= 1
            i = Self.skipSeparation(bytes, from: i)
        }
        return min(i, bytes.count)
    }

    /// Skips blanks, line breaks and comments.
    private static func skipSeparation(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            if isBlankOrBreak(bytes[i]) {
                i += 1
            } else if bytes[i] == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF,
                i == 0 || bytes[i - 1] == 0x0A || bytes[i - 1] == 0x0D
            {
                // A byte order mark at the start of a line, which libyaml skips (elsewhere it is
                // part of the value).
                i += 3
            } else if bytes[i] == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            } else {
                break
            }
        }
        return i
    }

    private static func isBlankOrBreak(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    private static func isFlowIndicator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
    }

    /// Records a node's anchor (complete) and its tag in the outline.
    private mutating func noteProperties(_ event: YAMLEvent, size: Int) {
        if let anchor = event.anchor {
            anchors[anchor] = (size, false)
            hasReferences = true
        }
        if event.tag != nil { hasReferences = true }
    }

    private mutating func scalar(_ event: YAMLEvent) throws(HushError) {
        guard !stack.isEmpty else {
            // A document that is empty except for `---` parses as one empty plain scalar.
            if event.style == .plain && event.value.isEmpty && event.start == event.end { return }
            // libyaml gives up on a key longer than its limit and reads the line as a scalar.
            let start = map.byteOffset(ofCharacter: event.start)
            if let keyStart = YAMLKeyLength.explain(map.bytes, lineStart: map.lineStart(ofByte: start)) {
                throw YAMLDiagnostics.keyTooLong(at: location(byte: keyStart))
            }
            throw YAMLDiagnostics.topLevelNotMapping(at: location(event.start))
        }
        // The innermost collection is mutated in place: copying it would copy its key table.
        let top = stack.count - 1
        let nodeStart = map.byteOffset(ofCharacter: event.start)
        var end = map.byteOffset(ofCharacter: event.end)
        let start = try contentStart(nodeStart, event)
        if let anchor = event.anchor, openAnchors.contains(anchor) {
            throw YAMLDiagnostics.anchorRedefinedInside(anchor, at: location(byte: nodeStart))
        }

        if stack[top].isMapping && stack[top].key == nil {
            if YAMLKeyLength.isTooLong(event.value) { throw YAMLDiagnostics.keyTooLong(at: location(byte: nodeStart)) }
            if let first = stack[top].keys.insert(event.value, at: nodeStart) {
                let firstLine = map.location(ofByte: first).line
                throw YAMLDiagnostics.duplicateKey(event.value, firstLine: firstLine, at: location(byte: nodeStart))
            }
            stack[top].key = event.value
            if event.style == .literal || event.style == .folded, endsDocumentWithoutBreak(blockKeyEnd: end) {
                throw YAMLDiagnostics.blockScalarKeyAtEnd(at: location(byte: nodeStart))
            }
            let isMerge =
                event.value == "<<" && ((event.style == .plain && event.tag == nil) || event.tag == YAMLTag.merge)
            if isMerge {
                hasReferences = true
                stack[top].awaitsMerge = true
            }
            // Lines cost a lookup per node; only nodes that messages name get one.
            let line = isMerge || event.anchor != nil || event.tag != nil ? map.location(ofByte: nodeStart).line : 0
            nodes.append(OutlineNode(isMerge ? .mergeKey : .key(event.value), anchor: event.anchor, tag: event.tag, line: line))
            noteProperties(event, size: 1)
            noteContent(end)
            return
        }

        var range = min(start, end)..<end
        if start != nodeStart && (start >= end || event.style == .plain && event.value.isEmpty) {
            // Properties with no value after them (`key: !!str`): an empty value right after them.
            range = end..<end
        } else if start != nodeStart && !Self.startsLikeStyle(map.bytes, start, event.style) {
            throw YAMLDiagnostics.propertiesNotUnderstood(at: location(byte: nodeStart))
        }
        switch event.style {
        case _ where range.isEmpty && start != nodeStart:
            break
        case .literal, .folded:
            try checkBlockScalarColumn(nodeStart: nodeStart, start: start, parentColumn: stack[top].column)
            // At the very end of a file without a final line break, the value lacks the "\n"
            // that clip and keep chomping would keep; it reads back the same since the sealed
            // form records the missing break (`#hush:final-newline no`), and `DocumentEdit`
            // refuses to add anything after it, which would change the value.
            end = YAMLBlockScalar.rangeEnd(in: map.bytes, start: start, end: end, parentIndent: stack[top].column)
            range = start..<end
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
        try checkMergeValue(isMapping: false, isSequence: false, at: nodeStart)
        let type = event.style == .plain ? YAMLScalar.resolve(plain: event.value.utf8) : .string
        let (line, column) = map.location(ofByte: range.lowerBound)
        try countPath(stack[top].path.count + 1, at: range.lowerBound)
        var path = stack[top].path
        path.append(Self.nextComponent(&stack[top]))
        nodes.append(OutlineNode(.scalar(leaves.count), anchor: event.anchor, tag: event.tag, line: line))
        leaves.append(
            Leaf(
                path: path, range: range, type: type, line: line, column: column, inFlow: flowDepth > 0, value: event.value))
        if let tag = event.tag { try checkTag(tag, leaves[leaves.count - 1]) }
        stack[top].size += 1
        noteProperties(event, size: 1)
        noteContent(max(range.upperBound, end))
    }

    /// True when the byte at `offset` can start a scalar of `style` (a check that the content
    /// after a node's properties was found where libyaml found it).
    private static func startsLikeStyle(_ bytes: [UInt8], _ offset: Int, _ style: YAMLScalarStyle) -> Bool {
        guard offset < bytes.count else { return false }
        switch style {
        case .singleQuoted: return bytes[offset] == UInt8(ascii: "'")
        case .doubleQuoted: return bytes[offset] == UInt8(ascii: "\"")
        case .literal: return bytes[offset] == UInt8(ascii: "|")
        case .folded: return bytes[offset] == UInt8(ascii: ">")
        case .plain: return !isBlankOrBreak(bytes[offset]) && bytes[offset] != UInt8(ascii: "#")
        }
    }

    /// libyaml places an empty value that has no indicator of its own (`? key` without `:`)
    /// at the next token, possibly lines later, or at the end of the input (after trailing
    /// blanks and comments); it belongs right after the previous content. Whenever only blanks,
    /// line breaks and comments lie between the two, the previous content's end is taken: the
    /// same place with or without the final line break the sealed body adds (fuzz finding 1).
    /// After an indicator (`key:`, `- `) libyaml's place is right after it and is kept.
    private mutating func emptyValuePosition(_ offset: Int) -> Int {
        guard lastEnd <= offset else { return offset }
        return Self.skipSeparation(map.bytes, from: lastEnd) >= offset ? lastEnd : offset
    }

    /// True when the block scalar key which libyaml ends at `end` is the last thing in a
    /// document without a final line feed. The sealed body adds that line break
    /// (docs/format.md §6) and keys stay plaintext there: libyaml makes a block scalar take the
    /// line breaks and blank lines after it, so the key would take the new one too, as a "\n"
    /// in its value (clip chomping `? |\n x`, keep chomping with a last line of blanks
    /// `?\n|+\n `: fuzz finding 5) or in its extent, which moves its empty value (strip
    /// chomping). Such a key is refused rather than sealed into another key.
    private func endsDocumentWithoutBreak(blockKeyEnd end: Int) -> Bool {
        let bytes = map.bytes
        // As the sealer sees it: a document ending with a lone CR gets a LF too, and the CRLF
        // it then ends with is one longer line break for libyaml (`? |\r`).
        guard let last = bytes.last, last != 0x0A else { return false }
        return end >= bytes.count || bytes[end...].allSatisfy(Self.isBlankOrBreak)
    }

    /// A block scalar value whose line begins with it (its `|` or `>`, or a property before it)
    /// at its parent's column or left of it (`a:\n|\n x`, `-\n|\n x`) is valid YAML, but no
    /// other scalar may stand there: its token would read as the next key (fuzz finding 2).
    /// Refused with the line and column.
    private mutating func checkBlockScalarColumn(nodeStart: Int, start: Int, parentColumn: Int) throws(HushError) {
        let bytes = map.bytes
        let lineStart = map.lineStart(ofByte: start)
        var first = lineStart
        while first < start, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") { first += 1 }
        guard first >= nodeStart, first - lineStart <= parentColumn else { return }
        throw YAMLDiagnostics.blockScalarAtParentColumn(at: location(byte: first))
    }

    /// Collections nest at most this deep: each open collection holds its whole path, so
    /// unbounded nesting costs quadratic memory (a 40 KB line of `[` took gigabytes).
    static let maximumDepth = 256

    /// The key paths of all values and collections hold at most this many parts in total
    /// (values × depth), 2^20 plus 16 per byte of the document and at most 2^24: every value
    /// carries its whole path, so a 1 MB document of many values 255 levels deep took 4.4 GB
    /// and 30 s. Memory stays linear in the input; block style needs two bytes of indentation
    /// per level, so ordinary documents stay far below (50 MB of YAML two levels deep: 2.5
    /// million parts).
    static func maximumPathParts(documentSize: Int) -> Int {
        min(1 << 24, (1 << 20) + 16 * documentSize)
    }

    /// Counts the parts of one more path, refused past `maximumPathParts`.
    private mutating func countPath(_ parts: Int, at offset: Int) throws(HushError) {
        pathParts += parts
        if pathParts > pathPartLimit { throw YAMLDiagnostics.pathsTooLong(limit: pathPartLimit, at: location(byte: offset)) }
    }

    private mutating func open(_ event: YAMLEvent) throws(HushError) {
        let nodeStart = map.byteOffset(ofCharacter: event.start)
        let start = try contentStart(nodeStart, event)
        guard stack.count < Self.maximumDepth else { throw YAMLDiagnostics.tooDeep(at: location(byte: start)) }
        let column = start - map.lineStart(ofByte: start)
        var path: [PathComponent] = []
        var startsMergeList = false
        if !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].isMapping && stack[top].key == nil {
                throw YAMLDiagnostics.complexKey(at: location(byte: start))
            }
            startsMergeList = stack[top].mergeValuePending && event.kind == .sequenceStart
            try checkMergeValue(isMapping: event.kind == .mappingStart, isSequence: event.kind == .sequenceStart, at: nodeStart)
            try countPath(stack[top].path.count + 1, at: start)
            path = stack[top].path
            path.append(Self.nextComponent(&stack[top]))
        } else if event.kind != .mappingStart {
            throw YAMLDiagnostics.topLevelNotMapping(at: location(byte: start))
        }
        if let anchor = event.anchor {
            // `&a [&a x]` would leave an alias after it meaning one node to YAML and another here.
            guard !openAnchors.contains(anchor) else { throw YAMLDiagnostics.anchorRedefinedInside(anchor, at: location(byte: nodeStart)) }
            openAnchors.insert(anchor)
            anchors[anchor] = nil
            hasReferences = true
        }
        let isMapping = event.kind == .mappingStart
        if let tag = event.tag {
            hasReferences = true
            if YAMLTag.isStandard(tag) && tag != (isMapping ? YAMLTag.map : YAMLTag.seq) {
                throw YAMLDiagnostics.collectionTag(YAMLTag.display(tag), mapping: isMapping, at: location(byte: nodeStart))
            }
        }
        let line = event.anchor != nil || event.tag != nil ? map.location(ofByte: start).line : 0
        nodes.append(OutlineNode(isMapping ? .mapping : .sequence, anchor: event.anchor, tag: event.tag, line: line))
        var span = -1
        if isMapping {
            span = mappings.count
            mappings.append(MappingSpan(path: path, insertionOffset: start, keyColumn: column, isFlow: event.isFlow))
        }
        if event.isFlow { flowDepth += 1 }
        if !stack.isEmpty { stack[stack.count - 1].awaitsMerge = false }
        stack.append(
            OpenCollection(
                path: path, isMapping: isMapping, isFlow: event.isFlow, column: column, span: span, contentEnd: start, anchor: event.anchor,
                isMergeList: startsMergeList))
    }

    private mutating func close(_ event: YAMLEvent) throws(HushError) {
        if stack.last?.isFlow == true {
            // A flow collection ends at its closing bracket; a block one at its last entry.
            flowDepth -= 1
            noteContent(map.byteOffset(ofCharacter: event.end))
        }
        guard let done = stack.popLast() else { return }
        nodes.append(OutlineNode(.end, line: 0))
        if let anchor = done.anchor {
            openAnchors.remove(anchor)
            anchors[anchor] = (done.size, done.isMapping)
        }
        if done.span >= 0 {
            mappings[done.span].insertionOffset = map.nextLineStart(afterByte: done.contentEnd)
        }
        if !stack.isEmpty {
            stack[stack.count - 1].key = nil
            stack[stack.count - 1].size += done.size
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
