/// `hush keygen` and `hush whoami`.
public enum KeyCommands {
    /// What `keygen` made: the recipient to share, and where the identity went.
    public struct Generated: Sendable {
        public let recipient: String
        /// The signing key to publish next to it (`hushsign1…`).
        public let signingKey: String
        /// The identity file's text when it was asked for on stdout (`--output -`).
        public let identityText: String?
        public let path: String?
    }

    /// Writes a new identity to `output` (default `KeyDiscovery.defaultIdentityPath`; `-` means
    /// standard output) with mode 0600, creating its folder 0700. Never overwrites without `force`.
    public static func keygen(output: String?, force: Bool) throws -> Generated {
        let identity = Identity.generate(source: "new")
        let text = identity.fileText(created: Platform.utcTimestamp())
        if output == "-" {
            return Generated(recipient: identity.recipient.text, signingKey: identity.signingPublicKey.text, identityText: text, path: nil)
        }
        let path = output ?? KeyDiscovery.defaultIdentityPath
        if FileSystem.exists(path) && !force {
            throw HushError(
                .refused, "\(path) already exists; not overwriting an identity",
                hint: "use --force to replace it (the old key is lost), or --output to write elsewhere")
        }
        try FileSystem.makeDirectories(Paths.folder(of: path), mode: 0o700)
        if force { FileSystem.remove(path) }
        try FileSystem.createNew(path, Array(text.utf8), mode: 0o600)
        return Generated(recipient: identity.recipient.text, signingKey: identity.signingPublicKey.text, identityText: nil, path: path)
    }

    /// The content of the caller's `recipients/NAME.pub` (`hush recipients pub`): the first
    /// identity's recipient and signing key, with `name` as a comment.
    public static func publicFile(identityFiles: [String], name: String?) throws -> String {
        try KeyDiscovery.identities(files: identityFiles)[0].publicFileText(name: name)
    }

    /// One line per identity found: recipient and where it came from.
    public static func whoami(identityFiles: [String]) throws -> [(recipient: String, fingerprint: String, source: String)] {
        try KeyDiscovery.identities(files: identityFiles).map { ($0.recipient.text, $0.recipient.fingerprint, $0.source) }
    }
}
