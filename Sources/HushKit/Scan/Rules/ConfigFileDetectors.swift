/// Credential files recognised by their name, whose lines have no literal a keyword rule could
/// key on: `.pgpass` (`host:port:db:user:password`), Rails `master.key` (32 hex characters),
/// and htpasswd or shadow files holding DES-crypt hashes (13 characters). Checked in plain
/// Swift on the file's lines, only for files with these names, so they cost nothing elsewhere.
enum ConfigFileDetectors {
    /// One credential found in a file: the rule, and the byte range of the secret.
    struct Hit: Equatable {
        var rule: String
        var secret: Range<Int>
    }

    /// What each detector finds, by rule id.
    static let descriptions: [String: String] = [
        "pgpass-password": "Password in a PostgreSQL password file (.pgpass)",
        "rails-master-key": "Rails master key (config/master.key, config/credentials/*.key)",
        "password-hash-file": "DES-crypt password hash in an htpasswd or shadow file",
    ]

    enum Kind { case pgpass, railsKey, hashFile }

    /// The detector for a file at `path`, by its name, or nil.
    static func kind(of path: String) -> Kind? {
        let name = Paths.fileName(of: path).lowercased()
        if name == ".pgpass" || name == "pgpass.conf" || name == "pgpass" { return .pgpass }
        if name == "master.key" || (name.hasSuffix(".key") && path.lowercased().contains("config/credentials/")) { return .railsKey }
        if name.contains("htpasswd") || name == "shadow" || name == "shadow-" || name == "gshadow" || name.hasSuffix("passwd") {
            return .hashFile
        }
        return nil
    }

    /// The credentials in `bytes`, a file at `path` (none when no detector applies).
    static func hits(path: String, bytes: UnsafeBufferPointer<UInt8>) -> [Hit] {
        guard let kind = kind(of: path) else { return [] }
        var result: [Hit] = []
        var start = 0
        while start < bytes.count {
            let end = ScanEngine.lineEnd(bytes, from: start)
            var stop = end
            if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
            if let hit = check(kind, UnsafeBufferPointer(rebasing: bytes[start..<stop]), offset: start) { result.append(hit) }
            start = end + 1
        }
        return result
    }

    private static func check(_ kind: Kind, _ line: UnsafeBufferPointer<UInt8>, offset: Int) -> Hit? {
        guard let first = line.first, first != UInt8(ascii: "#") else { return nil }
        switch kind {
        case .pgpass: return pgpass(line, offset: offset)
        case .railsKey: return railsKey(line, offset: offset)
        case .hashFile: return desHash(line, offset: offset)
        }
    }

    /// `hostname:port:database:username:password`; `\:` and `\\` are escapes inside a field.
    private static func pgpass(_ line: UnsafeBufferPointer<UInt8>, offset: Int) -> Hit? {
        var fields = 0
        var i = 0
        while i < line.count, fields < 4 {
            if line[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if line[i] == UInt8(ascii: ":") { fields += 1 }
            i += 1
        }
        guard fields == 4, i < line.count else { return nil }
        let password = String(decoding: UnsafeBufferPointer(rebasing: line[i...]), as: UTF8.self)
        guard password != "*", SecretHeuristics.isPlausiblePasswordLiteral(password) else { return nil }
        return Hit(rule: "pgpass-password", secret: (offset + i)..<(offset + line.count))
    }

    /// The whole key file: 32 lower-case hex characters (16 random bytes).
    private static func railsKey(_ line: UnsafeBufferPointer<UInt8>, offset: Int) -> Hit? {
        var end = line.count
        while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end == 32, line[..<end].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: line[..<end]), as: UTF8.self)
        guard SecretHeuristics.isPlausibleToken(text) else { return nil }
        return Hit(rule: "rails-master-key", secret: offset..<(offset + end))
    }

    /// `user:HASH` or `user:HASH:…` where HASH is a traditional DES crypt (13 characters of
    /// `./0-9A-Za-z`); the `$id$` formats are the `password-hash-line` rule's.
    private static func desHash(_ line: UnsafeBufferPointer<UInt8>, offset: Int) -> Hit? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        var end = colon + 1
        while end < line.count, line[end] != UInt8(ascii: ":") { end += 1 }
        let hash = UnsafeBufferPointer(rebasing: line[(colon + 1)..<end])
        guard hash.count == 13, hash.allSatisfy({ b in b == 0x2E || b == 0x2F || SecretHeuristics.isAlphanumeric(b) }) else { return nil }
        let text = String(decoding: hash, as: UTF8.self)
        guard SecretHeuristics.isVaried(text) else { return nil }
        return Hit(rule: "password-hash-file", secret: (offset + colon + 1)..<(offset + end))
    }

    /// The 1-based lines and rules of the hits in `text` (for tests that work on strings).
    static func lines(path: String, text: String) -> [(rule: String, line: Int)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            hits(path: path, bytes: buffer).map { hit in
                (hit.rule, buffer[..<hit.secret.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 })
            }
        }
    }
}
