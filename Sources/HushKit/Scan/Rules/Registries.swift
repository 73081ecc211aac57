// Package and artifact registries: npm, PyPI, RubyGems, Docker Hub, NuGet, crates.io, …
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let registries: [ScanRule] = [
        // npm: npm_ + 30 base62 + CRC-32 in 6 base62 characters, as GitHub's tokens.
        ScanRule(
            id: "npm-access-token", description: "npm access token", keywords: ["npm_"],
            pattern: start + #"(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])"#,
            validate: { SecretHeuristics.checksummedTokenOrPlausible($0) }),
        // Legacy npm tokens are UUIDs, recognisable in an .npmrc auth line.
        ScanRule(
            id: "npmrc-auth-token", description: "Registry auth token in an .npmrc (_authToken=, _auth=, _password=)",
            keywords: ["_authtoken", "_auth=", "_password="],
            pattern: #":_(?:authToken|auth|password)[ \t]*=[ \t]*["']?(?<secret>[A-Za-z0-9+/=_.-]{20,})"#,
            validate: { SecretHeuristics.isPlausibleToken($0) && !SecretHeuristics.isReference($0) }),
        // PyPI: pypi- + a base64 macaroon whose first bytes always encode "pypi.org"
        // (AgEIcHlwaS5vcmc) or, for TestPyPI, "test.pypi.org" (AgENdGVzdC5weXBpLm9yZw).
        token(
            "pypi-api-token", "PyPI or TestPyPI API token",
            keywords: ["pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yzw"],
            #"(?<secret>pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,})"#),
        token(
            "rubygems-api-key", "RubyGems API key", keywords: ["rubygems_"],
            start + #"(?<secret>rubygems_[a-f0-9]{48})(?![A-Za-z0-9])"#),
        token(
            "dockerhub-token", "Docker Hub personal or organization access token", keywords: ["dckr_pat_", "dckr_oat_"],
            start + #"(?<secret>dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32})"# + end),
        token(
            "nuget-api-key", "NuGet.org API key", keywords: ["oy2"],
            start + #"(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9])"#),
        token(
            "crates-io-token", "crates.io API token", keywords: ["cio"],
            start + #"(?<secret>cio[A-Za-z0-9]{32})(?![A-Za-z0-9])"#),
        token(
            "clojars-token", "Clojars deploy token", keywords: ["clojars_"],
            start + #"(?<secret>CLOJARS_[a-z0-9]{60})(?![A-Za-z0-9])"#),
        // JFrog Artifactory: API keys (AKCp…) and reference tokens (base64 of "reftkn").
        token(
            "jfrog-api-key", "JFrog Artifactory API key", keywords: ["akcp"],
            start + #"(?<secret>AKCp[0-9][A-Za-z0-9]{68,72})(?![A-Za-z0-9])"#),
        token(
            "jfrog-reference-token", "JFrog Artifactory reference token", keywords: ["cmvmdgtu"],
            start + #"(?<secret>cmVmdGtu[A-Za-z0-9]{56})(?![A-Za-z0-9])"#),
        token(
            "packagist-token", "Packagist API token", keywords: ["packagist_"],
            start + #"(?<secret>packagist_[ou][ua]t_[a-f0-9]{68})(?![A-Za-z0-9])"#),
        named(
            "hex-api-key", "Hex.pm API key", keywords: ["hex_api_key", "hex_key"],
            name: #"hex[_-]api[_-]key|hex_key"#, value: #"[a-f0-9]{32}"#),
        named(
            "gradle-publish-secret", "Gradle Plugin Portal publishing key or secret", keywords: ["gradle.publish."],
            name: #"gradle\.publish\.(?:key|secret)"#, value: #"[A-Za-z0-9]{32}"#),
        named(
            "sonatype-nexus-password", "Sonatype (Maven Central) OSSRH token password",
            keywords: ["ossrh", "sonatype"],
            name: #"(?:ossrh|sonatype)[A-Za-z_.-]{0,24}(?:password|token|pass)"#, value: #"[A-Za-z0-9+/=_-]{20,64}"#),
        named(
            "cloudsmith-api-key", "Cloudsmith API key", keywords: ["cloudsmith"],
            name: #"cloudsmith[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"[a-f0-9]{40}"#),
        named(
            "anaconda-token", "Anaconda.org token", keywords: ["anaconda"],
            name: #"anaconda[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[A-Za-z0-9_-]{30,40}"#),
        // Docker registry credentials in ~/.docker/config.json: "auth": base64("user:password").
        ScanRule(
            id: "docker-config-auth", description: "Registry credentials in a Docker config.json (auths.*.auth)",
            keywords: ["\"auth\""],
            pattern: #""auth"[ \t]*:[ \t]*"(?<secret>[A-Za-z0-9+/]{12,}={0,2})""#,
            validate: { SecretHeuristics.isDockerAuth($0) }),
    ]
}

extension SecretHeuristics {
    /// A Docker `auth` value: base64 of `user:password` with a non-empty password.
    public static func isDockerAuth(_ value: some StringProtocol) -> Bool {
        guard let bytes = decodeBase64(value), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let password = bytes[(colon + 1)...]
        guard colon > 0, password.count >= 6 else { return false }
        guard bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return false }
        return !isPlaceholder(String(decoding: password, as: UTF8.self))
    }
}
