/// What a sealed file is bound to besides its own bytes: the environment it was written for
/// and the repository it lives in (docs/format.md §3.4, §7.1).
public struct FileContext: Sendable, Equatable {
    /// The 16-byte repository id from `recipients/repository`.
    let repositoryID: [UInt8]
    /// The environment name (the file name without its extension).
    public let environment: String

    init(repositoryID: [UInt8], environment: String) {
        self.repositoryID = repositoryID
        self.environment = environment
    }
}

/// A member's key for signing a write.
struct Signer {
    let name: String
    let publicKey: [UInt8]
    let secretKey: SecretBytes

    init(name: String, identity: Identity) {
        self.name = name
        (publicKey, secretKey) = identity.signingKeyPair()
    }
}

/// The whole-file digest, MAC and signature of docs/format.md §7.
enum FileAuth {
    private static let fileLabel: [UInt8] = Array("hush:v2:file".utf8)
    private static let macLabel: [UInt8] = Array("hush:v2:mac".utf8)
    private static let signatureLabel: [UInt8] = Array("hush:v2:signature".utf8)

    /// `D = H(lp("hush:v2:file") || lp(R) || lp(E) || lp(C))`, with `C` given in two parts (the
    /// body and the trailer lines above the MAC) so that neither is copied.
    static func digest(_ body: some Collection<UInt8>, _ lines: some Collection<UInt8>, context: FileContext) -> [UInt8] {
        var hash = KeyedHash()
        hash.updateLengthPrefixed(fileLabel)
        hash.updateLengthPrefixed(context.repositoryID)
        hash.updateLengthPrefixed(Array(context.environment.utf8))
        hash.update(BigEndian.u32(body.count + lines.count))
        hash.update(body)
        hash.update(lines)
        return hash.finalize()
    }

    /// `MAC = MAC_MK(lp("hush:v2:mac") || D)`.
    static func mac(digest: [UInt8], keys: FileKeys) -> [UInt8] {
        var hash = KeyedHash(key: keys.macKey)
        hash.updateLengthPrefixed(macLabel)
        hash.update(digest)
        return hash.finalize()
    }

    /// `M = lp("hush:v2:signature") || D || MAC || lp(NAME)`.
    static func signedMessage(digest: [UInt8], mac: [UInt8], name: String) -> [UInt8] {
        BigEndian.lengthPrefixed(signatureLabel) + digest + mac + BigEndian.lengthPrefixed(Array(name.utf8))
    }

    /// Completes a file: `content` is the body and every trailer line above the MAC; the MAC
    /// and signature lines are computed and appended.
    static func seal(body: [UInt8], trailer: inout Trailer, keys: FileKeys, context: FileContext, signer: Signer) -> [UInt8] {
        let lines = trailer.renderAboveMAC()
        let d = digest(body, lines, context: context)
        trailer.mac = mac(digest: d, keys: keys)
        let signature = Signing.sign(signedMessage(digest: d, mac: trailer.mac, name: signer.name), secretKey: signer.secretKey)
        trailer.signature = Trailer.Signature(name: signer.name, publicKey: signer.publicKey, signature: signature)
        return body + lines + trailer.renderSeal()
    }
}

extension FileContext {
    /// The context of environment `name` in `repository` (reads `recipients/repository`).
    static func of(_ repository: Repository, environment name: String) throws -> FileContext {
        FileContext(repositoryID: try RepositoryID.load(repository), environment: name)
    }

    /// The environment name of a sealed file's path: its file name without the extension.
    static func environmentName(ofPath path: String) -> String {
        let file = Paths.fileName(of: path)
        return file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
    }
}
