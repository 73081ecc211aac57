@testable import HushKit

// Unit samples of the SaaS and social rules (fake values from `Fake`, never real credentials).
extension RuleCases {
    static let saas: [RuleCase] = [
        RuleCase(
            "linear-api-key", hits: ["LINEAR_API_KEY=lin_api_\(F.s(F.alnum, 40))"],
            misses: ["lin_api_\(F.s(F.alnum, 10))", "lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "notion-integration-token", hits: ["NOTION_TOKEN=ntn_\(F.s(F.digits, 11))\(F.s(F.alnum, 35))", "NOTION_KEY=secret_\(F.s(F.alnum, 43))"],
            misses: ["secret_\(F.s(F.alnum, 20))", "secret_key_base_for_the_rails_application_xxxxxx"]),
        RuleCase(
            "airtable-pat", hits: ["AIRTABLE_TOKEN=pat\(F.s(F.alnum, 14)).\(F.s(F.hex, 64))"],
            misses: ["path.\(F.s(F.hex, 64))", "pat\(F.s(F.alnum, 14)).\(F.s(F.hex, 20))"]),
        RuleCase(
            "airtable-api-key", hits: ["AIRTABLE_API_KEY=key\(F.s(F.alnum, 14))"], misses: ["AIRTABLE_API_KEY=keyXXXXXXXXXXXXXX", "airtable_base: app123"]),
        RuleCase(
            "figma-token", hits: ["FIGMA_TOKEN=figd_\(F.s(F.base64url, 40))"],
            misses: ["figd_\(F.s(F.alnum, 10))", "figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "asana-token", hits: ["ASANA_TOKEN=2/\(F.s(F.digits, 16))/\(F.s(F.digits, 16)):\(F.s(F.alnum, 32))"],
            misses: ["ASANA_TOKEN=1/123:abc", "asana_workspace: 1234"]),
        RuleCase(
            "hubspot-private-app-token", hits: ["HUBSPOT_ACCESS_TOKEN=pat-na1-\(F.uuid())"],
            misses: ["pat-na1-\(F.s(F.hex, 8))", "pat-na1-00000000-0000-0000-0000-000000000000"]),
        RuleCase(
            "clickup-api-token", hits: ["CLICKUP_TOKEN=pk_\(F.s(F.digits, 8))_\(F.s(F.upperAlnum, 32))"],
            misses: ["pk_live_\(F.s(F.alnum, 24))", "pk_\(F.s(F.digits, 8))_\(F.s(F.upperAlnum, 10))"]),
        RuleCase(
            "trello-api-token", hits: ["TRELLO_TOKEN=ATTA\(F.s(F.hex, 64))"], misses: ["TRELLO_TOKEN=\(F.s(F.hex, 20))", "trello_board: abc"]),
        RuleCase(
            "todoist-api-token", hits: ["TODOIST_API_TOKEN=\(F.s(F.hex, 40))"], misses: ["TODOIST_API_TOKEN=\(F.s(F.hex, 10))", "todoist_project: inbox"]),
        RuleCase(
            "monday-api-token", hits: ["MONDAY_API_TOKEN=\(F.jwt())"], misses: ["MONDAY_API_TOKEN=eyJ", "monday_board: 123"]),
        RuleCase(
            "pipedrive-api-token", hits: ["PIPEDRIVE_API_TOKEN=\(F.s(F.hex, 40))"], misses: ["PIPEDRIVE_API_TOKEN=\(F.s(F.hex, 10))", "pipedrive_domain: acme"]),
        RuleCase(
            "salesforce-access-token", hits: ["SF_ACCESS_TOKEN=00D\(F.s(F.alnum, 15))!\(F.s(F.alnum + "._", 96))"],
            misses: ["00D\(F.s(F.alnum, 15))", "00D\(F.s(F.alnum, 15))!short"]),
        RuleCase(
            "typeform-token", hits: ["TYPEFORM_TOKEN=tfp_\(F.s(F.base64url, 44))_\(F.s(F.base64url, 14))"],
            misses: ["tfp_\(F.s(F.alnum, 10))", "tfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxx"]),
        RuleCase(
            "contentful-token", hits: ["CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-\(F.s(F.base64url, 43))"],
            misses: ["CFPAT-\(F.s(F.alnum, 10))", "CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "readme-api-key", hits: ["README_API_KEY=rdme_\(F.s(F.lowerAlnum, 70))"], misses: ["rdme_\(F.s(F.lowerAlnum, 20))", "rdme_xxxxxxxx"]),
        RuleCase(
            "adafruit-io-key", hits: ["ADAFRUIT_IO_KEY=aio_\(F.s(F.upper + F.lower, 4))\(F.s(F.digits, 2))\(F.s(F.alnum, 22))"],
            misses: ["aio_\(F.s(F.alnum, 10))", "aio_http_client_session"]),
        RuleCase(
            "frameio-token", hits: ["FRAMEIO_TOKEN=fio-u-\(F.s(F.base64url, 64))"],
            misses: ["fio-u-\(F.s(F.alnum, 10))", "fio-u-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "mapbox-secret-token", hits: ["MAPBOX_SECRET=sk.eyJ\(F.s(F.base64url, 60)).\(F.s(F.base64url, 22))"],
            misses: ["pk.eyJ\(F.s(F.base64url, 60)).\(F.s(F.base64url, 22))", "sk.eyJ"]),
        RuleCase(
            "algolia-admin-key", hits: ["ALGOLIA_ADMIN_API_KEY=\(F.s(F.hex, 32))"],
            misses: ["ALGOLIA_SEARCH_ONLY=\(F.s(F.hex, 32))", "ALGOLIA_ADMIN_API_KEY=\(F.s(F.hex, 10))"]),
        RuleCase(
            "fastly-api-token", hits: ["FASTLY_API_TOKEN=\(F.s(F.base64url, 32))"], misses: ["FASTLY_API_TOKEN=\(F.s(F.alnum, 10))", "fastly_service_id: abc"]),
        RuleCase(
            "segment-token", hits: ["SEGMENT_TOKEN=sgp_\(F.s(F.alnum, 64))"], misses: ["sgp_\(F.s(F.alnum, 20))", "sgp_xxxxxxxx"]),
        RuleCase(
            "segment-write-key", hits: ["SEGMENT_WRITE_KEY=\(F.s(F.alnum, 32))"], misses: ["SEGMENT_WRITE_KEY=\(F.s(F.alnum, 10))", "segment_source: web"]),
        RuleCase(
            "cloudinary-url", hits: ["CLOUDINARY_URL=cloudinary://\(F.s(F.digits, 15)):\(F.s(F.base64url, 27))@acme"],
            misses: ["cloudinary://<api_key>:<api_secret>@<cloud_name>", "cloudinary://123:abc@acme"]),
        RuleCase(
            "twitter-bearer-token", hits: ["TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA\(F.s(F.alnum, 25))%3D\(F.s(F.alnum, 50))"],
            misses: ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA\(F.s(F.alnum, 10))"]),
        RuleCase(
            "twitter-api-secret", hits: ["TWITTER_API_SECRET=\(F.s(F.alnum, 50))"], misses: ["TWITTER_API_SECRET=\(F.s(F.alnum, 20))", "twitter_handle: acme"]),
        RuleCase(
            "facebook-access-token", hits: ["FB_ACCESS_TOKEN=EAAB\(F.s(F.alnum, 180))"],
            misses: ["EAAB\(F.s(F.alnum, 40))", "EAAGxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "facebook-app-secret", hits: ["FACEBOOK_APP_SECRET=\(F.s(F.hex, 32))"],
            misses: ["FACEBOOK_APP_ID=\(F.s(F.digits, 15))", "FACEBOOK_APP_SECRET=\(F.s(F.hex, 12))"]),
        RuleCase(
            "instagram-access-token", hits: ["IG_TOKEN=IGQV\(F.s(F.base64url, 180))"], misses: ["IGQV\(F.s(F.alnum, 30))", "IGQVxxxxxxxx"]),
        RuleCase(
            "linkedin-client-secret", hits: ["LINKEDIN_CLIENT_SECRET=\(F.s(F.alnum, 16))"],
            misses: ["LINKEDIN_CLIENT_SECRET=\(F.s(F.alnum, 8))", "LINKEDIN_CLIENT_ID=\(F.s(F.alnum, 14))"]),
        RuleCase(
            "spotify-client-secret", hits: ["SPOTIFY_CLIENT_SECRET=\(F.s(F.hex, 32))"],
            misses: ["SPOTIFY_CLIENT_ID=\(F.s(F.hex, 32))", "SPOTIFY_CLIENT_SECRET=\(F.s(F.hex, 12))"]),
        RuleCase(
            "dropbox-token", hits: ["DROPBOX_TOKEN=\(F.s(F.lowerAlnum, 11))AAAAAAAAAA\(F.s(F.base64url, 43))", "sl.\(F.s(F.base64url, 140))"],
            misses: ["sl.\(F.s(F.alnum, 20))", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]),
        RuleCase(
            "zoom-client-secret", hits: ["ZOOM_CLIENT_SECRET=\(F.s(F.alnum, 32))"], misses: ["ZOOM_CLIENT_SECRET=\(F.s(F.alnum, 10))", "zoom_level: 12"]),
        RuleCase(
            "webflow-api-token", hits: ["WEBFLOW_API_TOKEN=\(F.s(F.hex, 64))"], misses: ["WEBFLOW_API_TOKEN=\(F.s(F.hex, 20))", "webflow_site: acme"]),
        RuleCase(
            "sanity-api-token", hits: ["SANITY_API_TOKEN=sk\(F.s(F.alnum, 80))"],
            misses: ["SANITY_API_TOKEN=sk\(F.s(F.alnum, 20))", "sanity_dataset: production"]),
        RuleCase(
            "bitly-access-token", hits: ["BITLY_ACCESS_TOKEN=\(F.s(F.hex, 40))"], misses: ["BITLY_ACCESS_TOKEN=\(F.s(F.hex, 10))", "bitly_group: abc"]),
    ]
}
