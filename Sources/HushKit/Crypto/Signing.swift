internal import CSodium

/// Ed25519 signatures (`crypto_sign_*`): every write of a sealed file is signed by its writer
/// (docs/format.md §3.3, §7.2).
enum Signing {
    static let publicKeyLength = Int(crypto_sign_PUBLICKEYBYTES)  // 32
    static let secretKeyLength = Int(crypto_sign_SECRETKEYBYTES)  // 64: seed || public key
    static let seedLength = Int(crypto_sign_SEEDBYTES)  // 32
    static let signatureLength = Int(crypto_sign_BYTES)  // 64

    /// The key pair of a 32-byte seed (`crypto_sign_seed_keypair`).
    static func keyPair(seed: SecretBytes) -> (publicKey: [UInt8], secretKey: SecretBytes) {
        Sodium.ensureInitialized()
        precondition(seed.count == seedLength)
        var publicKey = [UInt8](repeating: 0, count: publicKeyLength)
        let secretKey = SecretBytes(count: secretKeyLength) { sk in
            let rc = seed.withBytes { s in
                crypto_sign_seed_keypair(
                    &publicKey, sk.baseAddress!.assumingMemoryBound(to: UInt8.self), s.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            precondition(rc == 0, "crypto_sign_seed_keypair cannot fail")
        }
        return (publicKey, secretKey)
    }

    /// A detached signature of `message` by the 64-byte secret key.
    static func sign(_ message: [UInt8], secretKey: SecretBytes) -> [UInt8] {
        Sodium.ensureInitialized()
        precondition(secretKey.count == secretKeyLength)
        var signature = [UInt8](repeating: 0, count: signatureLength)
        let rc = secretKey.withBytes { sk in
            crypto_sign_detached(&signature, nil, message, UInt64(message.count), sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        precondition(rc == 0, "crypto_sign_detached cannot fail")
        return signature
    }

    /// True when `signature` is `publicKey`'s signature of `message`. libsodium rejects
    /// non-canonical and small-order encodings of the key and of the signature's R.
    static func verify(_ signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        Sodium.ensureInitialized()
        guard signature.count == signatureLength, publicKey.count == publicKeyLength else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }
}

/// Unkeyed BLAKE2b-256 (`crypto_generichash` without a key), computed incrementally: the
/// digest of a sealed file that its MAC and signature cover (docs/format.md §7.1).
struct Digest: ~Copyable {
    // The C state struct is 64-byte aligned, which Swift does not import: allocate it by size.
    private let state: OpaquePointer
    private let storage: UnsafeMutableRawPointer
    static let outputLength = 32

    init() {
        Sodium.ensureInitialized()
        storage = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        state = OpaquePointer(storage)
        let rc = crypto_generichash_init(state, nil, 0, Self.outputLength)
        precondition(rc == 0, "crypto_generichash_init cannot fail without a key")
    }

    deinit { storage.deallocate() }

    mutating func update(_ bytes: some Collection<UInt8>) {
        let rc =
            bytes.withContiguousStorageIfAvailable { crypto_generichash_update(state, $0.baseAddress, UInt64($0.count)) }
            ?? Array(bytes).withUnsafeBufferPointer { crypto_generichash_update(state, $0.baseAddress, UInt64($0.count)) }
        precondition(rc == 0)
    }

    /// Feeds a 4-byte big-endian length, then the bytes: the encoding is unambiguous.
    mutating func updateLengthPrefixed(_ bytes: some Collection<UInt8>) {
        update(BigEndian.u32(bytes.count))
        update(bytes)
    }

    consuming func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.outputLength)
        let rc = crypto_generichash_final(state, &out, Self.outputLength)
        precondition(rc == 0)
        return out
    }
}

/// `u32(n)` of docs/format.md §2.
enum BigEndian {
    static func u32(_ n: Int) -> [UInt8] {
        let v = UInt32(n)
        return [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    /// `lp(x)`: the length, then the bytes.
    static func lengthPrefixed(_ bytes: some Collection<UInt8>) -> [UInt8] {
        u32(bytes.count) + bytes
    }
}
