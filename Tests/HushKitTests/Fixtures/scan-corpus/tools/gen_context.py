"""Corpus samples for the keyword-context rules and the newer prefixed token formats (issue 14):
positives/context-*.* (each sample labeled) and negatives/context-lookalikes.txt (service names
next to things that are not their keys). generate.py calls `write` once. A random generator of
its own, seeded, makes every value: none is a real credential, and the rest of the corpus does
not change when this file does.
"""
import base64, os, random, string

UP, LO, DI = string.ascii_uppercase, string.ascii_lowercase, string.digits
ALNUM, HEX = UP + LO + DI, "0123456789abcdef"
B64, B64URL, LODI = ALNUM + "+/", ALNUM + "-_", LO + DI

rng = random.Random(20261130)


def r(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid():
    h = r(HEX, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


C, CH, PAY, MSG, REG, DEV, SAAS = "cloud", "code-hosts", "payments", "messaging", "registries", "devops", "saas"
BEDROCK = base64.b64encode(b"bedrock.amazonaws.com/?Action=CallWithBearerToken").decode().rstrip("=")

# (rule, family, variable name, value generator): the name carries the service keyword.
SAMPLES = [
    ("aws-bedrock-short-term-key", C, "AWS_BEARER_TOKEN_BEDROCK", lambda: "bedrock-api-key-" + BEDROCK[:-4] + r(B64, 400)),
    ("openshift-user-token", C, "OPENSHIFT_TOKEN", lambda: "sha256~" + r(B64URL, 43)),
    ("ibm-cloud-api-key", C, "IBMCLOUD_APIKEY", lambda: r(B64URL, 44)),
    ("softlayer-api-key", C, "SOFTLAYER_API_KEY", lambda: r(HEX, 64)),
    ("cloudant-credential", C, "CLOUDANT_PASSWORD", lambda: r(HEX, 64)),
    ("cloudant-credential", C, "CLOUDANT_APIKEY", lambda: r(B64URL, 44)),
    ("azure-storage-key", C, "AZURE_STORAGE_KEY", lambda: r(B64, 86) + "=="),
    ("cloudflare-api-token", C, "CLOUDFLARE_API_TOKEN", lambda: r(B64URL, 40)),
    ("cloudflare-global-api-key", C, "CLOUDFLARE_API_KEY", lambda: r(HEX, 37)),
    ("heroku-api-key-legacy", C, "HEROKU_AUTH_TOKEN", uuid),
    ("bitbucket-client-secret", CH, "BITBUCKET_OAUTH_SECRET", lambda: r(ALNUM, 32)),
    ("bitbucket-client-id", CH, "BITBUCKET_OAUTH_KEY", lambda: r(ALNUM, 18)),
    ("atlassian-api-token-legacy", CH, "JIRA_API_TOKEN", lambda: r(ALNUM, 24)),
    ("jfrog-identity-token", REG, "JFROG_IDENTITY_TOKEN", lambda: r(ALNUM, 64)),
    ("jfrog-api-key-unprefixed", REG, "ARTIFACTORY_APIKEY", lambda: r(ALNUM, 73)),
    ("snyk-token", DEV, "SNYK_TOKEN", uuid),
    ("sonarqube-token-legacy", DEV, "SONAR_LOGIN", lambda: r(HEX, 40)),
    ("sumologic-access-key", DEV, "SUMO_ACCESS_KEY", lambda: r(ALNUM, 64)),
    ("sumologic-access-id", DEV, "SUMO_ACCESS_ID", lambda: "su" + r(ALNUM, 12)),
    ("newrelic-license-key-legacy", DEV, "NEW_RELIC_LICENSE_KEY", lambda: r(HEX, 40)),
    ("newrelic-api-key", DEV, "NEW_RELIC_REST_API_KEY", lambda: "NRRA-" + r(HEX, 42)),
    ("confluent-api-key", DEV, "CONFLUENT_CLOUD_API_KEY", lambda: r(UP + DI, 16)),
    ("confluent-api-secret", DEV, "CONFLUENT_CLOUD_API_SECRET", lambda: r(B64, 64)),
    ("clickhouse-cloud-api-secret", DEV, "CLICKHOUSE_API_SECRET", lambda: "4b1d" + r(ALNUM, 38)),
    ("sidekiq-credentials", DEV, "BUNDLE_ENTERPRISE__CONTRIBSYS__COM", lambda: r(HEX, 8) + ":" + r(HEX, 8)),
    ("defined-networking-api-token", DEV, "DN_API_KEY", lambda: "dnkey-" + r(UP + DI, 26) + "-" + r(UP + DI, 52)),
    ("adafruit-io-key-legacy", SAAS, "ADAFRUIT_IO_KEY", lambda: r(HEX, 32)),
    ("adobe-client-secret", SAAS, "ADOBE_CLIENT_SECRET", lambda: "p8e-" + r(B64URL, 32)),
    ("adobe-client-id", SAAS, "ADOBE_CLIENT_ID", lambda: r(HEX, 32)),
    ("asana-client-secret", SAAS, "ASANA_CLIENT_SECRET", lambda: r(ALNUM, 32)),
    ("contentful-delivery-token", SAAS, "CONTENTFUL_DELIVERY_TOKEN", lambda: r(B64URL, 43)),
    ("dropbox-app-secret", SAAS, "DROPBOX_APP_SECRET", lambda: r(LODI, 15)),
    ("dropbox-api-token", SAAS, "DROPBOX_TOKEN", lambda: r(B64URL, 64)),
    ("etsy-api-key", SAAS, "ETSY_KEYSTRING", lambda: r(LODI, 24)),
    ("finnhub-api-key", SAAS, "FINNHUB_TOKEN", lambda: r(LODI, 20)),
    ("linkedin-client-secret", SAAS, "LINKEDIN_CLIENT_SECRET", lambda: r(ALNUM, 16)),
    ("linkedin-client-id", SAAS, "LINKEDIN_CLIENT_ID", lambda: r(LODI, 14)),
    ("twitter-api-key", SAAS, "TWITTER_API_KEY", lambda: r(ALNUM, 25)),
    ("twitter-api-secret", SAAS, "TWITTER_API_SECRET", lambda: r(ALNUM, 50)),
    ("twitter-access-token", SAAS, "TWITTER_ACCESS_TOKEN", lambda: r(DI, 19) + "-" + r(ALNUM, 31)),
    ("typeform-token", SAAS, "TYPEFORM_TOKEN", lambda: "tfp_" + r(B64URL, 58)),
    ("hubspot-api-key-legacy", SAAS, "HUBSPOT_API_KEY", uuid),
    ("discord-client-secret", MSG, "DISCORD_CLIENT_SECRET", lambda: r(B64URL, 32)),
    ("telegram-bot-token-context", MSG, "TELEGRAM_BOT_TOKEN", lambda: r(DI, 10) + ":" + rng.choice("BCDEFGH") + r(B64URL, 34)),
    ("slack-legacy-bot-token", MSG, "SLACK_BOT_TOKEN", lambda: f"xoxb-{r(DI, 11)}-{r(ALNUM, 24)}"),
    ("mailgun-webhook-signing-key", MSG, "MAILGUN_WEBHOOK_SIGNING_KEY", lambda: r(HEX, 32)),
    ("messagebird-api-key", MSG, "MESSAGEBIRD_ACCESS_KEY", lambda: r(ALNUM, 25)),
    ("plaid-secret", PAY, "PLAID_SECRET", lambda: r(HEX, 30)),
    ("plaid-client-id", PAY, "PLAID_CLIENT_ID", lambda: r(HEX, 24)),
    ("lob-api-key-context", PAY, "LOB_API_KEY", lambda: "test_" + r(HEX, 35)),
    ("square-oauth-secret", PAY, "SQUARE_SANDBOX_SECRET", lambda: "sandbox-sq0csb-" + r(B64URL, 43)),
    ("asana-client-id", SAAS, "ASANA_API_TOKEN", lambda: rng.choice("123456789") + r(DI, 15)),
    ("cloudant-legacy-api-key", C, "CLOUDANT_API_KEY", lambda: r(LO, 24)),
    ("flutterwave-secret-key", PAY, "FLW_SECRET_KEY", lambda: "FLWSECK_TEST-" + r("abcdefgh0123456789", 32) + "-X"),
    ("slack-legacy-token", MSG, "SLACK_LEGACY_TOKEN", lambda: "xoxr-" + r(ALNUM, 40)),
    ("mailgun-webhook-signing-key", MSG, "MAILGUN_PRIVATE_KEY", lambda: "key-" + r(LODI, 32)),
    ("newrelic-api-key", DEV, "NEW_RELIC_USER_KEY", lambda: "NRAK-" + r(LODI, 27)),
]

# The same name and value written the way each kind of file writes it.
SYNTAX = {
    "env": ("# keyword-context samples (corpus: fake values)\n", lambda n, v: f"{n}={v}", ""),
    "yaml": ("# keyword-context samples (corpus: fake values)\nservices:\n", lambda n, v: f"  {n.lower()}: \"{v}\"", ""),
    "py": ("# settings (corpus: fake values)\n", lambda n, v: f"{n} = '{v}'", ""),
    "js": ("// config (corpus: fake values)\nmodule.exports = {\n", lambda n, v: f"  {camel(n)}: \"{v}\",", "};\n"),
    "json": ("{\n  \"_comment\": \"corpus: fake values\",\n", lambda n, v: f"  \"{n.lower()}\": \"{v}\",", "  \"_end\": true\n}\n"),
    "rb": ("# initializer (corpus: fake values)\n", lambda n, v: f"config.{n.lower()} = \"{v}\"", ""),
    "toml": ("# settings (corpus: fake values)\n[services]\n", lambda n, v: f"{n.lower()} = \"{v}\"", ""),
    "properties": ("# application.properties (corpus: fake values)\n", lambda n, v: f"{n.lower().replace('_', '.')}={v}", ""),
}


def camel(name):
    head, *rest = name.lower().split("_")
    return head + "".join(p.capitalize() for p in rest)


# Samples that are not a NAME = value line: a URL query, a CLI flag, a Bundler source.
EXTRA = [
    ("finnhub-api-key", SAAS, lambda: f"curl \"https://finnhub.io/api/v1/quote?symbol=AAPL&token={r(LODI, 20)}\""),
    ("jfrog-identity-token", REG, lambda: f"jfrog config add prod --url=https://acme.jfrog.io --access-token={r(ALNUM, 64)}"),
    ("sidekiq-gem-source-url", DEV, lambda: f"source \"https://{r(HEX, 8)}:{r(HEX, 8)}@gems.contribsys.com/\" do"),
    ("hubspot-api-key-legacy", SAAS, lambda: f"GET https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey={uuid()}"),
    ("slack-webhook-url", MSG, lambda: f"curl -X POST -d @payload.json hooks.slack.com/services/{r(B64, 44)}"),
    ("openshift-user-token", C, lambda: f"oc login --token=sha256~{r(B64URL, 43)} --server=https://api.ocp.internal:6443"),
    ("ibm-cos-hmac-secret", C, lambda: f"  \"cos_hmac_keys\": {{\"access_key_id\": \"{r(HEX, 32)}\", \"secret_access_key\": \"{r(HEX, 48)}\"}},"),
]

# (Wrong-length values under a secret-sounding name, `CLOUDFLARE_API_KEY=<36 hex>`, are left to
# the unit tests: the generic assignment rule reports them, by design.)
LOOKALIKES = """# keyword-context look-alikes: a service name next to something that is not its key
uses: cloudflare/wrangler-action@{sha40}
CLOUDFLARE_ZONE_ID={hex32}
CLOUDFLARE_ACCOUNT_ID={hex32}
HEROKU_APP_ID={uuid}
heroku_release_id: {uuid}
SNYK_ORG_ID={uuid}
HUBSPOT_PORTAL_ID=4123456
HUBSPOT_FORM_ID={uuid}
sonar.scm.revision={sha40}
sonar.projectKey=acme_{lo24}
newrelic/newrelic-ruby-agent@{sha40}
https://github.com/adafruit/Adafruit_CircuitPython_Bundle/commit/{sha40}
adafruit_feed = "temperature-{lo24}"
ADAFRUIT_IO_KEY=your_adafruit_io_key_here
ADAFRUIT_IO_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
https://www.linkedin.com/company/{lo14}
linkedin_profile = "https://www.linkedin.com/in/jane-doe-{lodi8}"
twitter_handle = "@acme_{lo12}"
twitter_status_url = https://twitter.com/acme/status/{digits19}
DISCORD_PUBLIC_KEY={hex64}
DISCORD_GUILD_ID={digits18}
telegram_chat_id = -100{digits10}
confluence_space_key = {upper16}
confluence_page = https://acme.atlassian.net/wiki/spaces/ENG/pages/{digits9}
jira_issue = https://acme.atlassian.net/browse/ENG-{digits4}
artifactory sha256: {hex64}
artifactory_url = https://acme.jfrog.io/artifactory/api/npm/npm-virtual/
jfrog_checksum = {hex64}
global_key = test_{hex35}
glob.glob("{lo20}/*.py")
consumo = "{alnum64}"
ETSY_SHOP_ID={digits8}
betsy_id = {lodi24}
dropbox_checksum: {hex64}
dropbox_file = /Apps/acme/{lo15}.pdf
plaid_item_id = {alnum37}
PLAID_ENV=sandbox
mailgun_domain = mg.acme-{lo8}.com
MAILGUN_PUBLIC_KEY=pubkey-{hex32}
mailgun_logo = {hex32}.png
IBM_CLOUD_REGION=eu-de
ibm_instance_crn = crn:v1:bluemix:public:cloud-object-storage:global:a/{hex32}::
cloudant_url = https://{uuid}-bluemix.cloudantnosqldb.appdomain.cloud
AZURE_STORAGE_KEY=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==
azure_subscription_id = {uuid}
stripe.api_key = "sk_test_BQokikJOvBiI2HlWgH4olfQ2"
MAILGUN_API_KEY=key-3ax6xnjp29jd6fds4gc373sgvjxteol0
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
"access_token": "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
const searchClient = algoliasearch('latency', '6be0576ff61c053d5f9a3225e2a90f76');
finnhub_symbol = "{lo20}"
contentful_space_id = {lodi12}
CONTENTFUL_ENVIRONMENT=master
sumo_collector_url = https://collectors.sumologic.com/receiver/v1/http/{b64_40}
clickhouse_host = {lo12}.eu-west-1.aws.clickhouse.cloud
sidekiq_version: 7.2.1
messagebird_originator = "Acme"
asana_workspace_gid = {digits16}
bitbucket.org/acme/{lo18}
adobe_fonts_kit = "{lo7}"
lob_address_id = adr_{hex16}
openshift_namespace = acme-{lo8}
dnkey-xxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
bedrock-api-key-<your short-term key>
cloudant_database = "customerorderhistorydata"
asana_project_gid = {digits16}
FLW_PUBLIC_KEY=FLWPUBK_TEST-{hex32}-X
lob_publishable_key = test_pub_{hex31}
slack_docs = https://api.slack.com/messaging/webhooks
"""


def lookalikes():
    fields = {
        "sha40": lambda: r(HEX, 40), "hex32": lambda: r(HEX, 32), "hex36": lambda: r(HEX, 36), "hex64": lambda: r(HEX, 64),
        "hex35": lambda: r(HEX, 35), "hex31": lambda: r(HEX, 31), "hex16": lambda: r(HEX, 16), "b64url41": lambda: r(B64URL, 41), "uuid": uuid,
        "lo24": lambda: r(LO, 24), "lo14": lambda: r(LO, 14), "lo12": lambda: r(LO, 12), "lo20": lambda: r(LO, 20),
        "lo15": lambda: r(LO, 15), "lo18": lambda: r(LO, 18), "lo8": lambda: r(LO, 8), "lo7": lambda: r(LO, 7),
        "lodi8": lambda: r(LODI, 8), "lodi12": lambda: r(LODI, 12), "lodi21": lambda: r(LODI, 21), "lodi24": lambda: r(LODI, 24),
        "digits19": lambda: r(DI, 19), "digits18": lambda: r(DI, 18), "digits16": lambda: r(DI, 16), "digits10": lambda: r(DI, 10),
        "digits9": lambda: r(DI, 9), "digits8": lambda: r(DI, 8), "digits4": lambda: r(DI, 4), "upper16": lambda: r(UP, 16),
        "alnum64": lambda: r(ALNUM, 64), "alnum37": lambda: r(ALNUM, 37), "b64_40": lambda: r(B64URL, 40),
    }
    out = []
    for line in LOOKALIKES.splitlines():
        while "{" in line and "}" in line:
            start = line.index("{")
            end = line.index("}", start)
            key = line[start + 1 : end]
            if key not in fields:
                break
            line = line[:start] + fields[key]() + line[end + 1 :]
        out.append(line)
    return "\n".join(out) + "\n"


def write(root, labels, neg_units):
    """Writes the files and appends their labels (and the negatives file's snippet unit)."""
    files = {}
    syntaxes = list(SYNTAX)
    for i, (rule, family, name, gen) in enumerate(SAMPLES * 2):
        files.setdefault(syntaxes[i % len(syntaxes)], []).append((rule, family, SYNTAX[syntaxes[i % len(syntaxes)]][1](name, gen())))
    files.setdefault("txt", []).extend((rule, family, gen()) for rule, family, gen in EXTRA)
    for syntax, rows in sorted(files.items()):
        head, _, tail = SYNTAX.get(syntax, ("# commands and URLs (corpus: fake values)\n", None, ""))
        name = f"context-samples.{syntax}"
        text = head
        for rule, family, line in rows:
            labels.append({"file": "positives/" + name, "line": text.count("\n") + 1, "rule": rule, "family": family})
            text += line + "\n"
        with open(os.path.join(root, "positives", name), "w") as f:
            f.write(text + tail)
    with open(os.path.join(root, "negatives", "context-lookalikes.txt"), "w") as f:
        f.write(lookalikes())
    neg_units["context-lookalikes.txt"] = "lines"
    labels.sort(key=lambda x: (x["file"], x["line"]))
