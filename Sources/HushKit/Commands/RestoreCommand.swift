/// `hush restore ENV --from REV` and `hush exposed ack`: deliberate changes that would
/// otherwise need a raw checkout of a sealed file or a hand edit of its metadata.
public enum RestoreCommand {
    /// Re-seals the values `envName` had at git revision `revision` as a new signed write: the
    /// current recipients, a sequence number above every version in history, marks of values
    /// that come back kept. The old version must verify (its signer a member allowed to write
    /// it now) and open with the caller's keys. Returns true when the file changed.
    @discardableResult
    public static func restore(_ vault: Vault, env envName: String, from revision: String) throws -> Bool {
        let repository = vault.repository
        let env = try (try? repository.environment(envName)) ?? repository.newEnvironment(envName, syntax: syntaxAt(revision, envName, repository))
        guard let old = try Git.show(revision, "./" + env.display, in: repository.root) else {
            throw HushError(.badInput, "\(env.display) does not exist at \(revision)", hint: "`git log -- \(env.display)` lists its versions")
        }
        let plaintext: [UInt8]
        let label = "\(env.display) at \(revision)"
        if Trailer.declaredVersion(old) == 1 {
            plaintext = try LegacyFile.open(old, syntax: env.syntax, file: label, identities: vault.identities()).plaintext
        } else {
            let sealed = try SealedFile.parse(old, syntax: env.syntax, file: label, context: vault.context(env))
            try sealed.checkSignature(vault.membership())
            plaintext = try sealed.decrypt(sealed.unlock(with: vault.identities())).plaintext
        }
        let newest = Freshness.newestSequence(repository, env) ?? 0
        guard FileSystem.exists(env.path) else {
            try vault.create(env, plaintext: plaintext, seq: newest + 1)
            return true
        }
        return try vault.update(env) { opened in
            try opened.reseal(plaintext, recipients: opened.currentRecipients(), seq: max(newest, opened.sealed.trailer.seq) + 1)
        }
    }

    /// The syntax of a file that exists only in history.
    private static func syntaxAt(_ revision: String, _ name: String, _ repository: Repository) throws -> Syntax {
        for syntax in [Syntax.yaml, .dotenv] {
            for ext in syntax == .yaml ? ["yaml", "yml"] : ["env"] where try Git.show(revision, "./.secrets/\(name).\(ext)", in: repository.root) != nil {
                return syntax
            }
        }
        throw HushError(.badInput, "no environment \"\(name)\" at \(revision)", hint: "`git log -- .secrets/` lists the changes")
    }

    /// Acknowledges that the value at `key` of `envName` is not secret (a feature flag, a
    /// public URL): its exposed mark goes, and an `#hush:ack` line records who, when and why.
    public static func acknowledge(_ vault: Vault, env envName: String, key: String, reason: String) throws {
        guard Trailer.isValidReason(reason) else {
            throw HushError(.badInput, "the reason must be 1 to 200 characters on one line", hint: "e.g. --reason \"feature flag, not a secret\"")
        }
        let parts = try KeyPath.parseDotted(key)
        let env = try vault.repository.environment(envName)
        try vault.update(env) { opened in
            guard let leaf = opened.leaf(parts) else {
                throw HushError(
                    .badInput, "\(env.display) has no key \(key)\(Suggestion.phrase(key, opened.outline.leaves.map { KeyPath.display($0.path) }))",
                    hint: "`hush keys \(env.name)` lists its keys")
            }
            return try opened.reseal(
                opened.plaintext, recipients: opened.currentRecipients(), acknowledging: Sealer.Acknowledging(path: leaf.path, reason: reason))
        }
    }
}
