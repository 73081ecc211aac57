/// The judgement of a password literal: a value a person may have picked (`admin123`,
/// `Rrhh1234`, `A,.:-¨@*¿?!`), as opposed to a placeholder, a reference, a label, a type or a
/// field name, which code and config put in the same places.
extension SecretHeuristics {
    /// Whole values that say "no password here" (compared lower-case).
    static let passwordPlaceholderValues: Set<String> = [
        "password", "passwd", "passwort", "passphrase", "pass", "pwd", "secret", "changeme", "changeit", "null", "nil", "none",
        "true", "false", "undefined", "empty", "blank", "required", "optional", "string", "str", "text", "value", "yes", "no",
        "on", "off", "todo", "tbd", "n/a", "na", "unset", "hidden", "masked", "redacted", "sample", "example", "dummy",
        "placeholder", "default", "mypassword", "yourpassword", "my_password", "your_password", "my-password", "your-password",
        "email", "username", "user", "login", "name", "admin_password", "root_password", "nopass", "nopassword", "omit",
        "secure", "char", "bytes", "int", "integer", "boolean", "bool", "object", "any", "varchar",
        // Values that say they do not matter, and RFC 7617's Basic example (`Aladdin` / `open sesame`).
        "irrelevant", "unused", "ignored", "ignore", "whatever", "anything", "nothing", "opensesame", "open sesame",
        "blah", "foo", "bar", "baz", "qux", "foobar", "spam", "eggs", "asdf", "xyz",
    ]

    /// Markers that make a password literal a placeholder wherever they occur (compared
    /// lower-case): they say the value is fake, a template or a reference (`test123`,
    /// `your_password_here`, `<db-password>`, `{{ pw }}`).
    static let passwordPlaceholderMarkers: [String] = [
        "your_", "your-", "yourpass", "<", ">", "{{", "}}", "<%", "xxx", "***", "•", "...",
        "\u{2026}", "changeme", "change_me", "change-me", "changeit", "placeholder", "example", "redacted", "replace", "dummy",
        "fake", "sample", "enter_", "enter-", "insert", "notreal", "not_real", "not-real", "not-a-real", "test", "lorem",
        "badpass", "bad_pass", "wrong", "invalid", "incorrect", "doesnotexist", "notexist", "nonexist", "bogus", "ipsum", "enc[",
        "vault:", "secret:", "ref+", "op://",
    ]

    /// The name's own words: a value made of one of them (in any leetspeak spelling, with
    /// letters or punctuation around it: `password`, `P@ssw0rd`, `Passw0rd!`, `mysecret`,
    /// `s3cr3t`) says "a password goes here". With digits added (`secret123`, `P@ssw0rd1`,
    /// `2024password`) it is a weak password someone picked (compared lower-case, unleeted).
    static let passwordWords: [String] = [
        "password", "passwd", "passwort", "passphrase", "contraseña", "mot de passe", "secret", "pswd", "somepass", "mypass",
    ]

