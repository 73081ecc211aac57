/// Renders an opened environment in another syntax: dotenv, YAML, JSON or shell `export` lines.
public enum ExportFormat: String, CaseIterable, Sendable {
    case dotenv, yaml, json, shell
}

enum Exporter {
    /// The (variable name, value) pairs `hush exec` and the flat formats use. YAML paths are
    /// flattened by `KeyPath.variableName`; two paths that flatten to one name are an error.
    static func variables(_ opened: OpenedFile) throws -> [(name: String, value: String)] {
        var seen: [String: [PathComponent]] = [:]
        var result: [(name: String, value: String)] = []
        result.reserveCapacity(opened.outline.leaves.count)
        for leaf in opened.outline.leaves {
            let name = try KeyPath.variableName(leaf.path, uppercase: opened.syntax == .yaml)
            if let other = seen[name] {
                throw HushError(
                    .badInput, "\(opened.file): keys \(KeyPath.display(other)) and \(KeyPath.display(leaf.path)) both become \(name)",
                    hint: "rename one of them")
            }
            seen[name] = leaf.path
            result.append((name, leaf.value))
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
            return Array(JSONTree.build(opened.outline.leaves).render().utf8) + [0x0A]
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
