/// A plaintext `.env` anywhere in the tree that holds a real-looking value, whether git tracks
/// it or not (a tracked one is checked more strictly: it must be sealed). Templates
/// (`.env.example`, …) and files of only placeholders, references and settings are not findings.
extension StructureCheck {
    /// Names whose value is a password whatever it looks like (`DB_PASSWORD`, `SMTP_PASS`).
    private static let passwordNameParts = ["pass", "pwd", "passphrase"]

    /// A finding when `bytes`, a dotenv file at `path` that the sealed-file check does not
    /// cover, has a value that looks like a secret: generated-looking, a password literal under
    /// a password-like name, or a URL with a password. Nil otherwise.
    static func plaintextDotenvFinding(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> ScanFinding? {
        guard isDotenv(path) else { return nil }
        var start = 0
        var number = 0
        while start < bytes.count {
            let end = ScanEngine.lineEnd(bytes, from: start)
            number += 1
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            start = end + 1
            guard let (key, value) = assignment(line), looksReal(key: key, value: value) else { continue }
            let rule = ScanFinding.plaintextDotenvRule
            return ScanFinding(
                rule: rule, message: "a plaintext dotenv file with a real-looking value (\(TerminalSafe.escape(key)) on line \(number)): seal it with hush",
                path: path, line: number, column: 1, redacted: "",
                fingerprint: ScanFinding.fingerprint(rule: rule, secret: Array(path.utf8)))
        }
        return nil
    }

    /// `KEY=VALUE` or `export KEY=VALUE`, the value unquoted; nil for comments and other lines.
    static func assignment(_ raw: String) -> (key: String, value: String)? {
        var line = Substring(raw.hasSuffix("\r") ? String(raw.dropLast()) : raw)
        line = line.drop { $0 == " " || $0 == "\t" }
        if line.hasPrefix("export ") { line = line.dropFirst(7).drop { $0 == " " } }
        guard let eq = line.firstIndex(of: "="), eq > line.startIndex, !line.hasPrefix("#") else { return nil }
        let key = line[..<eq].trimmingSpaces
        guard key.utf8.allSatisfy({ SecretHeuristics.isIdentifierByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else { return nil }
        var value = line[line.index(after: eq)...].trimmingSpaces
        if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
            value = String(value.dropFirst().dropLast())
        } else if let hash = commentStart(value) {
            value = String(value.prefix(hash)).trimmingSpaces
        }
        return (String(key), value)
    }

    static func looksReal(key: String, value: String) -> Bool {
        if value.isEmpty || value.hasPrefix("ENC[") { return false }
        if SecretHeuristics.looksLikeGeneratedSecret(value) && !SecretHeuristics.isCamelCaseIdentifier(value) { return true }
        let lower = key.lowercased()
        if passwordNameParts.contains(where: { lower.contains($0) }), !lower.contains("passenger"), !lower.contains("bypass") {
            return SecretHeuristics.isPlausiblePasswordLiteral(value)
        }
        // A URL with a password: scheme://user:password@host.
        let parts = value.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        if parts.count >= 3, parts[0].hasSuffix(":"), parts[1].isEmpty, let at = parts[2].lastIndex(of: "@") {
            let userinfo = parts[2][..<at]
            if let colon = userinfo.firstIndex(of: ":") {
                return SecretHeuristics.isPlausiblePassword(userinfo[userinfo.index(after: colon)...])
            }
        }
        return false
    }

    /// Where an unquoted value's ` #` comment starts (in characters), if it has one.
    private static func commentStart(_ value: String) -> Int? {
        var previous: Character?
        for (i, c) in value.enumerated() {
            if c == "#", previous == " " || previous == "\t" { return i - 1 }
            previous = c
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let bytes = Array(utf8)
        var a = 0
        var b = bytes.count
        while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }
}
