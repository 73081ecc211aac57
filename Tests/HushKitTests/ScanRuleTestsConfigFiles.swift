import Testing

@testable import HushKit

// Unit samples of the config-file rules, and the file-name detectors on their own. Every value
// is made up (hashes and keys are random strings in the documented shape).
extension RuleCases {
    static let configFiles: [RuleCase] = [
        RuleCase(
            "password-hash-line",
            hits: [
                "root:$6$\(F.s(F.alnum, 16))$\(F.s(F.alnum + "./", 86)):19700:0:99999:7:::",
                "admin:$apr1$\(F.s(F.alnum, 8))$\(F.s(F.alnum + "./", 22))", "web:{SHA}\(F.s(F.base64, 27))=",
                "ftp:$1$\(F.s(F.alnum, 8))$\(F.s(F.alnum + "./", 22)):1001:1001::/srv/ftp:/bin/false",
                "deploy:$2y$10$\(F.s(F.alnum + "./", 53))", "ops:$y$j9T$\(F.s(F.alnum + "./", 22))$\(F.s(F.alnum + "./", 43)):19000::::::",
            ],
            misses: [
                "password_hash = \"$2b$12$\(F.s(F.alnum + "./", 53))\"", "root:*:19700:0:99999:7:::", "daemon:x:1:1::/usr/sbin:/bin/false",
                "root:$6$xxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:19700::::::", "  hash: \"$6$\(F.s(F.alnum, 16))$\(F.s(F.alnum, 86))\"",
            ]),
        RuleCase(
            "cisco-password",
            hits: [
                "enable secret 5 $1$\(F.s(F.alnum, 4))$\(F.s(F.alnum + "./", 22))",
                "username admin privilege 15 secret 9 $9$\(F.s(F.alnum, 14))$\(F.s(F.alnum, 43))",
                " password 7 0822455D0A16544541",
            ],
            misses: ["enable secret 5 <removed>", "no service password-encryption", " password 7 <hidden>"]),
        RuleCase(
            "filezilla-password",
            hits: [
                "\t\t\t<Pass encoding=\"base64\">\(F.s(F.base64, 16))==</Pass>", "<Pass>ftpPass99</Pass>",
                "\t\t\t<Option Name=\"Pass\">\(F.s(F.hex, 32))</Option>",
            ],
            misses: ["<Pass encoding=\"base64\" />", "<Pass></Pass>", "<Pass>password</Pass>"]),
        RuleCase(
            "npmrc-credentials",
            hits: [
                "_auth=\(F.s(F.alnum, 8))OnNlY3JldDE=", "_auth = dXNlcjpodW50ZXIyMg==", "_authToken=\(F.uuid())",
                "//npm.pkg.example.com/:_password=bnBtUGFzczk5",
            ],
            misses: ["_auth=${NPM_AUTH}", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "_password=", "always-auth=true"]),
        RuleCase(
            "docker-identity-token",
            hits: ["      \"identitytoken\": \"\(F.s(F.base64url, 40)).\(F.s(F.base64url, 60))\""],
            misses: ["      \"identitytoken\": \"\"", "      \"identitytoken\": \"<token>\""]),
        RuleCase(
            "wordpress-auth-key",
            hits: [
                "define('AUTH_KEY',         '\(F.s(F.alnum + "!@#%^&*()-_ []{}<>~`+=,.;:/?|", 64))');",
                "define( 'NONCE_SALT', '\(F.s(F.alnum + "!@#%^&*-_+=", 64))' );",
            ],
            misses: ["define('AUTH_KEY',         'put your unique phrase here');", "define('AUTH_KEY', getenv('WP_AUTH_KEY'));"]),
        RuleCase(
            "django-secret-key",
            hits: [
                "SECRET_KEY = '\(F.s(F.lowerAlnum + "!@#$%^&*(-_=+)", 50))'", "SECRET_KEY = \"django-insecure-\(F.s(F.lowerAlnum + "!@#$%^&*(-_=+)", 50))\"",
            ],
            misses: ["SECRET_KEY = os.environ['SECRET_KEY']", "SECRET_KEY = 'django-insecure-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"]),
        RuleCase(
            "rails-secret-key-base",
            hits: ["  secret_key_base: \(F.s(F.hex, 128))", "config.secret_key_base = '\(F.s(F.hex, 128))'"],
            misses: ["  secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>", "  secret_key_base: \(String(repeating: "0", count: 128))"]),
        RuleCase(
            "laravel-app-key",
            hits: ["APP_KEY=base64:\(F.s(F.base64, 43))=", "'key' => env('APP_KEY', 'base64:\(F.s(F.base64, 43))='),"],
            misses: ["APP_KEY=", "APP_KEY=base64:", "APP_KEY=SomeRandomString"]),
        RuleCase(
            "firefox-saved-password",
            hits: [
                #"{"id":1,"hostname":"https://example.org","encryptedUsername":"MDoEEPgAAAA","encryptedPassword":"MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECP\#(F.s(F.base64, 24))","guid":"{x}"}"#
            ],
            misses: [#""encryptedPassword": """#, #""encryptedPassword":"AAAAAAAAAAAAAAAAAAAAAAAAAAAA""#]),
    ]
}

@Suite struct ConfigFileDetectorTests {
    @Test func pgpass() {
        let text = "# host:port:db:user:password\ndb.prod:5432:orders:app:Pg\\:pass42\n*:*:*:postgres:*\nlocalhost:5432:*:me:\n"
        let hits = ConfigFileDetectors.lines(path: "home/.pgpass", text: text)
        #expect(hits.map(\.rule) == ["pgpass-password"])
        #expect(hits.map(\.line) == [2])
        #expect(ConfigFileDetectors.lines(path: "notes.txt", text: text).isEmpty)
    }

    @Test func railsMasterKey() {
        let key = Fake.s(Fake.hex, 32)
        #expect(ConfigFileDetectors.lines(path: "config/master.key", text: key + "\n").map(\.rule) == ["rails-master-key"])
        #expect(ConfigFileDetectors.lines(path: "app/config/credentials/production.key", text: key).map(\.rule) == ["rails-master-key"])
        #expect(ConfigFileDetectors.lines(path: "config/master.key", text: String(repeating: "0", count: 32)).isEmpty)
        #expect(ConfigFileDetectors.lines(path: "certs/server.key", text: key).isEmpty)
    }

    @Test func desCryptInHtpasswdAndShadow() {
        let des = Fake.s(Fake.alnum + "./", 13)
        #expect(ConfigFileDetectors.lines(path: "public_html/.htpasswd", text: "admin:\(des)\n").map(\.rule) == ["password-hash-file"])
        #expect(ConfigFileDetectors.lines(path: "etc/shadow", text: "root:\(des):19700:0:99999:7:::\nbin:*:19700::::::\n").map(\.line) == [1])
        #expect(ConfigFileDetectors.lines(path: "etc/passwd", text: "root:x:0:0:root:/root:/bin/bash\n").isEmpty)
    }

    /// Through the engine's worker: the detector's findings come with the line and are suppressed
    /// by inline markers like any other finding.
    @Test func workerReportsDetectorFindings() throws {
        let engine = try ScanEngine(rules: ScanRules.all)
        let text = "db:5432:app:app:Pg4pass\ndb:5432:app:ro:R0pass # hush:allow\n"
        let findings = engine.scan(Array(text.utf8), path: ".pgpass").findings
        #expect(findings.map(\.rule) == ["pgpass-password"])
        #expect(findings.first?.line == 1)
    }

    @Test func plaintextDotenvAnywhere() throws {
        let engine = try ScanEngine(rules: [])
        func rules(_ path: String, _ text: String, tracked: Bool = false) -> [String] {
            engine.scan(Array(text.utf8), path: path, tracked: tracked).findings.map(\.rule)
        }
        let dotenv = ScanFinding.plaintextDotenvRule
        #expect(rules("web/.env", "DEBUG=1\nDB_PASSWORD=admin123\n") == [dotenv])
        #expect(rules("api/.env.production", "API_KEY=\(Fake.s(Fake.alnum, 32))\n") == [dotenv])
        #expect(rules("api/.env.local", "DATABASE_URL=postgres://app:Sup3rS3cret@db/app\n") == [dotenv])
        #expect(rules("api/.env.example", "DB_PASSWORD=admin123\n").isEmpty)
        #expect(rules("api/.env", "DB_PASSWORD=\nAPI_KEY=${API_KEY}\nSECRET=changeme\nDEBUG=true\nPORT=8080\n").isEmpty)
        #expect(rules("api/.env", "DB_PASSWORD=ENC[hush:v1,s,\(Fake.s(Fake.base64url, 40))]\n").isEmpty)
        #expect(rules("api/settings.env", "DB_PASSWORD=admin123\n").isEmpty)
    }
}
