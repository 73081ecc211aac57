// Keyword-context rules (see `ContextSpec`) and newer prefixed formats for SaaS, messaging
// and payment providers whose keys carry no prefix of their own.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let saasContext: [ScanRule] = [
        // Adafruit IO keys before the aio_ prefix: 32 characters.
        context(
            ContextSpec(
                id: "adafruit-io-key-legacy", description: "Adafruit IO key (legacy 32-character form)", keywords: ["adafruit"],
                token: #"[A-Za-z0-9_-]{32}"#)),
        // Adobe Developer Console OAuth credentials: client secrets begin p8e-; client ids
        // (API keys) are 32 hex.
        token(
            "adobe-client-secret", "Adobe OAuth client secret", keywords: ["p8e-"],
            start + #"(?<secret>p8e-[A-Za-z0-9_-]{32})"# + end),
        context(
            ContextSpec(
                id: "adobe-client-id", description: "Adobe API key (OAuth client id)", keywords: ["adobe"],
                token: #"[a-f0-9]{32}"#, hint: #"key|client|secret|token|api"#)),
        context(
            ContextSpec(
                id: "asana-client-secret", description: "Asana OAuth client secret", keywords: ["asana"],
                token: #"[A-Za-z0-9]{32}"#, rejectsHex: true)),
        // Asana client ids are 16 digits, like every Asana object id: only under a name that
        // says key, token, secret, auth or pass.
        context(
            ContextSpec(
                id: "asana-client-id", description: "Asana client id under a credential name", keywords: ["asana"],
                token: #"[0-9]{16}"#, hint: credentialHint, digitsAllowed: true)),
        // Contentful delivery and preview API tokens: 43 base64url characters.
        context(
            ContextSpec(
                id: "contentful-delivery-token", description: "Contentful delivery or preview API token", keywords: ["contentful"],
                token: #"[A-Za-z0-9_=-]{43}"#)),
        // Dropbox apps: a 15-character key and secret; tokens of 64 characters.
        context(
            ContextSpec(
                id: "dropbox-app-secret", description: "Dropbox app key or secret", keywords: ["dropbox"],
                token: #"[a-z0-9]{15}"#)),
        context(
            ContextSpec(
                id: "dropbox-api-token", description: "Dropbox API token (64 characters, near a Dropbox name)", keywords: ["dropbox"],
                token: #"[A-Za-z0-9_-]{64}"#, rejectsHex: true)),
        context(
            ContextSpec(
                id: "etsy-api-key", description: "Etsy API key (keystring)", keywords: ["etsy"],
                token: #"[A-Za-z0-9]{24}"#, boundedKeyword: true)),
        context(
            ContextSpec(
                id: "finnhub-api-key", description: "Finnhub API key", keywords: ["finnhub"], token: #"[A-Za-z0-9]{20}"#)),
        // LinkedIn apps: a 12 to 14-character client id and a 16-character client secret.
        context(
            ContextSpec(
                id: "linkedin-client-secret", description: "LinkedIn client secret", keywords: ["linkedin"],
                token: #"[A-Za-z0-9]{16}"#, rejectsHex: true)),
        context(
            ContextSpec(
                id: "linkedin-client-id", description: "LinkedIn client id", keywords: ["linkedin"],
                token: #"[A-Za-z0-9]{12,14}"#, hint: #"client|app[_-]?id|api|key|token|secret|auth"#)),
        // X (Twitter): a 25-character API key, a 50-character API secret, a 45-character
        // access token secret, and access tokens of a user id, `-` and 20 to 40 characters.
        context(
            ContextSpec(
                id: "twitter-api-secret", description: "X (Twitter) API secret or access token secret",
                keywords: ["twitter", "consumer_secret"], token: #"[A-Za-z0-9]{50}|[A-Za-z0-9]{45}"#, rejectsHex: true)),
        context(
            ContextSpec(
                id: "twitter-api-key", description: "X (Twitter) API key (consumer key)", keywords: ["twitter"],
                token: #"[A-Za-z0-9]{25}"#, rejectsHex: true)),
        context(
            ContextSpec(
                id: "twitter-access-token", description: "X (Twitter) access token", keywords: ["twitter"],
                token: #"[0-9]{6,25}-[A-Za-z0-9]{20,40}"#)),
        // HubSpot API keys (hapikey, retired for private apps but still found) are UUIDs.
        context(
            ContextSpec(
                id: "hubspot-api-key-legacy", description: "HubSpot API key (legacy hapikey)", keywords: ["hubspot", "hapikey"],
                token: uuidToken, keywordPattern: #"hubspot[A-Za-z0-9_.-]{0,24}?(?:key|token|secret|auth)|hapikey"#)),
    ]

    static let messagingContext: [ScanRule] = [
        context(
            ContextSpec(
                id: "discord-client-secret", description: "Discord OAuth client secret", keywords: ["discord"],
                token: #"[A-Za-z0-9_=-]{32}"#, rejectsHex: true)),
        // Telegram bot tokens: the bot's numeric id, `:` and 35 characters (most, not all,
        // begin AA, which the prefixed rule needs).
        context(
            ContextSpec(
                id: "telegram-bot-token-context", description: "Telegram bot token (near a Telegram name)",
                keywords: ["telegram", "tg_bot", "tgbot"], token: #"[0-9]{5,16}:[A-Za-z0-9_-]{35}"#)),
        // Slack bot tokens of the first form: xoxb-, one number, 24 characters.
        token(
            "slack-legacy-bot-token", "Slack bot token (legacy two-part form)", keywords: ["xoxb-"],
            start + #"(?<secret>xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26})"# + end),
        // Mailgun keys near a Mailgun name: HTTP webhook signing keys (32 hex), private keys
        // (`key-` and 32 characters) and the newer signing keys (32-8-8).
        context(
            ContextSpec(
                id: "mailgun-webhook-signing-key", description: "Mailgun webhook signing key or private key (near a Mailgun name)",
                keywords: ["mailgun"], token: #"[a-z0-9]{32}-[a-z0-9]{8}-[a-z0-9]{8}|key-[A-Za-z0-9]{32}|[a-f0-9]{32}"#)),
        context(
            ContextSpec(
                id: "messagebird-api-key", description: "MessageBird (Bird) access key",
                keywords: ["messagebird", "message_bird", "message-bird"], token: #"[A-Za-z0-9]{25}"#, rejectsHex: true)),
    ]

    static let paymentsContext: [ScanRule] = [
        // Plaid: a 24-hex client id and 30-hex secrets.
        context(
            ContextSpec(id: "plaid-secret", description: "Plaid API secret", keywords: ["plaid"], token: #"[A-Za-z0-9]{30}"#)),
        context(
            ContextSpec(id: "plaid-client-id", description: "Plaid client id", keywords: ["plaid"], token: #"[A-Za-z0-9]{24}"#)),
        // Lob secret API keys: live_ or test_ and 35 hex (the live form also has its own rule).
        context(
            ContextSpec(
                id: "lob-api-key-context", description: "Lob live or test API key (near a Lob name)", keywords: ["lob"],
                token: #"(?:live|test)_[a-f0-9]{35}"#, boundedKeyword: true)),
    ]
}
