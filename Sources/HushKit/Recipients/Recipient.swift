/// A public key that files are sealed to: an age X25519 recipient (`age1…`) or an SSH Ed25519
/// public key (`ssh-ed25519 AAAA…`), which Hush converts to X25519.
///
/// Two recipients are equal when their canonical `text` is equal; the SSH comment field is not
/// part of it.
public struct Recipient: Hashable, Sendable, CustomStringConvertible {
    /// The kind of key the recipient was written as.
    public enum Kind: String, Hashable, Sendable {
        /// An age X25519 recipient, `age1…`.
        case x25519
        /// An OpenSSH Ed25519 public key, `ssh-ed25519 AAAA…`.
        case sshEd25519
    }

    /// How the key was written.
    public let kind: Kind
    /// Canonical text: lowercase `age1…`, or `ssh-ed25519 <base64>` without a comment.
    public let text: String
    /// The 32-byte X25519 public key that sealed boxes are made to (for SSH keys, converted
    /// from the Ed25519 key).
    public let x25519PublicKey: [UInt8]
    /// The Ed25519 public key of an `ssh-ed25519` recipient, which is also its signing key.
    let ed25519PublicKey: [UInt8]?

    init(kind: Kind, text: String, x25519PublicKey: [UInt8], ed25519PublicKey: [UInt8]? = nil) {
        self.kind = kind
        self.text = text
        self.x25519PublicKey = x25519PublicKey
        self.ed25519PublicKey = ed25519PublicKey
    }

    /// The key type as shown to people: `age` or `ssh-ed25519`.
    public var typeName: String { kind == .x25519 ? "age" : "ssh-ed25519" }

    /// A short fingerprint for people to compare, e.g. in `hush whoami` and access listings.
    ///
    /// Rule: `"SHA256:"` followed by the first 16 characters of the standard (RFC 4648 §4)
    /// Base64 encoding, without padding, of SHA-256 over the 32-byte X25519 public key;
    /// 16 characters carry 96 bits. Because it hashes the X25519 key, it is not the
    /// fingerprint `ssh-keygen -l` prints for an SSH key (that one hashes the SSH key blob).
    public var fingerprint: String {
        "SHA256:" + Sodium.base64Encode(SHA256.hash(x25519PublicKey), .original).prefix(16)
    }

    /// The canonical text.
    public var description: String { text }

    /// Parses one public key: `age1…` (either case) or `ssh-ed25519 AAAA… [comment]`.
    /// Surrounding white space is ignored.
    ///
    /// Throws a `.badInput` `HushError` for a private key (without echoing it), other SSH key
    /// types, damaged encodings, wrong lengths and keys that are not valid curve points.
    public static func parse(_ text: some StringProtocol) throws(HushError) -> Recipient {
        do {
            return try parseKey(KeyText.trimmed(Substring(text)))
        } catch {
            throw error.error(what: "recipient")
        }
    }

    /// Parses a trimmed, non-comment line; shared with `RecipientsFile`, which adds the location.
    static func parseKey(_ text: Substring) throws(KeyProblem) -> Recipient {
        guard !text.isEmpty else {
            throw KeyProblem(
                message: "empty; expected `age1…` or `ssh-ed25519 AAAA…`",
                hint: "give the public key: `age-keygen -y KEYFILE` or the SSH key's `.pub` file")
        }
        // Checked first: a private key must never reach the messages below.
        if KeyText.looksLikePrivateKey(text) { throw .privateKeyAsRecipient }
        let fields = KeyText.fields(text)
        let type = fields[0]
        if type.count >= 4, type.prefix(4).lowercased() == "age1" {
            guard fields.count == 1 else {
                throw KeyProblem(
                    message: "unexpected text after the age recipient",
                    hint: "put comments on their own line, starting with #")
            }
            return try parseAge(type)
        }
        if type == SSHWire.ed25519 { return try parseSSH(fields) }
        if type.hasPrefix("ssh-") || type.hasPrefix("ecdsa-") || type.hasPrefix("sk-") {
            throw .unsupportedSSH(type: type)
        }
        if type.hasPrefix("-----BEGIN") || type.hasPrefix("----") {
            throw KeyProblem(
                message: "a PEM or RFC 4716 public key is not supported here",
                hint: "use the one-line `ssh-ed25519 AAAA…` form; `ssh-keygen -i -f FILE` converts it")
        }
        throw KeyProblem(
            message: "not a recognised public key; expected `age1…` or `ssh-ed25519 AAAA…`",
            hint: "get it with `age-keygen -y KEYFILE` or from the SSH key's `.pub` file")
    }

