@testable import HushKit

// Unit samples of the messaging rules (fake values from `Fake`, never real credentials).
extension RuleCases {
    static let messaging: [RuleCase] = [
        RuleCase(
            "slack-bot-token", hits: ["SLACK_BOT_TOKEN=xoxb-\(F.s(F.digits, 12))-\(F.s(F.digits, 13))-\(F.s(F.alnum, 24))"],
            misses: [
                "xoxb-not-a-real-token-this-will-not-work", "xoxb-\(F.s(F.digits, 12))-\(F.s(F.alnum, 24))",
                "xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX",
            ]),
        RuleCase(
            "slack-user-token", hits: ["token: xoxp-\(F.s(F.digits, 11))-\(F.s(F.digits, 11))-\(F.s(F.digits, 13))-\(F.s(F.hex, 32))"],
            misses: ["xoxp-\(F.s(F.digits, 11))-\(F.s(F.hex, 32))", "xoxp-your-user-token"]),
        RuleCase(
            "slack-app-token", hits: ["SLACK_APP_TOKEN=xapp-1-A\(F.s(F.upperAlnum, 10))-\(F.s(F.digits, 13))-\(F.s(F.hex, 64))"],
            misses: ["xapp-1-\(F.s(F.upperAlnum, 10))", "xapp-1-XXXXXXXXXXX-XXXXXXXXXXXXX-xxxx"]),
        RuleCase(
            "slack-refresh-token", hits: ["refresh_token: xoxe-1-\(F.s(F.alnum, 146))"], misses: ["xoxe-1-\(F.s(F.alnum, 40))", "xoxe-1-"]),
        RuleCase(
            "slack-legacy-token", hits: ["token=xoxa-2-\(F.s(F.digits, 12))-\(F.s(F.alnum, 32))"], misses: ["xoxa-\(F.s(F.alnum, 10))", "xoxs-token-here"]),
        RuleCase(
            "slack-webhook-url",
            hits: ["SLACK_WEBHOOK=https://hooks.slack.com/services/T\(F.s(F.upperAlnum, 10))/B\(F.s(F.upperAlnum, 10))/\(F.s(F.alnum, 24))"],
            misses: ["https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "https://hooks.slack.com/services/"]),
        RuleCase(
            "discord-bot-token", hits: ["DISCORD_BOT_TOKEN=MT\(F.s(F.base64url, 24)).\(F.s(F.base64url, 6)).\(F.s(F.base64url, 38))"],
            misses: ["DISCORD_BOT_TOKEN=your-bot-token", "discord.py version 2.3.2"]),
        RuleCase(
            "discord-webhook-url", hits: ["url: https://discord.com/api/webhooks/\(F.s(F.digits, 19))/\(F.s(F.base64url, 68))"],
            misses: ["https://discord.com/api/webhooks/123/abc", "https://discord.com/developers/docs"]),
        RuleCase(
            "telegram-bot-token", hits: ["TELEGRAM_BOT_TOKEN=\(F.s(F.digits, 10)):AA\(F.s(F.base64url, 33))"],
            misses: ["12:AA\(F.s(F.base64url, 33))", "\(F.s(F.digits, 10)):AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "time 10:AA"]),
        RuleCase(
            "teams-webhook-url",
            hits: ["https://contoso.webhook.office.com/webhookb2/\(F.uuid())@\(F.uuid())/IncomingWebhook/\(F.s(F.hex, 32))/\(F.uuid())"],
            misses: ["https://contoso.webhook.office.com/webhookb2/", "https://outlook.office.com/webhook/"]),
        RuleCase(
            "twilio-api-key", hits: ["TWILIO_API_KEY=SK\(F.s(F.hex, 32))"],
            misses: ["SK\(F.s(F.hex, 20))", "SKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "TASK\(F.s(F.hex, 32))"]),
        RuleCase(
            "twilio-auth-token", hits: ["TWILIO_AUTH_TOKEN=\(F.s(F.hex, 32))"],
            misses: ["TWILIO_AUTH_TOKEN=\(F.s(F.hex, 16))", "TWILIO_ACCOUNT_SID=AC\(F.s(F.hex, 32))"]),
        RuleCase(
            "sendgrid-api-key", hits: ["SENDGRID_API_KEY=SG.\(F.s(F.base64url, 22)).\(F.s(F.base64url, 43))"],
            misses: ["SG.\(F.s(F.base64url, 10)).\(F.s(F.base64url, 10))", "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "mailgun-api-key", hits: ["MAILGUN_API_KEY=key-\(F.s(F.hex, 32))"], misses: ["key-\(F.s(F.hex, 16))", "api-key-\(F.s(F.alnum, 32))"]),
        RuleCase(
            "mailgun-signing-key", hits: ["MAILGUN_API_KEY=\(F.s(F.hex, 32))-\(F.s(F.hex, 8))-\(F.s(F.hex, 8))"],
            misses: ["MAILGUN_DOMAIN=mg.example.org", "MAILGUN_API_KEY=\(F.s(F.hex, 32))"]),
        RuleCase(
            "mailchimp-api-key", hits: ["MAILCHIMP_API_KEY=\(F.s(F.hex, 32))-us14"], misses: ["\(F.s(F.hex, 16))-us14", "en-us"]),
        RuleCase(
            "mandrill-api-key", hits: ["MANDRILL_API_KEY=md-\(F.s(F.base64url, 22))"],
            misses: ["MANDRILL_API_KEY=md-short", "class=\"col-md-offset-3-something-long\""]),
        RuleCase(
            "postmark-server-token", hits: ["POSTMARK_SERVER_TOKEN=\(F.uuid())"],
            misses: ["POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST", "POSTMARK_FROM=ops@example.org"]),
        RuleCase(
            "mailjet-secret-key", hits: ["MAILJET_SECRET_KEY=\(F.s(F.hex, 32))"], misses: ["MAILJET_SECRET_KEY=\(F.s(F.hex, 16))", "mailjet_version: v3.1"]),
        RuleCase(
            "brevo-api-key", hits: ["BREVO_API_KEY=xkeysib-\(F.s(F.hex, 64))-\(F.s(F.alnum, 16))"], misses: ["xkeysib-\(F.s(F.hex, 20))", "xkeysib-your-key"]),
        RuleCase(
            "sparkpost-api-key", hits: ["SPARKPOST_API_KEY=\(F.s(F.hex, 40))"],
            misses: ["SPARKPOST_API_KEY=\(F.s(F.hex, 20))", "sparkpost_host: api.eu.sparkpost.com"]),
        RuleCase(
            "mailersend-api-token", hits: ["MAILERSEND_API_TOKEN=mlsn.\(F.s(F.hex, 64))"],
            misses: ["MAILERSEND_API_TOKEN=mlsn.\(F.s(F.hex, 10))", "mlsn.example"]),
        RuleCase(
            "vonage-api-secret", hits: ["VONAGE_API_SECRET=\(F.s(F.alnum, 16))"],
            misses: ["VONAGE_API_SECRET=\(F.s(F.alnum, 8))", "NEXMO_API_SECRET=your_api_secret"]),
        RuleCase(
            "messagebird-api-key", hits: ["MESSAGEBIRD_ACCESS_KEY=\(F.s(F.alnum, 25))"],
            misses: ["MESSAGEBIRD_ACCESS_KEY=test_\(F.s(F.alnum, 5))", "messagebird_originator: Acme"]),
        RuleCase(
            "pusher-secret", hits: ["PUSHER_APP_SECRET=\(F.s(F.hex, 20))"], misses: ["PUSHER_APP_SECRET=\(F.s(F.hex, 10))", "PUSHER_APP_KEY=\(F.s(F.hex, 20))"]),
        RuleCase(
            "twitch-oauth-token", hits: ["TWITCH_OAUTH_TOKEN=oauth:\(F.s(F.lowerAlnum, 30))"], misses: ["TWITCH_OAUTH_TOKEN=oauth:", "twitch_channel: acme"]),
        RuleCase(
            "line-channel-secret", hits: ["LINE_CHANNEL_ACCESS_TOKEN=\(F.s(F.base64, 172))="],
            misses: ["LINE_CHANNEL_SECRET=\(F.s(F.hex, 16))", "line_channel_id: 1234567890"]),
        RuleCase(
            "zendesk-api-token", hits: ["ZENDESK_API_TOKEN=\(F.s(F.alnum, 40))"], misses: ["ZENDESK_API_TOKEN=\(F.s(F.alnum, 20))", "zendesk_subdomain: acme"]),
        RuleCase(
            "intercom-access-token", hits: ["INTERCOM_ACCESS_TOKEN=dG9rOj\(F.s(F.base64, 54))="],
            misses: ["INTERCOM_ACCESS_TOKEN=dG9rOj", "INTERCOM_APP_ID=\(F.s(F.lowerAlnum, 8))"]),
        RuleCase(
            "zapier-webhook-url", hits: ["ZAPIER_HOOK=https://hooks.zapier.com/hooks/catch/\(F.s(F.digits, 7))/\(F.s(F.lowerAlnum, 7))"],
            misses: ["https://hooks.zapier.com/hooks/catch/", "https://zapier.com/apps"]),
        RuleCase(
            "mattermost-webhook-url", hits: ["url: https://chat.example.org/hooks/\(F.s(F.lowerAlnum, 26))"],
            misses: ["https://chat.example.org/hooks/", "https://chat.example.org/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx"]),
    ]
}
