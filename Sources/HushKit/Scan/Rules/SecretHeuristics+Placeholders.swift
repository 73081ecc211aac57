/// Values that look like secrets but are not: placeholders, references, words, sequences.
extension SecretHeuristics {
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
        // AWS's second documented key pair, Stripe's documentation test keys, Mailgun's
        // documentation key, the bot token in Slack's OAuth v2 example response, Algolia's
        // public demo search key (app `latency`), and the Azure Storage emulator (Azurite)
        // account key, which Microsoft publishes for local development.
        "AKIAI44QH8DHBEXAMPLE", "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "pk_test_TYooMQauvdEDq54NiTphI7jx",
        "pk_test_6pRNASCoBOKtIshFeQd4XMUh", "key-3ax6xnjp29jd6fds4gc373sgvjxteol0",
        "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", "6be0576ff61c053d5f9a3225e2a90f76",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
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
        isReference(value, quoted: false, precise: false)
    }

    /// `quoted`: the value was between quotes, where `@`, `&` and `*` start a literal (a YAML
    /// alias or anchor, a pointer or an instance variable is never quoted); `$NAME` and
    /// `%NAME%` stay references (shell and batch expand them inside double quotes).
    /// `precise`: for a password literal, which may hold any punctuation: a dotted path and a
    /// sigil's name must be shaped like names (`isDottedIdentifier(_:precise:)`); other rules
    /// judge values that are never punctuated passwords, and keep the wider reading.
    static func isReference(_ value: some StringProtocol, quoted: Bool, precise: Bool) -> Bool {
        let text = String(value)
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return true }
        if text.hasPrefix("ENC[") || hasInterpolation(text) || isPythonFormat(text) { return true }
        // $VAR, %VAR%, @name, &anchor, *alias: a sigil and an identifier, nothing else.
        if [UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "*")].contains(first) {
            var rest = bytes.dropFirst()
            if first == UInt8(ascii: "%"), rest.last == UInt8(ascii: "%") { rest = rest.dropLast() }
            // `@name`, `&anchor`, `*alias` only when the identifier is shaped like a name
            // (`*f4KISfnlLjByN` is a password); `$X` and `%X%` whatever the name.
            let sigil = first == UInt8(ascii: "$") || first == UInt8(ascii: "%")
            if sigil || !quoted, let f = rest.first, !(0x30...0x39).contains(f), rest.allSatisfy(isIdentifierByte),
                sigil || !precise || isNamePart(String(decoding: rest, as: UTF8.self))
            {
                return true
            }
        }
        if text.contains("://") { return true }
        if isPath(text) { return true }
        if bytes.count > 2, bytes[1] == UInt8(ascii: ":"), bytes[2] == UInt8(ascii: "\\") { return true }
        if hasFileExtension(text) { return true }
        if isEmailAddress(text) { return true }
        if isDottedIdentifier(text, precise: precise) || isConstantName(text) { return true }
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

    /// `settings.api.key`, `process.env.TOKEN`, `os.environ`, `cfg.Db.Password`: the whole
    /// value is identifiers joined by dots. `precise` (for password literals): each part is
    /// also shaped like a name (`isNamePart`); a password with a dot in it (`gXt.0QlaCNzFDk`,
    /// `A.UX8BIL7EZyJ29Z`) has parts no one names a variable.
    static func isDottedIdentifier(_ text: String, precise: Bool = false) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        let identifiers = parts.allSatisfy { part in
            guard let f = part.utf8.first, !(0x30...0x39).contains(f), part.count <= 40 else { return false }
            return part.utf8.allSatisfy(isIdentifierByte)
        }
        guard identifiers, precise else { return identifiers }
        return parts.allSatisfy(isNamePart)
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
}