    /// A password literal worth reporting when the name says password: not a placeholder, a
    /// reference, a crypt hash, a label, a type name, a field name or prose; at least 4
    /// characters, and not a run of one character or an keyboard or alphabet sequence.
    /// `quoted`: the value was written between quotes, where `*f4KISfnlLjByN` or `&x9` is a
    /// literal rather than a YAML alias, anchor or tag, or a pointer.
    public static func isPlausiblePasswordLiteral(_ value: some StringProtocol, quoted: Bool = false) -> Bool {
        let text = String(value)
        let length = text.count
        guard length >= 4, length <= 200 else { return false }
        let lower = text.lowercased()
        if passwordPlaceholderValues.contains(lower) { return false }
        if passwordPlaceholderMarkers.contains(where: { lower.contains($0) }) { return false }
        if isPasswordWord(lower) { return false }
        // `changeme` in leetspeak (`ch4ng3m3`), and `n/a`, `to-do`: the placeholders again.
        let plain = unleet(lower)
        if plain.contains("changeme") || passwordPlaceholderValues.contains(plain) { return false }
        if !lower.contains(where: \.isNumber), passwordPlaceholderValues.contains(String(lower.filter(\.isLetter))) { return false }
        if serviceDefaultPasswords.contains(lower) || isAllCapsWord(text) { return false }
        if isValidationRule(lower) { return false }
        if isKnownExample(text) || isCryptHash(text) || isLabel(text) { return false }
        if isRepeated(text) || isMostlySequence(lower) { return false }
        if isReference(text, quoted: quoted, precise: true) || (!quoted && isSigilReference(text)) || isFormatString(text) { return false }
        if isProse(text) || isCode(text) || isCamelCaseIdentifier(text) || isSnakeCaseWords(text) { return false }
        if isInteger(text) || isHostAndPort(text) || (length >= 16 && isWordLike(text)) { return false }
        // `bandpass`, `mypass`: letters only, around the name's own word.
        if text.allSatisfy(\.isLetter), lower.contains("pass") || lower.contains("pwd") { return false }
        // Base64 of a placeholder (`cGFzc3dvcmQ=`, as in a Kubernetes Secret's data) is one too.
        if let decoded = decodedBase64Text(text), !isPlausiblePasswordLiteral(decoded) { return false }
        return true
    }

    /// A bare word given to a password name in a dotenv file: a plausible password, or a
    /// database or broker image's default (`postgres`, `guest`), which a real `.env` leaks as
    /// often as a local one holds it.
    public static func isDotenvPasswordWord(_ value: some StringProtocol) -> Bool {
        let text = String(value)
        let lower = text.lowercased()
        if serviceDefaultPasswords.contains(lower), !passwordPlaceholderValues.contains(lower) { return true }
        return isPlausiblePasswordLiteral(text)
    }

    /// True when `lower` is one of `passwordWords` (in any leetspeak spelling) with nothing
    /// around it but letters and punctuation: no digit outside the word's own letters.
    /// A numbered label (`prod-secret-1`, `secret_02`, as tests write them) counts as the word.
    static func isPasswordWord(_ lower: String) -> Bool {
        var chars = Array(lower)
        if let cut = chars.lastIndex(where: { $0 == "-" || $0 == "_" }), cut > 0, (1...2).contains(chars.count - cut - 1),
            chars[(cut + 1)...].allSatisfy(\.isNumber)
        {
            chars = Array(chars[..<cut])
        }
        let lower = String(chars)
        let plain = Array(unleet(lower))
        for word in passwordWords {
            let w = Array(word)
            guard w.count <= plain.count else { continue }
            for start in 0...(plain.count - w.count) where Array(plain[start..<(start + w.count)]) == w {
                let outside = chars[..<start] + chars[(start + w.count)...]
                if !outside.contains(where: \.isNumber) { return true }
            }
        }
        return false
    }

    /// `p@ssw0rd` read as `password`: the usual digit and symbol stand-ins for letters.
    static func unleet(_ lower: String) -> String {
        let map: [Character: Character] = ["@": "a", "4": "a", "0": "o", "1": "i", "3": "e", "$": "s", "5": "s", "7": "t", "!": "i"]
        return String(lower.map { map[$0] ?? $0 })
    }

