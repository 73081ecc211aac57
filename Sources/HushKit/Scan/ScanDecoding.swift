/// Encoded segments that `hush scan` decodes and scans again: base64 (standard and URL-safe
/// alphabets, padded or not) and percent-encoding (RFC 3986), so that a key inside a
/// Kubernetes Secret's `data:`, a base64-encoded JWT or a URL-encoded connection string is
/// found.
///
/// Decoding every long base64 run of a source tree would cost more than the scan itself (lock
/// files, images, test vectors), so a segment is decoded only where the first stage saw a
/// trigger: the base64 form of a plaintext that starts most secrets (`AKIA`, `ghp_`,
/// `-----BEGIN`, a JWT header, `password`, …) at each of its three alignments, or a percent
/// escape of a character that matters in credentials (`%3A`, `%40`, `%2F`, …). Bounds: a
/// segment has at least `minimumSegment` characters, at most `maximumSegment` are decoded per
/// segment and `maximumPerFile` bytes per file, decoded text must be mostly printable, and
/// decoded text is itself decoded at most once more (`maximumDepth`).
enum ScanDecoding {
    enum Kind: UInt8, Sendable {
        case base64, url

        var name: String { self == .base64 ? "base64" : "url" }
    }

    /// A first-stage literal that suggests an encoded segment. `phase`: for base64, how many
    /// characters the literal starts after the start of its 4-character group.
    struct Trigger: Sendable {
        var kind: Kind
        var phase: Int
    }

    static let minimumSegment = 20
    static let maximumSegment = 64 * 1024
    static let maximumPerFile = 256 * 1024
    static let maximumDepth = 2
    /// Share of decoded bytes that must be printable ASCII or white space.
    static let printableShare = 0.9

    /// Plaintexts whose base64 forms trigger decoding: the starts of self-identifying tokens
    /// and keys, JWT headers, connection URLs, and the names that assignment rules look for
    /// (for a whole config file in base64), and the base64 of JWT headers (`ZXlKaGJHY2` is
    /// `eyJhbGc` encoded: a token encoded twice). Case matters: these are the forms that occur.
    /// A plaintext shorter than 4 bytes (`eyJ`, any JSON object) only gives a trigger where it
    /// starts a group (the start of an encoded value): its other alignments would be too short.
    static let plaintexts = [
        // Provider token prefixes.
        "AKIA", "ASIA", "ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "xoxe-", "xapp-",
        "hooks.slack.com", "sk_live_", "rk_live_", "sk-proj-", "sk-ant-", "AIza", "npm_", "pypi-", "dop_v1_", "shpat_",
        // Keys, JWT headers (and their base64), connection URLs.
        "AGE-SECRET-KEY-", "-----BEGIN", "PRIVATE KEY", "eyJ", "eyJhbGci", "eyJ0eXAi", "eyJraWQi", "ZXlK", "ZXlKaGJHY2", "ZXlKMGVYQW", "ZXlKcmFXUW",
        "postgres://", "postgresql://", "mysql://", "mongodb://", "mongodb+srv://", "redis://", "amqp://",
        // Names in config files.
        "\"auths\"", "aws_secret_access_key", "password", "PASSWORD", "Password", "passwd", "secret", "SECRET", "Secret", "token", "TOKEN",
    ]

    /// Percent escapes (lower case; the first stage compares case-insensitively) that trigger
    /// URL decoding: `:`, `/`, `@`, `=`, `+`, space, `"`, line feed, `{`.
    static let escapes = ["%3a", "%2f", "%40", "%3d", "%2b", "%20", "%22", "%0a", "%7b"]

    /// The literals the first stage looks for, with what each one triggers.
    static let triggers: [(literal: [UInt8], trigger: Trigger)] = {
        var out: [(literal: [UInt8], trigger: Trigger)] = []
        var seen = Set<[UInt8]>()
        for text in plaintexts {
            let plain = Array(text.utf8)
            for offset in 0..<3 {
                let stream = [UInt8](repeating: 0, count: offset) + plain
                // Characters fully determined by the plaintext: bits 8·offset ..< 8·(offset+count).
                let first = (8 * offset + 5) / 6
                let end = 8 * (offset + plain.count) / 6
                guard end - first >= 4 else { continue }
                for alphabet in [standard, urlSafe] {
                    let literal = Array(encode(stream, alphabet: alphabet)[first..<end]).map(LiteralAutomaton.fold)
                    if seen.insert(literal).inserted { out.append((literal, Trigger(kind: .base64, phase: first))) }
                }
            }
        }
        for escape in escapes { out.append((Array(escape.utf8), Trigger(kind: .url, phase: 0))) }
        return out
    }()

    static let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Base64 without padding (only for building triggers).
    static func encode(_ bytes: [UInt8], alphabet: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let chunk = (UInt32(bytes[i]) << 16) | (n > 1 ? UInt32(bytes[i + 1]) << 8 : 0) | (n > 2 ? UInt32(bytes[i + 2]) : 0)
            for k in 0...n { out.append(alphabet[Int((chunk >> UInt32(18 - 6 * k)) & 63)]) }
            i += 3
        }
        return out
    }

    // MARK: Decoding

    /// The decoded text of `segment`, or nil when it is not mostly printable (binary data,
    /// an identifier that happens to be base64) or did not change.
    static func decode(_ segment: UnsafeBufferPointer<UInt8>, kind: Trigger) -> [UInt8]? {
        // A look at the first 96 characters first, so that binary data costs little.
        if kind.kind == .base64, segment.count > 96, let head = base64(UnsafeBufferPointer(rebasing: segment[..<96])), !isMostlyText(head) {
            return nil
        }
        let out = kind.kind == .base64 ? base64(segment) : percent(segment)
        guard let out, out.count >= 4, isMostlyText(out) else { return nil }
        return out
    }

    /// Base64 in either alphabet, across line breaks and indentation; stops at the first other
    /// character (padding).
    static func base64(_ segment: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(segment.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in segment {
            let v = values[Int(byte)]
            if v == 255 {
                // Line breaks and indentation of wrapped base64.
                if byte == 0x0A || byte == 0x0D || isBlank(byte) { continue }
                break
            }
            buffer = (buffer << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }

    /// Percent-decoding (RFC 3986); a `%` not followed by two hex digits stays. Nil when there
    /// was no escape.
    static func percent(_ segment: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(segment.count)
        var escaped = false
        var i = 0
        while i < segment.count {
            if segment[i] == UInt8(ascii: "%"), i + 2 < segment.count, let high = hex(segment[i + 1]), let low = hex(segment[i + 2]) {
                out.append(high << 4 | low)
                escaped = true
                i += 3
            } else {
                out.append(segment[i])
                i += 1
            }
        }
        return escaped ? out : nil
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// At least `printableShare` of the bytes are printable ASCII, tab, CR or LF; no NUL.
    static func isMostlyText(_ bytes: [UInt8]) -> Bool {
        var printable = 0
        for byte in bytes {
            if byte == 0 { return false }
            if (0x20...0x7E).contains(byte) || byte == 0x09 || byte == 0x0A || byte == 0x0D { printable += 1 }
        }
        return Double(printable) >= printableShare * Double(bytes.count)
    }
}
