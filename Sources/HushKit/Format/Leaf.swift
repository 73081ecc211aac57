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
    public var path: [PathComponent]
    public var range: Range<Int>
    public var type: ValueType
    /// 1-based line and column (in bytes) of `range.lowerBound`, for error messages.
    public var line: Int
    public var column: Int
    /// True inside a YAML flow collection (`[a, b]`, `{a: b}`), where a token must be quoted.
    public var inFlow: Bool
    /// The decoded value (escapes resolved, block scalars folded), as a YAML or dotenv loader
    /// would report it.
    public var value: String

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

/// The result of scanning a document: its leaves in document order and its mappings.
public struct DocumentOutline: Sendable {
    public var leaves: [Leaf]
    public var mappings: [MappingSpan]

    public init(leaves: [Leaf], mappings: [MappingSpan]) {
        self.leaves = leaves
        self.mappings = mappings
    }
}