    /// `required|min:8|confirmed`: a form validation rule (Laravel and others), not a password.
    static func isValidationRule(_ lower: String) -> Bool {
        let parts = lower.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            let name = part.split(separator: ":", maxSplits: 1).first ?? ""
            return name.count >= 2 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "_") }
        }
    }

    /// One character, or a short pattern, repeated (`aaaa`, `abab`, `xyzxyz`); a doubled letter in
    /// a short password (`r00tpw`) is fine.
    static func isRepeated(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard Set(bytes).count > 2 else { return true }
        if longestRun(text) * 2 > bytes.count { return true }
        for period in 1...min(3, bytes.count / 2) where (period..<bytes.count).allSatisfy({ bytes[$0] == bytes[$0 - period] }) {
            return true
        }
        return false
    }

    /// A value that is mostly alphabet or keyboard sequences (`123456`, `abc123`, `qwerty12`);
    /// a sequence as part of a picked password (`Rrhh1234`) does not count.
    static func isMostlySequence(_ lower: String) -> Bool {
        let bytes = Array(lower.utf8)
        // Characters in runs of 3 or more that count up or down by one (`abc123` is all runs).
        var inRuns = 0
        var longest = 1
        var run = 1
        var direction = 0
        for i in bytes.indices.dropFirst() {
            let step = Int(bytes[i]) - Int(bytes[i - 1])
            let alnum = isAlphanumeric(bytes[i - 1]) && isAlphanumeric(bytes[i])
            if alnum, step == 1 || step == -1, direction == 0 || step == direction {
                run += 1
                direction = step
            } else {
                if run >= 3 { inRuns += run }
                run = 1
                direction = alnum && (step == 1 || step == -1) ? step : 0
                if direction != 0 { run = 2 }
            }
            longest = max(longest, run)
        }
        if run >= 3 { inRuns += run }
        if inRuns * 10 >= bytes.count * 7 { return true }
        for row in ["qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertz", "azerty"] {
            var n = row.count
            while n >= 4 {
                if lower.contains(String(row.prefix(n))) {
                    longest = max(longest, n)
                    break
                }
                n -= 1
            }
        }
        return longest >= 4 && longest * 10 >= bytes.count * 7
    }

    /// The default passwords of database and broker images and of their documentation
    /// (`postgres`, `guest`, `tiger`): a local setup, not a leak. `admin` and `root` are kept:
    /// people do pick them for real servers.
    static let serviceDefaultPasswords: Set<String> = [
        "postgres", "postgresql", "mysql", "mariadb", "mongo", "mongodb", "redis", "rabbitmq", "guest", "oracle", "neo4j",
        "couchbase", "cassandra", "kafka", "nats", "tiger", "scott", "sa", "elastic", "changeme",
    ]

    /// `10026`, `-2146893773`: a number (an error code, an option id), not a password string.
    static func isInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `localhost:22`, `www.example.org:8080`: a host and a port.
    static func isHostAndPort(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...5).contains(parts[1].count), isInteger(String(parts[1])) else { return false }
        return !parts[0].isEmpty && parts[0].utf8.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x2D }
    }

    /// A word of letters only that reads as a word (`options`, `admin`): for places where prose
    /// is likelier than a password.
    public static func isWord(_ value: some StringProtocol) -> Bool {
        let text = String(value)
        return text.allSatisfy(\.isLetter) && isWordLike(text)
    }

    /// `FAIL`, `NONE`, `REDACTED`: an upper-case word is a constant or a status, not a password.
    static func isAllCapsWord(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x41...0x5A).contains($0) || $0 == 0x5F }
    }

    /// `$1$…`, `$2b$…`, `$6$…`, `$argon2id$…`, `$pbkdf2-sha256$…`, PostgreSQL's `md5` + 32 hex
    /// and `SCRAM-SHA-256$…`: a stored hash, not a password.
    static func isCryptHash(_ text: String) -> Bool {
        if text.hasPrefix("md5"), text.utf8.count == 35, charset(text.dropFirst(3)) <= .hex { return true }
        if text.hasPrefix("SCRAM-SHA-") { return true }
        // MySQL's native hash: `*` and 40 upper-case hex characters.
        if text.hasPrefix("*"), text.utf8.count == 41, charset(text.dropFirst()) <= .hex { return true }
        guard text.hasPrefix("$"), text.utf8.count >= 20 else { return false }
        return text.dropFirst().contains("$")
    }

    /// A UI label or translation: one title-case word (`Password`, `Contraseña`), a word in a
    /// script other than Latin (`Пароль`, `密码`), or words ending with a colon (`Password:`).
    static func isLabel(_ text: String) -> Bool {
        let trimmed = text.hasSuffix(":") ? String(text.dropLast()) : text
        let letters = trimmed.filter { $0 != " " }
        guard !letters.isEmpty, letters.allSatisfy(\.isLetter) else { return false }
        if text.hasSuffix(":") { return true }
        if letters.contains(where: { !$0.isASCII }) { return true }
        guard let first = trimmed.first, first.isUppercase else { return false }
        return trimmed.dropFirst().allSatisfy { $0.isLowercase || $0 == " " }
    }

    /// `&config.Password`, `*defaults.secret`, `@settings.password`, `::Foo.bar`, `!Ref`: a
    /// sigil before a dotted or plain identifier shaped like a name (a pointer, a YAML alias,
    /// anchor or tag, a symbol). `!CCE7DibTTe6OML` is a password that starts with `!`.
    static func isSigilReference(_ text: String) -> Bool {
        guard let first = text.first, "&*@:!".contains(first) else { return false }
        let rest = String(text.drop { "&*@:!".contains($0) })
        guard let f = rest.utf8.first, !(0x30...0x39).contains(f) else { return false }
        return isDottedIdentifier(rest, precise: true) || (rest.utf8.allSatisfy(isIdentifierByte) && isNamePart(rest))
    }

    /// `{}`, `{0}`, `{password}`, `%1$s`, `%s`, `%(name)s`: a format string or template to fill
    /// in later.
    static func isFormatString(_ text: String) -> Bool {
        if let open = text.firstIndex(of: "{"), text[open...].contains("}") { return true }
        return isFormatSpec(text)
    }

    /// Code between two string literals (`") || $0.hasPrefix("`, `", "`), which a quoted-value
    /// match takes when the name was itself inside a literal (`"DB_PASSWORD="`), or a literal
    /// cut short at an escaped quote (`p\\u00e4ss\\`).
    static func isCode(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first == " " || last == " " || first == ")" || text.hasPrefix(", ") || last == "\\" { return true }
        if text.contains("\\x") || text.contains("\\u") { return true }
        return [" || ", " && ", ") ", " (", ", ", " + ", " == ", " ? ", "\\n"].contains { text.contains($0) }
    }

    /// Words separated by spaces, most of them alphabetic: a sentence or a label, not a password.
    static func isProse(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2 else { return false }
        let alphabetic = words.filter { word in word.allSatisfy { $0.isLetter || ".,:;!?'-".contains($0) } }
        return alphabetic.count * 2 >= words.count
    }

    /// `oidExtKeyUsageServiceAuth`, `PasswordField`, `userSecret`: letters only, in three or more
    /// camel-case parts of two or more letters each (a random value of letters breaks into
    /// many one-letter parts). Also used on generic values, where identifiers end up as values.
    public static func isCamelCaseIdentifier(_ text: some StringProtocol) -> Bool {
        let string = String(text)
        guard string.utf8.count >= 6, string.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            return false
        }
        var parts: [Int] = []
        var current = 0
        var previousLower = false
        for b in string.utf8 {
            let upper = (0x41...0x5A).contains(b)
            if upper, previousLower {
                parts.append(current)
                current = 0
            }
            current += 1
            previousLower = !upper
        }
        parts.append(current)
        guard parts.count >= 2 else { return false }
        // Every part is an upper-case letter followed by lower-case ones (or, first, lower-case).
        let chars = Array(string.utf8)
        var upperRun = 0
        for b in chars {
            upperRun = (0x41...0x5A).contains(b) ? upperRun + 1 : 0
            if upperRun > 3 { return false }
        }
        return parts.allSatisfy { $0 >= 2 } && (parts.count >= 3 || isWordLike(string))
    }

    /// `first_name`, `password_confirmation`, `user-email`: lower-case words joined by `_` or
    /// `-` without a digit, the shape of a field or variable name.
    static func isSnakeCaseWords(_ text: String) -> Bool {
        guard text.contains("_") || text.contains("-") else { return false }
        let parts = text.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in part.allSatisfy { $0.isASCII && $0.isLowercase } && part.count >= 2 }
    }
}
