/// The shapes that make a value a reference rather than a literal, read precisely enough that a
/// password with punctuation in it (`gXt.0QlaCNzFDk`, `mbO5%Kil1809`, `/Xk9!q2r`) stays a
/// literal: names, interpolations, format specs, paths, file names, e-mail addresses and
/// constant names. `isReference` combines them.
extension SecretHeuristics {
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

    /// An identifier shaped like a name: lower case, upper case or camel case humps
    /// (`password`, `DB_PASSWORD`, `apiKey`, `IOUtils`, `HTTPClient`), with digits only at the
    /// end of a word of two or more letters (`oauth2`, `db1`, `oauth2Token`, `KEY_2`). Random text
    /// breaks into many short humps (`CCE7DibTTe6OML`: five in 14 characters) or has a digit inside a
    /// word (`Y5Qefmh`).
    static func isNamePart(_ part: some StringProtocol) -> Bool {
        let bytes = Array(part.utf8)
        var humps = 0
        var i = 0
        func isUpper(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) }
        func isLower(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) }
        func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x5F {
                i += 1
                continue
            }
            humps += 1
            if isDigit(b) {
                // Digits end a word of two or more letters, and are followed by a new word or the end.
                var letters = 0
                var j = i - 1
                while j >= 0, isUpper(bytes[j]) || isLower(bytes[j]) {
                    letters += 1
                    j -= 1
                }
                guard letters >= 2 else { return false }
                let wordEnd = i
                while i < bytes.count, isDigit(bytes[i]) { i += 1 }
                if i < bytes.count, isLower(bytes[i]) { return false }
                // Trailing digits (`v2`, `KEY_2`) are part of the word; inside, a hump of their
                // own after a lower-case word (`oauth2Token`, not `UX8Hyorvw`).
                if i == bytes.count || bytes[i] == 0x5F {
                    humps -= 1
                } else if !(isLower(bytes[wordEnd - 1]) && isLower(bytes[wordEnd - 2])) {
                    return false
                }
                continue
            }
            if isUpper(b) {
                var upper = 0
                while i < bytes.count, isUpper(bytes[i]) {
                    upper += 1
                    i += 1
                }
                // `HTTPClient`: the last capital starts the next hump.
                if upper > 1, i < bytes.count, isLower(bytes[i]) {
                    i -= 1
                    continue
                }
            }
            while i < bytes.count, isLower(bytes[i]) { i += 1 }
        }
        return humps * 4 <= bytes.count + 4
    }

    /// `${NAME}`, `prefix-${NAME}`, `$(command)`, `#{expr}`: an interpolation with its closing
    /// bracket (an opening `${` alone is a character of a password).
    static func hasInterpolation(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for i in bytes.indices.dropLast() where bytes[i] == UInt8(ascii: "$") || bytes[i] == UInt8(ascii: "#") {
            let open = bytes[i + 1]
            guard open == UInt8(ascii: "{") || (open == UInt8(ascii: "(") && bytes[i] == UInt8(ascii: "$")) else { continue }
            let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
            if bytes[(i + 2)...].contains(close) { return true }
        }
        return false
    }

    /// A printf or Python format spec to be filled in later: `%(name)s` anywhere, or `%s`,
    /// `%d`, `%v`, `%q`, `%@` (with flags, width and precision) followed by the end of the value
    /// or by a character that is not a letter or digit (`%s:%s`, `user_%d`). A `%` inside a
    /// password (`mbO5%Kil1809`, `Azu33YY%asBi`) is not one.
    static func isFormatSpec(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "%"), i + 1 < bytes.count else { continue }
            var j = i + 1
            if bytes[j] == UInt8(ascii: "(") {
                guard let close = bytes[j...].firstIndex(of: UInt8(ascii: ")")), close > j + 1,
                    bytes[(j + 1)..<close].allSatisfy(isIdentifierByte)
                else { continue }
                j = close + 1
            }
            while j < bytes.count, "-+ #0123456789.$".utf8.contains(bytes[j]) { j += 1 }
            guard j < bytes.count, "sdvq@".utf8.contains(bytes[j]) else { continue }
            if bytes[i + 1] == UInt8(ascii: "(") { return true }
            if j + 1 == bytes.count || !isAlphanumeric(bytes[j + 1]) { return true }
        }
        return false
    }

    /// `%(name)s`: Python's named format.
    static func isPythonFormat(_ text: String) -> Bool {
        text.contains("%(") && isFormatSpec(text)
    }

    /// `/run/secrets/db_password`, `./certs/key.pem`, `~/.pgpass`: a path, written with path
    /// characters only, with two or more separators or a lower-case name after one. A password
    /// that starts with `/` (`/Xk9!q2`) is not one.
    static func isPath(_ text: String) -> Bool {
        guard text.hasPrefix("/") || text.hasPrefix("./") || text.hasPrefix("../") || text.hasPrefix("~/") else { return false }
        guard text.utf8.allSatisfy({ isIdentifierByte($0) || $0 == 0x2F || $0 == 0x2E || $0 == 0x2D || $0 == 0x7E }) else { return false }
        if text.utf8.filter({ $0 == 0x2F }).count >= 2 { return true }
        return text.utf8.allSatisfy { !(0x41...0x5A).contains($0) } && !text.utf8.contains(where: { (0x30...0x39).contains($0) })
    }
}
