/// A sealed file parsed into body, leaves and trailer, not yet opened. Reading follows the
/// check order of docs/format.md §11: `parse` (checks 1–5), `checkSignature` (6), `unlock`
/// (7–9), `decrypt` (10–11).
struct SealedFile {
    let syntax: Syntax
    /// How the file is named in messages (repository-relative path).
    let file: String
    /// What the file is bound to; nil when only its structure is checked (`hush scan`).
    let context: FileContext?
    /// Body, outline and tokens are empty once `release` dropped them (a read-only open).
    private(set) var body: [UInt8]
    private(set) var outline: DocumentOutline
    let trailer: Trailer
    /// The parsed token of each leaf (nil for an unsealed empty leaf), aligned with `outline.leaves`.
    /// A YAML token read from the bytes (`parse(readOnly:)`) keeps only its version and type,
    /// its payload empty: `token(at:)` and `decrypt` parse its text again.
    private(set) var tokens: [Token?]
    /// `D` of §7.1, over the bytes as stored.
    let digest: [UInt8]
    /// True when leaves may have no `value` text (a file parsed with `readOnly`): the unquoted
    /// values of a dotenv file, every value of a YAML file. Their token text is then read
    /// from `body[leaf.range]` (`tokenText`).
    var valuesFromBytes = false
    /// True once `release` dropped body, outline and tokens.
    private(set) var released = false

    /// The file as stored (the trailer is canonical, so rendering it gives its bytes back).
    var bytes: [UInt8] {
        precondition(!released, "the body of a file opened read-only is released")
        return body + trailer.renderAboveMAC() + trailer.renderSeal()
    }

    /// True when `other` is the file as stored: `other == bytes`, without building `bytes`.
    func isStored(as other: [UInt8]) -> Bool {
        precondition(!released, "the body of a file opened read-only is released")
        let above = trailer.renderAboveMAC()
        let seal = trailer.renderSeal()
        guard other.count == body.count + above.count + seal.count else { return false }
        return Bytes.equal(other[..<body.count], body) && Bytes.equal(other[body.count..<(body.count + above.count)], above)
            && Bytes.equal(other[(body.count + above.count)...], seal)
    }

    /// Drops the body, outline and tokens: what a read-only open (`decrypt` with `keepTokens`
    /// false) no longer needs once the values are open. Held while the plaintext and its
    /// outline were built, they were most of the memory of opening a large file.
    mutating func release() {
        body = []
        outline = DocumentOutline(leaves: [], mappings: [])
        tokens = []
        released = true
    }

    /// Where a leaf is, for messages: built only on failure, since it is costly for every value.
    static func place(_ leaf: Leaf, _ file: String) -> String {
        "\(file):\(leaf.line): value of \(KeyPath.display(leaf.path))"
    }

    /// Check 6: the signer is a member the policy lets write this environment, signing with
    /// one of their keys, and the signature verifies. Needs no private key.
    /// `requireWriter` false accepts a signer the policy no longer lets write (still a member
    /// with that key): `hush sync` re-seals such files after a policy narrowed someone's access.
    func checkSignature(_ membership: Membership, requireWriter: Bool = true) throws {
        precondition(context != nil, "a signature is checked against a context")
        try Self.verifySignature(
            trailer, digest: digest, file: file, environment: context!.environment, membership, requireWriter: requireWriter)
    }

    /// Check 6 on a split file without scanning its body (`hush access --check`).
    static func checkSignature(body: [UInt8], trailer: Trailer, file: String, context: FileContext, _ membership: Membership) throws {
        let digest = FileAuth.digest(body, trailer.renderAboveMAC(), context: context)
        try verifySignature(trailer, digest: digest, file: file, environment: context.environment, membership)
    }

