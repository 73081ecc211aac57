// Infrastructure, secrets managers, CI, observability and identity services.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let devops: [ScanRule] = [
        // Infrastructure as code and secrets managers.
        token(
            "terraform-cloud-token", "Terraform Cloud / HCP Terraform API token", keywords: ["atlasv1"],
            start + #"(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})"# + end),
        token(
            "hashicorp-vault-token", "HashiCorp Vault service, batch or recovery token", keywords: ["hvs.", "hvb.", "hvr."],
            start + #"(?<secret>hv[sbr]\.[A-Za-z0-9_-]{24,300})"# + end),
        token(
            "pulumi-access-token", "Pulumi access token", keywords: ["pul-"],
            start + #"(?<secret>pul-[a-f0-9]{40})(?![A-Za-z0-9])"#),
        token(
            "doppler-token", "Doppler personal, service, CLI, SCIM or audit token",
            keywords: ["dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."],
            start + #"(?<secret>dp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9_.-]{40,80})"# + end),
        token(
            "onepassword-service-account-token", "1Password service account token", keywords: ["ops_eyj"],
            start + #"(?<secret>ops_eyJ[A-Za-z0-9+/_=-]{200,})"#),
        token(
            "onepassword-secret-key", "1Password account secret key", keywords: ["a3-"],
            start + #"(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9])"#),
        token(
            "infracost-api-key", "Infracost API key", keywords: ["ico-"],
            start + #"(?<secret>ico-[A-Za-z0-9]{32})(?![A-Za-z0-9])"#),
        token(
            "octopus-deploy-api-key", "Octopus Deploy API key", keywords: ["api-"],
            start + #"(?<secret>API-[A-Z0-9]{26,32})(?![A-Za-z0-9])"#),
        token(
            "harness-api-key", "Harness personal access or service account token", keywords: ["pat.", "sat."],
            start + #"(?<secret>(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})(?![A-Za-z0-9])"#),
        token(
            "tailscale-key", "Tailscale auth, API or OAuth client key", keywords: ["tskey-"],
            start + #"(?<secret>tskey-(?:auth|api|client|webhook|scim)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40})"# + end),
        named(
            "ngrok-authtoken", "ngrok authtoken or API key", keywords: ["ngrok", "authtoken"],
            name: #"ngrok[A-Za-z_.-]{0,24}(?:token|key)|authtoken"#, value: #"[0-9A-Za-z]{20,27}_[0-9A-Za-z]{20,22}"#),
        // CI and code quality.
        token(
            "circleci-token", "CircleCI personal or project API token", keywords: ["ccipat_", "cciprj_"],
            start + #"(?<secret>CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9])"#),
        token(
            "buildkite-token", "Buildkite API access token", keywords: ["bkua_"],
            start + #"(?<secret>bkua_[a-f0-9]{40})(?![A-Za-z0-9])"#),
        named(
            "buildkite-agent-token", "Buildkite agent token", keywords: ["buildkite"],
            name: #"buildkite[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[a-f0-9]{50}"#),
        token(
            "sonarqube-token", "SonarQube / SonarCloud user, project or analysis token", keywords: ["squ_", "sqp_", "sqa_"],
            start + #"(?<secret>sq[upa]_[a-f0-9]{40})(?![A-Za-z0-9])"#),
        named(
            "codecov-token", "Codecov upload token", keywords: ["codecov"],
            name: #"codecov[A-Za-z_.-]{0,24}token"#, value: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#),
        named(
            "travis-ci-token", "Travis CI API token", keywords: ["travis"],
            name: #"travis[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[A-Za-z0-9_-]{22}"#),
        // Observability.
        token(
            "grafana-cloud-token", "Grafana Cloud access policy or API token", keywords: ["glc_"],
            start + #"(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2})"# + end64),
        token(
            "grafana-service-account-token", "Grafana service account token", keywords: ["glsa_"],
            start + #"(?<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9])"#),
        token(
            "sentry-token", "Sentry organization or user auth token", keywords: ["sntrys_", "sntryu_"],
            start + #"(?<secret>sntrys_eyJ[A-Za-z0-9+/=_-]{60,}|sntryu_[a-f0-9]{64})"# + end64),
        token(
            "newrelic-api-key", "New Relic user (NRAK), insert (NRII), browser (NRJS), REST (NRRA) or query (NRIQ) key",
            keywords: ["nrak-", "nrii-", "nrjs-", "nrra-", "nriq-"],
            start + #"(?<secret>NRAK-[A-Za-z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19}|NRRA-[a-f0-9]{42}|NRIQ-[A-Za-z0-9_-]{32})(?![A-Za-z0-9])"#),
        token(
            "newrelic-license-key", "New Relic ingest license key", keywords: ["nral"],
            start + #"(?<secret>[a-f0-9]{36}NRAL)(?![A-Za-z0-9])"#),
        named(
            "datadog-api-key", "Datadog API or application key", keywords: ["datadog", "dd_api_key", "dd_app_key", "dd-api-key", "dd_application_key"],
            name: #"datadog[A-Za-z_.-]{0,24}(?:key|token)|dd[_-](?:api|app|application)[_-]?key"#,
            value: #"[a-f0-9]{40}|[a-f0-9]{32}"#),
        token(
            "dynatrace-token", "Dynatrace API or platform token", keywords: ["dt0c01.", "dt0s01.", "dt0s02."],
            start + #"(?<secret>dt0[cs]0[0-9]\.[A-Z0-9]{24}\.[A-Z0-9]{64})(?![A-Za-z0-9])"#),
        named(
            "pagerduty-api-key", "PagerDuty API key", keywords: ["pagerduty"],
            name: #"pagerduty[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"[A-Za-z0-9_+-]{20}|u\+[A-Za-z0-9_+-]{18}"#),
        named(
            "opsgenie-api-key", "Opsgenie API key", keywords: ["opsgenie"],
            name: #"opsgenie[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#),
        named(
            "honeycomb-api-key", "Honeycomb API key", keywords: ["honeycomb"],
            name: #"honeycomb[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"hc[a-z]{2}[a-z]{2}_[a-z0-9]{58}|[A-Za-z0-9]{22}|[a-f0-9]{32}"#),
        named(
            "rollbar-access-token", "Rollbar access token", keywords: ["rollbar"],
            name: #"rollbar[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[a-f0-9]{32}"#),
        named(
            "bugsnag-api-key", "Bugsnag API key", keywords: ["bugsnag"],
            name: #"bugsnag[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"[a-f0-9]{32}"#),
        named(
            "splunk-hec-token", "Splunk HTTP Event Collector token", keywords: ["splunk"],
            name: #"splunk[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#),
        token(
            "launchdarkly-key", "LaunchDarkly SDK key or API access token", keywords: ["sdk-", "api-"],
            start + #"(?<secret>(?:sdk|api)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"# + end),
        // Identity.
        named(
            "okta-api-token", "Okta API token", keywords: ["okta"],
            name: #"okta[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"00[A-Za-z0-9_-]{40}"#),
        named(
            "auth0-client-secret", "Auth0 client secret or management token", keywords: ["auth0"],
            name: #"auth0[A-Za-z_.-]{0,24}(?:secret|token)"#, value: #"[A-Za-z0-9_-]{64}"#),
        token(
            "postman-api-key", "Postman API key", keywords: ["pmak-"],
            start + #"(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9])"#),
        token(
            "prefect-api-key", "Prefect Cloud API key", keywords: ["pnu_"],
            start + #"(?<secret>pnu_[A-Za-z0-9]{36})(?![A-Za-z0-9])"#),
        token(
            "scalingo-api-token", "Scalingo API token", keywords: ["tk-us-"],
            start + #"(?<secret>tk-us-[A-Za-z0-9_-]{48})"# + end),
    ]
}
