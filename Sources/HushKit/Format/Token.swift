/// A sealed value as it appears in a file: `ENC[hush:v2,T,DATA]` (docs/format.md §5.2).
/// Version 1 tokens are read only by `LegacyFile`, for `hush upgrade`.
struct Token {
    /// The token versions this build knows.
    enum Version: String, Sendable {
        case v1, v2

        // Static strings, not `static let` arrays: an array is reference counted, and threads
        // opening tokens side by side retained the same one for every token, passing its
        // cache line back and forth (parsing 10,000 tokens on two threads was no faster).
        var prefix: StaticString {
            switch self {
            case .v1: "ENC[hush:v1,"
            case .v2: "ENC[hush:v2,"
            }
        }
        /// Followed by a zero byte in the associated data.
        fileprivate var valueLabel: StaticString {
            switch self {
            case .v1: "hush:v1:value"
            case .v2: "hush:v2:value"
            }
        }
    }

    /// What a token's associated data binds it to besides its type.
    enum Binding {
        /// A value at a key path (and a conflict's other side).
        case path([PathComponent])
        /// The value of an exposed mark, which follows the value wherever it is (§6.1).
        case exposed

        var isExposed: Bool {
            if case .exposed = self { true } else { false }
        }

        var path: [PathComponent]? {
            if case .path(let path) = self { path } else { nil }
        }
    }

    static let prefix: [UInt8] = Array("ENC[hush:".utf8)
    static let paddingBlock = 16
    /// Followed by a zero byte in the associated data.
    private static let exposedLabel: StaticString = "hush:v2:exposed"

    var version: Version = .v2
    var type: ValueType
    /// nonce || ciphertext || tag
    var payload: [UInt8]

    /// True when `text` starts like a Hush token of any version.
    static func looksLikeToken(_ text: some Collection<UInt8>) -> Bool {
        text.starts(with: prefix)
    }

    /// `prefix`, where no array is wanted (see `Version.prefix`).
    private static let prefixText: StaticString = "ENC[hush:"

    /// Parses token text of `version`. Errors say what is wrong in words; the caller adds the
    /// key and line.
    static func parse(_ text: some Collection<UInt8>, version: Version = .v2) throws(TokenProblem) -> Token {
        if let slice = text as? ArraySlice<UInt8> { return try parse(slice, version: version) }
        return try parse((text as? [UInt8] ?? Array(text))[...], version: version)
    }

