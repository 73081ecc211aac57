/// Builds the data model of a document from its outline, and gives YAML tags their meaning.
enum DataModel {
    /// Builds the data model of a scanned document. `typed` false (a sealed body, whose values
    /// are tokens) skips what needs the values: tags are not applied and every scalar is a string.
    static func build(_ outline: DocumentOutline, syntax: Syntax, file: String, typed: Bool = true) throws -> DataValue {
        if syntax == .dotenv {
            return .mapping(
                outline.leaves.enumerated().map { i, leaf in
                    DataEntry(key: Self.key(leaf.path), value: .scalar(DataScalar(kind: .string, text: leaf.value, origin: i)))
                })
        }
        var builder = Builder(outline: outline, file: file, typed: typed)
        return try builder.run()
    }

    /// What a tag makes of a scalar's decoded value.
    enum TagResult: Equatable {
        case kind(DataScalar.Kind)
        /// The value does not fit the tag: what it should be.
        case invalid(String)
        /// A standard tag Hush does not give a meaning to (`!!set`, `!!foo`).
        case unsupported
    }

    /// Applies the tag `tag` to the decoded scalar `value` (docs/format.md §8.3). Shared by the
    /// scanner, which refuses a plaintext value that does not fit its tag, and the data model.
    static func applying(_ tag: String, to value: String) -> TagResult {
        let plain = YAMLScalar.resolve(plain: value.utf8)
        switch tag {
        case YAMLTag.str: return .kind(.string)
        case YAMLTag.int: return plain == .int ? .kind(.int) : .invalid("a YAML 1.2 integer")
        case YAMLTag.float:
            return plain == .float || (plain == .int && Builder.isDecimal(value)) ? .kind(.float) : .invalid("a YAML 1.2 number")
        case YAMLTag.bool: return plain == .bool ? .kind(.bool) : .invalid("true or false")
        case YAMLTag.null: return plain == .null ? .kind(.null) : .invalid("null")
        case YAMLTag.binary: return Builder.base64(value) != nil ? .kind(.binary) : .invalid("base64")
        case YAMLTag.timestamp: return Builder.isTimestamp(value) ? .kind(.timestamp) : .invalid("a YAML timestamp")
        case _ where YAMLTag.isStandard(tag): return .unsupported
        // An application tag (`!Ref`, `!vault`) or the non-specific `!`: a string.
        default: return .kind(.string)
        }
    }

    static func invalidTag(_ tag: String, _ what: String, leaf: Leaf, file: String) -> HushError {
        HushError.syntax(
            file, line: leaf.line, column: leaf.column,
            "the value of \(KeyPath.display(leaf.path)) is tagged \(YAMLTag.display(tag)) but is not \(what)",
            hint: "fix the value, or remove the tag")
    }

    static func unsupportedTag(_ tag: String, leaf: Leaf, file: String) -> HushError {
        HushError.syntax(
            file, line: leaf.line, column: leaf.column, "the tag \(YAMLTag.display(tag)) on \(KeyPath.display(leaf.path)) is not supported",
            hint: "use !!str, !!int, !!float, !!bool, !!null, !!binary, !!timestamp, or an application tag such as !Ref")
    }

    private static func key(_ path: [PathComponent]) -> String {
        if case .key(let k)? = path.last { return k }
        return ""
    }
}
