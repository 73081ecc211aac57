internal import CSodium

/// X25519 keys and libsodium sealed boxes, used to wrap a file's data key for each recipient,
/// plus the Ed25519-to-X25519 conversions that let SSH keys act as Hush keys.
enum KeyAgreement {
    static let publicKeyLength = Int(crypto_box_PUBLICKEYBYTES)  // 32
    static let secretKeyLength = Int(crypto_box_SECRETKEYBYTES)  // 32
    static let sealOverhead = Int(crypto_box_sealbytes())  // 48

    /// A new random X25519 secret key.
    static func generateSecretKey() -> SecretBytes {
        SecretBytes(count: secretKeyLength) { randombytes_buf($0.baseAddress!, $0.count) }
    }

    /// The X25519 public key of `secretKey` (`crypto_scalarmult_base`).
    static func publicKey(of secretKey: SecretBytes) -> [UInt8] {
        var pk = [UInt8](repeating: 0, count: publicKeyLength)
        _ = secretKey.withBytes { crypto_scalarmult_base(&pk, $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        return pk
    }

    private static let probeScalar = [UInt8](repeating: 0x2A, count: Int(crypto_scalarmult_SCALARBYTES))

    /// Whether `publicKey` can be sealed to: 32 bytes, canonically encoded, and not a
    /// small-order point. Such a point makes every shared secret all-zero; libsodium refuses it
    /// in `seal`, and checking when a key is read lets Hush reject it there, with the file and
    /// line, instead.
    static func isUsablePublicKey(_ publicKey: [UInt8]) -> Bool {
        guard publicKey.count == publicKeyLength, isCanonicalFieldElement(publicKey) else { return false }
        // crypto_scalarmult fails exactly when the result is all-zero, which for a clamped
        // scalar (a multiple of the cofactor 8) happens exactly for small-order points. The
        // probe is a public constant: nothing secret is computed, so no guarded allocation
        // (one sodium_malloc per key made listing 500 members take 60 ms).
        var shared = [UInt8](repeating: 0, count: Int(crypto_scalarmult_BYTES))
        let rc = crypto_scalarmult(&shared, probeScalar, publicKey)
        return rc == 0
    }

    /// Whether 32 little-endian bytes are the canonical encoding of a field element: a number
    /// below p = 2^255 - 19, so bit 255 is clear. X25519 ignores bit 255 and reduces modulo p,
    /// so without this one point would have several encodings, hence several `age1…` texts and
    /// fingerprints, and one key could pass for two members. For an Ed25519 key pass
    /// `signBit: true`: its bit 255 is the sign of x, and only the 255-bit y is checked.
    ///
    /// Plain comparisons, not constant time: public keys are public.
    static func isCanonicalFieldElement(_ bytes: [UInt8], signBit: Bool = false) -> Bool {
        guard bytes.count == 32 else { return false }
        // p little-endian is ED FF … FF 7F: with top byte 7F, the value is >= p exactly when
        // bytes 30…1 are all FF and byte 0 is at least ED.
        let top = signBit ? bytes[31] & 0x7F : bytes[31]
        guard top == 0x7F else { return top < 0x7F }
        return bytes[1...30].contains { $0 != 0xFF } || bytes[0] < 0xED
    }

    /// `crypto_box_seal`: an anonymous, ephemeral-key encryption of `message` to `publicKey`.
    static func seal(_ message: SecretBytes, to publicKey: [UInt8]) throws(CryptoFailure) -> [UInt8] {
        guard publicKey.count == publicKeyLength else { throw .badLength }
        var out = [UInt8](repeating: 0, count: message.count + sealOverhead)
        let rc = message.withBytes { m in
            crypto_box_seal(&out, m.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(m.count), publicKey)
        }
        guard rc == 0 else { throw .badPublicKey }
        return out
    }

    /// `crypto_box_seal_open` with the recipient's key pair; throws `.notARecipient` if the box
    /// was not made for this key or was altered.
    static func open(_ box: [UInt8], publicKey: [UInt8], secretKey: SecretBytes) throws(CryptoFailure) -> SecretBytes {
        guard box.count > sealOverhead, publicKey.count == publicKeyLength else { throw .badLength }
        var failed = false
        let result = SecretBytes(count: box.count - sealOverhead) { out in
            let rc = secretKey.withBytes { sk in
                crypto_box_seal_open(
                    out.baseAddress!.assumingMemoryBound(to: UInt8.self), box, UInt64(box.count), publicKey,
                    sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            failed = rc != 0
        }
        if failed { throw .notARecipient }
        return result
    }

    /// Converts an Ed25519 public key (as in `ssh-ed25519` keys) to X25519. A non-canonical y
    /// is refused: libsodium would reduce it, giving the same X25519 key a second `ssh-ed25519`
    /// text.
    static func x25519PublicKey(fromEd25519 edPublicKey: [UInt8]) throws(CryptoFailure) -> [UInt8] {
        guard edPublicKey.count == Int(crypto_sign_PUBLICKEYBYTES) else { throw .badLength }
        guard isCanonicalFieldElement(edPublicKey, signBit: true) else { throw .badPublicKey }
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: publicKeyLength)
        guard crypto_sign_ed25519_pk_to_curve25519(&out, edPublicKey) == 0 else { throw .badPublicKey }
        return out
    }

    /// Converts a 64-byte Ed25519 secret key (seed || public key, as OpenSSH stores it) to X25519.
    static func x25519SecretKey(fromEd25519 edSecretKey: SecretBytes) throws(CryptoFailure) -> SecretBytes {
        guard edSecretKey.count == Int(crypto_sign_SECRETKEYBYTES) else { throw .badLength }
        return SecretBytes(count: secretKeyLength) { out in
            _ = edSecretKey.withBytes { sk in
                crypto_sign_ed25519_sk_to_curve25519(
                    out.baseAddress!.assumingMemoryBound(to: UInt8.self), sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
    }
}
