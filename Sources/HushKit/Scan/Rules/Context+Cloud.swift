// Keyword-context rules (see `ContextSpec`) and newer prefixed formats of the cloud providers:
// IBM Cloud, SoftLayer, Cloudant, Azure Storage, Cloudflare, Heroku, Amazon Bedrock, OpenShift.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    /// A UUID (8-4-4-4-12 hex), as several providers' legacy keys are.
    static let uuidToken = #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"#
    /// The name words that make a UUID after a service name a credential, not an app or org id.
    static let credentialHint = #"key|token|secret|auth|pass"#

    static let cloudContext: [ScanRule] = [
        // Amazon Bedrock short-term API keys: `bedrock-api-key-` then base64 of a presigned
        // URL, which always begins with the host `bedrock.amazonaws.com`.
        token(
            "aws-bedrock-short-term-key", "Amazon Bedrock short-term API key", keywords: ["bedrock-api-key-"],
            start + #"(?<secret>bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{40,4000}={0,2})"# + end64),
        // OpenShift OAuth access tokens (`oc whoami -t`): sha256~ and 43 base64url characters.
        token(
            "openshift-user-token", "OpenShift OAuth access token", keywords: ["sha256~"],
            start + #"(?<secret>sha256~[A-Za-z0-9_-]{43})"# + end),
        // IBM Cloud IAM API keys: 44 base64url characters.
        context(
            ContextSpec(
                id: "ibm-cloud-api-key", description: "IBM Cloud IAM API key", keywords: ["ibm", "bluemix"],
                token: #"[A-Za-z0-9_-]{44}"#, boundedKeyword: true)),
        // IBM Cloud Object Storage HMAC credentials: a 32-hex access key id and a 48-hex secret.
        context(
            ContextSpec(
                id: "ibm-cos-hmac-secret", description: "IBM Cloud Object Storage HMAC secret access key",
                keywords: ["cos_hmac", "secret_access_key"], token: #"[a-f0-9]{48}"#, window: 24)),
        context(
            ContextSpec(
                id: "softlayer-api-key", description: "IBM SoftLayer (Classic Infrastructure) API key",
                keywords: ["softlayer", "sl_api_key", "sl-api-key"], token: #"[A-Za-z0-9]{64}"#)),
        // Cloudant service credentials: a 64-hex legacy password or a 44-character IAM API key.
        context(
            ContextSpec(
                id: "cloudant-credential", description: "IBM Cloudant password or IAM API key", keywords: ["cloudant"],
                token: #"[a-f0-9]{64}|[A-Za-z0-9_-]{44}"#)),
        // Cloudant legacy API keys: 24 lower-case letters (word-like names are refused).
        context(
            ContextSpec(
                id: "cloudant-legacy-api-key", description: "IBM Cloudant legacy API key", keywords: ["cloudant"],
                token: #"[a-z]{24}"#, singleClassAllowed: true)),
        // Azure Storage (and Cosmos DB) account keys: 64 random bytes in base64, so 86
        // characters and `==`, here named by the service rather than `AccountKey=`.
        context(
            ContextSpec(
                id: "azure-storage-key", description: "Azure Storage or Cosmos DB account key (near an Azure or storage name)",
                keywords: ["azure", "storage_key", "storagekey", "storage-key", "storage_account", "storageaccount", "cosmos"],
                token: #"[A-Za-z0-9+/]{86}=="#)),
        // Cloudflare's three key types, told apart by shape: an API token is 40 base64url
        // characters, a global API key 37 lower-case hex, an origin CA key starts `v1.0-`
        // (its own rule). Exact lengths and the boundaries keep one from matching another.
        context(
            ContextSpec(
                id: "cloudflare-api-token", description: "Cloudflare API token",
                keywords: ["cloudflare", "cf_api", "cf-api", "cf_token"], token: #"[A-Za-z0-9_-]{40}"#, rejectsHex: true)),
        context(
            ContextSpec(
                id: "cloudflare-global-api-key", description: "Cloudflare global API key",
                keywords: ["cloudflare", "cf_api", "cf-api", "cf_key", "x-auth-key"], token: #"[a-f0-9]{37}"#)),
        context(
            ContextSpec(
                id: "heroku-api-key-legacy", description: "Heroku API key (legacy UUID form)", keywords: ["heroku"],
                token: uuidToken, hint: credentialHint)),
    ]
}
