import Testing

@testable import HushKit

// Unit samples of the code-host rules (fake values from `Fake`, never real credentials).
extension RuleCases {
    static let codeHosts: [RuleCase] = [
        RuleCase(
            "github-classic-token",
            hits: [
                "GITHUB_TOKEN=\(F.checksummed("ghp_"))", "git clone https://\(F.checksummed("ghp_"))@github.com/acme/api.git",
                "token: ghp_\(F.s(F.alnum, 36))",
            ],
            misses: [
                "ghp_\(F.s(F.alnum, 30))", "ghp_abcdefghijklmnopqrstuvwxyzABCD012345", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "ghp_\(F.s(F.alnum, 40))", "GHP_\(F.s(F.alnum, 36))",
            ]),
        RuleCase(
            "github-oauth-token", hits: ["oauth_token: \(F.checksummed("gho_"))"],
            misses: ["gho_\(F.s(F.alnum, 20))", "gho_EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE"]),
        RuleCase(
            "github-user-to-server-token", hits: ["\"token\": \"\(F.checksummed("ghu_"))\""],
            misses: ["ghu_\(F.s(F.alnum, 35))", "ghu_000000000000000000000000000000000000"]),
        RuleCase(
            "github-server-to-server-token", hits: ["GH_INSTALLATION_TOKEN=\(F.checksummed("ghs_"))"],
            misses: ["ghs_\(F.s(F.alnum, 37))", "ghs_<token>"]),
        RuleCase(
            "github-refresh-token", hits: ["refresh_token=\(F.checksummed("ghr_"))"],
            misses: ["ghr_\(F.s(F.alnum, 10))", "ghr_123456789012345678901234567890123456"]),
        RuleCase(
            "github-fine-grained-token",
            hits: ["GH_PAT=github_pat_11\(F.s(F.upperAlnum, 20))_\(F.s(F.alnum, 59))"],
            misses: [
                "github_pat_\(F.s(F.alnum, 22))_\(F.s(F.alnum, 30))",
                "github_pat_11XXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            ]),
        RuleCase(
            "github-oauth-client-secret", hits: ["GITHUB_CLIENT_SECRET=\(F.s(F.hex, 40))"],
            misses: ["GITHUB_CLIENT_SECRET=\(F.s(F.hex, 20))", "GITHUB_CLIENT_ID=Iv1.\(F.s(F.hex, 16))"]),
        RuleCase(
            "gitlab-personal-access-token",
            hits: ["GITLAB_TOKEN=glpat-\(F.s(F.base64url, 20))", "private_token: glpat-\(F.s(F.base64url, 27)).01.0w\(F.s(F.lowerAlnum, 7))"],
            misses: ["glpat-\(F.s(F.alnum, 10))", "glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-<your-token>"]),
        RuleCase(
            "gitlab-deploy-token", hits: ["CI_DEPLOY_PASSWORD=gldt-\(F.s(F.base64url, 20))"],
            misses: ["gldt-\(F.s(F.alnum, 8))", "gldt-XXXXXXXXXXXXXXXXXXXX"]),
        RuleCase(
            "gitlab-runner-token", hits: ["token = \"glrt-\(F.s(F.base64url, 20))\"", "glrtr-\(F.s(F.base64url, 24))"],
            misses: ["glrt-\(F.s(F.alnum, 8))", "glrt-REDACTED"]),
        RuleCase(
            "gitlab-runner-registration-token", hits: ["--registration-token GR1348941\(F.s(F.base64url, 20))"],
            misses: ["GR1348941\(F.s(F.alnum, 6))", "GR1348941xxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "gitlab-pipeline-trigger-token", hits: ["-F token=glptt-\(F.s(F.hex, 40))"],
            misses: ["glptt-\(F.s(F.hex, 8))", "glptt-0000000000000000000000000000000000000000"]),
        RuleCase(
            "gitlab-ci-job-token", hits: ["JOB_TOKEN=glcbt-64_\(F.s(F.base64url, 20))"], misses: ["glcbt-\(F.s(F.alnum, 5))", "glcbt-<job token>"]),
        RuleCase(
            "gitlab-oauth-app-secret", hits: ["secret: gloas-\(F.s(F.hex, 64))"], misses: ["gloas-\(F.s(F.hex, 16))", "gloas-example"]),
        RuleCase(
            "gitlab-feed-token", hits: ["https://gitlab.com/dashboard/issues.atom?feed_token=glft-\(F.s(F.base64url, 20))"],
            misses: ["glft-\(F.s(F.alnum, 10))", "glft-xxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "gitlab-incoming-mail-token", hits: ["incoming+group-project-123-glimt-\(F.s(F.lowerAlnum, 25))-issue@gitlab.example.com"],
            misses: ["glimt-\(F.s(F.alnum, 10))", "glimt-placeholder-token-value"]),
        RuleCase(
            "gitlab-agent-token", hits: ["--set config.token=glagent-\(F.s(F.base64url, 50))"],
            misses: ["glagent-\(F.s(F.alnum, 20))", "glagent-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "gitlab-scim-token", hits: ["scim_token: glsoat-\(F.s(F.base64url, 20))"], misses: ["glsoat-\(F.s(F.alnum, 10))", "glsoat-xxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "gitlab-feature-flags-client-token", hits: ["UNLEASH_INSTANCE_ID=glffct-\(F.s(F.base64url, 20))"],
            misses: ["glffct-\(F.s(F.alnum, 10))", "glffct-xxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "gitlab-workspace-token", hits: ["workspace: glwt-\(F.s(F.base64url, 20))"], misses: ["glwt-\(F.s(F.alnum, 10))", "glwt-xxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "atlassian-api-token", hits: ["JIRA_API_TOKEN=ATATT3xFfGF0\(F.s(F.base64url, 170))=\(F.s(F.upperHex, 8))"],
            misses: [
                "ATATT3\(F.s(F.alnum, 40))",
                "ATATT3xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        RuleCase(
            "atlassian-admin-api-key", hits: ["ATLASSIAN_ADMIN_KEY=ATCTT3xFfGN0\(F.s(F.base64url, 170))=\(F.s(F.upperHex, 8))"],
            misses: ["ATCTT3\(F.s(F.alnum, 40))"]),
        RuleCase(
            "bitbucket-app-password", hits: ["BITBUCKET_APP_PASSWORD=ATBB\(F.s(F.alnum, 32))"],
            misses: ["ATBB\(F.s(F.alnum, 10))", "ATBBXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"]),
        RuleCase(
            "bitbucket-client-secret", hits: ["BITBUCKET_CLIENT_SECRET=\(F.s(F.alnum, 32))"],
            misses: ["BITBUCKET_CLIENT_SECRET=\(F.s(F.alnum, 16))", "bitbucket_secret: \"{{ vault_bitbucket_secret }}\""]),
        RuleCase(
            "gitea-token", hits: ["GITEA_TOKEN=\(F.s(F.hex, 40))"], misses: ["GITEA_TOKEN=\(F.s(F.hex, 20))", "gitea_url: https://git.example.org"]),
        RuleCase(
            "git-credential-url", hits: ["url = https://oauth2:\(F.s(F.alnum, 26))@gitlab.com/acme/infra.git"],
            misses: ["https://github.com/acme/api.git", "https://user:password@github.com/acme/api.git", "https://git@github.com:acme/api.git"]),
    ]
}

@Suite struct GitHubChecksumTests {
    @Test func base62CRC32MatchesPublishedVector() {
        // npm's published dummy token (secretlint issue 200); its last 6 characters are the
        // base62 CRC-32 of the 30 before (checked independently with zlib).
        #expect(SecretHeuristics.hasValidBase62Checksum("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"))
        #expect(!SecretHeuristics.hasValidBase62Checksum("npm_qkJaB6MffYVzZXWqmcoF49yrUxP3wf0LsakQ"))
        #expect(SecretHeuristics.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(SecretHeuristics.base62(0, width: 6) == "000000")
        #expect(SecretHeuristics.base62(61, width: 1) == "z")
    }

    @Test func checksummedTokensVerify() {
        for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_"] {
            let token = Fake.checksummed(prefix)
            #expect(SecretHeuristics.hasValidBase62Checksum(token))
            var broken = Array(token)
            broken[10] = broken[10] == "a" ? "b" : "a"
            #expect(!SecretHeuristics.hasValidBase62Checksum(String(broken)))
        }
    }
}
