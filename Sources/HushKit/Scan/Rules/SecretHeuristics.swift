/// Plain checks on a candidate secret, used by the rules' `validate` closures: randomness
/// (Shannon entropy against a per-charset, per-length threshold), placeholders and documentation
/// examples, word-like and sequential values, and the checksums some token formats carry.
///
/// Everything here works on the UTF-8 bytes of the candidate and needs no Foundation.
public enum SecretHeuristics {
    // MARK: - Entropy and character classes

    /// Shannon entropy of `text` in bits per byte (0 for empty text).
    public static func entropy(_ text: some StringProtocol) -> Double {
        let bytes = Array(text.utf8)
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

    // MARK: - Placeholders, references, examples

    /// Markers that make a value a placeholder wherever they occur in it (compared lower-case).
    static let placeholderMarkers: [String] = [
        "example", "changeme", "change_me", "change-me", "changeit", "change_it", "placeholder", "dummy", "sample",
        "your_", "your-", "yourkey", "yoursecret", "yourtoken", "yourpass", "xxxx", "****", "....", "####", "todo", "fixme",
        "redacted", "replace", "insert", "enter_", "enter-", "fake", "mock", "notreal", "not_real", "not-real",
        "not-a-real", "...", "\u{2026}", "test", "lorem", "ipsum", "secret", "password", "passwd", "token", "apikey", "api_key", "api-key",
        "foobar", "qwerty", "letmein", "default", "sensitive", "hidden", "masked", "removed", "omitted", "undefined",
        "<", ">", "${", "{{", "}}", "%s", "%(", "%d", "$(",
    ]

    /// Markers for provider tokens: fewer, since a random token may well contain `test` (as in
    /// `sk_test_`) or a short word by chance.
    static let tokenPlaceholderMarkers: [String] = [
        "example", "xxxx", "****", "...", "\u{2026}", "your", "placeholder", "dummy", "sample", "fake", "redacted", "changeme",
        "insert", "replace", "notreal", "not_real", "not-real", "lorem", "ipsum", "<", ">", "${", "{{", "%s",
    ]

    /// Whole values that are never secrets (compared lower-case).
    static let placeholderValues: Set<String> = [
        "null", "nil", "none", "true", "false", "undefined", "empty", "default", "required", "optional", "string",
        "password", "secret", "token", "changeme", "p@ssw0rd", "p@ssword", "passw0rd", "passw0rd!", "p@ssw0rd!",
        "password1", "password123", "password1!", "admin123", "admin1234", "12345678", "123456789", "1234567890",
        "qwerty123", "welcome1", "welcome123", "letmein1", "secret123", "secret1234", "test1234", "testtest",
        "iloveyou", "trustno1", "abc12345", "abcd1234", "root1234", "guest123",
    ]

    /// True for values that say they are not a real secret.
    public static func isPlaceholder(_ value: some StringProtocol) -> Bool {
        let lower = String(value).lowercased()
        if placeholderValues.contains(lower) { return true }
        return placeholderMarkers.contains { lower.contains($0) }
    }

    static func hasPlaceholderMarker(_ value: String) -> Bool {
        let lower = value.lowercased()
        return tokenPlaceholderMarkers.contains { lower.contains($0) }
    }

    /// Values from documentation that scanners must not report (exact, or contained).
    static let knownExamples: [String] = [
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "4eC39HqLyjWDarjtT1zdp7dc", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
        "123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709", "xoxb-not-a-real-token-this-will-not-work",
    ]

    /// True when `value` is, or contains, a value from documentation.
    public static func isKnownExample(_ value: some StringProtocol) -> Bool {
        let text = String(value)
        return knownExamples.contains { text.contains($0) }
    }

    /// True for values that refer to a secret kept elsewhere rather than being one: a variable,
    /// a template, a code expression, a path, a URL without credentials, an e-mail address, a
    /// Hush sealed token.
    public static func isReference(_ value: some StringProtocol) -> Bool {
        let text = String(value)
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return true }
        if text.hasPrefix("ENC[") || text.contains("${") || text.contains("$(") || text.contains("%(") { return true }
        // $VAR, %VAR%, @name, &anchor, *alias: a sigil and an identifier, nothing else.
        if [UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "*")].contains(first) {
            var rest = bytes.dropFirst()
            if first == UInt8(ascii: "%"), rest.last == UInt8(ascii: "%") { rest = rest.dropLast() }
            if let f = rest.first, !(0x30...0x39).contains(f), rest.allSatisfy(isIdentifierByte) { return true }
        }
        if text.contains("://") { return true }
        if first == UInt8(ascii: "/") || text.hasPrefix("./") || text.hasPrefix("../") || text.hasPrefix("~/") { return true }
        if bytes.count > 2, bytes[1] == UInt8(ascii: ":"), bytes[2] == UInt8(ascii: "\\") { return true }
        if hasFileExtension(text) { return true }
        if isEmailAddress(text) { return true }
        if isDottedIdentifier(text) || isConstantName(text) { return true }
        return false
    }

    static let fileExtensions: [String] = [
        ".pem", ".key", ".crt", ".cer", ".p12", ".pfx", ".jks", ".json", ".yaml", ".yml", ".txt", ".env", ".conf",
        ".cfg", ".ini", ".xml", ".toml", ".properties", ".js", ".ts", ".py", ".rb", ".go", ".java", ".swift", ".sh",
        ".html", ".png", ".jpg", ".gif", ".svg", ".pub", ".gpg", ".asc", ".log", ".csv", ".md",
    ]

    static func hasFileExtension(_ text: String) -> Bool {
        let lower = text.lowercased()
        return fileExtensions.contains { lower.hasSuffix($0) } && (lower.contains("/") || lower.contains("_") || isWordLike(lower))
    }

    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1].split(separator: ".")
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(isIdentifierByte) }
    }

    static func isIdentifierByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: true
        default: false
        }
    }

    /// `settings.api.key`, `process.env.TOKEN`, `os.environ`: names joined by dots, each short
    /// and made of words.
    static func isDottedIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            guard let f = part.utf8.first, !(0x30...0x39).contains(f), part.count <= 40 else { return false }
            return part.utf8.allSatisfy(isIdentifierByte)
        }
    }

    /// `DB_PASSWORD`, `API_TOKEN_PROD`: an environment-variable name used as a value.
    static func isConstantName(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return false }
        guard text.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }) else { return false }
        let words = text.split(separator: "_")
        return !words.isEmpty && words.allSatisfy { $0.count <= 3 || isWordLike(String($0)) }
    }

    // MARK: - Words, sequences, repetition

    /// Common words of identifiers, placeholders and human-chosen passwords, including the
    /// lorem ipsum ones; used to tell `MySuperSecretValue` from a random value.
    static let words: Set<String> = [
        "my", "the", "and", "for", "you", "your", "our", "this", "that", "with", "from", "into", "not", "new", "old",
        "super", "secret", "secrets", "password", "passwd", "pass", "word", "key", "keys", "token", "tokens", "api",
        "access", "auth", "admin", "user", "users", "name", "login", "value", "values", "data", "base", "database",
        "server", "service", "client", "app", "application", "prod", "production", "dev", "development", "stage",
        "staging", "test", "testing", "local", "default", "config", "setting", "settings", "example", "sample",
        "demo", "dummy", "fake", "mock", "temp", "tmp", "private", "public", "master", "main", "root", "guest",
        "hello", "world", "welcome", "change", "changeme", "please", "here", "there", "some", "random", "string",
        "long", "short", "strong", "weak", "very", "more", "less", "my", "mine", "company", "project", "team", "org",
        "account", "session", "cookie", "hash", "salt", "encrypt", "encryption", "decrypt", "sign", "signing",
        "signature", "verify", "jwt", "bearer", "basic", "oauth", "refresh", "id", "code", "codes", "qwerty", "abc",
        "foo", "bar", "baz", "qux", "alpha", "beta", "gamma", "delta", "omega", "dragon", "monkey", "sunshine",
        "princess", "football", "baseball", "shadow", "letmein", "trustno", "iloveyou", "love", "summer", "winter",
        "spring", "autumn", "fall", "hunter", "tiger", "lion", "cat", "dog", "apple", "banana", "orange", "cherry",
        "pizza", "coffee", "water", "fire", "earth", "wind", "blue", "red", "green", "black", "white", "yellow",
        "purple", "silver", "gold", "star", "moon", "sun", "sky", "night", "day", "time", "life", "home", "house",
        "door", "open", "close", "lock", "unlock", "safe", "vault", "store", "storage", "bucket", "cloud", "web",
        "site", "page", "mail", "email", "smtp", "host", "port", "path", "file", "files", "dir", "folder", "url",
        "link", "http", "https", "www", "com", "net", "info", "mysql", "postgres", "redis", "mongo", "kafka", "rabbit",
        "queue", "cache", "search", "index", "table", "column", "row", "field", "type", "kind", "mode", "level",
        "stripe", "github", "gitlab", "slack", "google", "amazon", "aws", "azure", "docker", "npm", "pypi", "heroku",
        "twilio", "sendgrid", "openai", "hush", "vault", "enc", "please", "insert", "replace", "enter", "put", "set",
        "get", "none", "null", "nil", "true", "false", "empty", "blank", "missing", "unknown", "invalid", "valid",
        "wrong", "right", "good", "bad", "ok", "okay", "yes", "no", "on", "off", "one", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last", "next", "prev", "start", "end",
        "begin", "stop", "run", "build", "deploy", "release", "version", "update", "upgrade", "install", "setup",
        "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod",
        "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim", "minim", "veniam",
        "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip", "ex", "ea", "commodo",
        "consequat", "duis", "aute", "irure", "in", "reprehenderit", "voluptate", "velit", "esse", "cillum", "eu",
        "fugiat", "nulla", "pariatur", "excepteur", "sint", "occaecat", "cupidatat", "non", "proident", "sunt",
        "culpa", "qui", "officia", "deserunt", "mollit", "anim", "est", "laborum", "quick", "brown", "fox", "jumps",
        "over", "lazy", "correct", "horse", "battery", "staple", "is", "it", "to", "of", "be", "we", "me", "us", "go",
        "up", "at", "as", "or", "if", "an", "by", "a", "i", "lol", "omg", "what", "ever", "whatever", "something",
        "nothing", "anything", "everything", "hidden", "masked", "redacted", "removed", "real", "live", "sandbox",
        "placeholder", "generated", "generate", "sensitive", "credential", "credentials", "pwd", "db", "sql",
        "jdbc", "ldap", "ssh", "ftp", "sftp", "git", "repo", "branch", "commit", "merge", "pull", "push", "request",
        "response", "error", "warning", "debug", "trace", "log", "logs", "logger", "handler", "manager", "provider",
        "factory", "builder", "helper", "util", "utils", "common", "core", "internal", "external", "global", "env",
        "environ", "environment", "variable", "variables", "process", "system", "os", "getenv", "from", "read",
        "write", "load", "save", "input", "output", "text", "number", "integer", "boolean", "object", "array", "list",
        "map", "dict", "hello", "world", "john", "jane", "doe", "smith", "alice", "bob", "charlie", "eve", "mallory",
    ]

    /// Splits `text` into runs: letters (split again at a lower-to-upper change, as in camel
    /// case), digits, and other characters.
    static func segments(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var previous: Character?
        var i = text.startIndex
        func kind(_ c: Character) -> Int {
            if c.isASCII, c.isLetter { return 0 }
            if c.isASCII, c.isNumber { return 1 }
            return 2
        }
        while i < text.endIndex {
            let c = text[i]
            if let p = previous {
                let boundary = kind(p) != kind(c) || kind(c) == 2 || (p.isLowercase && c.isUppercase)
                if boundary {
                    if start < i { result.append(text[start..<i]) }
                    start = i
                }
            }
            previous = c
            i = text.index(after: i)
        }
        if start < text.endIndex { result.append(text[start..<text.endIndex]) }
        return result
    }

    /// True when most of `text`'s letters belong to dictionary words (or pronounceable runs),
    /// as in `MySuperSecretValue`, `my_secret_token`, `correcthorsebatterystaple`.
    public static func isWordLike(_ text: some StringProtocol) -> Bool {
        let string = String(text)
        var letters = 0
        var covered = 0
        for segment in segments(string) {
            guard let f = segment.first, f.isASCII, f.isLetter else { continue }
            letters += segment.count
            covered += wordCoverage(segment.lowercased())
        }
        guard letters > 0 else { return false }
        let total = string.count
        // The words must carry the value: most of its letters, and half of its characters.
        return Double(covered) >= 0.7 * Double(letters) && Double(covered) >= 0.5 * Double(total)
    }

    /// How many characters of the lower-case letter run `run` are covered by dictionary words
    /// (greedy longest match), or all of them when the run reads like a word.
    static func wordCoverage(_ run: String) -> Int {
        let chars = Array(run)
        if chars.count <= 2 { return words.contains(run) ? chars.count : 0 }
        if words.contains(run) { return chars.count }
        var covered = 0
        var i = 0
        while i < chars.count {
            var matched = 0
            var length = min(chars.count - i, 14)
            while length >= 3 {
                if words.contains(String(chars[i..<(i + length)])) {
                    matched = length
                    break
                }
                length -= 1
            }
            if matched > 0 {
                covered += matched
                i += matched
            } else {
                i += 1
            }
        }
        if covered * 10 >= chars.count * 7 { return covered }
        return isPronounceable(chars) ? chars.count : covered
    }

    /// A letter run of 5 or more that reads like a word: vowels in proportion, no long
    /// consonant or vowel clusters.
    static func isPronounceable(_ chars: [Character]) -> Bool {
        guard chars.count >= 5 else { return false }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var vowelCount = 0
        var consonantRun = 0
        var vowelRun = 0
        for c in chars {
            if vowels.contains(c) {
                vowelCount += 1
                vowelRun += 1
                consonantRun = 0
                if vowelRun > 2 { return false }
            } else {
                consonantRun += 1
                vowelRun = 0
                if consonantRun > 3 { return false }
            }
        }
        let ratio = Double(vowelCount) / Double(chars.count)
        return ratio >= 0.3 && ratio <= 0.6
    }

    /// True when `text` holds a run of 6 or more characters that count up or down by one
    /// (`123456`, `abcdef`, `987654`), or a keyboard row.
    public static func hasLongSequence(_ text: some StringProtocol) -> Bool {
        let bytes = Array(String(text).lowercased().utf8)
        if bytes.count >= 6 {
            var up = 1
            var down = 1
            for i in 1..<bytes.count {
                let (a, b) = (Int(bytes[i - 1]), Int(bytes[i]))
                let alnum = isAlphanumeric(bytes[i - 1]) && isAlphanumeric(bytes[i])
                up = alnum && b == a + 1 ? up + 1 : 1
                down = alnum && b == a - 1 ? down + 1 : 1
                if up >= 6 || down >= 6 { return true }
            }
        }
        // Mostly made of short runs (`abc123def456`): half the characters in runs of 3 or more.
        if bytes.count >= 8 {
            var inRuns = 0
            var runStart = 0
            var direction = 0
            for i in 1...bytes.count {
                let step = i < bytes.count && isAlphanumeric(bytes[i - 1]) && isAlphanumeric(bytes[i]) ? Int(bytes[i]) - Int(bytes[i - 1]) : 0
                let continues = (step == 1 || step == -1) && (direction == 0 || step == direction)
                if continues {
                    direction = step
                } else {
                    if i - runStart >= 3 { inRuns += i - runStart }
                    runStart = i
                    direction = 0
                    if step == 1 || step == -1 {
                        runStart = i - 1
                        direction = step
                    }
                }
            }
            if inRuns * 2 >= bytes.count { return true }
        }
        let lower = String(decoding: bytes, as: UTF8.self)
        return ["qwerty", "asdfgh", "zxcvbn", "qwertz", "azerty"].contains { lower.contains($0) }
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b)
    }

    /// The longest run of one repeated character.
    public static func longestRun(_ text: some StringProtocol) -> Int {
        var best = 0
        var run = 0
        var previous: UInt8?
        for b in text.utf8 {
            run = b == previous ? run + 1 : 1
            best = max(best, run)
            previous = b
        }
        return best
    }

    /// Repeated characters or a short pattern repeated (`aaaaaaaa`, `abcabcabcabc`, `x1x1x1x1`).
    public static func isRepetitive(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return true }
        if longestRun(text) * 3 >= bytes.count || longestRun(text) >= 6 { return true }
        for period in 1...min(4, bytes.count / 2) {
            var same = 0
            for i in period..<bytes.count where bytes[i] == bytes[i - period] { same += 1 }
            if same * 10 >= (bytes.count - period) * 8 { return true }
        }
        let distinct = Set(bytes).count
        return distinct <= 3 || distinct * 6 < bytes.count
    }

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

    /// A JWT (`header.payload.signature`) whose header decodes to a JSON object naming an
    /// algorithm other than `none`, with a signature of at least 16 characters.
    public static func isSignedJWT(_ token: some StringProtocol) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count >= 16, !isKnownExample(String(parts[2])) else { return false }
        guard let header = decodeBase64(parts[0]) else { return false }
        let json = String(decoding: header, as: UTF8.self)
        guard json.hasPrefix("{"), json.contains("\"alg\""), !json.contains("\"none\"") else { return false }
        guard let payload = decodeBase64(parts[1]), payload.first == UInt8(ascii: "{") else { return false }
        return !hasPlaceholderMarker(String(parts[2]))
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
