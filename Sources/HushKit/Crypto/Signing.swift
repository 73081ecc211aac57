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
