import Testing

@testable import HushKit

// Unit samples of the keyword-context rules and the newer prefixed formats (fake values from
// `Fake`, never real credentials), and checks of the context mechanism itself.
extension RuleCases {
    static let context: [RuleCase] = [
        // Cloud.
        RuleCase(
            "aws-bedrock-short-term-key",
            hits: ["AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249\(F.s(F.base64, 300))"],
            misses: ["bedrock-api-key-\(F.s(F.base64, 300))", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"]),
        RuleCase(
            "openshift-user-token", hits: ["oc login --token=sha256~\(F.s(F.base64url, 43)) --server=https://api.ocp:6443"],
            misses: ["sha256~\(F.s(F.base64url, 42))", "sha256~\(F.s(F.base64url, 44))", "digest: sha256:\(F.s(F.hex, 64))"]),
        RuleCase(
            "ibm-cloud-api-key",
            hits: [#"ibm: {"apikey": "\#(F.s(F.base64url, 44))"}"#, "IBMCLOUD_API_KEY=\(F.s(F.base64url, 44))"],
            misses: ["IBM_CLOUD_API_KEY=\(F.s(F.base64url, 43))", "ibm_api_key = \(F.s(F.base64url, 45))", "IBM_KEY=\(F.s(F.lower, 44))"]),
        RuleCase(
            "ibm-cos-hmac-secret",
            hits: [#""cos_hmac_keys": {"access_key_id": "\#(F.s(F.hex, 32))", "secret_access_key": "\#(F.s(F.hex, 48))"}"#],
            misses: [#""secret_access_key": "\#(F.s(F.hex, 47))""#, #""secret_access_key": "\#(F.s(F.base64, 40))""#]),
        RuleCase(
            "softlayer-api-key", hits: ["SOFTLAYER_API_KEY=\(F.s(F.hex, 64))", "sl_api_key: \(F.s(F.hex, 64))"],
            misses: ["SOFTLAYER_API_KEY=\(F.s(F.hex, 63))", "softlayer_username: ops"]),
        RuleCase(
            "cloudant-credential",
            hits: [#"CLOUDANT_PASSWORD="\#(F.s(F.hex, 64))""#, #"cloudant: {"apikey": "\#(F.s(F.base64url, 44))"}"#],
            misses: ["CLOUDANT_URL=https://acme.cloudant.com", "CLOUDANT_PASSWORD=\(F.s(F.hex, 65))"]),
        RuleCase(
            "cloudant-legacy-api-key", hits: ["CLOUDANT_API_KEY=\(F.s(F.lower, 24))"],
            misses: ["cloudant_database = \"productioninventoryorders\"", "CLOUDANT_API_KEY=\(F.s(F.lower, 25))"]),
        RuleCase(
            "azure-storage-key", hits: ["AZURE_STORAGE_KEY=\(F.s(F.base64, 86))=="],
            misses: [
                "AZURE_STORAGE_KEY=\(F.s(F.base64, 85))==",
                "AZURE_STORAGE_KEY=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            ]),
        RuleCase(
            "cloudflare-api-token", hits: ["cloudflare: {api_token: \"\(F.s(F.base64url, 40))\"}"],
            misses: [
                "CLOUDFLARE_API_KEY=\(F.s(F.hex, 37))", "CLOUDFLARE_API_TOKEN=\(F.s(F.base64url, 41))",
                "uses: cloudflare/wrangler-action@\(F.s(F.hex, 40))", "CF_ORIGIN_CA_KEY=v1.0-\(F.s(F.hex, 24))-\(F.s(F.hex, 146))",
            ]),
        RuleCase(
            "cloudflare-global-api-key", hits: ["CF_API_KEY=\(F.s(F.hex, 37))"],
            misses: [
                "CLOUDFLARE_API_KEY=\(F.s(F.hex, 36))", "CLOUDFLARE_API_KEY=\(F.s(F.hex, 38))",
                "CLOUDFLARE_API_TOKEN=\(F.s(F.base64url, 40))", "CF_ORIGIN_CA_KEY=v1.0-\(F.s(F.hex, 24))-\(F.s(F.hex, 146))",
            ]),
        RuleCase(
            "heroku-api-key-legacy", hits: ["heroku_auth_token: \(F.uuid())"],
            misses: ["HEROKU_APP_ID=\(F.uuid())", "heroku_dyno_id = \(F.uuid())"]),
        // Code hosts and registries.
        RuleCase(
            "bitbucket-client-id", hits: ["BITBUCKET_CLIENT_ID=\(F.s(F.alnum, 18))"],
            misses: ["BITBUCKET_CLIENT_ID=\(F.s(F.alnum, 17))", "bitbucket.org/acme/\(F.s(F.alnum, 18))"]),
        RuleCase(
            "atlassian-api-token-legacy", hits: ["JIRA_API_TOKEN=\(F.s(F.alnum, 24))", "confluence token: \(F.s(F.alnum, 24))"],
            misses: ["JIRA_API_TOKEN=\(F.s(F.alnum, 23))", "https://acme.atlassian.net/browse/\(F.s(F.alnum, 24))"]),
        RuleCase(
            "jfrog-identity-token", hits: ["ARTIFACTORY_IDENTITY_TOKEN=\(F.s(F.alnum, 64))", "jfrog rt c --access-token \(F.s(F.alnum, 64))"],
            misses: ["artifactory sha256: \(F.s(F.hex, 64))", "JFROG_TOKEN=\(F.s(F.alnum, 65))"]),
        RuleCase(
            "jfrog-api-key-unprefixed", hits: ["artifactory_api_key = \"\(F.s(F.alnum, 73))\""],
            misses: ["artifactory_api_key = \"\(F.s(F.alnum, 72))\"", "artifactory_url = https://acme.jfrog.io"]),
        // DevOps.
        RuleCase(
            "snyk-token", hits: ["SNYK_AUTH_TOKEN: \(F.uuid())"], misses: ["SNYK_ORG_ID=\(F.uuid())", "snyk_project: \(F.uuid())"]),
        RuleCase(
            "sonarqube-token-legacy", hits: ["sonar.login=\(F.s(F.hex, 40))", "SONAR_TOKEN=\(F.s(F.hex, 40))"],
            misses: ["sonar.scm.revision=\(F.s(F.hex, 40))", "SONAR_TOKEN=\(F.s(F.hex, 41))"]),
        RuleCase(
            "sumologic-access-key", hits: ["sumo_access_key: \(F.s(F.alnum, 64))"],
            misses: ["consumo = \(F.s(F.alnum, 64))", "SUMO_ACCESS_KEY=\(F.s(F.hex, 64))"]),
        RuleCase(
            "sumologic-access-id", hits: ["SUMO_ACCESS_ID=su\(F.s(F.alnum, 12))"],
            misses: ["SUMO_ACCESS_ID=su\(F.s(F.alnum, 13))", "sumo_region: us2"]),
        RuleCase(
            "newrelic-license-key-legacy", hits: ["NEW_RELIC_LICENSE_KEY=\(F.s(F.hex, 40))", "newrelic.license_key = '\(F.s(F.hex, 40))'"],
            misses: ["newrelic/newrelic-ruby-agent@\(F.s(F.hex, 40))", "NEW_RELIC_LICENSE_KEY=\(F.s(F.hex, 39))"]),
        RuleCase(
            "confluent-api-key", hits: ["CONFLUENT_CLOUD_API_KEY=\(F.s(F.upperAlnum, 16))"],
            misses: ["confluence_space = \(F.s(F.upperAlnum, 16))", "CONFLUENT_CLOUD_API_KEY=\(F.s(F.upperAlnum, 17))"]),
        RuleCase(
            "confluent-api-secret", hits: ["confluent.api.secret=\(F.s(F.alnum + "+/", 64))"],
            misses: ["confluent.api.secret=\(F.s(F.alnum, 63))", "confluence_secret=\(F.s(F.alnum, 64))"]),
        RuleCase(
            "clickhouse-cloud-api-secret", hits: ["CLICKHOUSE_KEY_SECRET=4b1d\(F.s(F.alnum, 38))"],
            misses: ["CLICKHOUSE_KEY_SECRET=\(F.s(F.alnum, 42))", "CLICKHOUSE_KEY_SECRET=4b1d\(F.s(F.alnum, 39))"]),
        RuleCase(
            "sidekiq-credentials", hits: ["BUNDLE_ENTERPRISE__CONTRIBSYS__COM=\(F.s(F.hex, 8)):\(F.s(F.hex, 8))"],
            misses: ["BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${SIDEKIQ_CREDS}", "sidekiq_version: 7.2.1"]),
        RuleCase(
            "sidekiq-gem-source-url", hits: ["source \"https://\(F.s(F.hex, 8)):\(F.s(F.hex, 8))@gems.contribsys.com/\" do"],
            misses: ["source \"https://gems.contribsys.com/\" do"]),
        RuleCase(
            "defined-networking-api-token", hits: ["DN_API_KEY=dnkey-\(F.s(F.upperAlnum, 26))-\(F.s(F.upperAlnum, 52))"],
            misses: ["dnkey-\(F.s(F.upperAlnum, 26))", "dnkey-xxxxxxxxxxxxxxxxxxxxxxxxxx-\(F.s(F.upperAlnum, 52))"]),
        // SaaS.
        RuleCase(
            "adafruit-io-key-legacy", hits: ["ADAFRUIT_IO_KEY = \"\(F.s(F.alnum, 32))\"", "adafruit: {username: acme, key: '\(F.s(F.hex, 32))'}"],
            misses: [
                "ADAFRUIT_IO_KEY = \"\(F.s(F.alnum, 31))\"", "adafruit_url = https://io.adafruit.com/\(F.s(F.alnum, 32))",
                "adafruit_feed = \"\(F.s(F.lower, 32))\"",
            ]),
        RuleCase(
            "adobe-client-secret", hits: [#""client_secret": "p8e-\#(F.s(F.base64url, 32))""#],
            misses: ["p8e-\(F.s(F.base64url, 31))", "p8e-\(F.s(F.base64url, 33))"]),
        RuleCase(
            "adobe-client-id", hits: ["ADOBE_CLIENT_ID=\(F.s(F.hex, 32))"], misses: ["adobe_font_kit = \(F.s(F.hex, 32))", "ADOBE_CLIENT_ID=\(F.s(F.hex, 31))"]),
        RuleCase(
            "asana-client-secret", hits: ["ASANA_CLIENT_SECRET=\(F.s(F.alnum, 32))"],
            misses: ["ASANA_CLIENT_SECRET=\(F.s(F.alnum, 33))", "asana_workspace_gid = \(F.s(F.hex, 32))"]),
        RuleCase(
            "asana-client-id", hits: ["ASANA_API_TOKEN=\(F.s(F.digits, 16))"],
            misses: ["asana_workspace_gid = \(F.s(F.digits, 16))", "ASANA_CLIENT_ID=\(F.s(F.digits, 16))", "asana_token = 1234567890123456"]),
        RuleCase(
            "contentful-delivery-token", hits: ["CONTENTFUL_ACCESS_TOKEN=\(F.s(F.base64url, 43))"],
            misses: ["CONTENTFUL_SPACE_ID=\(F.s(F.lowerAlnum, 12))", "CONTENTFUL_ACCESS_TOKEN=\(F.s(F.base64url, 44))"]),
        RuleCase(
            "dropbox-app-secret", hits: ["DROPBOX_APP_SECRET=\(F.s(F.lowerAlnum, 15))"],
            misses: ["DROPBOX_APP_SECRET=\(F.s(F.lowerAlnum, 16))", "dropbox_folder = \(F.s(F.lower, 15))"]),
        RuleCase(
            "dropbox-api-token", hits: ["dropbox_token: \(F.s(F.base64url, 64))"], misses: ["dropbox_checksum: \(F.s(F.hex, 64))"]),
        RuleCase(
            "etsy-api-key", hits: ["ETSY_API_KEY=\(F.s(F.lowerAlnum, 24))"],
            misses: ["betsy_id = \(F.s(F.lowerAlnum, 24))", "ETSY_API_KEY=\(F.s(F.lowerAlnum, 25))"]),
        RuleCase(
            "finnhub-api-key",
            hits: ["FINNHUB_API_KEY=\(F.s(F.lowerAlnum, 20))", "requests.get('https://finnhub.io/api/v1/quote?symbol=AAPL&token=\(F.s(F.lowerAlnum, 20))')"],
            misses: ["FINNHUB_API_KEY=\(F.s(F.lowerAlnum, 21))", "finnhub_symbol = \"\(F.s(F.lower, 20))\""]),
        RuleCase(
            "linkedin-client-id", hits: ["LINKEDIN_CLIENT_ID=\(F.s(F.lowerAlnum, 14))"],
            misses: ["linkedin_profile = \(F.s(F.lowerAlnum, 14))", "LINKEDIN_CLIENT_ID=\(F.s(F.lowerAlnum, 15))"]),
        RuleCase(
            "twitter-api-key", hits: ["TWITTER_CONSUMER_KEY=\(F.s(F.alnum, 25))"],
            misses: ["TWITTER_CONSUMER_KEY=\(F.s(F.alnum, 26))", "twitter_handle = \(F.s(F.lower, 25))"]),
        RuleCase(
            "twitter-access-token", hits: ["TWITTER_ACCESS_TOKEN=\(F.s(F.digits, 18))-\(F.s(F.alnum, 31))"],
            misses: ["TWITTER_ACCESS_TOKEN=\(F.s(F.digits, 18))", "twitter_status = 2024-\(F.s(F.lower, 30))"]),
        RuleCase(
            "hubspot-api-key-legacy", hits: ["HUBSPOT_API_KEY=\(F.uuid())", "https://api.hubapi.com/contacts/v1?hapikey=\(F.uuid())"],
            misses: ["HUBSPOT_FORM_ID=\(F.uuid())", "HUBSPOT_PORTAL_ID=\(F.uuid())"]),
        // Messaging.
        RuleCase(
            "discord-client-secret", hits: ["DISCORD_CLIENT_SECRET=\(F.s(F.base64url, 32))"],
            misses: ["DISCORD_CLIENT_SECRET=\(F.s(F.base64url, 31))", "DISCORD_PUBLIC_KEY=\(F.s(F.hex, 32))"]),
        RuleCase(
            "telegram-bot-token-context", hits: ["TELEGRAM_BOT_TOKEN=\(F.s(F.digits, 10)):\(F.s(F.base64url, 35))"],
            misses: ["TELEGRAM_BOT_TOKEN=\(F.s(F.digits, 10)):\(F.s(F.base64url, 34))", "telegram_chat_id = -\(F.s(F.digits, 12))"]),
        RuleCase(
            "slack-legacy-bot-token", hits: ["SLACK_TOKEN=xoxb-\(F.s(F.digits, 11))-\(F.s(F.alnum, 24))"],
            misses: ["xoxb-\(F.s(F.digits, 11))-\(F.s(F.alnum, 10))", "xoxb-\(F.s(F.digits, 11))-xxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "mailgun-webhook-signing-key", hits: ["MAILGUN_WEBHOOK_SIGNING_KEY=\(F.s(F.hex, 32))"],
            misses: ["MAILGUN_PUBLIC_KEY=pubkey-\(F.s(F.hex, 32))", "MAILGUN_WEBHOOK_SIGNING_KEY=\(F.s(F.hex, 33))"]),
        // Payments.
        RuleCase(
            "plaid-client-id", hits: ["PLAID_CLIENT_ID=\(F.s(F.hex, 24))"], misses: ["PLAID_CLIENT_ID=\(F.s(F.hex, 25))", "PLAID_ENV=sandbox"]),
        RuleCase(
            "lob-api-key-context", hits: ["LOB_API_KEY=test_\(F.s(F.hex, 35))", "lob = Lob('live_\(F.s(F.hex, 35))')"],
            misses: ["global_key = test_\(F.s(F.hex, 35))", "LOB_API_KEY=test_\(F.s(F.hex, 34))"]),
    ]
}

/// The keyword-context mechanism and the precision checks that come with the new rules.
@Suite struct ScanContextRuleTests {
    static func findings(_ text: String) -> [RuleMatcher.Match] { RuleMatcher.findings(in: text) }

    @Test func contextRulesAreMediumConfidence() throws {
        for id in ["finnhub-api-key", "plaid-secret", "cloudflare-api-token", "jfrog-identity-token", "snyk-token"] {
            #expect(try #require(RuleMatcher.rulesByID[id]).confidence == .medium, "\(id)")
        }
        #expect(try #require(RuleMatcher.rulesByID["openshift-user-token"]).confidence == .high)
    }

    @Test func keywordMustBeWithinTheWindow() {
        let token = Fake.s(Fake.lowerAlnum, 20)
        #expect(Self.findings("FINNHUB_KEY = '\(token)'").contains { $0.rule == "finnhub-api-key" })
        let far = "finnhub " + String(repeating: "-", count: 45) + " '\(token)'"
        #expect(!Self.findings(far).contains { $0.rule == "finnhub-api-key" })
        #expect(!Self.findings("finnhub\nkey = '\(token)'").contains { $0.rule == "finnhub-api-key" })
    }

    @Test func tokensInPathsVersionPinsAndFileNamesAreNotTaken() {
        let hex = Fake.s(Fake.hex, 32)
        for text in ["mailgun/\(hex)", "mailgun@\(hex)", "mailgun_logo = \(hex).png", "mailgun = x\(hex)"] {
            #expect(!Self.findings(text).contains { $0.rule == "mailgun-webhook-signing-key" }, "\(text)")
        }
        #expect(Self.findings("mailgun = \(hex).").contains { $0.rule == "mailgun-webhook-signing-key" })
    }

    @Test func cloudflareKeyTypesAreNotConfused() {
        let global = "CLOUDFLARE_API_KEY=\(Fake.s(Fake.hex, 37))"
        let token = "CLOUDFLARE_API_TOKEN=\(Fake.s(Fake.base64url, 40))"
        let origin = "CLOUDFLARE_ORIGIN_CA_KEY=v1.0-\(Fake.s(Fake.hex, 24))-\(Fake.s(Fake.hex, 146))"
        // Only the Cloudflare rules: `generic-secret` also matches, and the engine keeps the
        // provider rule when two overlap.
        func cloudflare(_ text: String) -> [String] { Self.findings(text).map(\.rule).filter { $0.hasPrefix("cloudflare") } }
        #expect(cloudflare(global) == ["cloudflare-global-api-key"])
        #expect(cloudflare(token) == ["cloudflare-api-token"])
        #expect(cloudflare(origin) == ["cloudflare-origin-ca-key"])
    }

    @Test func documentedExampleKeysAreSuppressed() {
        for text in [
            "stripe.api_key = \"sk_test_BQokikJOvBiI2HlWgH4olfQ2\"", "MAILGUN_API_KEY=key-3ax6xnjp29jd6fds4gc373sgvjxteol0",
            "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;",
            "aws_access_key_id = AKIAI44QH8DHBEXAMPLE",
            #""access_token": "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy","#,
            "ALGOLIA_API_KEY=6be0576ff61c053d5f9a3225e2a90f76",
        ] {
            #expect(Self.findings(text).isEmpty, "\(text)")
        }
    }

    @Test func extendedPrefixedFormats() {
        let nrra = "NEW_RELIC_REST_KEY=NRRA-\(Fake.s(Fake.hex, 42))"
        #expect(Self.findings(nrra).contains { $0.rule == "newrelic-api-key" })
        let sandbox = "SQUARE_SECRET=sandbox-sq0csb-\(Fake.s(Fake.base64url, 43))"
        #expect(Self.findings(sandbox).contains { $0.rule == "square-oauth-secret" })
        let workflow =
            "https://hooks.slack.com/workflows/T\(Fake.s(Fake.upperAlnum, 10))/A\(Fake.s(Fake.upperAlnum, 10))/\(Fake.s(Fake.digits, 18))/\(Fake.s(Fake.alnum, 24))"
        #expect(Self.findings(workflow).contains { $0.rule == "slack-webhook-url" })
        let typeform = "TYPEFORM_TOKEN=tfp_\(Fake.s(Fake.base64url, 56))"
        #expect(Self.findings(typeform).contains { $0.rule == "typeform-token" })
    }

    /// Prefixes that identify the provider carry the match; the random part is not held to
    /// one alphabet (`FLWSECK_TEST-…-X` with any alphanumerics, `NRAK-` in either case).
    @Test func prefixedFormatsAcceptAnyAlphanumerics() {
        let cases: [(String, String)] = [
            ("FLWSECK_TEST-\(Fake.s("abcdefgh0123456789", 32))-X", "flutterwave-secret-key"),
            ("FLWSECK_TEST-\(Fake.s(Fake.alnum, 12))", "flutterwave-encryption-key"),
            ("NEW_RELIC_KEY=NRAK-\(Fake.s(Fake.lowerAlnum, 27))", "newrelic-api-key"),
            ("HARNESS_TOKEN=pat.\(Fake.s(Fake.base64url, 22)).\(Fake.s(Fake.alnum, 24)).\(Fake.s(Fake.alnum, 20))", "harness-api-key"),
            ("SLACK_TOKEN=xoxr-\(Fake.s(Fake.alnum, 40))", "slack-legacy-token"),
            ("hooks.slack.com/services/\(Fake.s(Fake.base64, 44))", "slack-webhook-url"),
            ("MAILGUN_KEY=key-\(Fake.s(Fake.alnum, 32))", "mailgun-webhook-signing-key"),
        ]
        for (text, rule) in cases {
            #expect(Self.findings(text).contains { $0.rule == rule }, "\(rule): \(text)")
        }
    }

    /// Random tokens of every shape the context rules read pass the token check nearly always
    /// (the check must not cost recall on real keys); the same shapes made of words do not.
    @Test func randomTokensOfEveryContextShapePass() {
        let shapes: [(String, Int)] = [
            (Fake.lowerAlnum, 15), (Fake.lowerAlnum, 20), (Fake.lowerAlnum, 24), (Fake.alnum, 16), (Fake.alnum, 18),
            (Fake.alnum, 24), (Fake.alnum, 25), (Fake.alnum, 32), (Fake.alnum, 50), (Fake.alnum, 64), (Fake.alnum, 73),
            (Fake.hex, 24), (Fake.hex, 30), (Fake.hex, 32), (Fake.hex, 37), (Fake.hex, 40), (Fake.hex, 48), (Fake.hex, 64),
            (Fake.base64url, 32), (Fake.base64url, 40), (Fake.base64url, 43), (Fake.base64url, 44), (Fake.upperAlnum, 16),
        ]
        for (alphabet, length) in shapes {
            var refused: [String] = []
            for salt in 0..<500 {
                let token = Fake.s(alphabet, length, salt: UInt64(salt))
                if !SecretHeuristics.isPlausibleContextToken(token) { refused.append(token) }
            }
            #expect(refused.count <= 10, "\(length) of \(alphabet.prefix(12))…: \(refused.count)/500 refused, e.g. \(refused.prefix(3))")
        }
        var lower: [String] = []
        for salt in 0..<500 where !SecretHeuristics.isPlausibleContextToken(Fake.s(Fake.lower, 24, salt: UInt64(salt)), singleClassAllowed: true) {
            lower.append("x")
        }
        #expect(lower.count <= 10, "24 lower-case letters: \(lower.count)/500 refused")
        for word in ["ProductionInventoryOrders", "customerorderhistorydata", "MySecretConsumerKeyValue1"] {
            #expect(!SecretHeuristics.isPlausibleContextToken(word, singleClassAllowed: true), "\(word)")
        }
    }

    @Test func contextPatternEscapesKeywords() {
        #expect(ScanRules.regexEscaped("cf.api-key") == #"cf\.api\-key"#)
        let spec = ContextSpec(id: "x", description: "x", keywords: ["a.b"], token: "[0-9a-f]{8}", hint: "key")
        let pattern = ScanRules.contextPattern(spec)
        #expect(pattern.hasPrefix(#"(?i:a\.b)[A-Za-z0-9_.-]{0,24}?(?i:key)"#))
    }
}
