// Cloud providers: AWS, Google Cloud, Azure and the other infrastructure clouds.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let cloud: [ScanRule] = [
        // AWS: access key ids are 20 characters, a 4-letter type prefix then base32 (A-Z2-7);
        // AKIA long-term, ASIA temporary (STS), ABIA/ACCA service-specific.
        token(
            "aws-access-key-id", "AWS access key ID", keywords: ["akia", "asia", "abia", "acca"],
            start + #"(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])"#),
        // The secret access key: 40 base64 characters, recognised by its name.
        ScanRule(
            id: "aws-secret-access-key", description: "AWS secret access key",
            keywords: ["aws_secret", "secret_access_key", "secretaccesskey", "secret-access-key", "aws-secret", "awssecret"],
            pattern: assignment(
                name: #"aws[_.-]?secret(?:[_.-]?access)?(?:[_.-]?key)?|secret[_.-]?access[_.-]?key"#,
                value: #"[A-Za-z0-9/+]{40}"#) + end64,
            validate: { SecretHeuristics.isPlausibleToken($0) && SecretHeuristics.characterClassCount($0) >= 3 }),
        // STS session tokens are base64 of a binary blob that starts the same way every time.
        ScanRule(
            id: "aws-session-token", description: "AWS temporary session token",
            keywords: ["iqojb3jpz2lux2vj", "fwogzxivyxdz"],
            pattern: #"(?<secret>(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz)[A-Za-z0-9/+]{80,}={0,2})"#),
        token(
            "aws-bedrock-api-key", "Amazon Bedrock API key", keywords: ["absk"],
            start + #"(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,400}={0,2})"#),
        token(
            "amazon-mws-auth-token", "Amazon Marketplace Web Service auth token", keywords: ["amzn.mws."],
            #"(?<secret>amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"#),

        // Google Cloud and Google APIs.
        token(
            "gcp-api-key", "Google API key (Cloud, Maps, Firebase, Gemini)", keywords: ["aiza"],
            start + #"(?<secret>AIza[0-9A-Za-z_-]{35})"# + end),
        ScanRule(
            id: "gcp-service-account-key", description: "Google Cloud service account key file (private_key_id)",
            keywords: ["private_key_id"],
            pattern: #""private_key_id"[ \t]*:[ \t]*"(?<secret>[0-9a-f]{40})""#,
            validate: { SecretHeuristics.isPlausibleToken($0) }),
        token(
            "google-oauth-client-secret", "Google OAuth client secret", keywords: ["gocspx-"],
            start + #"(?<secret>GOCSPX-[A-Za-z0-9_-]{28})"# + end),
        token(
            "google-oauth-refresh-token", "Google OAuth refresh token", keywords: ["1//0"],
            #"(?<![A-Za-z0-9/])(?<secret>1//0[A-Za-z0-9_-]{40,})"#),
        token(
            "google-oauth-access-token", "Google OAuth access token", keywords: ["ya29."],
            start + #"(?<secret>ya29\.[A-Za-z0-9_-]{40,})"#),
        token(
            "firebase-cloud-messaging-server-key", "Firebase Cloud Messaging legacy server key", keywords: ["apa91b"],
            start + #"(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,})"#),

        // Azure.
        token(
            "azure-storage-account-key", "Azure storage account key (AccountKey=)", keywords: ["accountkey", "account_key"],
            #"(?i:account[_-]?key)["']?[ \t]*[=:][ \t]*["']?(?<secret>[A-Za-z0-9+/]{86}==)"#),
        ScanRule(
            id: "azure-shared-access-key", description: "Azure Service Bus, Event Hubs, IoT Hub or Relay shared access key",
            keywords: ["sharedaccesskey"],
            pattern: #"(?i:SharedAccessKey)[ \t]*=[ \t]*(?<secret>[A-Za-z0-9+/]{43}=)"#,
            validate: { SecretHeuristics.isPlausibleToken($0) }),
        token(
            "azure-sas-token", "Azure shared access signature (sig= in a SAS URL)", keywords: ["sig="],
            #"[?&;=]sv=[0-9]{4}-[0-9]{2}-[0-9]{2}[^\s"'<>]{0,300}?[?&;]sig=(?<secret>(?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:%3[Dd]|=))"#),
        token(
            "azure-ad-client-secret", "Microsoft Entra ID (Azure AD) application client secret", keywords: ["q~"],
            start + #"(?<secret>[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})"# + #"(?![A-Za-z0-9_~.-])"#),
        // Common annotated security keys (newer Azure AI, DevOps, Web PubSub, … keys): 52
        // random characters, the fixed signature JQQJ9, then a version and provider tag.
        token(
            "azure-annotated-key", "Azure common annotated security key (Cognitive Services, DevOps, …)",
            keywords: ["jqqj9"],
            start + #"(?<secret>[A-Za-z0-9]{52}JQQJ9[0-9A-Za-z][A-Za-z0-9]{24,28})(?![A-Za-z0-9])"#),
        named(
            "azure-devops-pat", "Azure DevOps personal access token (legacy 52-character form)",
            keywords: ["azure_devops", "azure-devops", "azuredevops", "ado_pat", "ado_token", "azdo"],
            name: #"azure[_-]?devops|ado[_-]?(?:pat|token)|azdo"#, value: #"[a-z2-7]{52}"#),
        named(
            "azure-openai-key", "Azure OpenAI API key (legacy 32-hex form)",
            keywords: ["azure_openai", "azure-openai", "azureopenai"],
            name: #"azure[_-]?openai[_-]?(?:api[_-]?)?key"#, value: #"[0-9a-f]{32}"#),

        // Other clouds.
        token(
            "digitalocean-token", "DigitalOcean personal access, OAuth or refresh token",
            keywords: ["dop_v1_", "doo_v1_", "dor_v1_"],
            start + #"(?<secret>do[opr]_v1_[a-f0-9]{64})"# + end),
        token(
            "alibaba-access-key-id", "Alibaba Cloud AccessKey ID", keywords: ["ltai"],
            start + #"(?<secret>LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])"#),
        named(
            "alibaba-access-key-secret", "Alibaba Cloud AccessKey secret",
            keywords: ["alibaba", "aliyun", "alicloud"],
            name: #"(?:alibaba|aliyun|alicloud)[A-Za-z_.-]{0,20}secret"#, value: #"[A-Za-z0-9]{30}"#),
        token(
            "tencent-cloud-secret-id", "Tencent Cloud SecretId", keywords: ["akid"],
            start + #"(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])"#),
        token(
            "yandex-cloud-api-key", "Yandex Cloud API key", keywords: ["aqvn"],
            start + #"(?<secret>AQVN[A-Za-z0-9_-]{35,38})"# + end),
        token(
            "yandex-cloud-iam-token", "Yandex Cloud IAM token", keywords: ["t1."],
            start + #"(?<secret>t1\.[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]{86}={0,2})"#),
        token(
            "scaleway-access-key", "Scaleway access key", keywords: ["scw"],
            start + #"(?<secret>SCW[A-Z0-9]{17})(?![A-Za-z0-9])"#),
        named(
            "scaleway-secret-key", "Scaleway secret key", keywords: ["scw_secret", "scaleway"],
            name: #"scw_secret_key|scaleway[A-Za-z_.-]{0,20}secret"#,
            value: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#),
        named(
            "linode-token", "Linode (Akamai) personal access token", keywords: ["linode"],
            name: #"linode[A-Za-z_.-]{0,20}(?:token|key)"#, value: #"[a-f0-9]{64}"#),
        named(
            "hetzner-cloud-token", "Hetzner Cloud API token", keywords: ["hcloud", "hetzner"],
            name: #"hcloud[_-]?token|hetzner[A-Za-z_.-]{0,20}(?:token|key)"#, value: #"[A-Za-z0-9]{64}"#),
        named(
            "vultr-api-key", "Vultr API key", keywords: ["vultr"],
            name: #"vultr[A-Za-z_.-]{0,20}(?:key|token)"#, value: #"[A-Z0-9]{36}"#),
        token(
            "cloudflare-origin-ca-key", "Cloudflare Origin CA key", keywords: ["v1.0-"],
            start + #"(?<secret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})"# + end),
        token(
            "heroku-api-key", "Heroku API key (HRKU- form)", keywords: ["hrku-"],
            start + #"(?<secret>HRKU-[A-Za-z0-9_-]{60})"# + end),
        token(
            "flyio-token", "Fly.io access token", keywords: ["fo1_", "fm1", "fm2"],
            start + #"(?<secret>(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/_=-]{100,}))"#),
        named(
            "vercel-token", "Vercel access token", keywords: ["vercel"],
            name: #"vercel[A-Za-z_.-]{0,20}(?:token|key)"#, value: #"[A-Za-z0-9]{24}"#),
        token(
            "netlify-token", "Netlify personal access token", keywords: ["nfp_"],
            start + #"(?<secret>nfp_[A-Za-z0-9]{36})"# + end),
        token(
            "render-api-key", "Render API key", keywords: ["rnd_"],
            start + #"(?<secret>rnd_[A-Za-z0-9]{32})"# + end),
        token(
            "supabase-token", "Supabase personal access token or secret key", keywords: ["sbp_", "sb_secret_"],
            start + #"(?<secret>sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,})"# + end),
        token(
            "planetscale-token", "PlanetScale service token, OAuth token or database password",
            keywords: ["pscale_"],
            start + #"(?<secret>pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_.=-]{32,64})"# + end),
        token(
            "neon-api-key", "Neon API key", keywords: ["napi_"],
            start + #"(?<secret>napi_[a-z0-9]{64})"# + end),
        token(
            "databricks-token", "Databricks personal access token", keywords: ["dapi"],
            start + #"(?<secret>dapi[a-f0-9]{32}(?:-[0-9])?)"# + end),
    ]
}