    /// `age1` + Bech32 of the 32-byte X25519 key.
    private static func parseAge(_ word: Substring) throws(KeyProblem) -> Recipient {
        let decoded: (hrp: String, data: [UInt8])
        do {
            decoded = try Bech32.decode(word)
        } catch {
            throw KeyProblem(
                message: "not a valid age recipient: it \(error)",
                hint: "copy the recipient again; it is 62 characters starting with `age1`")
        }
        // A longer prefix such as `age1yubikey` names an age plugin, which Hush cannot run.
        if decoded.hrp.hasPrefix("age1") { throw .agePlugin }
        guard decoded.hrp == "age", decoded.data.count == KeyAgreement.publicKeyLength else {
            throw KeyProblem(
                message: "not a valid age recipient: it holds \(decoded.data.count) bytes instead of 32",
                hint: "copy the recipient again; it is 62 characters starting with `age1`")
        }
        return try x25519(publicKey: decoded.data)
    }

    /// `ssh-ed25519 <base64 blob> [comment]`; the comment is dropped.
    private static func parseSSH(_ fields: [Substring]) throws(KeyProblem) -> Recipient {
        let hint = "copy the whole line of the `.pub` file again, or print it with `ssh-keygen -y -f KEYFILE`"
        guard fields.count >= 2 else {
            throw KeyProblem(message: "the base64 key after ssh-ed25519 is missing", hint: hint)
        }
        guard let blob = try? Sodium.base64Decode(Array(fields[1].utf8), .original) else {
            throw KeyProblem(message: "not a valid ssh-ed25519 key: its base64 is damaged", hint: hint)
        }
        guard let edKey = SSHWire.ed25519PublicKey(fromBlob: blob) else {
            if let inner = SSHWire.keyType(ofBlob: blob), inner != SSHWire.ed25519, inner.hasPrefix("ssh-") || inner.hasPrefix("ecdsa-") {
                throw .unsupportedSSH(type: Substring(inner))
            }
            throw KeyProblem(message: "not a valid ssh-ed25519 key: its key data is damaged", hint: hint)
        }
        return try sshEd25519(publicKey: edKey)
    }

    /// True when `text` is a recipient in its canonical form (`age1…` lower case, or
    /// `ssh-ed25519 BASE64` without a comment), checked without curve arithmetic: a sealed
    /// file's recipient lines are only compared with identities, so a reader needs the one
    /// spelling, not the point check that `parse` does for keys Hush encrypts to.
    static func isCanonicalText(_ text: String) -> Bool {
        if text.hasPrefix("age1") {
            guard let decoded = try? Bech32.decode(text), decoded.hrp == "age", decoded.data.count == KeyAgreement.publicKeyLength,
                KeyAgreement.isCanonicalFieldElement(decoded.data)
            else { return false }
            return Bech32.encode(hrp: "age", data: decoded.data) == text
        }
        let prefix = SSHWire.ed25519 + " "
        guard text.hasPrefix(prefix), let blob = try? Sodium.base64Decode(Array(text.utf8.dropFirst(prefix.utf8.count)), .original),
            let edKey = SSHWire.ed25519PublicKey(fromBlob: blob), KeyAgreement.isCanonicalFieldElement(edKey, signBit: true)
        else { return false }
        return prefix + Sodium.base64Encode(SSHWire.ed25519Blob(publicKey: edKey), .original) == text
    }

    /// The recipient of an X25519 public key, refusing small-order points.
    static func x25519(publicKey: [UInt8]) throws(KeyProblem) -> Recipient {
        guard KeyAgreement.isUsablePublicKey(publicKey) else { throw .invalidPoint }
        return Recipient(kind: .x25519, text: Bech32.encode(hrp: "age", data: publicKey), x25519PublicKey: publicKey)
    }

    /// The recipient of an Ed25519 public key; fails if it is not a valid, prime-order point.
    static func sshEd25519(publicKey edKey: [UInt8]) throws(KeyProblem) -> Recipient {
        guard let converted = try? KeyAgreement.x25519PublicKey(fromEd25519: edKey),
            KeyAgreement.isUsablePublicKey(converted)
        else { throw .invalidPoint }
        let text = SSHWire.ed25519 + " " + Sodium.base64Encode(SSHWire.ed25519Blob(publicKey: edKey), .original)
        return Recipient(kind: .sshEd25519, text: text, x25519PublicKey: converted, ed25519PublicKey: edKey)
    }
}
