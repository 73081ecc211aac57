/// A private key that opens files: an age X25519 identity (`AGE-SECRET-KEY-1…`) or an
/// unencrypted OpenSSH Ed25519 key, converted to X25519.
///
/// The secret key stays in `SecretBytes`; `description` shows only the public side.
public struct Identity: Sendable, CustomStringConvertible {
    /// The matching public key. For an SSH identity this is the `ssh-ed25519` recipient, so it
    /// equals the line that was added to the recipients file from the `.pub` file.
    public let recipient: Recipient
    /// The X25519 secret key whose public key is `recipient.x25519PublicKey`.
    let secretKey: SecretBytes
    /// Where the identity was loaded from (a path or a variable name), for `hush whoami` and errors.
    public let source: String
    /// The Ed25519 secret key (seed || public key) of an SSH identity, which signs as itself;
    /// nil for an age identity, whose signing key is derived (`signingKeyPair`).
    let sshSigningKey: SecretBytes?

    init(recipient: Recipient, secretKey: SecretBytes, source: String, sshSigningKey: SecretBytes? = nil) {
        self.recipient = recipient
        self.secretKey = secretKey
        self.source = source
        self.sshSigningKey = sshSigningKey
    }

    /// A new random age X25519 identity.
    public static func generate(source: String) -> Identity {
        let secretKey = KeyAgreement.generateSecretKey()
        let publicKey = KeyAgreement.publicKey(of: secretKey)
        // The public key of a clamped scalar is never a small-order point, so no check is needed.
        let recipient = Recipient(kind: .x25519, text: Bech32.encode(hrp: "age", data: publicKey), x25519PublicKey: publicKey)
        return Identity(recipient: recipient, secretKey: secretKey, source: source)
    }

    /// The secret key as age writes it, `AGE-SECRET-KEY-1…` in upper case; nil for an SSH
    /// identity, whose secret lives in the SSH key file. The returned String cannot be wiped:
    /// write it out and drop it.
    public var encodedSecret: String? {
        guard recipient.kind == .x25519 else { return nil }
        var bytes = secretKey.copyBytes()
        defer { Sodium.wipe(&bytes) }
        return Bech32.encode(hrp: AgeIdentityLines.hrp, data: bytes)
    }

    /// The content of an identity file in age-keygen's layout, which `age -i` also reads:
    ///
    ///     # created: 2024-05-01T12:00:00Z      (only when `created` is given)
    ///     # public key: age1…
    ///     AGE-SECRET-KEY-1…
    ///
    /// `created` is written as given (age-keygen uses RFC 3339). Only for age identities:
    /// an SSH identity has no `encodedSecret` and calling this on one is a programming error.
    public func fileText(created: String? = nil) -> String {
        guard let secret = encodedSecret else {
            preconditionFailure("Identity.fileText is only for age identities")
        }
        var text = created.map { "# created: \($0)\n" } ?? ""
        text += "# public key: \(recipient.text)\n"
        text += secret + "\n"
        return text
    }

    /// Who this is, without any secret: the recipient, its fingerprint and the source.
    public var description: String { "\(recipient.text) (\(recipient.fingerprint)) from \(source)" }

    /// Parses the content of an identity file loaded from `source`:
    ///
    /// - age style: `AGE-SECRET-KEY-1…` lines, with blank lines and `#` comments (as written by
    ///   age-keygen and `fileText`); several keys are allowed;
    /// - an unencrypted OpenSSH Ed25519 private key (`-----BEGIN OPENSSH PRIVATE KEY-----`).
    ///
    /// Throws a `.badInput` `HushError` naming `source` (and the line, for age files) for a
    /// passphrase-protected key, RSA/ECDSA/PEM keys, a public key given instead, damaged keys,
    /// or a file without any key. Messages never contain key text.
    public static func parseAll(_ text: String, source: String) throws(HushError) -> [Identity] {
        let start = KeyText.trimmed(Substring(text))
        if start.hasPrefix(OpenSSHPrivateKey.beginMarker) {
            return [try parseOpenSSH(text, source: source)]
        }
        if start.hasPrefix("-----BEGIN") || start.hasPrefix("age-encryption.org/") {
            throw armorProblem(start).error(source: source)
        }
        return try AgeIdentityLines.parse(text, source: source)
    }

    private static func parseOpenSSH(_ text: String, source: String) throws(HushError) -> Identity {
        do throws(KeyProblem) {
            let (edPublic, edSecret) = try OpenSSHPrivateKey.parse(text)
            let recipient = try Recipient.sshEd25519(publicKey: edPublic)
            guard let secretKey = try? KeyAgreement.x25519SecretKey(fromEd25519: edSecret),
                KeyAgreement.publicKey(of: secretKey) == recipient.x25519PublicKey
            else {
                // The stored public key is not the one the seed gives: the file was altered.
                throw KeyProblem(
                    message: "the SSH key's private and public parts do not belong together",
                    hint: "the file is damaged; use another copy of the key")
            }
            return Identity(recipient: recipient, secretKey: secretKey, source: source, sshSigningKey: edSecret)
        } catch {
            throw error.error(source: source)
        }
    }

    /// Why an armored text other than an OpenSSH private key cannot be an identity.
    private static func armorProblem(_ start: Substring) -> KeyProblem {
        let firstLine = start.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        if firstLine.contains("AGE ENCRYPTED FILE") || start.hasPrefix("age-encryption.org/") {
            return KeyProblem(
                message: "passphrase-protected age identity files are not supported",
                hint: "decrypt a copy with `age -d` into a file only you can read, or create a Hush identity with `hush keygen`")
        }
        if firstLine.contains("PRIVATE KEY") {
            return KeyProblem(
                message: "this private key format is not supported; Hush reads OpenSSH-format ssh-ed25519 keys",
                hint: "create a key with `ssh-keygen -t ed25519` or a Hush identity with `hush keygen`")
        }
        return .publicKeyAsIdentity
    }
}
