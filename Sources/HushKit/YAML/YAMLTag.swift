/// The tags Hush gives a meaning to, as libyaml resolves them (`!!str` is
/// `tag:yaml.org,2002:str`), and how tags are shown in messages.
enum YAMLTag {
    static let prefix = "tag:yaml.org,2002:"
    static let str = prefix + "str"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let bool = prefix + "bool"
    static let null = prefix + "null"
    static let binary = prefix + "binary"
    static let timestamp = prefix + "timestamp"
    static let map = prefix + "map"
    static let seq = prefix + "seq"
    static let merge = prefix + "merge"

    /// True for a tag of the YAML type repository (`!!name`), which Hush must understand;
    /// any other tag (`!Ref`, `!vault`, a `%TAG` URI) is the application's and kept as written.
    static func isStandard(_ tag: String) -> Bool {
        tag.hasPrefix(prefix)
    }

    /// `!!str` for a standard tag, the tag itself otherwise.
    static func display(_ tag: String) -> String {
        isStandard(tag) ? "!!" + tag.dropFirst(prefix.utf8.count) : tag
    }
}
