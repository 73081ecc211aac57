/// A sealed value as it appears in a file: `ENC[hush:v2,T,DATA]` (docs/format.md §5.2).
/// Version 1 tokens are read only by `LegacyFile`, for `hush upgrade`.
struct Token {
    /// The token versions this build knows.
    enum Version: String, Sendable {
        case v1, v2

        var prefix: [UInt8] {
            switch self {
            case .v1: Self.v1Prefix
            case .v2: Self.v2Prefix
            }
        }
        fileprivate var valueLabel: [UInt8] {
            switch self {
            case .v1: Self.v1Label
            case .v2: Self.v2Label
            }
        }
        // Built once: a 10,000-value file asks for them 10,000 times.
        private static let v1Prefix = Array("ENC[hush:v1,".utf8)
        private static let v2Prefix = Array("ENC[hush:v2,".utf8)
        private static let v1Label = Array("hush:v1:value".utf8) + [0]
        private static let v2Label = Array("hush:v2:value".utf8) + [0]
    }

    /// What a token's associated data binds it to besides its type.
    enum Binding {
        /// A value at a key path (and a conflict's other side).
        case path([PathComponent])
        /// The value of an exposed mark, which follows the value wherever it is (§6.1).
        case exposed
    }

    static let prefix: [UInt8] = Array("ENC[hush:".utf8)
    static let paddingBlock = 16
    private static let exposedLabel: [UInt8] = Array("hush:v2:exposed".utf8) + [0]

    var version: Version = .v2
    var type: ValueType
    /// nonce || ciphertext || tag
    var payload: [UInt8]

    /// True when `text` starts like a Hush token of any version.
    static func looksLikeToken(_ text: some Collection<UInt8>) -> Bool {
        text.starts(with: prefix)
    }

    /// Parses token text of `version`. Errors say what is wrong in words; the caller adds the
    /// key and line.
    static func parse(_ text: some Collection<UInt8>, version: Version = .v2) throws(TokenProblem) -> Token {
        if let slice = text as? ArraySlice<UInt8> { return try parse(slice, version: version) }
        return try parse((text as? [UInt8] ?? Array(text))[...], version: version)
    }

    /// On a slice of the file's bytes, without copying the token text out first.
    private static func parse(_ text: ArraySlice<UInt8>, version: Version) throws(TokenProblem) -> Token {
        guard text.starts(with: prefix) else { throw .notAToken }
        let versionPrefix = version.prefix
        guard text.starts(with: versionPrefix) else {
            let found = text.dropFirst(prefix.count).prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "]") }
            throw .unknownVersion(String(decoding: found, as: UTF8.self))
        }
        let rest = text.dropFirst(versionPrefix.count)
        guard rest.count >= 4, let typeByte = rest.first, let type = ValueType(rawValue: typeByte),
            rest[rest.startIndex + 1] == UInt8(ascii: ","), text.last == UInt8(ascii: "]")
        else { throw .malformed }
        let data = rest.dropFirst(2).dropLast()
        guard let payload = TokenBase64.decode(data),
            payload.count >= ValueCipher.nonceLength + ValueCipher.tagLength + paddingBlock
        else { throw .malformed }
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
        var padded = try ValueCipher.open(payload: payload, associatedData: Self.associatedData(version, type, binding), key: keys.valueKey)
        defer { Sodium.wipe(&padded) }
        return try Sodium.unpad(padded, blockSize: Self.paddingBlock)
    }

    /// Opens the token of the leaf at `path`.
    func open(path: [PathComponent], keys: FileKeys) throws(CryptoFailure) -> [UInt8] {
        try open(.path(path), keys: keys)
    }

    private static func associatedData(_ version: Version, _ type: ValueType, _ binding: Binding) -> [UInt8] {
        switch binding {
        case .path(let path):
            var ad = version.valueLabel
            ad.reserveCapacity(ad.count + 1 + KeyPath.encodedCount(path))
            ad.append(type.rawValue)
            KeyPath.encode(path, into: &ad)
            return ad
        case .exposed: return exposedLabel + [type.rawValue]
        }
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
