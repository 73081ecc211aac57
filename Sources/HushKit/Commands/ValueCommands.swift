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

    /// The decoded value at `key`.
    public static func get(_ vault: Vault, env envName: String, key: String) throws -> String {
        let parts = try KeyPath.parseDotted(key)
        let env = try vault.repository.environment(envName)
        let opened = try vault.open(env)
        guard let leaf = opened.leaf(parts) else {
            throw HushError(
                .badInput, "\(env.display) has no key \(key)\(Suggestion.phrase(key, opened.outline.leaves.map { KeyPath.display($0.path) }))",
                hint: "`hush keys \(env.name)` lists its keys")
        }
        return leaf.value
    }

    /// The dotted key paths of every value, in document order (names are not secret).
    public static func keys(_ vault: Vault, env envName: String) throws -> [String] {
        let env = try vault.repository.environment(envName)
        return try vault.sealed(env).outline.leaves.map { KeyPath.display($0.path) }
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
