/// A sealed value as it appears in a file: `ENC[hush:v1,T,DATA]` (docs/format.md §4.3).
struct Token {
    static let prefix: [UInt8] = Array("ENC[hush:".utf8)
    static let v1Prefix: [UInt8] = Array("ENC[hush:v1,".utf8)
    static let paddingBlock = 16
    private static let adLabel: [UInt8] = Array("hush:v1:value".utf8) + [0]

    var type: ValueType
    /// nonce || ciphertext || tag
    var payload: [UInt8]

    /// True when `text` starts like a Hush token of any version.
    static func looksLikeToken(_ text: some Collection<UInt8>) -> Bool {
        text.starts(with: prefix)
    }

    /// Parses token text. Errors say what is wrong in words; the caller adds the key and line.
    static func parse(_ text: [UInt8]) throws(TokenProblem) -> Token {
        guard text.starts(with: prefix) else { throw .notAToken }
        guard text.starts(with: v1Prefix) else {
            let version = text.dropFirst(prefix.count).prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "]") }
            throw .unknownVersion(String(decoding: version, as: UTF8.self))
        }
        let rest = text.dropFirst(v1Prefix.count)
        guard rest.count >= 4, let typeByte = rest.first, let type = ValueType(rawValue: typeByte),
            rest[rest.startIndex + 1] == UInt8(ascii: ","), text.last == UInt8(ascii: "]")
        else { throw .malformed }
        let data = rest.dropFirst(2).dropLast()
        guard let payload = TokenBase64.decode(data),
            payload.count >= ValueCipher.nonceLength + ValueCipher.tagLength + paddingBlock
        else { throw .malformed }
        return Token(type: type, payload: payload)
    }

    /// The token text.
    var text: String {
        "ENC[hush:v1,\(Character(Unicode.Scalar(type.rawValue))),\(TokenBase64.encode(payload))]"
    }

    /// Seals `raw` (the value's exact source text) for `path` with a fresh or given nonce.
    static func seal(raw: [UInt8], type: ValueType, path: [PathComponent], keys: FileKeys, nonce: [UInt8]? = nil) -> Token {
        let nonce = nonce ?? Sodium.randomBytes(ValueCipher.nonceLength)
        var padded = Sodium.pad(raw, blockSize: paddingBlock)
        defer { Sodium.wipe(&padded) }
        let sealed = ValueCipher.seal(padded, associatedData: associatedData(type, path), nonce: nonce, key: keys.valueKey)
        return Token(type: type, payload: nonce + sealed)
    }

    /// Opens the token for `path`; the result is the value's raw source text.
    func open(path: [PathComponent], keys: FileKeys) throws(CryptoFailure) -> [UInt8] {
        let nonce = Array(payload.prefix(ValueCipher.nonceLength))
        let sealed = Array(payload.dropFirst(ValueCipher.nonceLength))
        var padded = try ValueCipher.open(sealed, associatedData: Self.associatedData(type, path), nonce: nonce, key: keys.valueKey)
        defer { Sodium.wipe(&padded) }
        return try Sodium.unpad(padded, blockSize: Self.paddingBlock)
    }

    private static func associatedData(_ type: ValueType, _ path: [PathComponent]) -> [UInt8] {
        adLabel + [type.rawValue] + KeyPath.encode(path)
    }
}

/// Why token text could not be parsed.
enum TokenProblem: Error, Equatable {
    case notAToken
    case unknownVersion(String)
    case malformed
}

/// A file's data key and the two subkeys derived from it (docs/format.md §3.2).
struct FileKeys: Sendable {
    let dek: SecretBytes
    let valueKey: SecretBytes
    let macKey: SecretBytes

    init(dek: SecretBytes) {
        self.dek = dek
        valueKey = KeyDerivation.subkey(of: dek, id: 1, context: "hushfile")
        macKey = KeyDerivation.subkey(of: dek, id: 2, context: "hushfile")
    }

    static func random() -> FileKeys { FileKeys(dek: KeyDerivation.randomDataKey()) }
}
