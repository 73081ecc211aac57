// Generic secrets: a value that looks generated, assigned to a secret-sounding name, in code,
// config, YAML, JSON, properties, dotenv, XML, Kubernetes env entries, .netrc and command lines.
// The judgement of the value is plain Swift: `SecretHeuristics.looksLikeGeneratedSecret`.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    /// Secret-sounding names, longest alternatives first (`passwd` before `pass`).
    static let secretNames =
        #"passwd|password|passwort|passphrase|pwd|pass|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|auth[_.-]?key|auth|credentials?|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|session[_.-]?key|hmac[_.-]?key|jwt[_.-]?key"#

    /// What a secret-sounding name may end with after its keyword (`DB_PASSWORD_PROD`,
    /// `secretKey`, `auth_token`); any other ending (`password_hash`, `token_url`,
    /// `max_tokens`, `tokenizer`, `passenger`) makes it another kind of name.
    static let secretNameSuffix =
        #"(?:[_.-]?(?i:key|value|secret|token|pass|word|str|string|b64|base64|hex|raw|plain|text|prod|production|dev|development|test|staging|stage|live|local|default|main|primary|secondary|new|old|current|[0-9]{1,2}|v[0-9]))*(?![A-Za-z0-9])"#

    /// Names that contain a keyword but hold no secret, ruled out by a lookbehind of fixed-length
    /// alternatives: `next_page_token`, `csrf_token`, `public_token`, `PublicKeyToken`, `bypass`.
    static let notSecretNamePrefix =
        #"(?<![Pp]age_|[Pp]age-|[Pp]age|PAGE_|[Cc]srf_|[Cc]srf-|[Cc]srf|CSRF_|[Xx]srf_|[Xx]srf-|[Xx]srf|XSRF_|[Nn]ext_|[Nn]ext|NEXT_|[Pp]ublic_|[Pp]ublic|PUBLIC_|[Kk]ey|[Bb]y|BY|[Cc]ontinuation_|[Cc]ontinuation|[Ss]ync_|[Ss]ync|[Cc]ancellation|[Dd]evice_|[Dd]evice|[Pp]ush_|[Pp]ush)"#

    /// The value of a generic assignment: no space, quote, bracket or separator in it.
    static let plainValue = #"[^\s"'`,;<>(){}\[\]\\|]{8,200}"#

    static let genericKeywords = [
        "pass", "pwd", "secret", "token", "api_key", "api-key", "api.key", "apikey", "access_key", "access-key", "accesskey",
        "private_key", "private-key", "privatekey", "auth", "credential", "signing", "encryption", "master_key", "masterkey",
        "session_key", "sessionkey", "hmac", "jwt_key", "jwtkey",
    ]

    /// A generic assignment's value: generated-looking, and not an identifier or a reference
    /// with a sigil (values the plain `looksLikeGeneratedSecret` can take for random).
    static func isGeneratedAssignmentValue(_ value: String) -> Bool {
        SecretHeuristics.looksLikeGeneratedSecret(value) && !SecretHeuristics.isCamelCaseIdentifier(value)
            && !SecretHeuristics.isSigilReference(value)
    }

    static let generic: [ScanRule] = [
        // The assignment builder (Assignments.swift) with secret-sounding names and a value that
        // looks generated; an identifier (`oidExtKeyUsageServiceAuth`, `&syscall.Credential`) is not.
        ScanRule(
            id: "generic-secret", description: "Generated-looking value assigned to a secret-sounding name",
            keywords: genericKeywords,
            pattern: assignment(names: secretNames, boundary: notSecretNamePrefix, value: plainValue),
            confidence: .medium,
            validate: { isGeneratedAssignmentValue($0) }),
        // Kubernetes / Compose env lists: `- name: DB_PASSWORD` then `value: …` on the next line.
        ScanRule(
            id: "generic-secret-env-entry", description: "Generated-looking value of a secret-named env entry (name: … / value: …)",
            keywords: genericKeywords,
            pattern: #"name:[ \t]*["']?[A-Za-z0-9_.-]{0,40}(?i:"# + secretNames
                + #")[A-Za-z0-9_.-]{0,40}["']?[ \t]*\r?\n[ \t]*-?[ \t]*value:[ \t]*["']?(?<secret>"#
                + plainValue + ")",
            validate: { SecretHeuristics.looksLikeGeneratedSecret($0) }),
        // JSON name/value siblings: {"key": "apiKey", "value": "…"} (Postman, ECS, Kubernetes).
        ScanRule(
            id: "generic-secret-entry", description: "Generated-looking value in a secret-named name/value pair of fields",
            keywords: genericKeywords,
            pattern: siblingEntry(names: secretNames),
            confidence: .medium,
            validate: { isGeneratedAssignmentValue($0) },
            span: siblingSpan),
        // .NET appSettings and similar: <add key="ApiKey" value="…" />.
        ScanRule(
            id: "generic-secret-key-value", description: "Generated-looking value of a secret-named key=\"…\" value=\"…\" entry",
            keywords: genericKeywords,
            pattern: #"(?i:key|name)="[^"\x0d\x0a]{0,40}(?i:"# + secretNames + #")[^"\x0d\x0a]{0,40}"[ \t]+(?i:value)="(?<secret>[^"\x0d\x0a]{8,200})""#,
            confidence: .medium,
            validate: { isGeneratedAssignmentValue($0) }),
        // .netrc / _netrc: `machine HOST login USER password PASS`, on one line or several
        // (tokens are separated by any white space), possibly with `account` or `port`.
        ScanRule(
            id: "netrc-password", description: "Password in a .netrc or _netrc entry", keywords: ["machine ", "machine\t"],
            pattern:
                #"machine(?:[ \t]|\r?\n)+[^\s]+(?:(?:[ \t]|\r?\n)+(?:login|account|port)(?:[ \t]|\r?\n)+[^\s]+){0,3}(?:[ \t]|\r?\n)+password(?:[ \t]|\r?\n)+(?<secret>[^\s]{4,128})"#,
            validate: { SecretHeuristics.isPlausiblePassword($0) }),
        ScanRule(
            id: "generic-password-flag", description: "Secret given on a command line (--password VALUE, mysql -pVALUE)",
            keywords: ["--password", "--passwd", "--token", "--api-key", "--secret", "--client-secret", "mysql"],
            pattern:
                #"(?:--(?:password|passwd|token|api-key|secret|client-secret)(?:[ \t]+|=)|mysql(?:dump|admin)?[ \t][^\x0d\x0a]{0,200}?[ \t]-p)["']?(?<secret>[^\s"'`$;|&<>(){}]{8,200})"#,
            confidence: .medium,
            validate: { SecretHeuristics.looksLikeGeneratedSecret($0) }),
    ]
}
