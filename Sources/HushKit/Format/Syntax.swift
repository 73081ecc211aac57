/// The two document syntaxes a sealed file can have, chosen by its extension.
public enum Syntax: String, Sendable {
    case yaml
    case dotenv

    /// `.yaml`/`.yml` → YAML, `.env` → dotenv, anything else nil.
    public static func forPath(_ path: String) -> Syntax? {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { return .yaml }
        if path.hasSuffix(".env") { return .dotenv }
        return nil
    }

    /// The file extension Hush writes for a new environment.
    public var fileExtension: String { self == .yaml ? "yaml" : "env" }

    /// Finds the leaves and mappings of a document.
    func scan(_ bytes: [UInt8], file: String) throws -> DocumentOutline {
        switch self {
        case .yaml: return try YAMLOutline.scan(bytes, file: file)
        case .dotenv: return try DotenvOutline.scan(bytes, file: file)
        }
    }

    /// Source text for a value, keeping `type` where the syntax has types.
    func render(value: String, type: ValueType) -> [UInt8] {
        switch self {
        case .yaml: return YAMLScalar.render(value, as: type)
        case .dotenv: return DotenvValue.render(value)
        }
    }
}
