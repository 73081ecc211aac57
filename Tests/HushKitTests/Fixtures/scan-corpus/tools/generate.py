#!/usr/bin/env python3
"""Writes the labeled scan corpus: positives/ (fake credentials in realistic files, every one
labeled in corpus.json with file, line, rule and family) and the generated parts of
negatives/. Every value is drawn from a seeded random generator: none is a real credential.

Run from anywhere: python3 tools/generate.py (it writes next to its own folder).
"""
import base64, json, os, random, string, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rng = random.Random(20261123)

UP, LO, DI = string.ascii_uppercase, string.ascii_lowercase, string.digits
ALNUM, HEX, UHEX = UP + LO + DI, "0123456789abcdef", "0123456789ABCDEF"
B64, B64URL, B32 = ALNUM + "+/", ALNUM + "-_", UP + "234567"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def r(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid():
    h = r(HEX, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def b62(n, width=6):
    s = ""
    while True:
        s = (DI + UP + LO)[n % 62] + s
        n //= 62
        if n == 0:
            break
    return s.rjust(width, "0")


def checksummed(prefix):
    body = r(ALNUM, 30)
    return prefix + body + b62(zlib.crc32(body.encode()))


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def jwt():
    header = b64url(json.dumps({"alg": rng.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"sub": r(DI, 9), "iat": 1717000000 + rng.randrange(10**7), "scope": "api"}).encode())
    return f"{header}.{payload}.{r(B64URL, 43)}"


def bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def age_key():
    hrp = "age-secret-key-"
    data = [rng.randrange(32) for _ in range(52)]
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data
    polymod = bech32_polymod(values + [0] * 6) ^ 1
    check = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return ("AGE-SECRET-KEY-1" + "".join(BECH32[d] for d in data + check)).upper()


def pem(kind, lines=8):
    body = "\n".join(r(B64, 64) for _ in range(lines))
    first = {"RSA ": "MIIEowIBAAKCAQEA", "": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "EC ": "MHcCAQEEI", "ENCRYPTED ": "MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkq"}[kind]
    return f"-----BEGIN {kind}PRIVATE KEY-----\n{first}{r(B64, 48)}\n{body}\n-----END {kind}PRIVATE KEY-----"


# rule id -> (family, [(variable name, value generator)]). The variable name is what a
# project would call it; each sample is written in a rotating file syntax.
P = {}


def add(rule, family, name, gen, times=2):
    P.setdefault(rule, (family, []))[1].extend([(name, gen)] * times)


C, CH, PAY, MSG, AI, REG, DEV, SAAS, DB, WEB = "cloud", "code-hosts", "payments", "messaging", "ai", "registries", "devops", "saas", "databases", "web"
add("aws-access-key-id", C, "AWS_ACCESS_KEY_ID", lambda: "AKIA" + r(B32, 16), 3)
add("aws-access-key-id", C, "aws_access_key_id", lambda: "ASIA" + r(B32, 16), 1)
add("aws-secret-access-key", C, "AWS_SECRET_ACCESS_KEY", lambda: r(B64, 40), 3)
add("aws-session-token", C, "AWS_SESSION_TOKEN", lambda: "IQoJb3JpZ2luX2VjE" + r(B64, 320) + "==")
add("aws-bedrock-api-key", C, "AWS_BEARER_TOKEN_BEDROCK", lambda: "ABSKQmVkcm9ja0FQSUtleS" + r(B64, 110) + "=", 1)
add("amazon-mws-auth-token", C, "MWS_AUTH_TOKEN", lambda: "amzn.mws." + uuid(), 1)
add("gcp-api-key", C, "GOOGLE_MAPS_API_KEY", lambda: "AIza" + r(B64URL, 35), 3)
add("google-oauth-client-secret", C, "GOOGLE_CLIENT_SECRET", lambda: "GOCSPX-" + r(B64URL, 28))
add("google-oauth-refresh-token", C, "GOOGLE_REFRESH_TOKEN", lambda: "1//0" + r(B64URL, 100), 1)
add("google-oauth-access-token", C, "GOOGLE_ACCESS_TOKEN", lambda: "ya29." + r(B64URL, 160), 1)
add("firebase-cloud-messaging-server-key", C, "FCM_SERVER_KEY", lambda: "AAAA" + r(B64URL, 7) + ":APA91b" + r(B64URL, 134), 1)
add("azure-storage-account-key", C, "AZURE_STORAGE_CONNECTION_STRING", lambda: f"DefaultEndpointsProtocol=https;AccountName=acme{r(LO, 6)};AccountKey={r(B64, 86)}==;EndpointSuffix=core.windows.net")
add("azure-shared-access-key", C, "SERVICEBUS_CONNECTION", lambda: f"Endpoint=sb://orders-{r(LO, 5)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={r(B64, 43)}=")
add("azure-sas-token", C, "BLOB_SAS_URL", lambda: f"https://acme.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2031-01-01T00:00:00Z&spr=https&sig={r(ALNUM, 43)}%3D", 1)
add("azure-ad-client-secret", C, "AZURE_CLIENT_SECRET", lambda: r(ALNUM, 3) + rng.choice(DI) + "Q~" + r(B64URL + "~.", 34))
add("azure-annotated-key", C, "AZURE_OPENAI_API_KEY", lambda: r(ALNUM, 52) + "JQQJ99B" + r(UP, 1) + "AC" + r(ALNUM, 4) + "XJ3w3AAABACOG" + r(ALNUM, 4))
add("azure-devops-pat", C, "AZURE_DEVOPS_PAT", lambda: r(LO + "234567", 52), 1)
add("digitalocean-token", C, "DIGITALOCEAN_ACCESS_TOKEN", lambda: "dop_v1_" + r(HEX, 64))
add("alibaba-access-key-id", C, "ALIBABA_CLOUD_ACCESS_KEY_ID", lambda: "LTAI5t" + r(ALNUM, 18), 1)
add("alibaba-access-key-secret", C, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", lambda: r(ALNUM, 30), 1)
add("tencent-cloud-secret-id", C, "TENCENTCLOUD_SECRET_ID", lambda: "AKID" + r(ALNUM, 32), 1)
add("ibm-cloud-api-key", C, "IBM_CLOUD_API_KEY", lambda: r(B64URL, 44), 1)
add("yandex-cloud-api-key", C, "YC_API_KEY", lambda: "AQVN" + r(B64URL, 36), 1)
add("scaleway-access-key", C, "SCW_ACCESS_KEY", lambda: "SCW" + r(UP + DI, 17), 1)
add("scaleway-secret-key", C, "SCW_SECRET_KEY", uuid, 1)
add("linode-token", C, "LINODE_TOKEN", lambda: r(HEX, 64), 1)
add("hetzner-cloud-token", C, "HCLOUD_TOKEN", lambda: r(ALNUM, 64), 1)
add("cloudflare-api-token", C, "CLOUDFLARE_API_TOKEN", lambda: r(B64URL, 40))
add("cloudflare-origin-ca-key", C, "CF_ORIGIN_CA_KEY", lambda: "v1.0-" + r(HEX, 24) + "-" + r(HEX, 146), 1)
add("heroku-api-key", C, "HEROKU_API_KEY", lambda: "HRKU-" + r(B64URL, 60), 1)
add("heroku-api-key-legacy", C, "HEROKU_API_KEY", uuid, 1)
add("flyio-token", C, "FLY_API_TOKEN", lambda: "fo1_" + r(B64URL, 43), 1)
add("netlify-token", C, "NETLIFY_AUTH_TOKEN", lambda: "nfp_" + r(ALNUM, 36), 1)
add("supabase-token", C, "SUPABASE_ACCESS_TOKEN", lambda: "sbp_" + r(HEX, 40), 1)
add("planetscale-token", C, "PLANETSCALE_SERVICE_TOKEN", lambda: "pscale_tkn_" + r(B64URL, 43), 1)
add("databricks-token", C, "DATABRICKS_TOKEN", lambda: "dapi" + r(HEX, 32))
add("neon-api-key", C, "NEON_API_KEY", lambda: "napi_" + r(LO + DI, 64), 1)

add("github-classic-token", CH, "GITHUB_TOKEN", lambda: checksummed("ghp_"), 4)
add("github-oauth-token", CH, "GH_OAUTH_TOKEN", lambda: checksummed("gho_"))
add("github-user-to-server-token", CH, "GH_USER_TOKEN", lambda: checksummed("ghu_"), 1)
add("github-server-to-server-token", CH, "GH_APP_TOKEN", lambda: checksummed("ghs_"))
add("github-refresh-token", CH, "GH_REFRESH_TOKEN", lambda: checksummed("ghr_"), 1)
add("github-fine-grained-token", CH, "GH_PAT", lambda: "github_pat_11" + r(UP + DI, 20) + "_" + r(ALNUM, 59), 3)
add("gitlab-personal-access-token", CH, "GITLAB_TOKEN", lambda: "glpat-" + r(B64URL, 20), 3)
add("gitlab-deploy-token", CH, "CI_DEPLOY_TOKEN", lambda: "gldt-" + r(B64URL, 20))
add("gitlab-runner-token", CH, "RUNNER_TOKEN", lambda: "glrt-" + r(B64URL, 20))
add("gitlab-runner-registration-token", CH, "REGISTRATION_TOKEN", lambda: "GR1348941" + r(B64URL, 20), 1)
add("gitlab-pipeline-trigger-token", CH, "TRIGGER_TOKEN", lambda: "glptt-" + r(HEX, 40), 1)
add("gitlab-oauth-app-secret", CH, "GITLAB_APP_SECRET", lambda: "gloas-" + r(HEX, 64), 1)
add("gitlab-feed-token", CH, "GITLAB_FEED_TOKEN", lambda: "glft-" + r(B64URL, 20), 1)
add("atlassian-api-token", CH, "JIRA_API_TOKEN", lambda: "ATATT3xFfGF0" + r(B64URL, 170) + "=" + r(UHEX, 8))
add("bitbucket-app-password", CH, "BITBUCKET_APP_PASSWORD", lambda: "ATBB" + r(ALNUM, 32))

add("stripe-secret-key", PAY, "STRIPE_SECRET_KEY", lambda: "sk_live_" + r(ALNUM, 99), 3)
add("stripe-secret-key", PAY, "STRIPE_RESTRICTED_KEY", lambda: "rk_live_" + r(ALNUM, 24), 1)
add("stripe-webhook-secret", PAY, "STRIPE_WEBHOOK_SECRET", lambda: "whsec_" + r(ALNUM, 32))
add("square-access-token", PAY, "SQUARE_ACCESS_TOKEN", lambda: "EAAA" + r(B64URL, 60))
add("square-oauth-secret", PAY, "SQUARE_APPLICATION_SECRET", lambda: "sq0csp-" + r(B64URL, 43), 1)
add("braintree-access-token", PAY, "BRAINTREE_ACCESS_TOKEN", lambda: "access_token$production$" + r(LO + DI, 16) + "$" + r(HEX, 32), 1)
add("paypal-client-secret", PAY, "PAYPAL_CLIENT_SECRET", lambda: "E" + r(B64URL, 79), 1)
add("shopify-token", PAY, "SHOPIFY_ACCESS_TOKEN", lambda: "shpat_" + r(HEX, 32), 2)
add("shopify-token", PAY, "SHOPIFY_API_SECRET", lambda: "shpss_" + r(HEX, 32), 1)
add("razorpay-key-secret", PAY, "RAZORPAY_KEY_SECRET", lambda: r(ALNUM, 24), 1)
add("flutterwave-secret-key", PAY, "FLW_SECRET_KEY", lambda: "FLWSECK-" + r(HEX, 32) + "-X", 1)
add("plaid-access-token", PAY, "PLAID_ACCESS_TOKEN", lambda: "access-production-" + uuid(), 1)
add("mollie-api-key", PAY, "MOLLIE_API_KEY", lambda: "live_" + r(ALNUM, 30), 1)
add("shippo-api-token", PAY, "SHIPPO_API_TOKEN", lambda: "shippo_live_" + r(HEX, 40), 1)
add("easypost-api-key", PAY, "EASYPOST_API_KEY", lambda: "EZAK" + r(ALNUM, 54), 1)
add("woocommerce-api-key", PAY, "WC_CONSUMER_SECRET", lambda: "cs_" + r(HEX, 40), 1)

add("slack-bot-token", MSG, "SLACK_BOT_TOKEN", lambda: f"xoxb-{r(DI, 12)}-{r(DI, 13)}-{r(ALNUM, 24)}", 3)
add("slack-user-token", MSG, "SLACK_USER_TOKEN", lambda: f"xoxp-{r(DI, 11)}-{r(DI, 11)}-{r(DI, 13)}-{r(HEX, 32)}")
add("slack-app-token", MSG, "SLACK_APP_TOKEN", lambda: f"xapp-1-A{r(UP + DI, 10)}-{r(DI, 13)}-{r(HEX, 64)}", 1)
add("slack-webhook-url", MSG, "SLACK_WEBHOOK_URL", lambda: f"https://hooks.slack.com/services/T{r(UP + DI, 10)}/B{r(UP + DI, 10)}/{r(ALNUM, 24)}", 3)
add("discord-webhook-url", MSG, "DISCORD_WEBHOOK", lambda: f"https://discord.com/api/webhooks/{r(DI, 19)}/{r(B64URL, 68)}")
add("discord-bot-token", MSG, "DISCORD_BOT_TOKEN", lambda: "MT" + r(B64URL, 24) + "." + r(B64URL, 6) + "." + r(B64URL, 38))
add("telegram-bot-token", MSG, "TELEGRAM_BOT_TOKEN", lambda: r(DI, 10) + ":AA" + r(B64URL, 33), 3)
add("teams-webhook-url", MSG, "TEAMS_WEBHOOK_URL", lambda: f"https://acme.webhook.office.com/webhookb2/{uuid()}@{uuid()}/IncomingWebhook/{r(HEX, 32)}/{uuid()}", 1)
add("twilio-api-key", MSG, "TWILIO_API_KEY", lambda: "SK" + r(HEX, 32))
add("twilio-auth-token", MSG, "TWILIO_AUTH_TOKEN", lambda: r(HEX, 32))
add("sendgrid-api-key", MSG, "SENDGRID_API_KEY", lambda: "SG." + r(B64URL, 22) + "." + r(B64URL, 43), 3)
add("mailgun-api-key", MSG, "MAILGUN_API_KEY", lambda: "key-" + r(HEX, 32))
add("mailchimp-api-key", MSG, "MAILCHIMP_API_KEY", lambda: r(HEX, 32) + "-us" + str(rng.randrange(1, 21)))
add("brevo-api-key", MSG, "BREVO_API_KEY", lambda: "xkeysib-" + r(HEX, 64) + "-" + r(ALNUM, 16), 1)
add("postmark-server-token", MSG, "POSTMARK_SERVER_TOKEN", uuid, 1)
add("mailjet-secret-key", MSG, "MAILJET_SECRET_KEY", lambda: r(HEX, 32), 1)

add("openai-api-key", AI, "OPENAI_API_KEY", lambda: "sk-proj-" + r(B64URL, 74) + "T3BlbkFJ" + r(B64URL, 74), 4)
add("openai-api-key", AI, "OPENAI_ADMIN_KEY", lambda: "sk-admin-" + r(B64URL, 74) + "T3BlbkFJ" + r(B64URL, 74), 1)
add("openai-api-key-legacy", AI, "OPENAI_API_KEY", lambda: "sk-" + r(ALNUM, 20) + "T3BlbkFJ" + r(ALNUM, 20))
add("anthropic-api-key", AI, "ANTHROPIC_API_KEY", lambda: "sk-ant-api03-" + r(B64URL, 93) + "AA", 4)
add("anthropic-admin-key", AI, "ANTHROPIC_ADMIN_KEY", lambda: "sk-ant-admin01-" + r(B64URL, 93) + "AA", 1)
add("huggingface-token", AI, "HF_TOKEN", lambda: "hf_" + r(UP + LO, 34), 3)
add("replicate-api-token", AI, "REPLICATE_API_TOKEN", lambda: "r8_" + r(ALNUM, 37))
add("groq-api-key", AI, "GROQ_API_KEY", lambda: "gsk_" + r(ALNUM, 52))
add("perplexity-api-key", AI, "PERPLEXITY_API_KEY", lambda: "pplx-" + r(ALNUM, 48), 1)
add("xai-api-key", AI, "XAI_API_KEY", lambda: "xai-" + r(ALNUM, 80), 1)
add("openrouter-api-key", AI, "OPENROUTER_API_KEY", lambda: "sk-or-v1-" + r(HEX, 64))
add("langsmith-api-key", AI, "LANGSMITH_API_KEY", lambda: "lsv2_pt_" + r(HEX, 32) + "_" + r(HEX, 10), 1)
add("pinecone-api-key", AI, "PINECONE_API_KEY", lambda: "pcsk_" + r(ALNUM, 6) + "_" + r(ALNUM, 63), 1)
add("tavily-api-key", AI, "TAVILY_API_KEY", lambda: "tvly-dev-" + r(ALNUM, 32), 1)
add("nvidia-api-key", AI, "NVIDIA_API_KEY", lambda: "nvapi-" + r(B64URL, 64), 1)
add("cohere-api-key", AI, "COHERE_API_KEY", lambda: r(ALNUM, 40), 1)
add("mistral-api-key", AI, "MISTRAL_API_KEY", lambda: r(ALNUM, 32), 1)
add("deepseek-api-key", AI, "DEEPSEEK_API_KEY", lambda: "sk-" + r(HEX, 32), 1)
add("wandb-api-key", AI, "WANDB_API_KEY", lambda: r(HEX, 40), 1)

add("npm-access-token", REG, "NPM_TOKEN", lambda: checksummed("npm_"), 3)
add("npmrc-auth-token", REG, "//registry.npmjs.org/:_authToken", uuid, 1)
add("pypi-api-token", REG, "TWINE_PASSWORD", lambda: "pypi-AgEIcHlwaS5vcmc" + r(B64URL, 150), 3)
add("rubygems-api-key", REG, "GEM_HOST_API_KEY", lambda: "rubygems_" + r(HEX, 48))
add("dockerhub-token", REG, "DOCKERHUB_TOKEN", lambda: "dckr_pat_" + r(B64URL, 27), 3)
add("nuget-api-key", REG, "NUGET_API_KEY", lambda: "oy2" + r(LO + DI, 43))
add("crates-io-token", REG, "CARGO_REGISTRY_TOKEN", lambda: "cio" + r(ALNUM, 32), 1)
add("jfrog-api-key", REG, "ARTIFACTORY_API_KEY", lambda: "AKCp8" + r(ALNUM, 69), 1)
add("jfrog-reference-token", REG, "JFROG_ACCESS_TOKEN", lambda: "cmVmdGtu" + r(ALNUM, 56), 1)
add("clojars-token", REG, "CLOJARS_PASSWORD", lambda: "CLOJARS_" + r(LO + DI, 60), 1)

add("terraform-cloud-token", DEV, "TFE_TOKEN", lambda: r(ALNUM, 14) + ".atlasv1." + r(B64URL, 67))
add("hashicorp-vault-token", DEV, "VAULT_TOKEN", lambda: "hvs." + r(B64URL, 90), 2)
add("pulumi-access-token", DEV, "PULUMI_ACCESS_TOKEN", lambda: "pul-" + r(HEX, 40))
add("doppler-token", DEV, "DOPPLER_TOKEN", lambda: "dp.st.prd." + r(ALNUM, 43))
add("grafana-service-account-token", DEV, "GRAFANA_TOKEN", lambda: "glsa_" + r(ALNUM, 32) + "_" + r(HEX, 8))
add("grafana-cloud-token", DEV, "GRAFANA_CLOUD_TOKEN", lambda: "glc_" + r(B64, 120) + "==", 1)
add("sentry-token", DEV, "SENTRY_AUTH_TOKEN", lambda: "sntrys_eyJ" + r(B64, 140))
add("newrelic-api-key", DEV, "NEW_RELIC_API_KEY", lambda: "NRAK-" + r(UP + DI, 27))
add("datadog-api-key", DEV, "DD_API_KEY", lambda: r(HEX, 32))
add("dynatrace-token", DEV, "DT_API_TOKEN", lambda: "dt0c01." + r(UP + DI, 24) + "." + r(UP + DI, 64), 1)
add("postman-api-key", DEV, "POSTMAN_API_KEY", lambda: "PMAK-" + r(HEX, 24) + "-" + r(HEX, 34))
add("sonarqube-token", DEV, "SONAR_TOKEN", lambda: "squ_" + r(HEX, 40))
add("circleci-token", DEV, "CIRCLE_TOKEN", lambda: "CCIPAT_" + r(ALNUM, 22) + "_" + r(HEX, 40), 1)
add("buildkite-token", DEV, "BUILDKITE_API_TOKEN", lambda: "bkua_" + r(HEX, 40), 1)
add("tailscale-key", DEV, "TS_AUTHKEY", lambda: "tskey-auth-" + r(ALNUM, 17) + "-" + r(ALNUM, 33))
add("onepassword-service-account-token", DEV, "OP_SERVICE_ACCOUNT_TOKEN", lambda: "ops_eyJ" + r(B64, 400), 1)
add("launchdarkly-key", DEV, "LAUNCHDARKLY_SDK_KEY", lambda: "sdk-" + uuid(), 1)
add("okta-api-token", DEV, "OKTA_API_TOKEN", lambda: "00" + r(B64URL, 40), 1)
add("snyk-token", DEV, "SNYK_TOKEN", uuid, 1)
add("prefect-api-key", DEV, "PREFECT_API_KEY", lambda: "pnu_" + r(ALNUM, 36), 1)

add("linear-api-key", SAAS, "LINEAR_API_KEY", lambda: "lin_api_" + r(ALNUM, 40))
add("notion-integration-token", SAAS, "NOTION_TOKEN", lambda: "ntn_" + r(DI, 11) + r(ALNUM, 35))
add("airtable-pat", SAAS, "AIRTABLE_TOKEN", lambda: "pat" + r(ALNUM, 14) + "." + r(HEX, 64))
add("figma-token", SAAS, "FIGMA_TOKEN", lambda: "figd_" + r(B64URL, 40), 1)
add("hubspot-private-app-token", SAAS, "HUBSPOT_ACCESS_TOKEN", lambda: "pat-na1-" + uuid())
add("mapbox-secret-token", SAAS, "MAPBOX_SECRET_TOKEN", lambda: "sk.eyJ" + r(B64URL, 60) + "." + r(B64URL, 22))
add("contentful-token", SAAS, "CONTENTFUL_MANAGEMENT_TOKEN", lambda: "CFPAT-" + r(B64URL, 43), 1)
add("typeform-token", SAAS, "TYPEFORM_TOKEN", lambda: "tfp_" + r(B64URL, 44) + "_" + r(B64URL, 14), 1)
add("twitter-bearer-token", SAAS, "TWITTER_BEARER_TOKEN", lambda: "A" * 22 + r(ALNUM, 25) + "%3D" + r(ALNUM, 50))
add("facebook-access-token", SAAS, "FB_PAGE_ACCESS_TOKEN", lambda: "EAAG" + r(ALNUM, 180), 1)
add("facebook-app-secret", SAAS, "FACEBOOK_APP_SECRET", lambda: r(HEX, 32), 1)
add("dropbox-token", SAAS, "DROPBOX_ACCESS_TOKEN", lambda: "sl." + r(B64URL, 140), 1)
add("algolia-admin-key", SAAS, "ALGOLIA_ADMIN_API_KEY", lambda: r(HEX, 32), 1)
add("cloudinary-url", SAAS, "CLOUDINARY_URL", lambda: f"cloudinary://{r(DI, 15)}:{r(B64URL, 27)}@acme", 1)
add("salesforce-access-token", SAAS, "SF_ACCESS_TOKEN", lambda: "00D" + r(ALNUM, 15) + "!" + r(ALNUM + "._", 96), 1)

SYNTAXES = ["env", "yaml", "json", "py", "js", "properties", "sh", "go", "toml", "rb"]


def line_for(syntax, name, value, i):
    key = name.lower()
    if name.startswith("//"):
        return f"{name}={value}"
    return {
        "env": f"{name}={value}",
        "yaml": f"  {key}: \"{value}\"",
        "json": f"  \"{key}\": \"{value}\",",
        "py": f"{name} = \"{value}\"",
        "js": f"const {name} = '{value}';",
        "properties": f"app.{key.replace('_', '.')}={value}",
        "sh": f"export {name}=\"{value}\"",
        "go": f"\t{name}: \"{value}\",",
        "toml": f"{key} = \"{value}\"",
        "rb": f"ENV[\"{name}\"] ||= \"{value}\"",
    }[syntax]


HEAD = {
    "env": "# service environment (corpus: fake values)\n", "yaml": "# deploy config (corpus: fake values)\nsecrets:\n",
    "json": "{\n  \"_comment\": \"corpus: fake values\",\n", "py": "# settings.py (corpus: fake values)\nimport os\n\n",
    "js": "// config.js (corpus: fake values)\n", "properties": "# application.properties (corpus: fake values)\n",
    "sh": "#!/bin/sh\n# bootstrap (corpus: fake values)\n", "go": "package config\n\n// corpus: fake values\nvar Settings = map[string]string{\n",
    "toml": "# settings.toml (corpus: fake values)\n[secrets]\n", "rb": "# initializer (corpus: fake values)\n",
}
TAIL = {"json": "  \"_end\": true\n}\n", "go": "}\n"}
EXT = {"env": ".env", "yaml": ".yaml", "json": ".json", "py": ".py", "js": ".js", "properties": ".properties", "sh": ".sh", "go": ".go", "toml": ".toml", "rb": ".rb"}

labels = []
files = {}
samples = [(rule, fam, name, gen) for rule, (fam, items) in P.items() for name, gen in items]
rng.shuffle(samples)
for i, (rule, fam, name, gen) in enumerate(samples):
    syntax = SYNTAXES[i % len(SYNTAXES)]
    fname = f"{syntax}-{(i // len(SYNTAXES)) % 3}{EXT[syntax]}"
    files.setdefault(fname, (syntax, []))[1].append((rule, fam, line_for(syntax, name, gen(), i)))


def write_positive(path, text):
    full = os.path.join(ROOT, "positives", path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


for fname, (syntax, rows) in sorted(files.items()):
    text = HEAD[syntax]
    for rule, fam, line in rows:
        labels.append({"file": "positives/" + fname, "line": text.count("\n") + 1, "rule": rule, "family": fam})
        text += line + "\n"
    text += TAIL.get(syntax, "")
    write_positive(fname, text)

# Private keys: whole key files and keys inside JSON / code.
keys_text = ""
for i, kind in enumerate(["RSA ", "", "EC ", "ENCRYPTED ", "RSA ", ""]):
    f = f"keys/key-{i}.pem"
    write_positive(f, pem(kind) + "\n")
    labels.append({"file": "positives/" + f, "line": 1, "rule": "private-key-pem", "family": "private-keys"})
for i in range(3):
    f = f"keys/id_ed25519_{i}"
    body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n" + "\n".join(r(B64, 70) for _ in range(5))
    write_positive(f, f"-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----\n")
    labels.append({"file": "positives/" + f, "line": 1, "rule": "openssh-private-key", "family": "private-keys"})
for i in range(2):
    f = f"keys/signing-{i}.asc"
    body = "lQVYBG" + r(B64, 58) + "\n" + "\n".join(r(B64, 64) for _ in range(6))
    write_positive(f, f"-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: release signing key\n\n{body}\n={r(B64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----\n")
    labels.append({"file": "positives/" + f, "line": 1, "rule": "pgp-private-key", "family": "private-keys"})
for i in range(2):
    f = f"keys/service-account-{i}.json"
    key = pem("").replace("\n", "\\n")
    text = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-prod\",\n"
    text += f"  \"private_key_id\": \"{r(HEX, 40)}\",\n  \"private_key\": \"{key}\\n\",\n"
    text += f"  \"client_email\": \"deploy@acme-prod.iam.gserviceaccount.com\",\n  \"client_id\": \"{r(DI, 21)}\"\n}}\n"
    write_positive(f, text)
    labels.append({"file": "positives/" + f, "line": 4, "rule": "gcp-service-account-key", "family": "cloud"})
    labels.append({"file": "positives/" + f, "line": 5, "rule": "private-key-pem", "family": "private-keys"})
f = "keys/deploy.ppk"
write_positive(f, f"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAI{r(B64, 43)}\n{r(B64, 10)}\nPrivate-Lines: 1\nAAAAI{r(B64, 43)}\nPrivate-MAC: {r(HEX, 64)}\n")
labels.append({"file": "positives/" + f, "line": 7, "rule": "putty-private-key", "family": "private-keys"})
f = "keys/age-identities.txt"
write_positive(f, "# created: 2026-01-01T00:00:00Z\n# public key: age1" + r(BECH32, 58) + "\n" + age_key() + "\n" + age_key() + "\n")
labels.append({"file": "positives/" + f, "line": 3, "rule": "age-secret-key", "family": "private-keys"})
labels.append({"file": "positives/" + f, "line": 4, "rule": "age-secret-key", "family": "private-keys"})
f = "keys/Signing.swift"
key = pem("RSA ", 4).replace("\n", "\\n")
write_positive(f, f"// corpus: fake key\nlet signingKey = \"{key}\"\n")
labels.append({"file": "positives/" + f, "line": 2, "rule": "private-key-pem", "family": "private-keys"})


def pw():
    return r(ALNUM, rng.randrange(12, 24))


# Connection strings and web credentials.
db_lines = [
    ("postgres-connection-url", lambda: f"DATABASE_URL=postgres://app:{pw()}@db.prod.internal:5432/orders"),
    ("postgres-connection-url", lambda: f"SQLALCHEMY_DATABASE_URI = \"postgresql+psycopg2://svc_api:{pw()}@10.20.0.5:5432/app\""),
    ("postgres-connection-url", lambda: f"  url: postgresql://report:{pw()}@analytics.cluster-ro.eu-west-1.rds.amazonaws.com/reports"),
    ("mysql-connection-url", lambda: f"DB_URL=mysql://shop:{pw()}@mysql.prod:3306/shop"),
    ("mysql-connection-url", lambda: f"\"database\": \"mysql+pymysql://etl:{pw()}@warehouse.internal/etl\","),
    ("mongodb-connection-url", lambda: f"MONGODB_URI=mongodb+srv://api:{pw()}@cluster0.{r(LO + DI, 5)}.mongodb.net/app?retryWrites=true&w=majority"),
    ("mongodb-connection-url", lambda: f"const uri = 'mongodb://root:{pw()}@mongo-0.mongo:27017,mongo-1.mongo:27017/?replicaSet=rs0';"),
    ("redis-connection-url", lambda: f"REDIS_URL=redis://:{pw()}@redis.prod:6379/0"),
    ("redis-connection-url", lambda: f"cache_url: rediss://default:{pw()}@cache-{r(LO, 6)}.upstash.io:6379"),
    ("amqp-connection-url", lambda: f"CELERY_BROKER_URL=amqps://orders:{pw()}@mq.prod:5671/orders"),
    ("amqp-connection-url", lambda: f"  broker: amqp://billing:{pw()}@rabbitmq.internal:5672/billing"),
    ("mssql-connection-url", lambda: f"DATABASE_URL=mssql+pyodbc://sa:{pw()}@sql.prod/app?driver=ODBC+Driver+18"),
    ("oracle-connection-url", lambda: f"ORACLE_URL=oracle+cx_oracle://ledger:{pw()}@ora.prod:1521/?service_name=LEDGER"),
    ("clickhouse-connection-url", lambda: f"CLICKHOUSE_URL=clickhouse://default:{pw()}@ch.prod:9000/events"),
    ("neo4j-connection-url", lambda: f"NEO4J_URI=neo4j+s://neo4j:{pw()}@{r(LO + DI, 8)}.databases.neo4j.io"),
    ("jdbc-password", lambda: f"spring.datasource.url=jdbc:mysql://db.prod:3306/shop?user=shop&password={pw()}"),
    ("jdbc-password", lambda: f"jdbc.url=jdbc:sqlserver://sql.prod:1433;databaseName=app;user=api;password={pw()};encrypt=true"),
    ("connection-string-password", lambda: f"  \"DefaultConnection\": \"Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=app;User ID=api;Password={pw()}9;Encrypt=True;\""),
    ("connection-string-password", lambda: f"<add name=\"Main\" connectionString=\"Data Source=db01;Initial Catalog=Sales;User Id=sales;Pwd={pw()};\" />"),
]
web_lines = [
    ("jwt", lambda: f"Authorization: Bearer {jwt()}"),
    ("jwt", lambda: f"SUPABASE_SERVICE_ROLE_KEY={jwt()}"),
    ("jwt", lambda: f"  \"id_token\": \"{jwt()}\","),
    ("authorization-bearer", lambda: f"curl -H \"Authorization: Bearer {r(ALNUM, 40)}\" https://api.internal/v1/orders"),
    ("authorization-basic", lambda: "Authorization: Basic " + base64.b64encode(f"deploy:{pw()}".encode()).decode()),
    ("url-credentials", lambda: f"HTTPS_PROXY=http://svc-proxy:{pw()}@proxy.corp:3128"),
    ("url-credentials", lambda: f"  repository: https://ci-bot:{pw()}@nexus.internal/repository/maven-releases/"),
    ("curl-user-password", lambda: f"curl -u admin:{pw()} https://jenkins.internal/api/json"),
    ("git-credential-url", lambda: f"  url = https://oauth2:{r(ALNUM, 26)}@gitlab.com/acme/infra.git"),
    ("docker-config-auth", lambda: "      \"auth\": \"" + base64.b64encode(f"ci-bot:{pw()}".encode()).decode() + "\""),
]
text = "# connection strings (corpus: fake values)\n"
dbf = "connections.conf"
for rule, gen in db_lines * 2:
    labels.append({"file": "positives/" + dbf, "line": text.count("\n") + 1, "rule": rule, "family": "databases"})
    text += gen() + "\n"
write_positive(dbf, text)
text = "# web credentials (corpus: fake values)\n"
wf = "web-credentials.txt"
for rule, gen in web_lines * 2:
    fam = {"git-credential-url": "code-hosts", "docker-config-auth": "registries"}.get(rule, "web")
    labels.append({"file": "positives/" + wf, "line": text.count("\n") + 1, "rule": rule, "family": fam})
    text += gen() + "\n"
write_positive(wf, text)

# Generic secrets: random values under secret-sounding names, in every syntax.
special = "!#%&*+-=?^_~"
generic_values = [
    lambda: r(ALNUM, rng.randrange(16, 33)), lambda: r(HEX, 32), lambda: r(HEX, 64), lambda: r(B64, 40) + "=",
    lambda: r(ALNUM + special, rng.randrange(14, 24)), lambda: r(B64URL, 43), lambda: r(ALNUM, 12) + "9!",
]
generic_lines = [
    lambda v: f"DB_PASSWORD={v}", lambda v: f"  password: \"{v}\"", lambda v: f"  \"client_secret\": \"{v}\",",
    lambda v: f"spring.datasource.password={v}", lambda v: f"SECRET_KEY = '{v}'", lambda v: f"const apiKey = \"{v}\";",
    lambda v: f"export AUTH_TOKEN={v}", lambda v: f"    <password>{v}</password>", lambda v: f"  secretKey: {v}",
    lambda v: f"\tPassword: \"{v}\",", lambda v: f"$config['smtp']['pass'] = '{v}';", lambda v: f"ENCRYPTION_KEY={v}",
    lambda v: f"jwt_secret: \"{v}\"", lambda v: f"api_key = \"{v}\"", lambda v: f"SESSION_SECRET={v}",
    lambda v: f"  :password => '{v}',", lambda v: f"webhook_secret = \"{v}\"", lambda v: f"private_key: {v}",
]
text = "# generic secrets (corpus: fake values)\n"
gf = "generic-secrets.txt"
for i in range(54):
    value = generic_values[i % len(generic_values)]()
    labels.append({"file": "positives/" + gf, "line": text.count("\n") + 1, "rule": "generic-secret", "family": "generic"})
    text += generic_lines[i % len(generic_lines)](value) + "\n"
write_positive(gf, text)
kf = "k8s-deployment.yaml"
text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n"
for name in ["DB_PASSWORD", "PAYMENT_API_KEY", "SIGNING_SECRET", "UPSTREAM_TOKEN"]:
    labels.append({"file": "positives/" + kf, "line": text.count("\n") + 2, "rule": "generic-secret-env-entry", "family": "generic"})
    text += f"            - name: {name}\n              value: {r(ALNUM, 24)}\n"
write_positive(kf, text)
nf = "netrc"
text = ""
for host in ["api.heroku.com", "git.internal", "artifacts.internal"]:
    labels.append({"file": "positives/" + nf, "line": text.count("\n") + 1, "rule": "netrc-password", "family": "generic"})
    text += f"machine {host} login ci@acme.test password {pw()}\n"
write_positive(nf, text)
cf = "app.config"
text = "<configuration>\n  <appSettings>\n"
for name in ["PaymentApiKey", "ReportingSecret", "WebhookToken"]:
    labels.append({"file": "positives/" + cf, "line": text.count("\n") + 1, "rule": "generic-secret-key-value", "family": "generic"})
    text += f"    <add key=\"{name}\" value=\"{r(ALNUM, 32)}\" />\n"
text += "  </appSettings>\n</configuration>\n"
write_positive(cf, text)

labels.sort(key=lambda x: (x["file"], x["line"]))
NEG_UNITS = {  # how each negatives file is cut into snippets: one per line, or per blank-line-separated block
    "placeholders.env": "lines", "documentation.md": "lines", "package-lock.json": "lines", "yarn.lock": "lines",
    "swiftpm-resolved.json": "lines", "go.sum": "lines", "Cargo.lock": "lines", "hashes.txt": "lines", "uuids.json": "lines",
    "git-log.txt": "lines", "images.css": "lines", "vendor.min.js": "lines", "sealed.env": "lines", "sealed.yaml": "lines",
    "code-references.py": "lines", "k8s-secret-refs.yaml": "lines", "public-keys.pem": "blocks", "i18n.json": "lines",
    "settings-lookalikes.yaml": "lines", "ci-workflow.yaml": "lines",
}
__import__("gen_context").write(ROOT, labels, NEG_UNITS)  # keyword-context samples (issue 14)
__import__("gen_assign").generate(labels, NEG_UNITS, ROOT)  # assignments and config files (tools/gen_assign.py)
manifest = {
    "positives": labels,
    "negatives": [{"file": "negatives/" + name, "unit": unit} for name, unit in sorted(NEG_UNITS.items())],
}
with open(os.path.join(ROOT, "corpus.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")
print(len(labels), "positive samples")


# ---------------------------------------------------------------------------------------------
# Negatives: look-alikes that must not fire. Hand-written lines plus generated hashes and ids.
def write_negative(name, text):
    full = os.path.join(ROOT, "negatives", name)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


write_negative("placeholders.env", """DB_PASSWORD=changeme
DB_PASSWORD=${DB_PASSWORD}
DB_PASSWORD=$DB_PASSWORD
API_KEY=your_api_key_here
API_KEY=<your-api-key>
API_KEY="<YOUR_API_KEY>"
SECRET_KEY=replace-me-with-a-real-secret
SECRET_KEY=EXAMPLE_SECRET_KEY_123
AUTH_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxx
AUTH_TOKEN=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
PASSWORD=************
PASSWORD="********"
ACCESS_TOKEN=dummy-access-token
ACCESS_TOKEN=test-token-1234567890
CLIENT_SECRET=sample_client_secret
CLIENT_SECRET={{ client_secret }}
CLIENT_SECRET="{{ .Values.clientSecret }}"
JWT_SECRET=%s
JWT_SECRET=%(jwt_secret)s
PASSWORD=P@ssw0rd
PASSWORD=Passw0rd!
SMTP_PASSWORD=
SMTP_PASSWORD=none
SMTP_PASSWORD=null
REDIS_PASSWORD=true
ENCRYPTION_KEY=0000000000000000000000000000000000000000000000000000000000000000
ENCRYPTION_KEY=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
ENCRYPTION_KEY=1234567890abcdef1234567890abcdef
SIGNING_KEY=abcdefghijklmnopqrstuvwxyz
SESSION_SECRET=lorem-ipsum-dolor-sit-amet
SESSION_SECRET=MySuperSecretSessionKey
SESSION_SECRET=my_super_secret_session_value
API_TOKEN=API_TOKEN_PLACEHOLDER
API_TOKEN=insert-token-here
API_TOKEN=not-a-real-token
API_TOKEN=fake_token_for_tests
API_TOKEN=mock-api-token-value
STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx
STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc
GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
OPENAI_API_KEY=sk-proj-...
OPENAI_API_KEY=sk-...
ANTHROPIC_API_KEY=sk-ant-api03-...
SLACK_BOT_TOKEN=xoxb-your-bot-token
SLACK_WEBHOOK_URL=https://hooks.slack.com/services/XXX/YYY/ZZZ
SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX
AWS_SECRET_ACCESS_KEY=<secret access key>
DATABASE_URL=postgres://user:password@localhost:5432/app
DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_test
DATABASE_URL=mysql://root:root@127.0.0.1:3306/test
MONGO_URL=mongodb://admin:changeme@localhost:27017
AMQP_URL=amqp://guest:guest@localhost:5672/
REDIS_URL=redis://localhost:6379/0
NPM_TOKEN=${NPM_TOKEN}
HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
PASSWORD=${{ secrets.PASSWORD }}
""")

write_negative("documentation.md", """# Configuring credentials

Set `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE` and `AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`.
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
Stripe test key for the examples: `sk_test_4eC39HqLyjWDarjtT1zdp7dc`.
A JWT looks like `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`.
Use a token like `ghp_abcdefghijklmnopqrstuvwxyzABCD012345` (not a real one).
Example Slack token: `xoxb-not-a-real-token-this-will-not-work`.
Google Maps key in the sample app: AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe
Generate a password with `openssl rand -base64 32` and put it in `DB_PASSWORD`.
The token endpoint is `https://oauth2.googleapis.com/token`.
Tokens start with `ghp_`, `gho_`, `ghu_`, `ghs_` or `ghr_`.
npm tokens look like `npm_` followed by 36 characters.
Set `OPENAI_API_KEY` to the key from the dashboard (it starts with `sk-proj-`).
Your Anthropic key starts with `sk-ant-api03-`; paste it as `ANTHROPIC_API_KEY=sk-ant-...`.
PyPI tokens start with `pypi-AgEIcHlwaS5vcmc` and are long.
The password must be at least 12 characters long.
Password: the password of the database user.
token: the token returned by /login, valid for one hour.
Run `hush set DB_PASSWORD` and type the value when asked.
Authorization: Bearer <token>
Authorization: Bearer $ACCESS_TOKEN
Authorization: Basic <base64 of user:password>
curl -u $USER:$PASSWORD https://api.example.com
curl -u username:password https://api.example.com/v1/me
mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/
postgresql://[user[:password]@][netloc][:port][/dbname]
https://user:password@example.com/path
Connection string: Server=myServer;Database=myDb;User Id=myUser;Password=myPassword;
Server=localhost;Database=app;User Id=sa;Password=<YourStrong@Passw0rd>;
jdbc:mysql://localhost:3306/db?user=root&password=
UUID example: 123e4567-e89b-12d3-a456-426614174000
The empty string hashes to e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 (SHA-256).
MD5 of nothing: d41d8cd98f00b204e9800998ecf8427e, SHA-1: da39a3ee5e6b4b0d3255bfef95601890afd80709.
-----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE KEY-----
Paste your key between `-----BEGIN PRIVATE KEY-----` and `-----END PRIVATE KEY-----`.
A Twilio account SID looks like ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.
A SendGrid key looks like SG.xxxxxxxx.yyyyyyyy.
Replace `YOUR_API_KEY` in `config.yaml` with your key.
api_key: "YOUR_API_KEY"
secret: "{{ secret }}"
password: "{{ lookup('env', 'DB_PASSWORD') }}"
See RFC 7519 for JSON Web Tokens (JWT).
The `auth` block takes `username` and `password`.
Use `--password-stdin` instead of `--password` on the command line.
export GITHUB_TOKEN=$(gh auth token)
export VAULT_TOKEN="$(vault print token)"
""")

lock = ['{', '  "name": "web",', '  "version": "1.4.2",', '  "lockfileVersion": 3,', '  "requires": true,', '  "packages": {']
for pkg in ["js-tokens", "@octokit/auth-token", "tokenizr", "passport", "passport-jwt", "jsonwebtoken", "bcryptjs", "secret-stack", "keygrip", "basic-auth", "auth0-js", "password-validator"]:
    lock += [f'    "node_modules/{pkg}": {{', f'      "version": "{rng.randrange(1, 9)}.{rng.randrange(20)}.{rng.randrange(20)}",',
             f'      "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg.split("/")[-1]}-4.0.0.tgz",',
             f'      "integrity": "sha512-{base64.b64encode(bytes(rng.randrange(256) for _ in range(64))).decode()}",', '      "dev": true', '    },']
lock += ['    "node_modules/zz": {}', '  }', '}']
write_negative("package-lock.json", "\n".join(lock) + "\n")

yarn = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", ""]
for pkg in ["js-tokens", "@octokit/auth-token", "passport-http-bearer", "secure-password", "token-types", "tokenize-ansi", "keytar", "auth-header"]:
    yarn += [f'"{pkg}@^4.0.0":', '  version "4.0.0"', f'  resolved "https://registry.yarnpkg.com/{pkg}/-/{pkg.split("/")[-1]}-4.0.0.tgz#{r(HEX, 40)}"',
             f'  integrity sha512-{base64.b64encode(bytes(rng.randrange(256) for _ in range(64))).decode()}', ""]
write_negative("yarn.lock", "\n".join(yarn) + "\n")

resolved = ['{', f'  "originHash" : "{r(HEX, 64)}",', '  "pins" : [']
for name in ["swift-argument-parser", "swift-crypto", "jwt-kit", "swift-secret-sauce", "vapor", "swift-nio"]:
    resolved += ['    {', f'      "identity" : "{name}",', '      "kind" : "remoteSourceControl",', f'      "location" : "https://github.com/example/{name}",',
                 '      "state" : {', f'        "revision" : "{r(HEX, 40)}",', f'        "version" : "{rng.randrange(1, 5)}.{rng.randrange(10)}.0"', '      }', '    },']
resolved += ['  ],', '  "version" : 3', '}']
write_negative("swiftpm-resolved.json", "\n".join(resolved) + "\n")

gosum = []
for mod in ["github.com/golang-jwt/jwt/v5", "golang.org/x/oauth2", "github.com/hashicorp/vault/api", "golang.org/x/crypto", "github.com/aws/aws-sdk-go-v2/credentials", "cloud.google.com/go/secretmanager"]:
    h1 = base64.b64encode(bytes(rng.randrange(256) for _ in range(32))).decode()
    gosum += [f"{mod} v1.{rng.randrange(30)}.0 h1:{h1}", f"{mod} v1.{rng.randrange(30)}.0/go.mod h1:{base64.b64encode(bytes(rng.randrange(256) for _ in range(32))).decode()}"]
write_negative("go.sum", "\n".join(gosum) + "\n")

cargo = ["# This file is automatically @generated by Cargo.", "version = 3", ""]
for name in ["secrecy", "jsonwebtoken", "oauth2", "argon2", "base64", "ring"]:
    cargo += ["[[package]]", f'name = "{name}"', f'version = "0.{rng.randrange(20)}.{rng.randrange(10)}"',
              'source = "registry+https://github.com/rust-lang/crates.io-index"', f'checksum = "{r(HEX, 64)}"', ""]
write_negative("Cargo.lock", "\n".join(cargo) + "\n")

hashes = []
for i in range(24):
    kind = i % 4
    if kind == 0:
        hashes.append(f"{r(HEX, 64)}  dist/app-{i}.tar.gz")
    elif kind == 1:
        hashes.append(f"sha1: {r(HEX, 40)}")
    elif kind == 2:
        hashes.append(f"md5 ({i}.bin) = {r(HEX, 32)}")
    else:
        hashes.append(f"  sha256 = \"{r(HEX, 64)}\"")
write_negative("hashes.txt", "\n".join(hashes) + "\n")

uu = ["["]
for i in range(20):
    field = ["id", "requestId", "correlation_id", "tenantId", "traceId"][i % 5]
    uu.append(f'  {{"{field}": "{uuid()}", "created": "2026-0{1 + i % 9}-1{i % 10}T10:00:00Z"}},')
uu.append("  {}\n]")
write_negative("uuids.json", "\n".join(uu) + "\n")

gl = []
for i in range(20):
    gl.append(f"commit {r(HEX, 40)}" if i % 2 == 0 else f"Merge: {r(HEX, 7)} {r(HEX, 7)}  fix token refresh ({r(HEX, 12)})")
write_negative("git-log.txt", "\n".join(gl) + "\n")

css = []
for i in range(12):
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(600))).decode()
    css.append(f".icon-{i} {{ background-image: url(data:image/png;base64,{png}); }}")
write_negative("images.css", "\n".join(css) + "\n")

minjs = [
    '!function(e,t){"object"==typeof exports?module.exports=t():e.auth=t()}(this,function(){var e={token:null,setToken:function(t){e.token=t},getToken:function(){return e.token}};return e});',
    'var n=function(e){return e.password.length>=12&&/[A-Z]/.test(e.password)},r={passwordMinLength:12,tokenTTL:3600,secretHeader:"X-Api-Key"};',
    'function a(t){var e=t.headers.authorization||"";return e.startsWith("Bearer ")?e.slice(7):null}var s={apiKey:t.apiKey,secret:t.secret,auth:!0};',
    'e.exports={passwordReset:"/api/password/reset",tokenRefresh:"/api/token/refresh",authCallback:"/auth/callback"};',
    'const o="0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",i=function(e){for(var t="",n=0;n<e;n++)t+=o[Math.floor(62*Math.random())];return t};',
    'Object.defineProperty(t,"__esModule",{value:!0}),t.default=void 0;var u=c(n(7294)),l=c(n(5697)),f={token:l.default.string,secretKey:l.default.string};',
    '(self.webpackChunk=self.webpackChunk||[]).push([[179],{8723:function(e,t,n){"use strict";n.d(t,{Z:function(){return r}});var r="' + r(HEX, 20) + '"}}]);',
    'var p={"sha512-' + base64.b64encode(bytes(rng.randrange(256) for _ in range(64))).decode() + '":1},h="' + r(HEX, 64) + '";',
    'window.__CONFIG__={apiBase:"https://api.example.com",authDomain:"login.example.com",tokenStorageKey:"app.token",passwordPolicy:"strong"};',
    'function d(e){return crypto.subtle.digest("SHA-256",(new TextEncoder).encode(e)).then(function(t){return Array.from(new Uint8Array(t))})}',
]
write_negative("vendor.min.js", "\n".join(minjs) + "\n")


def enc():
    return "ENC[hush:v1,s," + r(B64URL, 96) + "]"


sealed = ["# Production environment (sealed by hush)"]
for name in ["DATABASE_URL", "DB_PASSWORD", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "API_KEY", "JWT_SECRET", "AWS_SECRET_ACCESS_KEY", "SLACK_WEBHOOK_URL", "SENDGRID_API_KEY", "SESSION_SECRET"]:
    sealed.append(f"{name}={enc()}")
sealed += ["#hush:version 1", "#hush:modified 2026-11-22T23:10:22Z", f"#hush:recipient ops age1{r(BECH32, 58)} {r(B64URL, 107)}", f"#hush:mac {r(B64URL, 43)}"]
write_negative("sealed.env", "\n".join(sealed) + "\n")
sealed_yaml = ["# hush sealed YAML", "database:", f"  password: {enc()}", f"  url: {enc()}", "stripe:", f"  secret_key: {enc()}", f"  webhook_secret: {enc()}",
               "oauth:", f"  client_secret: {enc()}", f"  token: {enc()}", f"api_key: {enc()}", "#hush:version 1", f"#hush:mac {r(B64URL, 43)}"]
write_negative("sealed.yaml", "\n".join(sealed_yaml) + "\n")

write_negative("code-references.py", """import os
from django.conf import settings

DB_PASSWORD = os.environ["DB_PASSWORD"]
DB_PASSWORD = os.environ.get("DB_PASSWORD", "")
API_KEY = os.getenv("API_KEY")
SECRET_KEY = settings.SECRET_KEY
token = request.headers.get("Authorization")
password = getpass.getpass("Password: ")
password = form.cleaned_data["password"]
api_key = config["api_key"]
auth_token = self._auth_token
client_secret = secrets_manager.get_secret_value(SecretId="prod/api")["SecretString"]
password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
password_hash = "$2b$12$wq9qH6C1mZ0x8kN3aBqjHOe4bSgU2aYzVdQ7tL8mC5fJ1pR6sK0nW"
token_url = "https://oauth2.googleapis.com/token"
token_type = "Bearer"
max_tokens = 4096
tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
secret_name = "prod/db/credentials"
password_min_length = 12
password_reset_timeout = 259200
access_key_id_env = "AWS_ACCESS_KEY_ID"
next_page_token = response["nextPageToken"]
csrf_token = get_token(request)
if password == confirm_password:
    raise ValueError("password mismatch")
def verify_token(token: str) -> bool:
    return hmac.compare_digest(token, expected_token)
secret = Secret.from_env("WEBHOOK_SECRET")
private_key = load_pem_private_key(open(KEY_PATH, "rb").read(), password=None)
private_key_path = "/etc/ssl/private/server.key"
passwd_file = "/etc/passwd"
auth = HTTPBasicAuth(username, password)
credentials = service_account.Credentials.from_service_account_file("sa.json")
api_key_header = APIKeyHeader(name="X-API-Key")
TOKEN_EXPIRY_SECONDS = 3600
SECRET_KEY_FALLBACKS = []
password = None
token = ""
PASSWORD_REGEX = "^(?=.*[A-Z])(?=.*[0-9]).{12,}$"
token_secret_header = "X-Token-Secret"
secret_key_base = "<%= ENV['SECRET_KEY_BASE'] %>"
api_key = f"{prefix}_{random_part}"
password = "".join(secrets.choice(alphabet) for _ in range(20))
token = jwt.encode(payload, key, algorithm="HS256")
AUTH_HEADER = "Authorization"
apiKeyName = "x-api-key"
password_confirmation = params[:password_confirmation]
pwd = os.getcwd()
secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"
token_endpoint_auth_method = "client_secret_basic"
PASSWORD_RESET_URL = "https://example.com/reset?token={token}"
passphrase = prompt_passphrase()
""")

write_negative("k8s-secret-refs.yaml", """apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: api
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db-credentials
                  key: password
            - name: API_TOKEN
              valueFrom:
                secretKeyRef: {name: api, key: token}
            - name: LOG_LEVEL
              value: info
            - name: SECRET_NAME
              value: prod-db-credentials
          volumeMounts:
            - name: tls-secret
              mountPath: /etc/tls
      volumes:
        - name: tls-secret
          secret:
            secretName: api-tls
---
apiVersion: v1
kind: Secret
metadata:
  name: placeholder
type: Opaque
stringData:
  password: changeme
  token: "${TOKEN}"
""")

write_negative("public-keys.pem", "-----BEGIN PUBLIC KEY-----\n" + "\n".join(r(B64, 64) for _ in range(6)) + "\n-----END PUBLIC KEY-----\n\n"
               + "-----BEGIN CERTIFICATE-----\nMIID" + "\n".join(r(B64, 64) for _ in range(12)) + "\n-----END CERTIFICATE-----\n\n"
               + "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBG" + "\n".join(r(B64, 64) for _ in range(8)) + "\n-----END PGP PUBLIC KEY BLOCK-----\n\n"
               + "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + r(B64, 43) + " deploy@ci\n\n"
               + "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + r(B64, 300) + " ops@bastion\n\n"
               + "-----BEGIN CERTIFICATE REQUEST-----\nMIIC" + "\n".join(r(B64, 64) for _ in range(6)) + "\n-----END CERTIFICATE REQUEST-----\n\n"
               + "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n\n"
               + "-----BEGIN OPENSSH PRIVATE KEY-----\n<paste your key here>\n-----END OPENSSH PRIVATE KEY-----\n\n"
               + "-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY_CONTENT_GOES_HERE\n-----END PRIVATE KEY-----\n\n"
               + "age1" + r(BECH32, 58) + "\n")

write_negative("i18n.json", """{
  "password": "Password",
  "password_hint": "At least 12 characters, one digit and one symbol",
  "password_mismatch": "The passwords do not match",
  "token_expired": "Your session has expired. Please sign in again.",
  "token": "Access token",
  "api_key": "API key",
  "api_key_description": "Create a key in Settings, then paste it here.",
  "secret": "Secret",
  "secret_copied": "Copied to the clipboard",
  "auth": "Sign in",
  "auth_failed": "Wrong user name or password",
  "credentials": "Credentials",
  "private_key": "Private key (PEM)",
  "passphrase": "Passphrase",
  "passwordStrength": "Strength: strong",
  "forgotPassword": "Forgot your password?",
  "tokenLabel": "Personal access token",
  "secretKeyLabel": "Secret key",
  "accessKeyHelp": "Your access key id, e.g. AKIA…",
  "passwordPlaceholder": "••••••••"
}
""")

write_negative("settings-lookalikes.yaml", """server:
  port: 8443
  session_timeout: 3600
security:
  password_min_length: 12
  password_hash_algorithm: argon2id
  password_hash: "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"
  token_ttl: 15m
  token_url: https://auth.example.com/oauth/token
  token_issuer: https://auth.example.com/
  token_audience: api://default
  secret_name: prod/api/credentials
  secret_store: aws-secrets-manager
  api_key_header: X-Api-Key
  api_key_prefix: acme_
  auth_mode: oidc
  auth_provider: keycloak
  credentials_file: /var/run/secrets/credentials.json
  private_key_file: /etc/app/keys/signing.pem
  private_key_path: ./keys/dev.pem
  access_key_id: null
  signing_algorithm: RS256
  encryption_algorithm: AES-256-GCM
llm:
  max_tokens: 4096
  tokenizer: cl100k_base
  tokens_per_minute: 90000
pagination:
  next_page_token: CiAKGjBpNDd2Nmp2Zml2cXRiYjVzZmVhcWN1EgIQAQ
  page_token: ""
auth:
  enabled: true
  type: basic
  passwordless: false
smtp:
  password: "{{ vault_smtp_password }}"
  password_file: /run/secrets/smtp
database:
  password: !vault |
  password_env: DB_PASSWORD
  url: postgres://app@db.internal:5432/app
  url_with_placeholder: postgres://app:${DB_PASSWORD}@db.internal:5432/app
""")

write_negative("ci-workflow.yaml", """name: deploy
on: [push]
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
      DB_PASSWORD: ${{ secrets.DB_PASSWORD }}
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11
      - uses: actions/setup-node@60edb5dd545a775178f52524783378180af0d1f8
        with:
          registry-url: https://registry.npmjs.org
          token: ${{ secrets.NPM_TOKEN }}
      - run: echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc
      - run: docker login -u acme --password-stdin <<< "$DOCKERHUB_TOKEN"
      - run: hush exec --env production -- ./deploy.sh
      - run: curl -H "Authorization: Bearer $DEPLOY_TOKEN" https://deploy.example.com/hooks
      - run: mysql -u root -p"$MYSQL_ROOT_PASSWORD" app < schema.sql
      - run: ./scripts/rotate --token "$ROTATE_TOKEN" --password "$ROTATE_PASSWORD"
""")
__import__("gen_decoded").main(ROOT)  # decoded-secrets samples (tools/gen_decoded.py)
