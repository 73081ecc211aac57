/// `hush upgrade`: the one-time move of a repository from format version 1 to 2. Creates the
/// repository id, publishes the caller's signing key in their `.pub`, and re-seals every
/// version 1 file the caller can open after checking it as version 1.
public enum UpgradeCommand {
    public struct Outcome: Sendable {
        /// Files and lines created (the repository id, a signing key line).
        public var created: [String] = []
        /// Environments re-sealed as version 2, with the names their new data key left out
        /// (wraps the policy does not grant; their values are marked exposed).
        public var upgraded: [(env: String, droppedNames: [String])] = []
        public var current: [String] = []
        /// Version 1 files the caller cannot open: another member must upgrade them.
        public var notOpened: [String] = []
    }

    public static func run(_ vault: Vault, envs names: [String]) throws -> Outcome {
        var outcome = Outcome()
        let repository = vault.repository
        if try RepositoryID.ensure(repository) { outcome.created.append(RepositoryID.fileName) }
        if let line = try publishSigningKey(vault) { outcome.created.append(line) }
        let envs = try names.isEmpty ? repository.environments() : names.map(repository.environment)
        for env in envs {
            let lock = try FolderLock(Paths.folder(of: env.path))
            defer { withExtendedLifetime(lock) {} }
            let bytes = try FileSystem.read(env.path)
            guard Trailer.declaredVersion(bytes) == 1 else {
                outcome.current.append(env.display)
                continue
            }
            let legacy: LegacyFile.Contents
            do {
                legacy = try LegacyFile.open(bytes, syntax: env.syntax, file: env.display, identities: vault.identities())
            } catch let error as HushError where error.kind == .noKey {
                outcome.notOpened.append(env.display)
                continue
            }
            let granted = try vault.membership().recipients(of: env.name)
            let grantedKeys = Set(granted.map { $0.name + " " + $0.recipient.text })
            let kept = try legacy.wraps.filter { grantedKeys.contains($0.name + " " + $0.key) }.map {
                NamedRecipient(name: $0.name, recipient: try Recipient.parse($0.key))
            }
            let dropped = legacy.wraps.filter { !grantedKeys.contains($0.name + " " + $0.key) }.map(\.name).uniqued()
            guard !kept.isEmpty else {
                throw HushError(
                    .refused, "\(env.display): nobody it is sealed to is still granted it by recipients/ and \(AccessPolicy.fileName)",
                    hint: "fix recipients/ or the policy first")
            }
            let marks = legacy.marks.compactMap { mark -> OpenedFile.Mark? in
                guard let leaf = legacy.outline.leaves.first(where: { !$0.range.isEmpty && KeyPath.displayV1($0.path) == mark.path }) else { return nil }
                let exposure = Trailer.Exposure(since: mark.since, members: mark.members, value: [], path: KeyPath.display(leaf.path))
                return OpenedFile.Mark(exposure: exposure, type: leaf.type, raw: Array(legacy.plaintext[leaf.range]))
            }
            let identity = try vault.identities().first { me in legacy.wraps.contains { $0.key == me.recipient.text } }!
            let sealed = try Sealer.seal(
                legacy.plaintext, syntax: env.syntax, file: env.display, context: vault.context(env), recipients: kept, keys: .random(),
                signer: vault.writer(for: env, identity: identity), seq: 1, previous: nil, exposing: dropped, carrying: marks)
            try FileSystem.writeAtomically(env.path, sealed)
            outcome.upgraded.append((env.display, dropped))
        }
        return outcome
    }

    /// Adds the caller's signing key to their own `recipients/NAME.pub` when it is missing
    /// (an age identity's key is derived; an SSH key signs as itself). Returns what it did.
    static func publishSigningKey(_ vault: Vault) throws -> String? {
        let team = try vault.membership()
        for identity in try vault.identities() {
            guard let name = team.members.first(where: { $0.recipient.text == identity.recipient.text })?.name else { continue }
            let key = identity.signingPublicKey
            guard !(team.signingKeys[name]?.contains(key.bytes) ?? false) else { return nil }
            let path = "\(vault.repository.recipientsFolder)/\(name).pub"
            var text = try FileSystem.read(path)
            if let last = text.last, last != 0x0A { text.append(0x0A) }
            try FileSystem.writeAtomically(path, text + Array((key.text + "\n").utf8))
            vault.forgetMembership()
            return "signing key in recipients/\(name).pub"
        }
        return nil
    }
}
