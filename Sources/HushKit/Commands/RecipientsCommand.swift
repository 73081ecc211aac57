/// `hush recipients add` and `hush recipients list`.
public enum RecipientsCommand {
    public struct AddResult: Sendable {
        public var updated: [String]
        public var unchanged: [String]
        public var notOpened: [String]
    }

    /// Writes `recipients/NAME.pub` and wraps the data key of every environment the caller can
    /// open for the new keys (only the added wrap lines and the MAC line change).
    public static func add(_ vault: Vault, name: String, keys: [String]) throws -> AddResult {
        guard Trailer.isValidName(name) else {
            throw HushError(.badInput, "invalid member name \"\(name)\"", hint: "use letters, digits, '.', '_' and '-', starting with a letter or digit")
        }
        guard !keys.isEmpty else {
            throw HushError(.badInput, "no key given for \(name)", hint: "hush recipients add NAME age1… (the output of their `hush keygen`)")
        }
        let recipients = try keys.map { try Recipient.parse($0) }
        let repository = vault.repository
        let file = "\(repository.recipientsFolder)/\(name).pub"
        let existing = FileSystem.exists(file) ? try RecipientsFile.parse(String(decoding: FileSystem.read(file), as: UTF8.self), name: name) : []
        let merged = (existing + recipients).uniqued()
        try FileSystem.makeDirectories(repository.recipientsFolder)
        if merged != existing {
            try FileSystem.writeAtomically(file, Array(RecipientsFile.render(merged, comment: name).utf8))
        }
        var result = AddResult(updated: [], unchanged: [], notOpened: [])
        for env in repository.environments() {
            do {
                let changed = try vault.update(env) { opened in
                    var members = try opened.currentRecipients()
                    members += merged.map { NamedRecipient(name: name, recipient: $0) }
                    return try opened.reseal(opened.plaintext, recipients: members)
                }
                if changed { result.updated.append(env.display) } else { result.unchanged.append(env.display) }
            } catch let error as HushError where error.kind == .noKey {
                result.notOpened.append(env.display)
            }
        }
        return result
    }

    /// Every member key: name, key type, fingerprint.
    public static func list(_ repository: Repository) throws -> [(name: String, type: String, fingerprint: String)] {
        try repository.members().map { ($0.name, $0.recipient.kind == .x25519 ? "age" : "ssh-ed25519", $0.recipient.fingerprint) }
    }
}
