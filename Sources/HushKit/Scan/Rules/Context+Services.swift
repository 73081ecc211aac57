// Keyword-context rules (see `ContextSpec`) and newer prefixed formats for code hosts,
// registries and DevOps services: Bitbucket, Atlassian, JFrog, Snyk, SonarQube, Sumo Logic,
// New Relic, Confluent, ClickHouse, Sidekiq, Defined Networking.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let codeHostsContext: [ScanRule] = [
        // Bitbucket OAuth consumers: an 18-character key and a 32-character secret.
        context(
            ContextSpec(
                id: "bitbucket-client-secret", description: "Bitbucket OAuth consumer secret", keywords: ["bitbucket"],
                token: #"[A-Za-z0-9_=-]{64}|[A-Za-z0-9]{32}"#, rejectsHex: true)),
        context(
            ContextSpec(
                id: "bitbucket-client-id", description: "Bitbucket OAuth consumer key", keywords: ["bitbucket"],
                token: #"[A-Za-z0-9]{18}"#, rejectsHex: true)),
        // Atlassian API tokens made before the ATATT3 prefix: 24 alphanumerics.
        context(
            ContextSpec(
                id: "atlassian-api-token-legacy", description: "Atlassian API token (legacy 24-character form)",
                keywords: ["atlassian", "jira", "confluence"], token: #"[A-Za-z0-9]{24}"#, rejectsHex: true)),
    ]

    static let registriesContext: [ScanRule] = [
        // JFrog identity and reference tokens are 64 characters, API keys 73 (AKCp…); near
        // a JFrog or Artifactory name, other spellings of these lengths count too. Hex of
        // those lengths is a SHA-256, which Artifactory files list by the hundred.
        context(
            ContextSpec(
                id: "jfrog-identity-token", description: "JFrog Artifactory identity or access token (64 characters)",
                keywords: ["jfrog", "artifactory"], token: #"[A-Za-z0-9]{64}"#, rejectsHex: true)),
        context(
            ContextSpec(
                id: "jfrog-api-key-unprefixed", description: "JFrog Artifactory API key (73 characters, near a JFrog name)",
                keywords: ["jfrog", "artifactory"], token: #"[A-Za-z0-9]{73}"#, rejectsHex: true)),
    ]

    static let devopsContext: [ScanRule] = [
        context(
            ContextSpec(
                id: "snyk-token", description: "Snyk API token", keywords: ["snyk"], token: uuidToken, hint: credentialHint)),
        // SonarQube tokens before the squ_/sqp_/sqa_ prefixes: 40 hex (`sonar.login=…`).
        context(
            ContextSpec(
                id: "sonarqube-token-legacy", description: "SonarQube token (legacy 40-hex form)", keywords: ["sonar"],
                token: #"[A-Za-z0-9_=-]{40}"#, hint: #"token|login|key|auth|pass"#)),
        // Sumo Logic access keys: an access id (`su` and 12 characters) and a 64-character key.
        context(
            ContextSpec(
                id: "sumologic-access-key", description: "Sumo Logic access key", keywords: ["sumo"],
                token: #"[A-Za-z0-9]{64}"#, boundedKeyword: true, rejectsHex: true)),
        context(
            ContextSpec(
                id: "sumologic-access-id", description: "Sumo Logic access id", keywords: ["sumo"],
                token: #"su[A-Za-z0-9]{12}"#, boundedKeyword: true)),
        // New Relic license keys before the NRAL suffix: 40 hex.
        context(
            ContextSpec(
                id: "newrelic-license-key-legacy", description: "New Relic license key (legacy 40-hex form)",
                keywords: ["newrelic", "new_relic", "new-relic", "new.relic", "nr_license"], token: #"[a-f0-9]{40}"#,
                hint: #"key|licen|token|secret"#)),
        // Confluent Cloud API keys: a 16-character upper-case key and a 64-character secret.
        context(
            ContextSpec(
                id: "confluent-api-key", description: "Confluent Cloud API key", keywords: ["confluent"],
                token: #"[A-Za-z0-9]{16}"#, keywordPattern: #"confluent(?!e)"#)),
        context(
            ContextSpec(
                id: "confluent-api-secret", description: "Confluent Cloud API secret", keywords: ["confluent"],
                token: #"[A-Za-z0-9+/]{64}"#, keywordPattern: #"confluent(?!e)"#, rejectsHex: true)),
        // ClickHouse Cloud API key secrets begin 4b1d.
        context(
            ContextSpec(
                id: "clickhouse-cloud-api-secret", description: "ClickHouse Cloud API key secret", keywords: ["clickhouse"],
                token: #"4b1d[A-Za-z0-9]{38}"#)),
        // Sidekiq Pro / Enterprise gem server credentials: user:password, 8 hex each, as
        // Bundler's BUNDLE_…__CONTRIBSYS__COM setting or in the gem source URL.
        context(
            ContextSpec(
                id: "sidekiq-credentials", description: "Sidekiq Pro or Enterprise gem server credentials",
                keywords: ["contribsys", "sidekiq"], token: #"[a-f0-9]{8}:[a-f0-9]{8}"#)),
        token(
            "sidekiq-gem-source-url", "Sidekiq Pro or Enterprise gem source URL with credentials", keywords: ["contribsys.com"],
            #"https?://(?<secret>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com"#),
        // Defined Networking (managed Nebula) API keys: dnkey-, 26 characters, -, 52 characters.
        token(
            "defined-networking-api-token", "Defined Networking API key", keywords: ["dnkey-"],
            start + #"(?<secret>dnkey-[A-Za-z0-9_=-]{26}-[A-Za-z0-9_=-]{52})"# + end),
    ]
}