    private static func verifySignature(
        _ trailer: Trailer, digest: [UInt8], file: String, environment: String, _ membership: Membership, requireWriter: Bool = true
    ) throws {
        guard let signature = trailer.signature else {
            throw HushError(.integrity, "\(file) is not signed", hint: "restore the file from git")
        }
        let name = signature.name
        guard membership.memberNames.contains(name) || membership.signingKeys[name] != nil else {
            throw HushError(
                .integrity, "\(file) is signed by \(name), who is not a member (no recipients/\(name).pub)",
                hint: "a file written outside the team: restore it from git (`git log -- .secrets/` shows who changed it)")
        }
        guard membership.signingKeys[name]?.contains(signature.publicKey) ?? false else {
            throw HushError(
                .integrity, "\(file) is signed by \(name) with a key that recipients/\(name).pub does not list",
                hint: "if \(name) has a new key, they publish it with `hush recipients pub > recipients/\(name).pub`; else restore the file from git")
        }
        guard !requireWriter || membership.policy.writers(of: environment, members: membership.memberNames).contains(name) else {
            throw HushError(
                .integrity, "\(file) is signed by \(name), whom \(AccessPolicy.fileName) does not allow to write \(environment)",
                hint: "restore the file from git, or have a writer of \(environment) re-seal it")
        }
        let message = FileAuth.signedMessage(digest: digest, mac: trailer.mac, name: name)
        guard Signing.verify(signature.signature, message: message, publicKey: signature.publicKey) else {
            throw HushError(
                .integrity,
                "\(file) failed its signature check: it was changed after \(name) signed it, or it was written for another environment or repository",
                hint: "inspect `git diff -- \(file)` and restore the file from git")
        }
    }

    /// The names of the recipients the file is sealed to, each once, in file order.
    var recipientNames: [String] {
        var seen = Set<String>()
        return trailer.wraps.map(\.name).filter { seen.insert($0).inserted }
    }

    /// Checks 7–9: finds the wrap whose recipient text is one of `identities`' (other wraps are
    /// never tried), opens it, then checks the MAC with that data key. A wrap made for one of
    /// the identities that does not open is reported as damage, not as "no key".
    func unlock(with identities: [Identity]) throws -> FileKeys {
        try unlockWithIdentity(identities).keys
    }

    /// `unlock`, also saying which identity opened the file (the one that signs a rewrite).
    func unlockWithIdentity(_ identities: [Identity]) throws -> (keys: FileKeys, identity: Identity) {
        var damaged: String?
        for identity in identities {
            for wrap in trailer.wraps where wrap.key == identity.recipient.text {
                guard let dek = try? KeyAgreement.open(wrap.wrapped, publicKey: identity.recipient.x25519PublicKey, secretKey: identity.secretKey),
                    dek.count == KeyDerivation.keyLength
                else {
                    damaged = damaged ?? wrap.name
                    continue
                }
                let keys = FileKeys(dek: dek)
                try verifyMAC(keys)
                return (keys, identity)
            }
        }
        if let damaged {
            throw HushError(
                .integrity, "\(file): the data key wrapped for \(damaged) (your key) does not open: the recipient line is damaged",
                hint: "restore the file from git, or ask another recipient to run `hush sync`")
        }
        throw noKeyError(identities)
    }

    func verifyMAC(_ keys: FileKeys) throws {
        precondition(context != nil, "a MAC is checked against a context")
        guard Sodium.constantTimeEqual(FileAuth.mac(digest: digest, keys: keys), trailer.mac) else {
            throw HushError(
                .integrity, "\(file) failed its integrity check (MAC mismatch): it was changed without its key, or is corrupt",
                hint: "inspect `git diff -- \(file)` and restore the file from git")
        }
    }

    private func noKeyError(_ identities: [Identity]) -> HushError {
        let mine =
            identities.isEmpty
            ? "no identity found"
            : identities.map { "\($0.recipient.fingerprint) (\($0.source))" }.joined(separator: ", ")
        return HushError(
            .noKey, "none of your identities opens \(file); it is sealed to: \(recipientNames.joined(separator: ", ")); yours: \(mine)",
            hint: "ask one of them to add your recipient (`hush whoami` prints it) with `hush recipients add NAME KEY`, or pass --identity FILE")
    }
}
