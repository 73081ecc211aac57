/// Renders an opened environment in another syntax: dotenv, YAML, JSON or shell `export` lines.
public enum ExportFormat: String, CaseIterable, Sendable {
    case dotenv, yaml, json, shell
}

/// Turns an opened environment into variables and documents. One value per export: it
/// carries the choices of the command (expansion, skipping) and collects what it skipped.
struct Exporter {
    /// Expands `${VAR}` references in dotenv values (`DotenvExpansion`); nil leaves them as written.
    var expansion: DotenvExpansion?
    /// What to do with a key that does not make a valid variable name: nil: an error (the
    /// command has no `--skip-invalid`); false: an error whose hint names `--skip-invalid`;
    /// true: leave it out and record it in `skipped`.
    var skipInvalid: Bool?
    /// The keys left out (escaped for display), in document order.
    private(set) var skipped: [String] = []

    init(expansion: DotenvExpansion? = nil, skipInvalid: Bool? = nil) {
        self.expansion = expansion
        self.skipInvalid = skipInvalid
    }

    /// `hush: warning: …` lines for the keys left out; names only, never values.
    var skipWarnings: String {
        skipped.map { "hush: warning: left out key \($0): it does not make a valid environment variable name\n" }.joined()
    }

    /// The leaves of a dotenv document, with references expanded when asked.
    func dotenvLeaves(_ opened: OpenedFile) -> [Leaf] {
        guard let expansion else { return opened.outline.leaves }
        return expansion.expand(opened.outline.leaves, in: opened.plaintext)
    }

    /// The (variable name, value) pairs `hush exec` and the text formats use: the data model
    /// (`DataModel`) flattened, paths named by `KeyPath.variableName`; two paths that flatten to
    /// one name are an error. An empty collection is an empty value; a `!!binary` value is its
    /// base64 text (an environment variable cannot hold arbitrary bytes).
    mutating func variables(_ opened: OpenedFile) throws -> [(name: String, value: String)] {
        if opened.syntax == .dotenv {
            return try named(opened, dotenvLeaves(opened).lazy.map { ($0.path, $0.value) })
        }
        // Lazily mapped: a second list of every value is not built.
        return try named(opened, flattened(opened).lazy.map { ($0.path, $0.scalar?.text ?? "") })
    }

    /// `variables`, with `!!binary` values as their bytes: for targets that hold bytes
    /// (`k8s-secret`, `docker-secrets`).
    mutating func byteVariables(_ opened: OpenedFile) throws -> [(name: String, value: [UInt8])] {
        if opened.syntax == .dotenv {
            return try named(opened, dotenvLeaves(opened).lazy.map { ($0.path, Array($0.value.utf8)) })
        }
        return try named(opened, flattened(opened).lazy.map { ($0.path, $0.scalar.map { $0.bytes ?? Array($0.text.utf8) } ?? []) })
    }

    /// A YAML file's data model flattened, its values' paths shared with the outline's leaves.
    private func flattened(_ opened: OpenedFile) throws -> [(path: [PathComponent], scalar: DataScalar?)] {
        try opened.data().flattened(sharingPathsOf: opened.outline.leaves)
    }

    /// `values` is lazy for dotenv (10,000 leaves are not copied into a list first).
    private mutating func named<Value>(
        _ opened: OpenedFile, _ values: some Sequence<([PathComponent], Value)>
    ) throws -> [(name: String, value: Value)] {
        var seen: [String: [PathComponent]] = [:]
        if opened.syntax == .yaml { seen.reserveCapacity(values.underestimatedCount) }
        var result: [(name: String, value: Value)] = []
        result.reserveCapacity(values.underestimatedCount)
        for (path, value) in values {
            let name: String
            do {
                name = try KeyPath.variableName(path, uppercase: opened.syntax == .yaml)
            } catch var error as HushError {
                switch skipInvalid {
                case true?:
                    skipped.append(TerminalSafe.escape(KeyPath.display(path)))
                    continue
                case false?:
                    error.hint = "rename the key, read it with `hush get`, or pass --skip-invalid to leave such keys out"
                    throw error
                case nil:
                    throw error
                }
            }
            // Dotenv names are unique in their file (the reader refuses a second assignment) and
            // become themselves, so only YAML's flattened names can collide.
            if opened.syntax == .yaml {
                if let other = seen[name] {
                    throw HushError(
                        .badInput, "\(opened.file): keys \(KeyPath.display(other)) and \(KeyPath.display(path)) both become \(name)",
                        hint: "rename one of them")
                }
                seen[name] = path
            }
            result.append((name, value))
        }
        return result
    }

    /// `opened` as `format`. The dotenv text of a dotenv file and the YAML text of a YAML file
    /// are the document as written (references not expanded: a loader expands them); every
    /// other combination is built from values.
    mutating func render(_ opened: OpenedFile, as format: ExportFormat) throws -> [UInt8] {
        switch format {
        case .dotenv:
            if opened.syntax == .dotenv { return opened.plaintext }
            return try lines(opened) { "\($0)=" + String(decoding: DotenvValue.render($1), as: UTF8.self) }
        case .shell:
            return try lines(opened) { "export \($0)=\(Self.shellQuote($1))" }
        case .yaml:
            if opened.syntax == .yaml { return opened.plaintext }
            return try lines(opened) { name, value in
                String(decoding: YAMLScalar.renderKey(name) + Array(": ".utf8) + YAMLScalar.render(value, as: .string), as: UTF8.self)
            }
        case .json:
            if opened.syntax == .dotenv { return Array(JSONTree.build(dotenvLeaves(opened)).render().utf8) + [0x0A] }
            return Array(try opened.data().json().utf8) + [0x0A]
        }
    }

    private mutating func lines(_ opened: OpenedFile, _ line: (String, String) -> String) throws -> [UInt8] {
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
