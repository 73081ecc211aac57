// Credentials in the documented formats of configuration files: password hashes in shadow,
// htpasswd and passwd-style files, FileZilla site lists, .npmrc auth lines, WordPress keys and
// salts, Django, Rails and Laravel application keys, Firefox's saved logins, Cisco device
// configs. Formats that have no literal to key on (`.pgpass`, Rails `master.key`) are matched
// by file name: see `ConfigFileDetectors`.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    /// At the start of a line (or of the text): a fixed-length lookbehind both engines read.
    static let lineStart = #"(?<![^\x0d\x0a])"#

    /// The crypt(3) and htpasswd hash formats: MD5-crypt `$1$`, Apache `$apr1$`, bcrypt
    /// `$2a$`/`$2b$`/`$2y$`, SHA-256/512-crypt `$5$`/`$6$`, yescrypt `$y$`, gost-yescrypt
    /// `$gy$`, scrypt `$7$`, and htpasswd's `{SHA}` (base64 SHA-1, 28 characters).
    static let cryptHash = #"\$(?:1|5|6|2[aby]|apr1|y|gy|7)\$[./A-Za-z0-9$=,]{8,200}|\{SHA\}[A-Za-z0-9+/]{27}="#

    static let configFiles: [ScanRule] = [
        // /etc/shadow (`user:HASH:lastchg:…`), htpasswd (`user:HASH`), ProFTPD / passwd-style
        // files (`user:HASH:uid:gid:…`): a user name at the start of the line, then the hash.
        ScanRule(
            id: "password-hash-line", description: "Password hash of a user (shadow, htpasswd, passwd-style file)",
            keywords: [":$1$", ":$5$", ":$6$", ":$2a$", ":$2b$", ":$2y$", ":$apr1$", ":$y$", ":$gy$", ":$7$", ":{sha}"],
            pattern: lineStart + #"[A-Za-z0-9._@+-]{1,64}:(?<secret>"# + cryptHash + #")(?=:|[ \t]*(?:\x0d|\x0a|$))"#,
            confidence: .medium,
            validate: { SecretHeuristics.isVaried($0) }),
        // Cisco IOS: `enable secret 5 $1$…`, `username x secret 9 $9$…`, `secret 8 $8$…`, and
        // the reversible type 7 (`password 7 0822455D0A16`).
        ScanRule(
            id: "cisco-password", description: "Cisco device password or secret (type 5, 7, 8 or 9)",
            keywords: ["secret 5 ", "secret 8 ", "secret 9 ", "password 7 ", "secret 4 "],
            pattern: #"(?:secret[ \t]+[4589]|password[ \t]+7)[ \t]+(?<secret>\$(?:1|8|9)\$[A-Za-z0-9./$]{10,120}|[0-9A-F]{8,64})(?![A-Za-z0-9./$])"#,
            confidence: .medium,
            validate: { SecretHeuristics.isVaried($0) }),
        // FileZilla sitemanager.xml / recentservers.xml / filezilla.xml: `<Pass>` in the clear
        // (before 3.26) or `<Pass encoding="base64">`; FileZilla Server's `<Option Name="Pass">`
        // (a user's password hash) and `AdminPassword`.
        ScanRule(
            id: "filezilla-password", description: "Saved FTP/SFTP password in a FileZilla site list or server config (<Pass>)",
            keywords: ["<pass>", "<pass ", "name=\"pass\"", "name=\"adminpassword\""],
            pattern:
                #"(?:<Pass(?:[ \t]+encoding="base64")?[ \t]*>|<(?:Option|Item)[ \t]+[Nn]ame="(?:Pass|AdminPassword)"[^<>\x0d\x0a]{0,40}>)(?<secret>[^<\x0d\x0a]{2,256})</"#,
            validate: { SecretHeuristics.isPlausiblePasswordLiteral($0) }),
        // .npmrc lines the token rule does not cover: a global `_auth=` (base64 of user:password),
        // `_authToken=` or `_password=` at the start of a line, and short `:_password=` values.
        ScanRule(
            id: "npmrc-credentials", description: "Credentials in an .npmrc (_auth, _authToken, _password)",
            keywords: ["_auth", "_password"],
            pattern: #"(?:"# + lineStart + #"[ \t]*|:)_(?:auth|authToken|password)[ \t]*=[ \t]*["']?"#
                + #"(?<secret>[A-Za-z0-9+/=_.-]{6,})["']?[ \t]*(?:\x0d|\x0a|$)"#,
            validate: { SecretHeuristics.isNpmrcCredential($0) }),
        // Docker config.json: a registry's `identitytoken` (an OAuth refresh token that
        // `docker login` stores instead of `auth` for some registries).
        ScanRule(
            id: "docker-identity-token", description: "Registry identity token in a Docker config.json (auths.*.identitytoken)",
            keywords: ["\"identitytoken\""],
            pattern: #""identitytoken"[ \t]*:[ \t]*"(?<secret>[A-Za-z0-9+/=_.~-]{20,})""#,
            validate: { SecretHeuristics.isPlausibleToken($0) }),
        // WordPress wp-config.php: the eight keys and salts, `define( 'AUTH_KEY', '…' );`.
        ScanRule(
            id: "wordpress-auth-key", description: "WordPress authentication key or salt (wp-config.php)",
            keywords: ["auth_key", "auth_salt", "logged_in_key", "logged_in_salt", "nonce_key", "nonce_salt"],
            pattern:
                #"define\([ \t]*["'](?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)["'][ \t]*,[ \t]*'(?<secret>[^'\x0d\x0a]{20,128})'"#,
            confidence: .medium,
            validate: { SecretHeuristics.isPrintableKey($0) }),
        // Django settings: SECRET_KEY, 50 characters of a-z0-9 and !@#$%^&*(-_=+) as
        // `get_random_secret_key()` makes them (or with the `django-insecure-` prefix).
        ScanRule(
            id: "django-secret-key", description: "Django SECRET_KEY", keywords: ["secret_key"],
            pattern: #"SECRET_KEY[ \t]*=[ \t]*["'](?<secret>(?:django-insecure-)?[a-z0-9!@#\$%\^&*(\-_=+)]{40,64})["']"#,
            confidence: .medium,
            validate: { SecretHeuristics.isPrintableKey($0) }),
        // Rails config/secrets.yml: `secret_key_base:` 128 hex characters.
        ScanRule(
            id: "rails-secret-key-base", description: "Rails secret_key_base (secrets.yml, credentials)", keywords: ["secret_key_base"],
            pattern: #"secret_key_base["']?[ \t]*(?::|=>?)[ \t]*["']?(?<secret>[0-9a-f]{64,256})(?![0-9A-Za-z])"#,
            confidence: .medium,
            validate: { SecretHeuristics.isPlausibleToken($0) }),
        // Laravel .env: `APP_KEY=base64:` and 32 random bytes in base64.
        ScanRule(
            id: "laravel-app-key", description: "Laravel APP_KEY", keywords: ["app_key"],
            pattern: #"APP_KEY["']?[ \t]*[=,][ \t]*["']?base64:(?<secret>[A-Za-z0-9+/]{40,88}={0,2})"#,
            validate: { SecretHeuristics.isPlausibleToken($0) }),
        // Firefox logins.json: every saved login's password, encrypted with the profile's key4.db
        // (readable with it, and by anyone when no primary password is set).
        ScanRule(
            id: "firefox-saved-password", description: "Saved password in a Firefox logins.json (encryptedPassword)",
            keywords: ["\"encryptedpassword\""],
            pattern: #""encryptedPassword"[ \t]*:[ \t]*"(?<secret>[A-Za-z0-9+/]{20,}={0,2})""#,
            validate: { SecretHeuristics.isVaried($0) }),
    ]
}

