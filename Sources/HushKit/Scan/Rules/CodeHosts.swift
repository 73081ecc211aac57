// Code hosts and their CI: GitHub, GitLab, Bitbucket / Atlassian, Azure DevOps (in Cloud), Gitea.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    /// GitHub's prefixed tokens: `gh` + type letter + `_`, 30 random base62 characters and a
    /// 6-character base62 CRC-32 of them (GitHub blog, 2021-04-05).
    static func githubToken(_ id: String, _ description: String, prefix: String) -> ScanRule {
        ScanRule(
            id: id, description: description, keywords: [prefix],
            pattern: start + #"(?<secret>"# + prefix + #"[A-Za-z0-9]{36})(?![A-Za-z0-9])"#,
            validate: { SecretHeuristics.checksummedTokenOrPlausible($0) })
    }

    static let codeHosts: [ScanRule] = [
        githubToken("github-classic-token", "GitHub personal access token (classic)", prefix: "ghp_"),
        githubToken("github-oauth-token", "GitHub OAuth access token", prefix: "gho_"),
        githubToken("github-user-to-server-token", "GitHub App user-to-server token", prefix: "ghu_"),
        githubToken("github-server-to-server-token", "GitHub App installation (server-to-server) token", prefix: "ghs_"),
        githubToken("github-refresh-token", "GitHub App refresh token", prefix: "ghr_"),
        // Fine-grained: github_pat_ + 22 characters (the id part) + _ + 59 characters.
        token(
            "github-fine-grained-token", "GitHub fine-grained personal access token", keywords: ["github_pat_"],
            start + #"(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])"#),
        named(
            "github-oauth-client-secret", "GitHub OAuth app client secret",
            keywords: ["github"], name: #"github[A-Za-z_.-]{0,20}(?:client[_-]?secret|secret)"#, value: #"[a-f0-9]{40}"#),

        // GitLab: every token type has its own prefix (GitLab docs, "Token prefixes").
        token(
            "gitlab-personal-access-token", "GitLab personal, project or group access token", keywords: ["glpat-"],
            start + #"(?<secret>glpat-[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{2}\.[a-z0-9]{7,9})?)"# + end),
        token(
            "gitlab-deploy-token", "GitLab deploy token", keywords: ["gldt-"],
            start + #"(?<secret>gldt-[A-Za-z0-9_-]{20,})"# + end),
        token(
            "gitlab-runner-token", "GitLab runner authentication token", keywords: ["glrt-", "glrtr-"],
            start + #"(?<secret>glrtr?-[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{2}\.[a-z0-9]{7,9})?)"# + end),
        token(
            "gitlab-runner-registration-token", "GitLab runner registration token (legacy)", keywords: ["gr1348941"],
            start + #"(?<secret>GR1348941[A-Za-z0-9_-]{20,})"# + end),
        token(
            "gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", keywords: ["glptt-"],
            start + #"(?<secret>glptt-[A-Za-z0-9_-]{20,})"# + end),
        token(
            "gitlab-ci-job-token", "GitLab CI/CD job token", keywords: ["glcbt-"],
            start + #"(?<secret>glcbt-[A-Za-z0-9_-]{20,})"# + end),
        token(
            "gitlab-oauth-app-secret", "GitLab OAuth application secret", keywords: ["gloas-"],
            start + #"(?<secret>gloas-[A-Za-z0-9_-]{32,})"# + end),
        token(
            "gitlab-feed-token", "GitLab feed token", keywords: ["glft-"],
            start + #"(?<secret>glft-[A-Za-z0-9_-]{20,})"# + end),
        token(
            "gitlab-incoming-mail-token", "GitLab incoming mail token", keywords: ["glimt-"],
            start + #"(?<secret>glimt-[A-Za-z0-9_-]{20,})"# + end),
        token(
            "gitlab-agent-token", "GitLab agent for Kubernetes token", keywords: ["glagent-"],
            start + #"(?<secret>glagent-[A-Za-z0-9_-]{50,})"# + end),
        token(
            "gitlab-scim-token", "GitLab SCIM OAuth token", keywords: ["glsoat-"],
            start + #"(?<secret>glsoat-[A-Za-z0-9_-]{20,})"# + end),
        token(
            "gitlab-feature-flags-client-token", "GitLab feature flags client token", keywords: ["glffct-"],
            start + #"(?<secret>glffct-[A-Za-z0-9_-]{20,})"# + end),
        token(
            "gitlab-workspace-token", "GitLab workspace token", keywords: ["glwt-"],
            start + #"(?<secret>glwt-[A-Za-z0-9_-]{20,})"# + end),

        // Atlassian (Jira, Confluence) and Bitbucket.
        token(
            "atlassian-api-token", "Atlassian API token (Jira, Confluence)", keywords: ["atatt3"],
            start + #"(?<secret>ATATT3[A-Za-z0-9_=-]{150,250})"# + end),
        token(
            "atlassian-admin-api-key", "Atlassian organization admin API key", keywords: ["atctt3"],
            start + #"(?<secret>ATCTT3[A-Za-z0-9_=-]{150,250})"# + end),
        token(
            "bitbucket-app-password", "Bitbucket app password", keywords: ["atbb"],
            start + #"(?<secret>ATBB[A-Za-z0-9_=.-]{28,40})"# + end),
        named(
            "gitea-token", "Gitea, Forgejo or Codeberg access token",
            keywords: ["gitea", "forgejo", "codeberg"],
            name: #"(?:gitea|forgejo|codeberg)[A-Za-z_.-]{0,20}(?:token|key)"#, value: #"[a-f0-9]{40}"#),
        // Credentials in a git remote URL: https://user:token@host/owner/repo.git.
        ScanRule(
            id: "git-credential-url", description: "Credentials in a git remote URL (https://user:token@host/…)",
            keywords: ["github.com", "gitlab.com", "bitbucket.org", "dev.azure.com"],
            pattern:
                #"https?://(?:[A-Za-z0-9._%-]{1,64}:)?(?<secret>[A-Za-z0-9_.%-]{16,100})@(?:github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com)[/:]"#,
            validate: { SecretHeuristics.isPlausibleToken($0) && !SecretHeuristics.isWordLike($0) }),
    ]
}
