import Testing

@testable import HushKit

// Unit samples of the generic rules, and the heuristics behind them on their own.
extension RuleCases {
    static let generic: [RuleCase] = [
        RuleCase(
            "generic-secret",
            hits: [
                "DB_PASSWORD=\(F.s(F.alnum, 18))", "password: \"\(F.s(F.alnum, 14))#2\"", #""client_secret": "\#(F.s(F.base64url, 32))","#,
                "spring.datasource.password=\(F.s(F.alnum, 16))", "api_key = '\(F.s(F.hex, 32))'", "const apiKey = \"\(F.s(F.alnum, 24))\";",
                "SECRET_KEY = '\(F.s(F.alnum + "!@#%^&*", 50))'", "$config['db']['password'] = '\(F.s(F.alnum, 14))';",
                "export AUTH_TOKEN=\(F.s(F.base64url, 40))", "<password>\(F.s(F.alnum, 16))</password>", "  secretKey: \(F.s(F.alnum, 28))",
                "token := \"\(F.s(F.alnum, 30))\"", "if (secret == \"\(F.s(F.alnum, 24))\") {", "define('AUTH_TOKEN', '\(F.s(F.alnum, 32))');",
                ":password => '\(F.s(F.alnum, 12))9x'",
            ],
            misses: [
                "password: changeme", "DB_PASSWORD=${DB_PASSWORD}", "password: \"{{ vault_db_password }}\"", "api_key: <your-api-key>",
                "password = \"%s\"", "SECRET_KEY=EXAMPLE_SECRET_KEY_123", "token: dummy-token-value", "password: test1234test",
                "password: sample_password_1", "API_KEY=your_api_key_here", "password: xxxxxxxxxxxx", "password: '************'",
                "token: aaaaaaaaaaaaaaaaaaaa", "secret: 1234567890123456", "token: abcdefghijklmnop", "password: null",
                "secret: MySuperSecretPassword", "password = os.environ[\"DB_PASSWORD\"]", "token = settings.API_TOKEN_VALUE",
                "password_file: /run/secrets/db_password", "token_url: https://oauth2.googleapis.com/token", "max_tokens: 4096",
                "password: ENC[hush:v1,s,kq5eIr_P1zyScYpnqHi1p5QUowE5UNCdD44LZkaHi6n_eiMXbo7LeRa4QhkVc8Vgcnta1DqPOsNjgtn-VApT]",
                "password_hash = \"$2b$12$\(F.s(F.base64, 53))\"", "nextPageToken: \(F.s(F.base64url, 40))",
                "<Reference Include=\"System.Web, PublicKeyToken=b03f5f7f11d50a3a\" />", "secret: lorem-ipsum-dolor-sit-amet",
                "tokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")", "password: correct-horse-battery-staple",
                "auth: true", "password: ${{ secrets.DB_PASSWORD }}", "API_TOKEN=API_TOKEN_PLACEHOLDER", "secret: !vault |",
                "password: P@ssw0rd", "SECRET=cGFzc3dvcmQxMjM0NTY3OA==",
                "\tCredential: &syscall.Credential{Uid: uid},", "ekuOIDs[OID_EKU_SBGP_CERT_AA_SERVICE_AUTH] = oidExtKeyUsageSbgpCertAaServiceAuth",
                "if token == expectedTokenValue {", "[\"token\", \"\(F.s(F.alnum, 24))\"]",
            ]),
        RuleCase(
            "generic-secret-env-entry",
            hits: ["        - name: STRIPE_API_SECRET\n          value: \(F.s(F.alnum, 26))"],
            misses: ["        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:", "  - name: API_TOKEN\n    value: \"changeme\""]),
        RuleCase(
            "generic-secret-entry",
            hits: [
                "{\"key\": \"apiKey\", \"value\": \"\(F.s(F.alnum, 40))\", \"enabled\": true}",
                "  \"name\": \"STRIPE_API_SECRET\",\n  \"value\": \"\(F.s(F.alnum, 26))\"",
            ],
            misses: [
                "{\"key\": \"apiKey\", \"value\": \"{{apiKey}}\"}", "{\"key\": \"baseUrl\", \"value\": \"\(F.s(F.alnum, 40))\"}",
                "{\"name\": \"API_TOKEN\", \"value\": \"changeme\"}", "{\"key\": \"tokenUrl\", \"value\": \"\(F.s(F.alnum, 30))\"}",
            ]),
        RuleCase(
            "generic-secret-key-value",
            hits: [#"<add key="PaymentApiKey" value="\#(F.s(F.alnum, 32))" />"#],
            misses: [#"<add key="ApiKey" value="your-api-key-here" />"#, #"<add key="Theme" value="\#(F.s(F.alnum, 32))" />"#]),
        RuleCase(
            "netrc-password", hits: ["machine api.heroku.com login ops@example.org password \(F.s(F.alnum, 20))"],
            misses: ["machine example.com login anonymous password guest", "machine host login me password <password>"]),
        RuleCase(
            "generic-password-flag", hits: ["./deploy --password \(F.s(F.alnum, 18)) --env prod", "mysql -u root -p\(F.s(F.alnum, 14)) shop < dump.sql"],
            misses: ["./deploy --password \"$DEPLOY_PASSWORD\"", "mysql -u root -p shop", "--token <token>"]),
    ]
}

@Suite struct SecretHeuristicsTests {
    @Test func entropy() {
        #expect(SecretHeuristics.entropy("") == 0)
        #expect(SecretHeuristics.entropy("aaaa") == 0)
        #expect(abs(SecretHeuristics.entropy("abcd") - 2) < 1e-9)
        #expect(abs(SecretHeuristics.entropy("0123456789abcdef") - 4) < 1e-9)
        #expect(abs(SecretHeuristics.log2(1024) - 10) < 1e-9)
        #expect(abs(SecretHeuristics.log2(3) - 1.584_962_500_721_156) < 1e-9)
    }

    @Test func charsets() {
        #expect(SecretHeuristics.charset("1234") == .digits)
        #expect(SecretHeuristics.charset("deadbeef01") == .hex)
        #expect(SecretHeuristics.charset("123e4567-e89b-12d3-a456-426614174000") == .hex)
        #expect(SecretHeuristics.charset("DeadBeef") == .alphanumeric)
        #expect(SecretHeuristics.charset("abcXYZ09") == .alphanumeric)
        #expect(SecretHeuristics.charset("ab+/cd==") == .base64)
        #expect(SecretHeuristics.charset("ab-cd_ef") == .base64)
        #expect(SecretHeuristics.charset("p@ss!") == .printable)
        #expect(SecretHeuristics.characterClassCount("aA1!") == 4)
        #expect(SecretHeuristics.characterClassCount("abc") == 1)
    }

    @Test func randomValuesPass() {
        for value in [
            Fake.s(Fake.alnum, 12), Fake.s(Fake.alnum, 20), Fake.s(Fake.alnum, 40), Fake.s(Fake.hex, 32), Fake.s(Fake.hex, 64),
            Fake.s(Fake.base64, 44), Fake.s(Fake.base64url, 32), Fake.s(Fake.alnum + "!#%&*", 16), Fake.uuid(),
        ] {
            #expect(SecretHeuristics.looksLikeGeneratedSecret(value), "\(value)")
        }
    }

    @Test func placeholdersAndWordsFail() {
        for value in [
            "changeme123", "xxxxxxxxxxxxxxxx", "************", "${DATABASE_PASSWORD}", "{{ db_password }}", "<your-key-here>",
            "%s%s%s%s", "EXAMPLEKEY12345", "dummy_value_01", "test-token-123", "sample-secret", "your_api_key", "aaaaaaaaaaaa",
            "abababababab", "1234567890ab", "abcdef123456", "qwertyuiop12", "MySecretPassword", "my_secret_token_value",
            "loremipsumdolor", "correcthorsebatterystaple", "null", "undefined", "true", "/etc/app/secret.key",
            "https://example.com/token", "ENC[hush:v1,s,abc]", "process.env.API_KEY", "DB_PASSWORD_PROD", "ops@example.org",
            "config/keys/prod.pem", "0123456789", "hunter2hunter2", "P@ssw0rd", "SuperSecretValue2024", "abc123def456ghi789",
            "sk-ant-api03-...",
        ] {
            #expect(!SecretHeuristics.looksLikeGeneratedSecret(value), "\(value)")
        }
    }

    @Test func placeholderDetection() {
        #expect(SecretHeuristics.isPlaceholder("CHANGEME"))
        #expect(SecretHeuristics.isPlaceholder("<token>"))
        #expect(SecretHeuristics.isPlaceholder("none"))
        #expect(!SecretHeuristics.isPlaceholder(Fake.s(Fake.alnum, 20)))
        #expect(SecretHeuristics.isKnownExample("AKIAIOSFODNN7EXAMPLE"))
        #expect(SecretHeuristics.isReference("$HOME"))
        #expect(SecretHeuristics.isReference("settings.secret_key"))
        #expect(!SecretHeuristics.isReference(Fake.s(Fake.alnum, 20)))
    }

    @Test func sequencesAndRepetition() {
        #expect(SecretHeuristics.hasLongSequence("xx123456yy"))
        #expect(SecretHeuristics.hasLongSequence("zyxwvu"))
        #expect(!SecretHeuristics.hasLongSequence("a1b2c3d4"))
        #expect(SecretHeuristics.isRepetitive("abcabcabcabc"))
        #expect(SecretHeuristics.isRepetitive("aaaaaaab"))
        #expect(!SecretHeuristics.isRepetitive(Fake.s(Fake.alnum, 16)))
        #expect(SecretHeuristics.longestRun("abbbbc") == 4)
        #expect(SecretHeuristics.removingRuns(of: "A", in: "xAAAAAy") == "xy")
        #expect(SecretHeuristics.removingRuns(of: "A", in: "xAAy") == "xAAy")
    }

    @Test func wordLikeness() {
        #expect(SecretHeuristics.isWordLike("MySuperSecretValue"))
        #expect(SecretHeuristics.isWordLike("my_secret_token"))
        #expect(SecretHeuristics.isWordLike("correcthorsebatterystaple"))
        #expect(!SecretHeuristics.isWordLike(Fake.s(Fake.alnum, 24)))
        #expect(!SecretHeuristics.isWordLike("k8Qz2Lm9Xv4Tn7Wp"))
    }

    @Test func plausibleTokens() {
        #expect(SecretHeuristics.isPlausibleToken("ghp_" + Fake.s(Fake.alnum, 36)))
        #expect(!SecretHeuristics.isPlausibleToken("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"))
        #expect(!SecretHeuristics.isPlausibleToken("ghp_abcdefghijklmnopqrstuvwxyzABCD012345"))
        #expect(!SecretHeuristics.isPlausibleToken("AKIAIOSFODNN7EXAMPLE"))
        #expect(!SecretHeuristics.isPlausibleToken("sk_live_000000000000000000000000"))
    }

    @Test func jwtValidation() {
        #expect(SecretHeuristics.isSignedJWT(Fake.jwt()))
        #expect(!SecretHeuristics.isSignedJWT("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhYmMifQ."))
        #expect(!SecretHeuristics.isSignedJWT("eyJ0eXAi.eyJzdWIi.\(Fake.s(Fake.base64url, 20))"))
        #expect(SecretHeuristics.decodeBase64("aGVsbG8") == Array("hello".utf8))
        #expect(SecretHeuristics.decodeBase64("a b") == nil)
    }

    @Test func passwords() {
        #expect(SecretHeuristics.isPlausiblePassword("Zq8vN2kLp4"))
        #expect(SecretHeuristics.isPlausiblePassword("{Zq8vN2kLp4}"))
        #expect(!SecretHeuristics.isPlausiblePassword("postgres"))
        #expect(!SecretHeuristics.isPlausiblePassword("password"))
        #expect(!SecretHeuristics.isPlausiblePassword("${DB_PASS}"))
        #expect(!SecretHeuristics.isPlausiblePassword("hunter"))
        #expect(SecretHeuristics.isDockerAuth(RuleCases.dockerAuth("ci", "Zq8vN2kLp4Xw")))
        #expect(!SecretHeuristics.isDockerAuth(RuleCases.dockerAuth("ci", "password")))
    }
}
