/// `hush recipients add`, `remove` and `list`.
public enum RecipientsCommand {
    /// Writes `recipients/NAME.pub`, then wraps the data key of every environment the policy
    /// grants NAME and the caller can open, for NAME's keys only: in those files only the added
    /// wrap lines and the MAC line change. The keys are on the command line, so they count as
    /// confirmed; other pending members are left to `hush sync`.
    /// `confirm` sees every key about to be given a data key (as `hush sync` shows them); when
    /// it declines, `recipients/NAME.pub` is put back as it was.
    public static func add(_ vault: Vault, name: String, keys: [String], confirm: ([SyncCommand.Grant]) throws -> Bool) throws
        -> SyncCommand.Outcome
    {
        guard Trailer.isValidName(name) else {
            throw HushError(.badInput, "invalid member name \"\(name)\"", hint: "use letters, digits, '.', '_' and '-', starting with a letter or digit")
        }
        guard !keys.isEmpty else {
            throw HushError(.badInput, "no key given for \(name)", hint: "hush recipients add NAME age1… (the output of their `hush keygen`)")
        }
        // Keys are checked as the lines of a .pub file would be: recipients and signing keys.
        let given = try RecipientsFile.parseMember(keys.joined(separator: "\n"), name: name)
        let repository = vault.repository
        let file = "\(repository.recipientsFolder)/\(name).pub"
        let existing =
            FileSystem.exists(file)
            ? try RecipientsFile.parseMember(String(decoding: FileSystem.read(file), as: UTF8.self), name: name)
            : MemberKeys(recipients: [], signingKeys: [])
        let merged = MemberKeys(
            recipients: (existing.recipients + given.recipients).uniqued(), signingKeys: (existing.signingKeys + given.signingKeys).uniqued())
        try FileSystem.makeDirectories(repository.recipientsFolder)
        let before = FileSystem.exists(file) ? try FileSystem.read(file) : nil
        if merged != existing {
            let text = RecipientsFile.render(merged.recipients, signingKeys: merged.signingKeys, comment: name)
            try FileSystem.writeAtomically(file, Array(text.utf8))
        }
        do {
            return try SyncCommand.run(vault, .init(grantOnly: [name], revoke: false), confirm: confirm)
        } catch let error as HushError where error.kind == .refused {
            // Not confirmed: nothing was granted, and the member file goes back to what it was.
            if let before { try FileSystem.writeAtomically(file, before) } else { FileSystem.remove(file) }
            throw error
        }
    }

    /// Every member key: name, key type, fingerprint.
    public static func list(_ repository: Repository) throws -> [(name: String, type: String, fingerprint: String)] {
        try repository.members().map { ($0.name, $0.recipient.typeName, $0.recipient.fingerprint) }
    }
}
