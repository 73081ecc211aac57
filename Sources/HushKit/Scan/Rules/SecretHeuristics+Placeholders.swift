/// Values that say they are not a real secret: placeholders and values from documentation.
extension SecretHeuristics {
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
}
