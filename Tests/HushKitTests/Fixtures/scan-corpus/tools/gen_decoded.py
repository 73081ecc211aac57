"""Writes the decoded-secrets part of the scan corpus: decoded/ (fake credentials inside base64
and percent-encoded text, as they occur in Kubernetes Secrets, CI variables and URLs) and
decoded.json, which labels each sample with file, line (of the encoded segment), rule, family
and how it is encoded (`base64`, `url`, `base64+base64`), and lists look-alikes (encoded text
that decodes to nothing that may fire). ScanDecodedCorpusTests runs the engine over them. Every value comes from a seeded random generator: none is a real credential.

Called by generate.py (`main(ROOT)`); deterministic, with a generator of its own so that the
rest of the corpus does not change when this part does.
"""
import base64, json, os, random, string, urllib.parse, zlib

rng = random.Random(20261130)
UP, LO, DI = string.ascii_uppercase, string.ascii_lowercase, string.digits
ALNUM, B64, B64URL = UP + LO + DI, UP + LO + DI + "+/", UP + LO + DI + "-_"


def r(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def b62(n, width=6):
    s = ""
    while True:
        s = (DI + UP + LO)[n % 62] + s
        n //= 62
        if n == 0:
            break
    return s.rjust(width, "0")


def github():
    body = r(ALNUM, 30)
    return "ghp_" + body + b62(zlib.crc32(body.encode()))


def aws():
    return "AKIA" + r(UP + "234567", 16)


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def jwt():
    header = b64url(json.dumps({"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"sub": r(DI, 9), "iat": 1717000000 + rng.randrange(10**7)}).encode())
    return f"{header}.{payload}.{r(B64URL, 43)}"


def pem():
    body = "\n".join(r(B64, 64) for _ in range(8))
    return f"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA{r(B64, 48)}\n{body}\n-----END RSA PRIVATE KEY-----\n"


def slack():
    return f"xoxb-{r(DI, 12)}-{r(DI, 13)}-{r(ALNUM, 24)}"


def stripe():
    return "sk_live_" + r(ALNUM, 99)


def b64(text):
    return base64.b64encode(text.encode()).decode()


def main(root):
    out = os.path.join(root, "decoded")
    os.makedirs(out, exist_ok=True)
    labels = []

    def write(name, lines, samples):
        """samples: (line index, rule, family, how) for lines that carry an encoded secret."""
        with open(os.path.join(out, name), "w") as f:
            f.write("\n".join(lines) + "\n")
        for index, rule, family, how in samples:
            labels.append({"file": "decoded/" + name, "line": index + 1, "rule": rule, "family": family, "decoded": how})

    # A Kubernetes Secret: every data value is the base64 of the raw value.
    for n in range(3):
        lines = ["apiVersion: v1", "kind: Secret", "metadata:", f"  name: app-{n}", "type: Opaque", "data:"]
        samples = []
        for key, value, rule, family in [
            ("aws-access-key-id", aws(), "aws-access-key-id", "cloud"),
            ("github-token", github(), "github-classic-token", "code-hosts"),
            ("session-jwt", jwt(), "jwt", "web"),
            ("tls.key", pem(), "private-key-pem", "private-keys"),
            ("slack-bot-token", slack(), "slack-bot-token", "messaging"),
            ("stripe-key", stripe(), "stripe-secret-key", "payments"),
        ]:
            samples.append((len(lines), rule, family, "base64"))
            lines.append(f"  {key}: {b64(value)}")
        write(f"k8s-secret-{n}.yaml", lines, samples)

    # A whole .env file in base64 (a CI variable), URL-safe base64 without padding, and a
    # JWT encoded twice (base64 of the base64 of the token).
    lines, samples = ["# CI variables (base64)"], []
    for n in range(3):
        env = f"AWS_ACCESS_KEY_ID={aws()}\nLOG_LEVEL=info\n"
        samples.append((len(lines), "aws-access-key-id", "cloud", "base64"))
        lines.append(f"ENV_FILE_{n}={b64(env)}")
        samples.append((len(lines), "github-classic-token", "code-hosts", "base64"))
        lines.append(f"GH_{n}={b64url(github().encode())}")
        samples.append((len(lines), "jwt", "web", "base64+base64"))
        lines.append(f"TOKEN_TWICE_{n}={b64(b64(jwt()))}")
    write("ci-variables.env", lines, samples)

    # Percent-encoded connection URLs and tokens in query strings and form bodies.
    lines, samples = ["# URL-encoded settings"], []
    for n in range(3):
        password = r(ALNUM, 18)
        url = f"postgres://app:{password}@db{n}.internal:5432/app"
        samples.append((len(lines), "postgres-connection-url", "databases", "url"))
        lines.append(f"callback=https%3A%2F%2Fci.example.com%2Fhook&database={urllib.parse.quote(url, safe='')}")
        samples.append((len(lines), "jwt", "web", "url+base64"))
        lines.append(f"state={urllib.parse.quote('payload=' + b64(jwt()), safe='')}&mode=full")
    write("urlencoded.txt", lines, samples)

    # Look-alikes: encoded text that must decode to nothing that fires.
    negatives = []

    def negative(name, lines):
        with open(os.path.join(out, name), "w") as f:
            f.write("\n".join(lines) + "\n")
        negatives.append("decoded/" + name)

    config = "database:\n  password: ${DB_PASSWORD}\n  token: {{ .Values.token }}\nlog_level: info\n"
    texts = [
        "Reset your password from the account page; tokens expire after one hour.",
        "secret management is handled by the platform team (see the runbook)",
        "Use `hush set` to store the TOKEN; never paste a PASSWORD into chat.",
        "-----BEGIN CERTIFICATE-----\nMIIB" + r(B64, 60) + "\n-----END CERTIFICATE-----\n",
        '{"alg":"HS256","typ":"JWT"}',
        config,
    ]
    lines = ["kind: ConfigMap", "binaryData:"]
    for i, text in enumerate(texts):
        lines.append(f"  text-{i}: {b64(text)}")
    for i in range(4):
        lines.append(f"  blob-{i}: {base64.b64encode(b'AKIA' + bytes(rng.randrange(256) for _ in range(200))).decode()}")
    negative("negatives-base64.yaml", lines)
    lines = [
        "redirect=" + urllib.parse.quote("https://app.example.com/callback?next=/settings&tab=password", safe=""),
        "q=" + urllib.parse.quote('name = "token rotation" and status = "done"', safe=""),
        "form=" + urllib.parse.quote("user=alice&password=&remember=1", safe=""),
        'printf("%3d %2f%% done, %20s left\\n", n, share, label);',
        "path=/files/My%20Documents/Quarterly%20Report%202026.pdf",
    ]
    negative("negatives-urlencoded.txt", lines)

    with open(os.path.join(root, "decoded.json"), "w") as f:
        json.dump({"positives": labels, "negatives": negatives}, f, indent=1)
        f.write("\n")
    print(len(labels), "decoded samples")
