internal import CSodium

/// Process-wide libsodium setup and the small non-cryptographic helpers it provides
/// (random bytes, constant-time compare, padding, Base64, wiping).
enum Sodium {
    private static let initialized: Bool = sodium_init() >= 0

    /// Runs `sodium_init` once. libsodium cannot work without it, so failure is fatal.
    static func ensureInitialized() {
        if !initialized { fatalError("hush: libsodium failed to initialise") }
    }

    /// `count` bytes from the operating system's CSPRNG (`randombytes_buf`).
    static func randomBytes(_ count: Int) -> [UInt8] {
        ensureInitialized()
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return out
    }

    /// Overwrites `bytes` with zeros in a way the optimiser cannot remove, then empties it.
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { if let p = $0.baseAddress { sodium_memzero(p, $0.count) } }
        bytes.removeAll()
    }

    /// Constant-time equality for MACs and tags.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in sodium_memcmp(pa.baseAddress, pb.baseAddress, a.count) == 0 } }
    }

    /// ISO/IEC 7816-4 padding to a multiple of `blockSize` (`sodium_pad`), so ciphertext
    /// lengths reveal only a length bucket.
    static func pad(_ bytes: [UInt8], blockSize: Int) -> [UInt8] {
        let maxLength = bytes.count + blockSize
        var out = bytes + [UInt8](repeating: 0, count: blockSize)
        var padded = 0
        let rc = out.withUnsafeMutableBufferPointer {
            sodium_pad(&padded, $0.baseAddress!, bytes.count, blockSize, maxLength)
        }
        precondition(rc == 0, "sodium_pad cannot fail with a buffer of length + blockSize")
        out.removeLast(out.count - padded)
        return out
    }

    /// Removes `pad` padding; throws on malformed padding.
    static func unpad(_ bytes: [UInt8], blockSize: Int) throws(CryptoFailure) -> [UInt8] {
        Array(bytes[..<(try unpaddedLength(bytes, blockSize: blockSize))])
    }

    /// The length of the value inside `bytes` (`sodium_unpad`), without copying it out.
    static func unpaddedLength(_ bytes: [UInt8], blockSize: Int) throws(CryptoFailure) -> Int {
        var length = 0
        let rc = sodium_unpad(&length, bytes, bytes.count, blockSize)
        guard rc == 0 else { throw CryptoFailure.badPadding }
        return length
    }

    /// Base64 alphabets used by Hush: URL-safe without padding for tokens and wraps (valid
    /// unquoted in YAML and dotenv), the original alphabet for OpenSSH key blobs.
    enum Base64Variant {
        case urlSafeNoPadding
        case original

        var code: Int32 {
            switch self {
            case .urlSafeNoPadding: return sodium_base64_VARIANT_URLSAFE_NO_PADDING
            case .original: return sodium_base64_VARIANT_ORIGINAL
            }
        }
    }

    static func base64Encode<C: Collection<UInt8>>(_ bytes: C, _ variant: Base64Variant = .urlSafeNoPadding) -> String {
        ensureInitialized()
        let input = Array(bytes)
        let length = sodium_base64_encoded_len(input.count, variant.code)
        var out = [CChar](repeating: 0, count: length)
        _ = sodium_bin2base64(&out, length, input, input.count, variant.code)
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Strict Base64 decoding: no white space, no characters outside the alphabet.
    static func base64Decode<C: Collection<UInt8>>(_ text: C, _ variant: Base64Variant = .urlSafeNoPadding) throws(CryptoFailure) -> [UInt8] {
        ensureInitialized()
        // The text may encode a secret (an SSH private key): wipe the copy made here.
        var input = Array(text)
        defer { wipe(&input) }
        var out = [UInt8](repeating: 0, count: input.count * 3 / 4 + 3)
        var written = 0
        let capacity = out.count
        // b64_end must be NULL: with an end pointer libsodium stops at the first character
        // outside the alphabet and reports success for the prefix before it.
        let rc = input.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                sodium_base642bin(&out, capacity, $0.baseAddress, $0.count, nil, &written, nil, variant.code)
            }
        }
        guard rc == 0 else {
            wipe(&out)
            throw CryptoFailure.badEncoding
        }
        out.removeLast(out.count - written)
        return out
    }
}

/// Why a cryptographic operation failed. Callers turn it into a `HushError` that says
/// which file and which key; the failure itself never carries secret material.
enum CryptoFailure: Error, Equatable {
    /// Authentication failed: wrong key, tampered ciphertext, or wrong associated data.
    case authentication
    /// A sealed box did not open with this identity.
    case notARecipient
    /// A key or ciphertext has the wrong length.
    case badLength
    /// A public key could not be converted (not a valid Ed25519 point).
    case badPublicKey
    /// Base64 or padding could not be decoded.
    case badEncoding
    case badPadding
}
