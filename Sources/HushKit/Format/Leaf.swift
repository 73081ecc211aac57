/// One step of a key path: a mapping key or a sequence index.
public enum PathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// The data type a value had in its source, recorded in the sealed token so that a decrypted
/// document means the same data. Dotenv values are always `.string`.
public enum ValueType: UInt8, Sendable, CaseIterable {
    case string = 0x73  // "s"
    case int = 0x69  // "i"
    case float = 0x66  // "f"
    case bool = 0x62  // "b"
    case null = 0x6E  // "n"
}

/// A scalar value located in the source text of a YAML or dotenv document.
///
/// `range` covers the raw source text of the value exactly as written: quotes, escapes and
/// block-scalar indicators included, surrounding white space and comments excluded. Replacing
/// that range by a token, and the token by the same raw text, gives back the document byte for
/// byte. Offsets are UTF-8 byte offsets into the document.
public struct Leaf: Sendable, Equatable {
    // The two one-byte fields come last: between wider ones each would take eight bytes, and
    // a large file holds two leaves per value at once (sealed and plaintext).
    public var path: [PathComponent]
    public var range: Range<Int>
    /// 1-based line and column (in bytes) of `range.lowerBound`, for error messages.
    public var line: Int
    public var column: Int
    /// The decoded value (escapes resolved, block scalars folded), as a YAML or dotenv loader
    /// would report it.
    public var value: String
    public var type: ValueType
    /// True inside a YAML flow collection (`[a, b]`, `{a: b}`), where a token must be quoted.
    public var inFlow: Bool

    public init(
        path: [PathComponent], range: Range<Int>, type: ValueType, line: Int, column: Int, inFlow: Bool = false,
        value: String = ""
    ) {
        self.path = path
        self.range = range
        self.type = type
        self.line = line
        self.column = column
        self.inFlow = inFlow
        self.value = value
    }
}

/// One node of a YAML document's structure, in document order: what the data model is built
/// from (`DataModel`) and what a reader compares between a sealed body and its plaintext.
///
/// A collection is its start node, its content, then an `.end` node. In a mapping, each entry
/// is a `.key` (or `.mergeKey`) node followed by the value's node(s).
public struct OutlineNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case mapping
        case sequence
        case end
        /// A mapping key (its decoded text).
        case key(String)
        /// The YAML 1.1 merge key `<<` (plain and untagged, or tagged `!!merge`).
        case mergeKey
        /// A scalar value: the index of its leaf in `DocumentOutline.leaves`.
        case scalar(Int)
        /// An alias (`*name`).
        case alias(String)
    }

    public var kind: Kind
    /// The node's anchor (`&name`), written before it and outside a scalar's leaf range.
    public var anchor: String? {
        get { properties?.anchor }
        set { properties = Properties.make(anchor: newValue, tag: tag) }
    }
    /// The node's tag as libyaml resolves it (`tag:yaml.org,2002:binary` for `!!binary`, `!Ref`
    /// for `!Ref`), written before it and outside a scalar's leaf range. A scalar's type letter
    /// stays the type of its raw text; the data model (`DataModel`) applies the tag.
    public var tag: String? {
        get { properties?.tag }
        set { properties = Properties.make(anchor: anchor, tag: newValue) }
    }
    /// 1-based line where the node starts, for messages: set for scalars, aliases, merge keys
    /// and nodes with an anchor or tag; 0 for the others.
    public var line: Int
    /// Anchor and tag, which few nodes have, held out of line: two optional strings in every
    /// node made it 64 bytes instead of 40, and a large file holds two nodes per value or more.
    private var properties: Properties?

    /// A node's anchor and tag; never changed once made, so copies of a node may share it.
    private final class Properties: Equatable, Sendable {
        let anchor: String?
        let tag: String?

        private init(anchor: String?, tag: String?) {
            self.anchor = anchor
            self.tag = tag
        }

        static func make(anchor: String?, tag: String?) -> Properties? {
            anchor == nil && tag == nil ? nil : Properties(anchor: anchor, tag: tag)
        }

        static func == (a: Properties, b: Properties) -> Bool { a.anchor == b.anchor && a.tag == b.tag }
    }

    public init(_ kind: Kind, anchor: String? = nil, tag: String? = nil, line: Int) {
        self.kind = kind
        self.properties = Properties.make(anchor: anchor, tag: tag)
        self.line = line
    }

    var isAlias: Bool {
        if case .alias = kind { return true }
        return false
    }

    /// Equal apart from the line (a decrypted multi-line value moves the lines after it).
    func sameShape(_ other: OutlineNode) -> Bool {
        kind == other.kind && anchor == other.anchor && tag == other.tag
    }
}

