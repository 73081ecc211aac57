/// Plain checks on a candidate secret, used by the rules' `validate` closures: randomness
/// (Shannon entropy against a per-charset, per-length threshold), placeholders and documentation
/// examples, word-like and sequential values, and the checksums some token formats carry.
///
/// Everything here works on the UTF-8 bytes of the candidate and needs no Foundation.
public enum SecretHeuristics {
    // MARK: - Entropy and character classes

    /// Shannon entropy of `text` in bits per byte (0 for empty text).
    public static func entropy(_ text: some StringProtocol) -> Double {
        entropy(bytes: text.utf8)
    }

    /// Shannon entropy of `bytes` in bits per byte (0 when empty); the engine's `minEntropy`
    /// check uses it on the matched bytes directly.
    public static func entropy(bytes: some Collection<UInt8>) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for b in bytes { counts[Int(b)] += 1 }
        let n = Double(bytes.count)
        var h = 0.0
        for c in counts where c > 0 {
            let p = Double(c) / n
            h -= p * log2(p)
        }
        return h
    }

    /// The alphabet a value is written in, smallest first.
    public enum Charset: Int, Sendable, Comparable {
        /// `0-9` only.
        case digits
        /// `0-9a-f` (or `A-F`), optionally with `-` separators as in a UUID.
        case hex
        /// `A-Za-z0-9`.
        case alphanumeric
        /// Base64 or base64url: alphanumerics plus `+ / = _ -`.
        case base64
        /// Anything else printable (punctuation as in passwords).
        case printable

        /// Bits per character of a uniformly random value over this alphabet.
        var bitsPerCharacter: Double {
            switch self {
            case .digits: SecretHeuristics.log2(10)
            case .hex: 4
            case .alphanumeric: SecretHeuristics.log2(62)
            case .base64: 6
            case .printable: SecretHeuristics.log2(94)
            }
        }

        public static func < (a: Charset, b: Charset) -> Bool { a.rawValue < b.rawValue }
    }

    /// The smallest `Charset` that holds every byte of `text`.
    public static func charset(_ text: some StringProtocol) -> Charset {
        var result = Charset.digits
        var lowerHex = false
        var upperHex = false
        var sawDash = false
        for b in text.utf8 {
            switch b {
            case 0x30...0x39: continue
            case 0x61...0x66: lowerHex = true; result = max(result, .hex)
            case 0x41...0x46: upperHex = true; result = max(result, .hex)
            case 0x2D: sawDash = true  // '-': UUID grouping (hex) or base64url, decided below
            case 0x41...0x5A, 0x61...0x7A: result = max(result, .alphanumeric)
            case 0x2B, 0x2F, 0x3D, 0x5F: result = max(result, .base64)
            default: result = .printable
            }
        }
        // Mixed-case hex letters is not hex any more (hex is written in one case).
        if result == .hex, lowerHex && upperHex { result = .alphanumeric }
        // A '-' in a hex value: only the UUID-like grouping keeps it hex.
        if sawDash, result <= .hex, isHexGroups(text) { return .hex }
        if sawDash, result < .base64 { result = .base64 }
        return result
    }

    private static func isHexGroups(_ text: some StringProtocol) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.count >= 2 && groups.allSatisfy { $0.count >= 4 }
    }

    /// Which of lower case, upper case, digit and other printable characters `text` uses (0...4).
    public static func characterClassCount(_ text: some StringProtocol) -> Int {
        var lower = false
        var upper = false
        var digit = false
        var other = false
        for b in text.utf8 {
            switch b {
            case 0x61...0x7A: lower = true
            case 0x41...0x5A: upper = true
            case 0x30...0x39: digit = true
            default: other = true
            }
        }
        return [lower, upper, digit, other].filter { $0 }.count
    }

    /// The entropy a value of this length and charset needs to count as random: a fraction of
    /// the most its length and alphabet allow (`log2(length)` caps short values).
    public static func entropyThreshold(length: Int, charset: Charset) -> Double {
        let cap = min(log2(Double(max(length, 2))), charset.bitsPerCharacter)
        switch charset {
        case .digits: return cap * 0.95
        case .hex: return cap * 0.8
        case .alphanumeric, .base64: return cap * 0.8
        case .printable: return cap * 0.75
        }
    }

    // MARK: - The generic test

    /// True when `value`, the right-hand side of an assignment to a secret-sounding name, looks
    /// like a generated secret and not like a placeholder, a reference, a word or a path.
    public static func looksLikeGeneratedSecret(_ value: some StringProtocol) -> Bool {
        let text = String(value)
        let length = text.utf8.count
        guard length >= 8, length <= 512 else { return false }
        if isPlaceholder(text) || isReference(text) || isKnownExample(text) { return false }
        let set = charset(text)
        if set != .hex, isWordLike(text) { return false }
        if hasLongSequence(text) || isRepetitive(text) { return false }
        if set >= .alphanumeric, set != .printable, let decoded = decodedBase64Text(text), isPlaceholder(decoded) || isWordLike(decoded) {
            return false  // base64 of a placeholder or of words, as in a Kubernetes Secret's data
        }
        let classes = characterClassCount(text)
        switch set {
        case .digits:
            return false
        case .hex:
            guard length >= 16, classes >= 2 else { return false }
        case .alphanumeric, .base64:
            guard length >= 10, classes >= 2 else { return false }
            // Short values need three classes (a digit or a symbol between the letters).
            if length < 16, classes < 3 { return false }
        case .printable:
            guard classes >= 3 else { return false }
            if text.utf8.contains(0x20) { return false }  // prose, a command line
        }
        return entropy(text) >= entropyThreshold(length: length, charset: set)
    }

    /// The text `value` decodes to when it is padded base64 of printable ASCII (6 or more
    /// characters), else nil.
    static func decodedBase64Text(_ value: String) -> String? {
        guard value.utf8.count % 4 == 0, value.utf8.count >= 8, let bytes = decodeBase64(value), bytes.count >= 6 else { return nil }
        guard bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The check for the random part of a provider token whose format is fixed by a prefix:
    /// only documentation placeholders, repeated or sequential characters and very low entropy
    /// are rejected (the prefix and the length already did the rest).
    public static func isPlausibleToken(_ token: some StringProtocol) -> Bool {
        let text = String(token)
        if isKnownExample(text) || hasPlaceholderMarker(text) { return false }
        if hasLongSequence(text) || longestRun(text) >= 8 { return false }
        let set = max(charset(text), .hex)
        let threshold = entropyThreshold(length: text.utf8.count, charset: set) * 0.7
        return entropy(text) >= threshold
    }

    /// `text` without its runs of 4 or more `filler` characters.
    public static func removingRuns(of filler: Character, in text: some StringProtocol) -> String {
        var result = ""
        var run = 0
        func flush() {
            if run < 4 { result += String(repeating: filler, count: run) }
            run = 0
        }
        for c in text {
            if c == filler {
                run += 1
            } else {
                flush()
                result.append(c)
            }
        }
        flush()
        return result
    }

    /// Key material (the base64 body of a PEM, PGP or PuTTY key): long enough, varied enough,
    /// and no placeholder in it. Unlike `isPlausibleToken` it allows the runs of `A` that the
    /// fixed fields of an OpenSSH or PKCS#8 key encode to.
    public static func isPlausibleKeyMaterial(_ body: some StringProtocol) -> Bool {
        let text = String(body)
        guard text.utf8.count >= 40, !hasPlaceholderMarker(text), !isKnownExample(text) else { return false }
        return entropy(removingRuns(of: "A", in: text)) >= 4.0
    }
}
