// Web credentials that are not tied to one provider: JWTs (JWT.swift), Authorization headers,
// URLs with a user and password, curl -u.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let web: [ScanRule] = [
        ScanRule(
            id: "authorization-bearer", description: "Bearer token in an Authorization header",
            keywords: ["bearer"],
            pattern: #"(?i:authorization|auth|bearer)["']?[ \t]*[:=]?[ \t]*["']?(?i:bearer)[ \t]+(?<secret>[A-Za-z0-9_.~+/-]{20,}={0,2})"# + end64,
            validate: { SecretHeuristics.isPlausibleToken($0) && !SecretHeuristics.isWordLike($0) && !SecretHeuristics.isReference($0) }),
        ScanRule(
            id: "authorization-basic", description: "Basic credentials in an Authorization header",
            keywords: ["basic"],
            pattern: #"(?i:authorization)["']?[ \t]*[:=][ \t]*["']?(?i:basic)[ \t]+(?<secret>[A-Za-z0-9+/]{8,}={0,2})"# + end64,
            validate: { SecretHeuristics.isDockerAuth($0) }),
        ScanRule(
            id: "url-credentials", description: "User name and password in a URL (https://user:password@host)",
            keywords: ["http://", "https://", "ftp://", "ftps://", "sftp://", "smtp://", "smtps://", "ldap://", "ldaps://", "imap://", "imaps://", "ssh://"],
            pattern:
                #"(?i:https?|ftps?|sftp|smtps?|ldaps?|imaps?|ssh)://(?<user>[A-Za-z0-9._%+-]{1,64}):(?!\k<user>@)(?<secret>[^\s@/"'`<>:]{3,128})@[A-Za-z0-9_.\[\]-]"#,
            validate: { SecretHeuristics.isPlausiblePassword($0) }),
        ScanRule(
            id: "curl-user-password", description: "Password given to curl with -u user:password", keywords: ["curl"],
            pattern: #"curl[ \t][^\r\n]{0,300}?(?:-u|--user)[ \t]+["']?(?<user>[^\s:"'$]{1,64}):(?<secret>[^\s"'$]{4,128})"#,
            validate: { SecretHeuristics.isPlausiblePassword($0) }),
    ]
}
