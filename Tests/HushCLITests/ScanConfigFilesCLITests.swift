import Foundation
import Testing

/// `hush scan` through the binary on credential files in their documented formats, on password
/// literals, and on plaintext `.env` files outside git's index. Every value is made at run time,
/// so that no secret-looking literal sits in this file.
@Suite struct ScanConfigFilesCLITests {
    /// A weak password of the kind people pick: a word and two digits.
    static func picked() -> String {
        ["kermit", "orchid", "zephyr", "nimbus"].randomElement()! + String(Int.random(in: 10...99))
    }

    static func random(_ alphabet: String, _ count: Int) -> String {
        String((0..<count).map { _ in alphabet.randomElement()! })
    }

    static let crypt = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

    /// `path:rule` of each finding of a JSON-lines run, sorted.
    func found(_ outcome: Outcome) throws -> [String] {
        try outcome.stdout.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return "\(object["file"] as? String ?? ""):\(object["rule"] as? String ?? "")"
        }.sorted()
    }

    @Test func credentialFilesAreFound() throws {
        let box = try Sandbox()
        let sha512 = "$" + "6$" + Self.random(Self.crypt, 16) + "$" + Self.random(Self.crypt, 86)
        try box.write("leaks/etc/shadow", "root:" + sha512 + ":19700:0:99999:7:::\nbin:*:19700::::::\n")
        try box.write("leaks/.htpasswd", "legacy:" + Self.random(Self.crypt, 13) + "\n")
        try box.write("leaks/.pgpass", "db.internal:5432:app:app:" + Self.picked() + "\n")
        try box.write("leaks/config/master.key", Self.random("0123456789abcdef", 32) + "\n")
        try box.write("leaks/wp-config.php", "<?php\ndefine('DB_" + "PASSWORD', '" + Self.picked() + "');\n")
        try box.write("leaks/.netrc", "machine ftp.example.net\n  login up\n  pass" + "word " + Self.picked() + "Q\n")
        try box.write("leaks/app/.env", "DEBUG=true\nDB_" + "PASSWORD=" + Self.picked() + "\n")
        let result = try box.hush(["scan", "--no-vault", "--format", "json", "leaks"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            try found(result) == [
                "leaks/.htpasswd:password-hash-file", "leaks/.netrc:netrc-password", "leaks/.pgpass:pgpass-password",
                "leaks/app/.env:hush-plaintext-dotenv", "leaks/app/.env:password-assignment", "leaks/config/master.key:rails-master-key",
                "leaks/etc/shadow:password-hash-line", "leaks/wp-config.php:password-assignment",
            ], "\(result.stdout)")
    }

    @Test func lookAlikesAreNotFindings() throws {
        let box = try Sandbox()
        try box.write("clean/app/.env", "DEBUG=true\nDB_" + "PASSWORD=\nAPI_KEY=${API_KEY}\nSECRET=change" + "me\n")
        try box.write("clean/.env.example", "DB_" + "PASSWORD=your-pass" + "word-here\nAPI_KEY=\n")
        try box.write("clean/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
        try box.write(
            "clean/settings.py",
            "import os\nDB_" + "PASSWORD = os.environ['DB_PASSWORD']\npass" + "word = None\nif pass" + "word == confirm:\n    pass\n")
        try box.write("clean/i18n.json", "{\"pass" + "word\": \"Contrase\u{00F1}a\", \"passwordHint\": \"At least 12 characters\"}\n")
        try box.write("clean/main.go", "\tCredential: &syscall.Credential{Uid: uid, Gid: gid},\n")
        let result = try box.hush(["scan", "--no-vault", "--format", "json", "clean"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try found(result).isEmpty)
    }
}
