/// Words: telling a value made of dictionary words (`MySuperSecretValue`) from a random one.
extension SecretHeuristics {
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
        "long", "short", "strong", "weak", "very", "more", "less", "mine", "company", "project", "team", "org",
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
        "twilio", "sendgrid", "openai", "hush", "enc", "insert", "replace", "enter", "put", "set",
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
        "environ", "environment", "variable", "variables", "process", "system", "os", "getenv", "read",
        "write", "load", "save", "input", "output", "text", "number", "integer", "boolean", "object", "array", "list",
        "map", "dict", "john", "jane", "doe", "smith", "alice", "bob", "charlie", "eve", "mallory",
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
}