extension SecretHeuristics {
    /// An `.npmrc` credential: a token, or base64 of `user:password` (`_auth`) or of a password
    /// (`_password`); not a reference or placeholder.
    public static func isNpmrcCredential(_ value: some StringProtocol) -> Bool {
        let text = String(value)
        if isPlaceholder(text) || isReference(text) { return false }
        if isDockerAuth(text) || isPlausibleToken(text) && text.utf8.count >= 20 { return true }
        guard let bytes = decodeBase64(text), bytes.count >= 4, bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return false }
        return isPlausiblePasswordLiteral(String(decoding: bytes, as: UTF8.self))
    }

    /// A hash or an encrypted blob whose format a rule already proved: only a placeholder, a
    /// repeated pattern or very low entropy (a hand-made sample) is refused.
    public static func isVaried(_ value: some StringProtocol) -> Bool {
        let text = String(value)
        if hasPlaceholderMarker(text) || isRepetitive(removingRuns(of: "A", in: text)) { return false }
        return entropy(removingRuns(of: "A", in: text)) >= 2.5
    }

    /// A key of printable characters made at random (WordPress salts, Django keys): varied
    /// enough, and not the placeholder text the templates ship with.
    public static func isPrintableKey(_ value: some StringProtocol) -> Bool {
        let text = String(value)
        let lower = text.lowercased()
        let markers = ["put your unique phrase", "example", "xxxx", "your", "placeholder", "changeme", "dummy", "sample", "insecure-x"]
        if markers.contains(where: { lower.contains($0) }) { return false }
        if isRepetitive(text) || isWordLike(text) { return false }
        return entropy(text) >= 4.0
    }
}
