import Foundation
import HushTestSupport
import Testing

/// `hush scan` through the binary on credential files in their documented formats, on password
/// literals (and their confidence in dotenv files), and on plaintext `.env` files outside git's index. Every value is made at run time,
/// so that no secret-looking literal sits in this file, from a seeded generator per test, so that every run checks the same values.
@Suite struct ScanConfigFilesCLITests {
    /// A weak password of the kind people pick: a word and two digits.
    static func picked(using generator: inout SeededGenerator) -> String {
        ["kermit", "orchid", "zephyr", "nimbus"].randomElement(using: &generator)! + String(Int.random(in: 10...99, using: &generator))
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
        var random = SeededGenerator(seed: 1)
        let box = try Sandbox()
        let sha512 = "$" + "6$" + random.string(Self.crypt, 16) + "$" + random.string(Self.crypt, 86)
        try box.write("leaks/etc/shadow", "root:" + sha512 + ":19700:0:99999:7:::\nbin:*:19700::::::\n")
        try box.write("leaks/.htpasswd", "legacy:" + random.string(Self.crypt, 13) + "\n")
        try box.write("leaks/.pgpass", "db.internal:5432:app:app:" + Self.picked(using: &random) + "\n")
        try box.write("leaks/config/master.key", random.string("0123456789abcdef", 32) + "\n")
        try box.write("leaks/wp-config.php", "<?php\ndefine('DB_" + "PASSWORD', '" + Self.picked(using: &random) + "');\n")
        try box.write("leaks/.netrc", "machine ftp.example.net\n  login up\n  pass" + "word " + Self.picked(using: &random) + "Q\n")
        try box.write("leaks/app/.env", "DEBUG=true\nDB_" + "PASSWORD=" + Self.picked(using: &random) + "\n")
        let result = try box.hush(["scan", "--no-vault", "--format", "json", "leaks"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            try found(result) == [
                "leaks/.htpasswd:password-hash-file", "leaks/.netrc:netrc-password", "leaks/.pgpass:pgpass-password",
                "leaks/app/.env:hush-plaintext-dotenv", "leaks/app/.env:password-assignment", "leaks/config/master.key:rails-master-key",
                "leaks/etc/shadow:password-hash-line", "leaks/wp-config.php:password-assignment",
            ], "\(result.stdout)")
    }

    /// A weak password literal is medium in a dotenv file (the pre-commit hook's default stops
    /// it) and low in code; a bare word is reported in a dotenv file only, at low.
    @Test func dotenvPasswordsAreMediumAndBareWordsLow() throws {
        var random = SeededGenerator(seed: 2)
        let box = try Sandbox()
        let weak = Self.picked(using: &random)
        try box.write("app/.env.production", "DB_" + "PASSWORD=" + weak + "\nREDIS_" + "PASSWORD=ro" + "ot\n")
        try box.write("app/settings.sh", "DB_" + "PASSWORD=" + weak + "x\nREDIS_" + "PASSWORD=ro" + "ot\n")
        let medium = try box.hush(["scan", "--no-vault", "--format", "json", "--min-confidence", "medium", "app"])
        #expect(medium.status == 1, "\(medium.stderr)")
        #expect(try found(medium) == ["app/.env.production:hush-plaintext-dotenv", "app/.env.production:password-assignment"], "\(medium.stdout)")
        let low = try box.hush(["scan", "--no-vault", "--format", "json", "--min-confidence", "low", "app"])
        #expect(
            try found(low) == [
                "app/.env.production:dotenv-password", "app/.env.production:hush-plaintext-dotenv", "app/.env.production:password-assignment",
                "app/settings.sh:password-assignment",
            ], "\(low.stdout)")
    }

    /// Passwords whose punctuation once read as a reference, name/value siblings and lookup
    /// comparisons, through the binary.
    @Test func passwordShapesAreFound() throws {
        var random = SeededGenerator(seed: 3)
        let box = try Sandbox()
        let tail = random.string("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 6) + "7"
        try box.write("s/application.yml", "spring:\n  rabbitmq:\n    pass" + "word: \"*Nq4x" + tail + "\"\n")
        try box.write("s/wp-config.php", "<?php\ndefine( 'DB_" + "PASSWORD', 'A.UX8" + tail + "' );\n")
        try box.write("s/env.json", "{\"values\": [\n  {\"key\": \"adminPass" + "word\",\n   \"value\": \"g" + tail + "%k9\"}\n]}\n")
        try box.write("s/auth.py", "if request.args.get(\"tok" + "en\") == \"letmein" + String(Int.random(in: 1000...9999, using: &random)) + "\":\n    pass\n")
        let result = try box.hush(["scan", "--no-vault", "--format", "json", "s"])
        // A random value may look generated: then `generic-secret` reports it, at medium.
        let generic = [":generic-secret": ":password-assignment", ":generic-secret-entry": ":password-entry"]
        let rules = try found(result).map { f in generic.first { f.hasSuffix($0.key) }.map { f.replacingOccurrences(of: $0.key, with: $0.value) } ?? f }
        #expect(
            rules == [
                "s/application.yml:password-assignment", "s/auth.py:password-comparison", "s/env.json:password-entry",
                "s/wp-config.php:password-assignment",
            ], "\(result.stdout)\(result.stderr)")
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
        try box.write(
            "clean/refs.py",
            "pass" + "word = settings.db.pass" + "word\npass" + "word = \"%s\"\nif params[\"pass" + "word\"] == \"\":\n    pass\n"
                + "PASS" + "WORD = 'P@ssw0rd'\n")
        try box.write("clean/postman.json", "{\"key\": \"pass" + "word\", \"value\": \"{{pass" + "word}}\"}\n")
        let result = try box.hush(["scan", "--no-vault", "--format", "json", "clean"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try found(result).isEmpty)
    }
}
