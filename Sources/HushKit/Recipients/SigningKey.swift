/// A member's public signing key (Ed25519), as `recipients/NAME.pub` lists it: `hushsign1…`
/// (Bech32 of the 32-byte key) for an age identity's derived key; an `ssh-ed25519` line is its
/// own signing key (docs/format.md §3.3).
public struct SigningPublicKey: Hashable, Sendable, CustomStringConvertible {
    static let hrp = "hushsign"

    /// The 32-byte Ed25519 public key.
    public let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The `hushsign1…` text.
    public var text: String { Bech32.encode(hrp: Self.hrp, data: bytes) }
    public var description: String { text }

    /// True when `word` looks like a `hushsign1…` key (either case), for line dispatch.
    static func looksLike(_ word: some StringProtocol) -> Bool {
        word.count >= 9 && word.prefix(9).lowercased() == "hushsign1"
    }

    /// Parses `hushsign1…`.
    static func parse(_ word: Substring) throws(KeyProblem) -> SigningPublicKey {
        let hint = "copy the line again from `hush recipients pub`; it is 67 characters starting with `hushsign1`"
        let decoded: (hrp: String, data: [UInt8])
        do {
            decoded = try Bech32.decode(word)
        } catch {
            throw KeyProblem(message: "not a valid signing key: it \(error)", hint: hint)
        }
        guard decoded.hrp == hrp, decoded.data.count == Signing.publicKeyLength else {
            throw KeyProblem(message: "not a valid signing key: it does not hold a 32-byte Ed25519 key", hint: hint)
        }
        return SigningPublicKey(bytes: decoded.data)
    }
}

extension Identity {
    /// The Ed25519 key pair this identity signs with: the SSH key itself, or for an age
    /// identity the pair of `crypto_kdf_derive_from_key(32, 1, "hushsign", x25519 secret)`.
    func signingKeyPair() -> (publicKey: [UInt8], secretKey: SecretBytes) {
        if let ssh = sshSigningKey {
            var bytes = ssh.copyBytes()
            defer { Sodium.wipe(&bytes) }
            return (Array(bytes[Signing.seedLength...]), ssh)
        }
        let seed = KeyDerivation.subkey(of: secretKey, id: 1, context: "hushsign")
        return Signing.keyPair(seed: seed)
    }

    /// The public signing key; for an SSH identity it is the Ed25519 key of its recipient.
    public var signingPublicKey: SigningPublicKey { SigningPublicKey(bytes: signingKeyPair().publicKey) }

    /// The content of this identity's `recipients/NAME.pub`: a comment, the recipient, and
    /// (for an age identity) the signing key, which an SSH key does not need.
    public func publicFileText(name: String?) -> String {
        var text = name.map { "# \($0)\n" } ?? ""
        text += recipient.text + "\n"
        if recipient.kind == .x25519 { text += signingPublicKey.text + "\n" }
        return text
    }
}
