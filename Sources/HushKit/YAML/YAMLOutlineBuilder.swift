/// Turns the libyaml event stream of one document into leaves and mapping spans.
///
/// A stack of open collections tracks each node's path. Every collection also records
/// where its content ends, so that a mapping's insertion point lands after its last entry,
/// nested children and block scalars included.
struct YAMLOutlineBuilder {
    struct OpenCollection {
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

    // Internal rather than private only so that the extensions in YAMLOutlineBuilder+*.swift
    // reach it; nothing outside this type uses it.
    var map: YAMLSourceMap
    let file: String
    var leaves: [Leaf] = []
    var mappings: [MappingSpan] = []
    var stack: [OpenCollection] = []
    var flowDepth = 0
    private var documents = 0
    /// Where the last key, value or flow collection ended, for placing empty values.
    var lastEnd = 0
    /// The start of an explicit `...` marker, before which an empty document takes new keys.
    private var documentEndMarker: Int?
    /// The document's structure, in order (`DocumentOutline.nodes`), added by `appendNode`.
    /// Empty while the nodes so far are the first `hintedNodes` of `nodeHints`.
    private var nodes: [OutlineNode] = []
    /// Nodes to share (`YAMLOutline.scan(sharingNodes:)`), and how many of them the document
    /// has repeated exactly so far; `followingHints` ends at the first that differs.
    private let nodeHints: [OutlineNode]
    private var hintedNodes = 0
    private var followingHints: Bool
    var hasReferences = false
    /// Parts of every path so far, and how many are allowed (`maximumPathParts`).
    private var pathParts = 0
    private let pathPartLimit: Int
    /// Paths to reuse, by leaf index (`YAMLOutline.scan(sharingPaths:)`).
    let pathHints: [[PathComponent]]
    /// False: leaves get no decoded value (`YAMLOutline.scan(keepingValues:)`).
    let keepsValues: Bool
    /// Each complete anchor: the size of its node once aliases are expanded, and whether it is
    /// a mapping (which a merge key may take).
    var anchors: [String: (size: Int, isMapping: Bool)] = [:]
    /// Anchors of collections still open: an alias to one would make a recursive structure.
    var openAnchors: Set<String> = []
    /// Nodes that aliases have added so far (see `maximumExpansion`).
    var expansion = 0
    /// The previous node in a flow collection was a quoted scalar or a flow collection, after
    /// which YAML 1.2 lets `:` touch the value (`{"a":b}`).
    var lastWasJSONLike = false

    init(
        _ bytes: [UInt8], file: String, keepingValues: Bool = true, sharingPaths: [[PathComponent]] = [], sharingNodes: [OutlineNode] = []
    ) {
        self.map = YAMLSourceMap(bytes, origin: YAMLEventReader.bomLength(bytes))
        self.file = file
        self.pathPartLimit = Self.maximumPathParts(documentSize: bytes.count)
        self.pathHints = sharingPaths
        self.keepsValues = keepingValues
        self.nodeHints = sharingNodes
        self.followingHints = !sharingNodes.isEmpty
        // The hints are the sealed body's, which a valid plaintext matches leaf for leaf.
        leaves.reserveCapacity(sharingPaths.count)
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
        if followingHints { nodes = hintedNodes == nodeHints.count ? nodeHints : Array(nodeHints[..<hintedNodes]) }
        return DocumentOutline(leaves: leaves, mappings: mappings, nodes: nodes, hasReferences: hasReferences)
    }

    /// Adds the next node of the document's structure.
    mutating func appendNode(_ node: OutlineNode) {
        if followingHints {
            if hintedNodes < nodeHints.count, nodeHints[hintedNodes] == node {
                hintedNodes += 1
                return
            }
            followingHints = false
            nodes.reserveCapacity(nodeHints.count)
            nodes.append(contentsOf: nodeHints[..<hintedNodes])
        }
        nodes.append(node)
    }

    /// Aliases may add at most this many nodes to the data model, counted with repeats: enough
    /// for any configuration file, while a "billion laughs" document (aliases of aliases, each
    /// level multiplying the size) is refused as it is read, before anything is expanded.
    static let maximumExpansion = 100_000

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
    mutating func countPath(_ parts: Int, at offset: Int) throws(HushError) {
        pathParts += parts
        if pathParts > pathPartLimit { throw YAMLDiagnostics.pathsTooLong(limit: pathPartLimit, at: location(byte: offset)) }
    }

    /// The path component of the value that comes next in `collection`.
    static func nextComponent(_ collection: inout OpenCollection) -> PathComponent {
        if collection.isMapping {
            defer { collection.key = nil }
            return .key(collection.key ?? "")
        }
        defer { collection.count += 1 }
        return .index(collection.count)
    }

    /// The path of leaf `index`, `parent` followed by `last`: its hint when that is equal (one
    /// array for both outlines, and no allocation), else a new array. Static, so that a call
    /// from a mutating method does not copy the builder.
    static func leafPath(_ index: Int, _ parent: [PathComponent], _ last: PathComponent, hints: [[PathComponent]]) -> [PathComponent] {
        if index < hints.count {
            let hint = hints[index]
            if hint.count == parent.count + 1, hint[parent.count] == last, startsWith(hint, parent) { return hint }
        }
        return path(parent, last)
    }

    /// `parent` followed by `last`, in an array of exactly that size: appending to a copy of
    /// `parent` doubles its capacity (four components' room for a path of three).
    static func path(_ parent: [PathComponent], _ last: PathComponent) -> [PathComponent] {
        var path: [PathComponent] = []
        path.reserveCapacity(parent.count + 1)
        path.append(contentsOf: parent)
        path.append(last)
        return path
    }

    private static func startsWith(_ path: [PathComponent], _ prefix: [PathComponent]) -> Bool {
        for i in prefix.indices where path[i] != prefix[i] { return false }
        return true
    }

    /// Records that content of the innermost collection reaches `end`.
    mutating func noteContent(_ end: Int) {
        stack[stack.count - 1].contentEnd = max(stack[stack.count - 1].contentEnd, end)
        lastEnd = max(lastEnd, end)
    }

    mutating func location(_ characterIndex: Int) -> YAMLDiagnostics.Location {
        location(byte: map.byteOffset(ofCharacter: characterIndex))
    }

    mutating func location(byte offset: Int) -> YAMLDiagnostics.Location {
        let (line, column) = map.location(ofByte: offset)
        return YAMLDiagnostics.Location(file: file, line: line, column: column)
    }
}