/// A block mapping located in a YAML document, so that a new key can be inserted into it
/// while keeping the surrounding layout. Dotenv documents have one implicit top-level mapping.
public struct MappingSpan: Sendable, Equatable {
    /// Path of the mapping itself (empty for the top-level mapping).
    public var path: [PathComponent]
    /// Byte offset just past the end of the line that holds the mapping's last content
    /// (after its newline, or the end of the document). New entries are inserted here.
    public var insertionOffset: Int
    /// 0-based column (in bytes) of the mapping's keys; new keys get this indentation.
    public var keyColumn: Int
    /// True for a flow mapping (`{a: b}`), where Hush does not insert keys.
    public var isFlow: Bool

    public init(path: [PathComponent], insertionOffset: Int, keyColumn: Int, isFlow: Bool) {
        self.path = path
        self.insertionOffset = insertionOffset
        self.keyColumn = keyColumn
        self.isFlow = isFlow
    }
}

/// The result of scanning a document: its leaves in document order and its mappings; for
/// YAML also every node (`nodes`), from which the data model is built.
public struct DocumentOutline: Sendable {
    public var leaves: [Leaf]
    public var mappings: [MappingSpan]
    /// YAML only: the document's structure in order (empty for an empty document and dotenv).
    public var nodes: [OutlineNode]
    /// YAML only: the document has anchors, aliases, tags or merge keys, so its data model is
    /// more than its leaves (and writes check that it resolves: tags, merges).
    public var hasReferences: Bool

    public init(leaves: [Leaf], mappings: [MappingSpan], nodes: [OutlineNode] = [], hasReferences: Bool = false) {
        self.leaves = leaves
        self.mappings = mappings
        self.nodes = nodes
        self.hasReferences = hasReferences
    }

    /// True when the leaves have exactly `paths`, in order (those of another outline).
    func samePaths(as paths: [[PathComponent]]) -> Bool {
        guard leaves.count == paths.count else { return false }
        // In place, for the same reason as `sameStructure`; a path shared with the other
        // outline (`YAMLOutline.scan(sharingPaths:)`) compares by identity first.
        return leaves.withUnsafeBufferPointer { a in
            paths.withUnsafeBufferPointer { b in
                for i in 0..<a.count where a[i].path != b[i] { return false }
                return true
            }
        }
    }

    /// True when both outlines have the same nodes (kinds, keys, anchors, tags, aliases), lines
    /// aside: a sealed body and its plaintext must (docs/format.md §11, check 11).
    func sameStructure(as other: DocumentOutline) -> Bool {
        sameStructure(as: other.nodes)
    }

    /// `sameStructure` against another outline's `nodes`.
    func sameStructure(as other: [OutlineNode]) -> Bool {
        guard nodes.count == other.count else { return false }
        // Compared in place: copying each node would retain and release its strings. Nodes
        // shared with the other outline (`YAMLOutline.scan(sharingNodes:)`) are the same.
        return nodes.withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in
                if a.baseAddress == b.baseAddress { return true }
                for i in 0..<a.count where !a[i].sameShape(b[i]) { return false }
                return true
            }
        }
    }
}
