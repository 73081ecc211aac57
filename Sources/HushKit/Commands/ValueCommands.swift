/// `hush set`, `hush get` and `hush unset`: one value at a time, by dotted key.
public enum ValueCommands {
    /// Sets `key` in `envName` to `value`, creating the environment (dotenv, or `syntax`) when
    /// it does not exist. Prints nothing on success.
    public static func set(_ vault: Vault, env envName: String, key: String, value: String, newSyntax: Syntax?) throws {
        let parts = try KeyPath.parseDotted(key)
        let isName = !envName.contains("/") && Syntax.forPath(envName) == nil
        if isName && !vault.repository.environments().contains(where: { $0.name == envName }) {
            let fresh = try vault.repository.newEnvironment(envName, syntax: newSyntax ?? .dotenv)
            let document = try DocumentEdit.set(
                [], outline: try fresh.syntax.scan([], file: fresh.display), syntax: fresh.syntax, file: fresh.display, parts: parts, value: value)
            // Another writer may create it between the look above and the lock: then this is an
            // ordinary update of the file they made (issue 12, item 6).
            if let names = try vault.create(fresh, plaintext: document, ifAbsent: true) {
                Console.err("hush: created \(fresh.display), sealed to \(names.joined(separator: ", "))\n")
                return
            }
        }
        let env = try vault.repository.environment(envName)
        try vault.update(env) { opened in
            let members = try opened.currentRecipients()
            let document = try DocumentEdit.set(opened.plaintext, outline: opened.outline, syntax: env.syntax, file: env.display, parts: parts, value: value)
            return try opened.reseal(document, recipients: members)
        }
    }

    /// The value at `key` in the data model (aliases and merge keys resolved): its decoded text,
    /// or for `!!binary` its bytes. With `raw`, the value's source text as written (quotes,
    /// escapes, block scalar header; for an alias, the text of the value it refers to).
    public static func get(_ vault: Vault, env envName: String, key: String, raw: Bool = false) throws -> [UInt8] {
        let parts = try KeyPath.parseDotted(key)
        let env = try vault.repository.environment(envName)
        let opened = try vault.open(env)
        // Without references the data model's scalars are the leaves: no need to build it.
        if opened.syntax == .dotenv || !opened.outline.hasReferences, let leaf = opened.leaf(parts) {
            return raw ? Array(opened.plaintext[leaf.range]) : Array(leaf.value.utf8)
        }
        let data = try opened.data()
        switch data.lookup(parts) {
        case .scalar(let scalar)?:
            if raw, let origin = scalar.origin { return Array(opened.plaintext[opened.outline.leaves[origin].range]) }
            return scalar.bytes ?? Array(scalar.text.utf8)
        case .mapping?, .sequence?:
            throw HushError(
                .badInput, "\(key) in \(env.display) is a mapping or sequence, not a value",
                hint: "get one of its keys (`hush keys \(env.name)` lists them), or use `hush decrypt \(env.name) --format json`")
        case nil:
            let known = data.flattened().map { KeyPath.display($0.path) }
            throw HushError(
                .badInput, "\(env.display) has no key \(key)\(Suggestion.phrase(key, known))", hint: "`hush keys \(env.name)` lists its keys")
        }
    }

    /// The dotted key paths of every value (empty collections included), in the order of the
    /// data model (merged keys first, aliases expanded); names are not secret, so no key is needed.
    public static func keys(_ vault: Vault, env envName: String) throws -> [String] {
        let env = try vault.repository.environment(envName)
        let sealed = try vault.sealed(env)
        guard sealed.syntax == .yaml else { return sealed.outline.leaves.map { KeyPath.display($0.path) } }
        return try DataModel.build(sealed.outline, syntax: .yaml, file: env.display, typed: false).flattened().map { KeyPath.display($0.path) }
    }

    /// Removes `key` from `envName`.
    public static func unset(_ vault: Vault, env envName: String, key: String) throws {
        let parts = try KeyPath.parseDotted(key)
        let env = try vault.repository.environment(envName)
        try vault.update(env) { opened in
            let document = try DocumentEdit.unset(opened.plaintext, outline: opened.outline, syntax: env.syntax, file: env.display, parts: parts)
            return try opened.reseal(document, recipients: opened.currentRecipients())
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
