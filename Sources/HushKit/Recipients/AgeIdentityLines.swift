/// age's identity file format: one `AGE-SECRET-KEY-1…` per line, blank lines and `#` comments
/// allowed (age-keygen writes `# created:` and `# public key:` comments).
enum AgeIdentityLines {
    /// The Bech32 human-readable part of an age secret key, as written (upper case).
    static let hrp = "AGE-SECRET-KEY-"

    /// The identities of an age-style identity file, in file order.
    static func parse(_ text: String, source: String) throws(HushError) -> [Identity] {
        var identities: [Identity] = []
        for line in KeyText.lines(text) where !line.isBlankOrComment {
            do {
                identities.append(try parseLine(line.text, source: source))
            } catch {
                throw error.error(file: source, line: line)
            }
        }
        guard !identities.isEmpty else {
            throw HushError(
                .badInput, "\(source): no identity found",
                hint: "an identity file holds `AGE-SECRET-KEY-1…` lines or one OpenSSH private key; create one with `hush keygen`")
        }
        return identities
    }

    /// One non-comment line, which must be exactly one age secret key.
    private static func parseLine(_ text: Substring, source: String) throws(KeyProblem) -> Identity {
        let head = text.prefix(16).uppercased()
        guard head.hasPrefix(hrp) else {
            if head.hasPrefix("AGE-PLUGIN-") { throw .agePlugin }
            let first = KeyText.fields(text)[0]
            if first.lowercased().hasPrefix("age1") || first.hasPrefix("ssh-") || first.hasPrefix("ecdsa-") {
                throw .publicKeyAsIdentity
            }
            throw KeyProblem(
                message: "not an identity; expected `AGE-SECRET-KEY-1…` lines or an OpenSSH private key",
                hint: "check that this is the private key file; `hush keygen` creates one")
        }
        guard KeyText.fields(text).count == 1 else {
            throw KeyProblem(
                message: "unexpected text after the secret key",
                hint: "put comments on their own line, starting with #")
        }
        let hint = "the line must be exactly as age-keygen or `hush keygen` wrote it (74 characters)"
        var decoded: (hrp: String, data: [UInt8])
        do {
            decoded = try Bech32.decode(text)
        } catch {
            throw KeyProblem(message: "not a valid age secret key: it \(error)", hint: hint)
        }
        defer { Sodium.wipe(&decoded.data) }
        guard decoded.hrp == hrp.lowercased(), decoded.data.count == KeyAgreement.secretKeyLength else {
            throw KeyProblem(message: "not a valid age secret key: it does not hold a 32-byte key", hint: hint)
        }
        // Straight from the decoded array: a `var` copy would share its buffer, and wiping one
        // copy-on-write array would then zero a fresh copy and leave the original behind.
        let secretKey = SecretBytes(consuming: &decoded.data)
        // Derived, not stored: age identities do not carry their public key.
        let recipient = try Recipient.x25519(publicKey: KeyAgreement.publicKey(of: secretKey))
        return Identity(recipient: recipient, secretKey: secretKey, source: source)
    }
}
