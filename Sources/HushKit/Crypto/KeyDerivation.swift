internal import CSodium

/// Subkeys derived from a file's data key with `crypto_kdf_derive_from_key` (BLAKE2b keyed
/// with the DEK, personalised by a fixed 8-byte context and a subkey id), so the value key
/// and the MAC key are independent even though both come from one DEK.
enum KeyDerivation {
    static let keyLength = Int(crypto_kdf_KEYBYTES)  // 32

    /// A new random data key (`crypto_kdf_keygen`).
    static func randomDataKey() -> SecretBytes {
        SecretBytes(count: keyLength) { crypto_kdf_keygen($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Derives subkey number `id` for `context` (exactly 8 ASCII bytes).
    static func subkey(of master: SecretBytes, id: UInt64, context: String, length: Int = 32) -> SecretBytes {
        let ctx = Array(context.utf8).map { CChar(bitPattern: $0) }
        precondition(ctx.count == Int(crypto_kdf_CONTEXTBYTES) && master.count == keyLength)
        return SecretBytes(count: length) { out in
            let rc = master.withBytes { m in
                crypto_kdf_derive_from_key(
                    out.baseAddress!.assumingMemoryBound(to: UInt8.self), length, id, ctx,
                    m.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            precondition(rc == 0, "crypto_kdf_derive_from_key cannot fail with valid lengths")
        }
    }
}

/// BLAKE2b-256 (`crypto_generichash`, 32-byte output) computed incrementally: keyed for the
/// file MAC, unkeyed for the file digest that the MAC and signature cover (docs/format.md §7.1).
struct KeyedHash: ~Copyable {
    // The C state struct is 64-byte aligned, which Swift does not import: allocate it by size.
    private let state: OpaquePointer
    private let storage: UnsafeMutableRawPointer
    static let outputLength = 32

    init(key: SecretBytes) {
        Sodium.ensureInitialized()
        storage = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        state = OpaquePointer(storage)
        let rc = key.withBytes { k in
            crypto_generichash_init(state, k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count, Self.outputLength)
        }
        precondition(rc == 0, "crypto_generichash_init cannot fail with a 32-byte key")
    }

    /// The unkeyed hash.
    init() {
        Sodium.ensureInitialized()
        storage = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        state = OpaquePointer(storage)
        let rc = crypto_generichash_init(state, nil, 0, Self.outputLength)
        precondition(rc == 0, "crypto_generichash_init cannot fail without a key")
    }

    deinit {
        // The state holds key-dependent bytes: wipe before freeing.
        sodium_memzero(storage, crypto_generichash_statebytes())
        storage.deallocate()
    }

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

/// SHA-256 (`crypto_hash_sha256`), used only for public-key fingerprints.
enum SHA256 {
    static func hash(_ bytes: [UInt8]) -> [UInt8] {
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        crypto_hash_sha256(&out, bytes, UInt64(bytes.count))
        return out
    }
}
