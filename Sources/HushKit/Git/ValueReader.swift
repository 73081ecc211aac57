/// Opens values of past revisions for `hush log --values`: a revision is read only when one of
/// the caller's identities holds a wrap in it and its MAC verifies; data keys are cached by
/// wrap, since a file keeps its wraps (and data key) from one revision to the next.
final class ValueReader {
    /// What the caller can do with one revision.
    enum Access {
        case open(FileKeys)
        /// None of the caller's identities is a recipient of this revision.
        case sealed
        /// The caller's wrap does not open, or the MAC does not verify.
        case damaged
    }

    private let identities: [Identity]
    /// Nil when the repository has no id: then no revision verifies.
    private let repositoryID: [UInt8]?
    private var keysByWrap: [[UInt8]: FileKeys] = [:]

    init(identities: [Identity], repositoryID: [UInt8]?) {
        self.identities = identities
        self.repositoryID = repositoryID
    }

    func access(_ revision: FileRevision) -> Access {
        if let known = revision.opened, known.reader == ObjectIdentifier(self) { return known.access }
        let result = unlock(revision)
        revision.opened = (ObjectIdentifier(self), result)
        return result
    }

    private func unlock(_ revision: FileRevision) -> Access {
        guard let trailer = revision.trailer, let repositoryID else { return .damaged }
        var keys: FileKeys?
        var damaged = false
        search: for identity in identities {
            for wrap in trailer.wraps where wrap.key == identity.recipient.text {
                if let known = keysByWrap[wrap.wrapped] {
                    keys = known
                    break search
                }
                guard let dek = try? KeyAgreement.open(wrap.wrapped, publicKey: identity.recipient.x25519PublicKey, secretKey: identity.secretKey),
                    dek.count == KeyDerivation.keyLength
                else {
                    damaged = true
                    continue
                }
                keys = FileKeys(dek: dek)
                keysByWrap[wrap.wrapped] = keys
                break search
            }
        }
        guard let keys else { return damaged ? .damaged : .sealed }
        // The whole revision is authenticated; its signature is not checked here, since a past
        // writer may have left the team since (`hush verify` checks the current files).
        let sealLength = trailer.renderSeal().count
        let content = revision.bytes[..<(revision.bytes.count - sealLength)]
        let context = FileContext(repositoryID: repositoryID, environment: revision.environment)
        let mac = FileAuth.mac(digest: FileAuth.digest(content, [UInt8](), context: context), keys: keys)
        return Sodium.constantTimeEqual(mac, trailer.mac) ? .open(keys) : .damaged
    }

    /// The value of slot `index` of `revision`, decoded as `hush get` prints it.
    func value(_ revision: FileRevision, _ index: Int) -> KeyHistory.Value {
        switch access(revision) {
        case .sealed: return .sealed
        case .damaged: return .damaged
        case .open(let keys):
            let token = revision.token(index)
            guard !token.isEmpty else { return .text("") }
            guard let parsed = try? Token.parse(Array(token)), var raw = try? parsed.open(path: revision.slots[index].path, keys: keys) else {
                return .damaged
            }
            defer { Sodium.wipe(&raw) }
            return .text(Self.decode(raw, syntax: revision.syntax))
        }
    }

    /// A value's source text (quotes, escapes, block-scalar header) decoded, by reading it as
    /// the only value of a one-line document; the source text itself if that fails.
    static func decode(_ raw: [UInt8], syntax: Syntax) -> String {
        let document = Array((syntax == .yaml ? "k: " : "K=").utf8) + raw + [0x0A]
        guard let outline = try? syntax.scan(document, file: "value"), outline.leaves.count == 1 else {
            return String(decoding: raw, as: UTF8.self)
        }
        return outline.leaves[0].value
    }
}
