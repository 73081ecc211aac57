// Keyword-context rules: a provider credential that has no self-identifying prefix is found by
// the service's name shortly before a token of the provider's alphabet and length.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

/// How a keyword-context rule is described: the service's names, the token's exact shape, and
/// how far apart they may be. `ScanRules.context(_:)` turns it into a `ScanRule`.
///
/// The pattern it builds reads: a service keyword (`adafruit`, case-insensitive, not glued to
/// a letter or digit before it when `boundedKeyword`), then at most `window` characters on the
/// same line (an assignment name and its operator and quote, `_IO_KEY = "`; with `hint`, the
/// name must contain one of the hint words), then the token, which must not continue a longer
/// run of its own alphabet on either side, nor sit right after a `/` (a URL path segment) or a
/// `.` (a host or file name), nor be followed by `.ext` (a file name).
struct ContextSpec {
    /// Rule id, e.g. `finnhub-api-key`.
    var id: String
    var description: String
    /// Service names, lower-case literals; they are both the engine's prefilter keywords and
    /// the context the pattern requires. Never generic words like `key` or `token`.
    var keywords: [String]
    /// The token's regex (alphabet and length, with any fixed prefix), e.g. `[a-z0-9]{20}`.
    var token: String
    /// How many characters may separate the keyword's end from the token's start.
    var window: Int = 40
    /// Words one of which must follow the keyword in the name (`key|token|secret`), for tokens
    /// whose shape alone is common (UUIDs: an app or org id looks the same as a key).
    var hint: String? = nil
    /// The keyword must not follow a letter or digit (short names: `lob` in `global`).
    var boundedKeyword: Bool = false
    /// A keyword regex to use instead of the literal keywords (`confluent(?!e)`).
    var keywordPattern: String? = nil
    /// Allow a token made of one character class (all lower-case letters, all upper-case).
    var singleClassAllowed: Bool = false
    /// Refuse an all-hex token (for a base62 or base64url format, where hex is a git SHA).
    var rejectsHex: Bool = false
    /// Accept a token of digits alone (a numeric id used as a credential); give a `hint`.
    var digitsAllowed: Bool = false
}

extension ScanRules {
    /// Characters a token may not follow: its own alphabet (a longer run), `/` (a URL path),
    /// `.` (a host or file name), `@` (a version pin, `action@sha`), `%` (URL encoding) and `\`.
    static let contextBefore = #"(?<![A-Za-z0-9_+/.@%\\-])"#
    /// What may not follow a token: more of a token alphabet, or `.` and a letter (`.png`).
    static let contextAfter = #"(?![A-Za-z0-9_+/=-]|\.[A-Za-z0-9])"#

    /// A keyword-context rule (confidence `medium`) from its spec.
    static func context(_ spec: ContextSpec) -> ScanRule {
        ScanRule(
            id: spec.id, description: spec.description, keywords: spec.keywords, pattern: contextPattern(spec),
            confidence: .medium,
            validate: { [single = spec.singleClassAllowed, noHex = spec.rejectsHex, digits = spec.digitsAllowed] in
                SecretHeuristics.isPlausibleContextToken($0, singleClassAllowed: single, digitsAllowed: digits)
                    && !(noHex && SecretHeuristics.charset($0) == .hex)
            })
    }

    /// The pattern of a keyword-context rule (see `ContextSpec`).
    static func contextPattern(_ spec: ContextSpec) -> String {
        let names = spec.keywordPattern ?? spec.keywords.map(regexEscaped).joined(separator: "|")
        var pattern = spec.boundedKeyword ? #"(?<![A-Za-z0-9])"# : ""
        pattern += "(?i:" + names + ")"
        if let hint = spec.hint {
            pattern += #"[A-Za-z0-9_.-]{0,24}?(?i:"# + hint + ")"
        }
        pattern += #"[^\r\n]{0,"# + String(spec.window) + "}?"
        pattern += contextBefore + "(?<secret>" + spec.token + ")" + contextAfter
        return pattern
    }

    /// `text` with the regex metacharacters it contains escaped (keywords are plain literals).
    static func regexEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\^$.|?*+()[]{}/-".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension SecretHeuristics {
    /// The check of a keyword-context token: `isPlausibleToken`, not an identifier (word-like with
    /// at most one digit, or dictionary words throughout), not repetitive,
    /// and (unless the format allows it) two character classes or more, as
    /// random text of its length and alphabet nearly always has. Digits alone pass only when
    /// `digitsAllowed` (a numeric credential the name vouches for).
    public static func isPlausibleContextToken(
        _ token: some StringProtocol, singleClassAllowed: Bool = false, digitsAllowed: Bool = false
    ) -> Bool {
        let text = String(token)
        guard isPlausibleToken(text), !isRepetitive(text) else { return false }
        let set = charset(text)
        if set == .digits { return digitsAllowed }
        // Word-like and hardly any digits, or dictionary words throughout: an identifier.
        let digits = text.utf8.filter { (0x30...0x39).contains($0) }.count
        if set != .hex, isWordLike(text), digits <= 1 || isMadeOfWords(text) { return false }
        if !singleClassAllowed, characterClassCount(text) < 2 { return false }
        return true
    }

    /// True when dictionary words (of 4 letters or more) carry `text`: most of its letters and
    /// half of its characters. Unlike `isWordLike` it does not count pronounceable runs, which
    /// a random token of lower-case letters and digits has often enough (`paneizll473zp77`) to
    /// cost a few percent of recall.
    static func isMadeOfWords(_ text: String) -> Bool {
        var letters = 0
        var covered = 0
        for segment in segments(text) {
            guard let first = segment.first, first.isASCII, first.isLetter else { continue }
            let chars = Array(segment.lowercased())
            letters += chars.count
            if words.contains(String(chars)) {
                covered += chars.count
                continue
            }
            var i = 0
            while i < chars.count {
                var length = min(chars.count - i, 14)
                while length >= 4, !words.contains(String(chars[i..<(i + length)])) { length -= 1 }
                if length >= 4 {
                    covered += length
                    i += length
                } else {
                    i += 1
                }
            }
        }
        guard letters > 0 else { return false }
        return Double(covered) >= 0.7 * Double(letters) && Double(covered) >= 0.5 * Double(text.count)
    }
}