    /// On a slice of the file's bytes, without copying the token text out first. Without
    /// `keepingPayload`, the payload is checked but not kept (empty): for a reader that parses
    /// the text again when it opens the token.
    static func parse(_ text: ArraySlice<UInt8>, version: Version = .v2, keepingPayload: Bool = true) throws(TokenProblem) -> Token {
        guard Bytes.starts(text, with: prefixText) else { throw .notAToken }
        let versionPrefix = version.prefix
        guard Bytes.starts(text, with: versionPrefix) else {
            let found = text.dropFirst(prefixText.utf8CodeUnitCount).prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "]") }
            throw .unknownVersion(String(decoding: found, as: UTF8.self))
        }
        let rest = text.dropFirst(versionPrefix.utf8CodeUnitCount)
        guard rest.count >= 4, let typeByte = rest.first, let type = ValueType(rawValue: typeByte),
            rest[rest.startIndex + 1] == UInt8(ascii: ","), text.last == UInt8(ascii: "]")
        else { throw .malformed }
        let data = rest.dropFirst(2).dropLast()
        let minimum = ValueCipher.nonceLength + ValueCipher.tagLength + paddingBlock
        guard keepingPayload else {
            guard let count = TokenBase64.decodedCount(data), count >= minimum else { throw .malformed }
            return Token(version: version, type: type, payload: [])
        }
        guard let payload = TokenBase64.decode(data), payload.count >= minimum else { throw .malformed }
        return Token(version: version, type: type, payload: payload)
    }

    /// The token text.
    var text: String {
        "ENC[hush:\(version.rawValue),\(Character(Unicode.Scalar(type.rawValue))),\(TokenBase64.encode(payload))]"
    }

    /// Seals `raw` (the value's exact source text) with a fresh or given nonce.
    static func seal(raw: [UInt8], type: ValueType, binding: Binding, keys: FileKeys, nonce: [UInt8]? = nil) -> Token {
        let nonce = nonce ?? Sodium.randomBytes(ValueCipher.nonceLength)
        var padded = Sodium.pad(raw, blockSize: paddingBlock)
        defer { Sodium.wipe(&padded) }
        let ad = associatedData(.v2, type, binding)
        let sealed = ValueCipher.seal(padded, associatedData: ad, nonce: nonce, key: keys.valueKey)
        return Token(version: .v2, type: type, payload: nonce + sealed)
    }

    /// Seals `raw` for the leaf at `path`.
    static func seal(raw: [UInt8], type: ValueType, path: [PathComponent], keys: FileKeys, nonce: [UInt8]? = nil) -> Token {
        seal(raw: raw, type: type, binding: .path(path), keys: keys, nonce: nonce)
    }

    /// Opens the token; the result is the value's raw source text.
    func open(_ binding: Binding, keys: FileKeys) throws(CryptoFailure) -> [UInt8] {
        try keys.valueKey.withBytes { key throws(CryptoFailure) in try open(binding, valueKey: key) }
    }

    /// `open` with the value key's bytes, for callers opening many tokens on several threads:
    /// they take the key out of its shared `SecretBytes` once instead of retaining that one
    /// object for every token.
    func open(_ binding: Binding, valueKey: UnsafeRawBufferPointer) throws(CryptoFailure) -> [UInt8] {
        var plain = try ValueCipher.open(payload: payload, associatedData: Self.associatedData(version, type, binding), key: valueKey)
        // Unpadded in place: what is cut off is the padding (0x80, then zeros), not value bytes,
        // so the buffer needs no second copy and no wipe (10,000 of each per `exec`).
        do {
            plain.removeSubrange(try Sodium.unpaddedLength(plain, blockSize: Self.paddingBlock)...)
        } catch {
            Sodium.wipe(&plain)
            throw error
        }
        return plain
    }

    /// Opens the token of the leaf at `path`.
    func open(path: [PathComponent], keys: FileKeys) throws(CryptoFailure) -> [UInt8] {
        try open(.path(path), keys: keys)
    }

    /// `label || 0 || type || encoded path` (docs/format.md §5.1).
    private static func associatedData(_ version: Version, _ type: ValueType, _ binding: Binding) -> [UInt8] {
        let label = binding.isExposed ? exposedLabel : version.valueLabel
        var ad: [UInt8] = []
        ad.reserveCapacity(label.utf8CodeUnitCount + 2 + (binding.path.map(KeyPath.encodedCount) ?? 0))
        ad.append(contentsOf: UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount))
        ad.append(0)
        ad.append(type.rawValue)
        if let path = binding.path { KeyPath.encode(path, into: &ad) }
        return ad
    }
}

/// Why token text could not be parsed.
enum TokenProblem: Error, Equatable {
    case notAToken
    case unknownVersion(String)
    case malformed
}

/// A file's data key and the two subkeys derived from it (docs/format.md §3.5).
struct FileKeys: Sendable {
    let dek: SecretBytes
    let valueKey: SecretBytes
    let macKey: SecretBytes

    init(dek: SecretBytes) {
        self.dek = dek
        valueKey = KeyDerivation.subkey(of: dek, id: 1, context: "hushfile")
        macKey = KeyDerivation.subkey(of: dek, id: 2, context: "hushfile")
    }

    /// Subkey 3: keys `hush scan`'s fingerprints of this file's values (not part of the format).
    var fingerprintKey: SecretBytes { KeyDerivation.subkey(of: dek, id: 3, context: "hushfile") }

    static func random() -> FileKeys { FileKeys(dek: KeyDerivation.randomDataKey()) }
}
