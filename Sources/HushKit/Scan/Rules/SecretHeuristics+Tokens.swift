/// Token structure checks: checksums of prefixed tokens, JWT headers.
extension SecretHeuristics {
    // MARK: - Checksums

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (IEEE 802.3, as zlib computes it).
    public static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static let base62Alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// `value` in base 62 (digits, upper case, lower case), left-padded with `0` to `width`.
    public static func base62(_ value: UInt32, width: Int) -> String {
        var v = value
        var digits: [UInt8] = []
        repeat {
            digits.append(base62Alphabet[Int(v % 62)])
            v /= 62
        } while v > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// GitHub's token checksum (also npm's): `prefix_` + 30 random base62 characters + the
    /// CRC-32 of those 30 characters in 6 base62 characters.
    public static func hasValidBase62Checksum(_ token: some StringProtocol) -> Bool {
        let bytes = Array(token.utf8)
        guard let underscore = bytes.lastIndex(of: UInt8(ascii: "_")) else { return false }
        let body = Array(bytes[(underscore + 1)...])
        guard body.count == 36 else { return false }
        let random = body[0..<30]
        let check = String(decoding: body[30...], as: UTF8.self)
        return base62(crc32(random), width: 6) == check
    }

    /// The validate check of checksummed token formats: a valid checksum is always accepted;
    /// a token whose checksum does not verify (a hand-made or truncated one) is still reported
    /// when its random part passes `isPlausibleToken`, so recall does not hang on a checksum a
    /// test fixture may not carry.
    public static func checksummedTokenOrPlausible(_ token: some StringProtocol) -> Bool {
        hasValidBase62Checksum(token) || isPlausibleToken(token)
    }

    // MARK: - JWT

    /// Decodes base64url or base64 (padding optional); nil when it is not.
    public static func decodeBase64(_ text: some StringProtocol) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for b in text.utf8 {
            let v: UInt32
            switch b {
            case 0x41...0x5A: v = UInt32(b - 0x41)
            case 0x61...0x7A: v = UInt32(b - 0x61 + 26)
            case 0x30...0x39: v = UInt32(b - 0x30 + 52)
            case 0x2B, 0x2D: v = 62
            case 0x2F, 0x5F: v = 63
            case 0x3D: continue
            default: return nil
            }
            buffer = (buffer << 6) | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }

    /// A JWT (`header.payload.signature`) that the `jwt` rule reports: see
    /// `JSONWebToken.isCredential`.
    public static func isSignedJWT(_ token: some StringProtocol) -> Bool {
        JSONWebToken.isCredential(token)
    }

    // MARK: - Arithmetic

    /// `log2` without Foundation or Glibc: exponent plus a series for the mantissa in [1, 2).
    static func log2(_ x: Double) -> Double {
        guard x > 0 else { return -.infinity }
        let y = (x.significand - 1) / (x.significand + 1)
        let y2 = y * y
        var term = y
        var sum = 0.0
        var k = 1.0
        while k < 40 {
            sum += term / k
            term *= y2
            k += 2
        }
        return Double(x.exponent) + 2 * sum / 0.693_147_180_559_945_3
    }
}
