internal import CSodium

/// XChaCha20-Poly1305 (libsodium's IETF construction) for sealing individual values.
///
/// Nonces are 24 random bytes per seal: at that size random nonces cannot collide in practice
/// (birthday bound near 2^96 messages), so no counter state has to be kept in a file that many
/// people edit on many branches.
enum ValueCipher {
    static let keyLength = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)  // 32
    static let nonceLength = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)  // 24
    static let tagLength = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)  // 16

    /// Encrypts `plaintext` bound to `associatedData`; returns ciphertext || tag.
    static func seal(_ plaintext: [UInt8], associatedData: [UInt8], nonce: [UInt8], key: SecretBytes) -> [UInt8] {
        precondition(nonce.count == nonceLength && key.count == keyLength)
        var out = [UInt8](repeating: 0, count: plaintext.count + tagLength)
        var outLength: UInt64 = 0
        let rc = out.withUnsafeMutableBufferPointer { o in
            key.withBytes { k in
                crypto_aead_xchacha20poly1305_ietf_encrypt(
                    o.baseAddress!, &outLength, plaintext, UInt64(plaintext.count),
                    associatedData, UInt64(associatedData.count), nil, nonce,
                    k.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        precondition(rc == 0, "XChaCha20-Poly1305 encryption cannot fail with valid lengths")
        return out
    }

    /// Decrypts and authenticates; throws `.authentication` on any mismatch. Hush plaintexts are
    /// always padded, so a ciphertext with an empty plaintext is rejected as malformed.
    static func open(_ ciphertext: [UInt8], associatedData: [UInt8], nonce: [UInt8], key: SecretBytes) throws(CryptoFailure) -> [UInt8] {
        guard nonce.count == nonceLength, key.count == keyLength, ciphertext.count > tagLength else {
            throw .badLength
        }
        var out = [UInt8](repeating: 0, count: ciphertext.count - tagLength)
        var outLength: UInt64 = 0
        let rc = out.withUnsafeMutableBufferPointer { o in
            key.withBytes { k in
                crypto_aead_xchacha20poly1305_ietf_decrypt(
                    o.baseAddress!, &outLength, nil, ciphertext, UInt64(ciphertext.count),
                    associatedData, UInt64(associatedData.count), nonce,
                    k.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        guard rc == 0 else { throw .authentication }
        return out
    }

    /// `open` on a token's payload as stored (nonce || ciphertext || tag), without copying the
    /// two parts out first.
    static func open(payload: [UInt8], associatedData: [UInt8], key: SecretBytes) throws(CryptoFailure) -> [UInt8] {
        try key.withBytes { key throws(CryptoFailure) in try open(payload: payload, associatedData: associatedData, key: key) }
    }

    /// `open(payload:…)` with the key's bytes (see `Token.open(_:valueKey:)`).
    static func open(payload: [UInt8], associatedData: [UInt8], key: UnsafeRawBufferPointer) throws(CryptoFailure) -> [UInt8] {
        guard key.count == keyLength, payload.count > nonceLength + tagLength else { throw .badLength }
        var out = [UInt8](repeating: 0, count: payload.count - nonceLength - tagLength)
        var outLength: UInt64 = 0
        let rc = payload.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                crypto_aead_xchacha20poly1305_ietf_decrypt(
                    o.baseAddress!, &outLength, nil, p.baseAddress! + nonceLength, UInt64(p.count - nonceLength),
                    associatedData, UInt64(associatedData.count), p.baseAddress!,
                    key.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        guard rc == 0 else { throw .authentication }
        return out
    }
}
