// Productivity, content, social and other SaaS APIs.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let saas: [ScanRule] = [
        token(
            "linear-api-key", "Linear API key", keywords: ["lin_api_", "lin_oauth_"],
            start + #"(?<secret>lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})(?![A-Za-z0-9])"#),
        token(
            "notion-integration-token", "Notion integration token", keywords: ["ntn_", "secret_"],
            start + #"(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{32,36}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9])"#),
        token(
            "airtable-pat", "Airtable personal access token", keywords: ["pat"],
            start + #"(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![A-Za-z0-9])"#),
        named(
            "airtable-api-key", "Airtable API key (legacy)", keywords: ["airtable"],
            name: #"airtable[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"key[A-Za-z0-9]{14}"#),
        token(
            "figma-token", "Figma personal access token", keywords: ["figd_", "figu_"],
            start + #"(?<secret>fig[du]_[A-Za-z0-9_-]{40,})"# + end),
        named(
            "asana-token", "Asana personal access token", keywords: ["asana"],
            name: #"asana[A-Za-z_.-]{0,24}(?:token|pat|key)"#, value: #"[0-9]/[0-9]{10,20}(?:/[0-9]{10,20})?:[A-Za-z0-9]{32}"#),
        token(
            "hubspot-private-app-token", "HubSpot private app access token", keywords: ["pat-na1-", "pat-eu1-", "pat-na2-", "pat-ap1-"],
            start + #"(?<secret>pat-(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"# + end),
        token(
            "clickup-api-token", "ClickUp personal API token", keywords: ["pk_"],
            start + #"(?<secret>pk_[0-9]{6,10}_[A-Z0-9]{32})(?![A-Za-z0-9])"#),
        named(
            "trello-api-token", "Trello API token", keywords: ["trello"],
            name: #"trello[A-Za-z_.-]{0,24}(?:token|secret)"#, value: #"(?:ATTA)?[a-f0-9]{64}"#),
        named(
            "todoist-api-token", "Todoist API token", keywords: ["todoist"],
            name: #"todoist[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[a-f0-9]{40}"#),
        named(
            "monday-api-token", "monday.com API token", keywords: ["monday"],
            name: #"monday[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"eyJ[A-Za-z0-9_-]{20,}\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}"#),
        named(
            "pipedrive-api-token", "Pipedrive API token", keywords: ["pipedrive"],
            name: #"pipedrive[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[a-f0-9]{40}"#),
        token(
            "salesforce-access-token", "Salesforce access token (session id)", keywords: ["00d"],
            start + #"(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9_.]{90,110})"#),
        token(
            "typeform-token", "Typeform personal access token", keywords: ["tfp_"],
            start + #"(?<secret>tfp_[A-Za-z0-9_.=-]{40,70})"# + end),
        token(
            "contentful-token", "Contentful personal access token", keywords: ["cfpat-"],
            start + #"(?<secret>CFPAT-[A-Za-z0-9_-]{43})"# + end),
        token(
            "readme-api-key", "ReadMe API key", keywords: ["rdme_"],
            start + #"(?<secret>rdme_[a-z0-9]{70})(?![A-Za-z0-9])"#),
        token(
            "adafruit-io-key", "Adafruit IO key", keywords: ["aio_"],
            start + #"(?<secret>aio_[A-Za-z]{4}[0-9]{2}[A-Za-z0-9]{22})(?![A-Za-z0-9])"#),
        token(
            "frameio-token", "Frame.io developer token", keywords: ["fio-u-"],
            start + #"(?<secret>fio-u-[A-Za-z0-9_=-]{64})"# + end),
        token(
            "mapbox-secret-token", "Mapbox secret access token", keywords: ["sk.eyj"],
            start + #"(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})"# + end),
        named(
            "algolia-admin-key", "Algolia admin (write) API key", keywords: ["algolia"],
            name: #"algolia[A-Za-z_.-]{0,24}(?:admin|write|secret|api)[A-Za-z_.-]{0,12}key"#, value: #"[a-f0-9]{32}"#),
        named(
            "fastly-api-token", "Fastly API token", keywords: ["fastly"],
            name: #"fastly[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[A-Za-z0-9_-]{32}"#),
        token(
            "segment-token", "Segment public API token", keywords: ["sgp_"],
            start + #"(?<secret>sgp_[A-Za-z0-9]{64})(?![A-Za-z0-9])"#),
        named(
            "segment-write-key", "Segment source write key", keywords: ["segment"],
            name: #"segment[A-Za-z_.-]{0,24}(?:write[_-]?key|secret)"#, value: #"[A-Za-z0-9]{32}"#),
        token(
            "cloudinary-url", "Cloudinary URL with API secret", keywords: ["cloudinary://"],
            #"cloudinary://[0-9]{10,16}:(?<secret>[A-Za-z0-9_-]{20,40})@[A-Za-z0-9_-]+"#),
        // Social and consumer platforms.
        token(
            "twitter-bearer-token", "X (Twitter) app bearer token", keywords: ["aaaaaaaaaaaaaaaaaaaaa"],
            start + #"(?<secret>A{21,22}[A-Za-z0-9%]{30,120})"# + end, ignoringRunsOf: "A"),
        token(
            "facebook-access-token", "Meta (Facebook) Graph API access token", keywords: ["eaa"],
            start + #"(?<secret>EAA[B-Z][A-Za-z0-9]{90,400})(?![A-Za-z0-9])"#),
        named(
            "facebook-app-secret", "Meta (Facebook) app secret", keywords: ["facebook", "fb_app_secret", "fb_secret"],
            name: #"(?:facebook|fb)[A-Za-z_.-]{0,24}secret"#, value: #"[a-f0-9]{32}"#),
        token(
            "instagram-access-token", "Instagram access token", keywords: ["igqv", "igaa"],
            start + #"(?<secret>IG(?:QV|AA)[A-Za-z0-9_-]{100,300})"# + end),
        named(
            "spotify-client-secret", "Spotify client secret", keywords: ["spotify"],
            name: #"spotify[A-Za-z_.-]{0,24}secret"#, value: #"[a-f0-9]{32}"#),
        token(
            "dropbox-token", "Dropbox access token (long-lived or short-lived)", keywords: ["aaaaaaaaaa", "sl."],
            start + #"(?<secret>[a-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_-]{43}|sl\.[A-Za-z0-9_=-]{130,})"# + end, ignoringRunsOf: "A"),
        named(
            "zoom-client-secret", "Zoom app client secret", keywords: ["zoom"],
            name: #"zoom[A-Za-z_.-]{0,24}secret"#, value: #"[A-Za-z0-9]{32}"#),
        named(
            "webflow-api-token", "Webflow API token", keywords: ["webflow"],
            name: #"webflow[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[a-f0-9]{64}"#),
        named(
            "sanity-api-token", "Sanity API token", keywords: ["sanity"],
            name: #"sanity[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"sk[A-Za-z0-9]{70,90}"#),
        named(
            "bitly-access-token", "Bitly access token", keywords: ["bitly"],
            name: #"bitly[A-Za-z_.-]{0,24}(?:token|key)"#, value: #"[a-f0-9]{40}"#),
    ]
}
