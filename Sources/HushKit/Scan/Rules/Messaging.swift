// Messaging, e-mail and chat: Slack, Discord, Telegram, Teams, Twilio, SendGrid, Mailgun, …
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let messaging: [ScanRule] = [
        // Slack: xoxb- bot, xoxp- user, xoxa-/xoxr- (legacy workspace app), xoxe- refresh and
        // rotating tokens, xapp- app-level tokens, xoxc-/xoxd- browser session tokens.
        token(
            "slack-bot-token", "Slack bot token", keywords: ["xoxb-"],
            start + #"(?<secret>xoxb-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{24,34})"# + end),
        token(
            "slack-user-token", "Slack user token", keywords: ["xoxp-"],
            start + #"(?<secret>(?:xoxe\.)?xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-fA-F0-9]{32})"# + end),
        token(
            "slack-app-token", "Slack app-level token", keywords: ["xapp-"],
            start + #"(?<secret>xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-fA-F0-9]{64})"# + end),
        token(
            "slack-refresh-token", "Slack refresh or configuration token", keywords: ["xoxe-", "xoxe.xox"],
            start + #"(?<secret>xoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{140,})"#),
        token(
            "slack-legacy-token", "Slack legacy workspace, session or browser token",
            keywords: ["xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxc-", "xoxd-"],
            start + #"(?<secret>xox[arsocd]-(?:[0-9]{1,14}-){0,4}[A-Za-z0-9%-]{24,})"#),
        token(
            "slack-webhook-url", "Slack incoming webhook or workflow URL", keywords: ["hooks.slack.com"],
            #"(?<![A-Za-z0-9.])(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/(?<secret>T[A-Z0-9]{8,12}/[A-Z0-9]{8,14}/(?:[0-9]{8,20}/)?[A-Za-z0-9]{20,48}|[A-Za-z0-9+/]{43,60})(?![A-Za-z0-9+/])"#
        ),
        ScanRule(
            id: "discord-bot-token", description: "Discord bot token", keywords: ["discord", "bot_token", "bot-token"],
            pattern: #"(?<![A-Za-z0-9_.-])(?<secret>[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})"# + end,
            validate: { SecretHeuristics.isPlausibleToken($0) }),
        token(
            "discord-webhook-url", "Discord webhook URL", keywords: ["discord"],
            #"https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/(?<secret>[0-9]{17,20}/[A-Za-z0-9_-]{60,68})"#),
        token(
            "telegram-bot-token", "Telegram bot token", keywords: [":aa"],
            #"(?<![A-Za-z0-9_:])(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{33})"# + end),
        token(
            "teams-webhook-url", "Microsoft Teams incoming webhook URL", keywords: ["webhook.office.com"],
            #"https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/(?<secret>[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]+)?)"#
        ),
        token(
            "twilio-api-key", "Twilio API key SID", keywords: ["sk"],
            #"(?<![A-Za-z0-9])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9])"#),
        named(
            "twilio-auth-token", "Twilio auth token or API key secret", keywords: ["twilio"],
            name: #"twilio[A-Za-z_.-]{0,24}(?:token|secret)"#, value: #"[a-f0-9]{32}|[A-Za-z0-9]{32}"#),
        token(
            "sendgrid-api-key", "SendGrid API key", keywords: ["sg."],
            start + #"(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})"# + end),
        token(
            "mailgun-api-key", "Mailgun private API key", keywords: ["key-"],
            start + #"(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9])"#),
        named(
            "mailgun-signing-key", "Mailgun API or webhook signing key (newer form)", keywords: ["mailgun"],
            name: #"mailgun[A-Za-z_.-]{0,24}(?:key|secret)"#, value: #"[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}"#),
        token(
            "mailchimp-api-key", "Mailchimp API key", keywords: ["-us"],
            start + #"(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9])"#),
        named(
            "mandrill-api-key", "Mailchimp Transactional (Mandrill) API key", keywords: ["mandrill"],
            name: #"mandrill[A-Za-z_.-]{0,24}(?:key|token|password)"#, value: #"md-[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{22}"#),
        named(
            "postmark-server-token", "Postmark server or account token", keywords: ["postmark"],
            name: #"postmark[A-Za-z_.-]{0,24}(?:token|key)"#,
            value: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#),
        named(
            "mailjet-secret-key", "Mailjet API secret key", keywords: ["mailjet", "mj_apikey"],
            name: #"mailjet[A-Za-z_.-]{0,24}(?:secret|key)|mj_apikey_private"#, value: #"[a-f0-9]{32}"#),
        token(
            "brevo-api-key", "Brevo (Sendinblue) API or SMTP key", keywords: ["xkeysib-", "xsmtpsib-"],
            start + #"(?<secret>x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})"# + end),
        named(
            "sparkpost-api-key", "SparkPost API key", keywords: ["sparkpost"],
            name: #"sparkpost[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"[a-f0-9]{40}"#),
        named(
            "mailersend-api-token", "MailerSend API token", keywords: ["mlsn."],
            name: #"mailersend[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"mlsn\.[a-f0-9]{64}"#),
        named(
            "vonage-api-secret", "Vonage (Nexmo) API secret", keywords: ["vonage", "nexmo"],
            name: #"(?:vonage|nexmo)[A-Za-z_.-]{0,24}secret"#, value: #"[A-Za-z0-9]{16}"#),
        named(
            "pusher-secret", "Pusher Channels app secret", keywords: ["pusher"],
            name: #"pusher[A-Za-z_.-]{0,24}secret"#, value: #"[a-f0-9]{20}"#),
        named(
            "twitch-oauth-token", "Twitch OAuth token or client secret", keywords: ["twitch"],
            name: #"twitch[A-Za-z_.-]{0,24}(?:token|secret)"#, value: #"(?:oauth:)?[a-z0-9]{30}"#),
        named(
            "line-channel-secret", "LINE channel access token or secret", keywords: ["line_channel", "line-channel"],
            name: #"line[_-]channel[_-]?(?:access[_-]?token|secret)"#, value: #"[A-Za-z0-9+/=]{32,200}"#),
        named(
            "zendesk-api-token", "Zendesk API token", keywords: ["zendesk"],
            name: #"zendesk[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[A-Za-z0-9]{40}"#),
        named(
            "intercom-access-token", "Intercom access token", keywords: ["intercom"],
            name: #"intercom[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"dG9rOj[A-Za-z0-9+/=_-]{40,70}"#),
        token(
            "zapier-webhook-url", "Zapier catch-hook URL", keywords: ["hooks.zapier.com"],
            #"https://hooks\.zapier\.com/hooks/catch/(?<secret>[0-9]{5,10}/[a-z0-9]{6,8})"#),
        token(
            "mattermost-webhook-url", "Mattermost or Rocket.Chat incoming webhook URL", keywords: ["/hooks/"],
            #"https://[A-Za-z0-9.-]+/hooks/(?<secret>[a-z0-9]{26})(?![A-Za-z0-9])"#),
    ]
}
