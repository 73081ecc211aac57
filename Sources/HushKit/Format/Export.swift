/// Renders an opened environment in another syntax: dotenv, YAML, JSON or shell `export` lines.
public enum ExportFormat: String, CaseIterable, Sendable {
    case dotenv, yaml, json, shell
}

enum Exporter {
    /// The (variable name, value) pairs `hush exec` and the text formats use: the data model
    /// (`DataModel`) flattened, paths named by `KeyPath.variableName`; two paths that flatten to
    /// one name are an error. An empty collection is an empty value; a `!!binary` value is its
    /// base64 text (an environment variable cannot hold arbitrary bytes).
    static func variables(_ opened: OpenedFile) throws -> [(name: String, value: String)] {
        if opened.syntax == .dotenv {
            return try named(opened, opened.outline.leaves.map { ($0.path, $0.value) })
        }
        return try named(opened, opened.data().flattened().map { ($0.path, $0.scalar?.text ?? "") })
    }

    /// `variables`, with `!!binary` values as their bytes: for targets that hold bytes
    /// (`k8s-secret`, `docker-secrets`).
    static func byteVariables(_ opened: OpenedFile) throws -> [(name: String, value: [UInt8])] {
        if opened.syntax == .dotenv {
            return try named(opened, opened.outline.leaves.map { ($0.path, Array($0.value.utf8)) })
        }
        return try named(opened, opened.data().flattened().map { ($0.path, $0.scalar.map { $0.bytes ?? Array($0.text.utf8) } ?? []) })
    }

    private static func named<Value>(_ opened: OpenedFile, _ values: [([PathComponent], Value)]) throws -> [(name: String, value: Value)] {
        var seen: [String: [PathComponent]] = [:]
        var result: [(name: String, value: Value)] = []
        result.reserveCapacity(values.count)
        for (path, value) in values {
            let name = try KeyPath.variableName(path, uppercase: opened.syntax == .yaml)
            if let other = seen[name] {
                throw HushError(
                    .badInput, "\(opened.file): keys \(KeyPath.display(other)) and \(KeyPath.display(path)) both become \(name)",
                    hint: "rename one of them")
            }
            seen[name] = path
            result.append((name, value))
        }
        return result
    }

    static func render(_ opened: OpenedFile, as format: ExportFormat) throws -> [UInt8] {
        switch format {
        case .dotenv:
            if opened.syntax == .dotenv { return opened.plaintext }
            return try lines(opened) { "\($0)=" + String(decoding: DotenvValue.render($1), as: UTF8.self) }
        case .shell:
            return try lines(opened) { "export \($0)=\(shellQuote($1))" }
        case .yaml:
            if opened.syntax == .yaml { return opened.plaintext }
            return try lines(opened) { name, value in
                String(decoding: YAMLScalar.renderKey(name) + Array(": ".utf8) + YAMLScalar.render(value, as: .string), as: UTF8.self)
            }
        case .json:
            if opened.syntax == .dotenv { return Array(JSONTree.build(opened.outline.leaves).render().utf8) + [0x0A] }
            return Array(try opened.data().json().utf8) + [0x0A]
        }
    }

    private static func lines(_ opened: OpenedFile, _ line: (String, String) -> String) throws -> [UInt8] {
        var out = ""
        for (name, value) in try variables(opened) { out += line(name, value) + "\n" }
        return Array(out.utf8)
    }

    /// POSIX single-quoting: `'` becomes `'\''`.
    static func shellQuote(_ value: String) -> String {
        "'" + value.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
