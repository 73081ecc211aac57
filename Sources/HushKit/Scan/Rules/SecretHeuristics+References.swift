/// The shapes that make a value a reference rather than a literal, read precisely enough that a
/// password with punctuation in it (`gXt.0QlaCNzFDk`, `mbO5%Kil1809`, `/Xk9!q2r`) stays a
/// literal: names, interpolations, format specs and paths. `isReference` combines them.
extension SecretHeuristics {
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
