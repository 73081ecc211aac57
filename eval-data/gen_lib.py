"""Value generators and the template expander for the blind evaluation set.

Every value is random (seeded) and shaped after the format its issuer documents; none is a
real credential. A template marks each labeled value as  ⟦kind|role|expr⟧ : `kind` names the
credential, `role` is `secret` (counts for recall) or `id` (an identifier that travels with a
secret, e.g. an AWS access key ID; findings there are neither hits nor noise), and `expr` is a
Python expression over the generators below. The expander records the line (and, for
multi-line values, the last line) of every marked value in the manifest.
"""

import base64
import json
import random
import re
import string

R = random.Random(14_2026)

ALNUM = string.ascii_letters + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
CRYPT = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
HEX = "0123456789abcdef"


def pick(alphabet, n):
    return "".join(R.choice(alphabet) for _ in range(n))


def alnum(n):
    return pick(ALNUM, n)


def hexs(n):
    return pick(HEX, n)


def HEXS(n):
    return pick(HEX.upper(), n)


def digits(n):
    return pick(string.digits[1:], 1) + pick(string.digits, n - 1)


def b64(raw):
    return base64.b64encode(raw if isinstance(raw, bytes) else raw.encode()).decode()


def b64url_nopad(raw):
    return base64.urlsafe_b64encode(raw if isinstance(raw, bytes) else raw.encode()).decode().rstrip("=")


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def uuid4():
    h = hexs(32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{R.choice('89ab')}{h[17:20]}-{h[20:32]}"


def password(n=16):
    """A strong human-chosen-looking password: letters, digits and a few symbols."""
    body = pick(ALNUM, n - 2) + R.choice("!#%*-_.") + pick(string.digits, 1)
    return "".join(R.sample(body, len(body)))


# Provider formats (facts from each issuer's documentation).
def aws_id():
    return "AKIA" + pick(string.ascii_uppercase + "234567", 16)


def aws_secret():
    return pick(ALNUM + "/+", 40)


def ghp():
    return "ghp_" + alnum(36)


def gho():
    return "gho_" + alnum(36)


def github_pat():
    return "github_pat_11" + pick(UPPER_ALNUM, 20) + "_" + alnum(59)


def npm_token():
    return "npm_" + alnum(36)


def glpat():
    return "glpat-" + pick(B64URL, 20)


def slack_webhook():
    return f"https://hooks.slack.com/services/T{pick(UPPER_ALNUM, 8)}/B{pick(UPPER_ALNUM, 10)}/{alnum(24)}"


def slack_bot():
    return f"xoxb-{digits(12)}-{digits(13)}-{alnum(24)}"


def discord_webhook():
    return f"https://discord.com/api/webhooks/{digits(19)}/{pick(B64URL, 68)}"


def discord_bot():
    return b64url_nopad(digits(19)) + "." + pick(B64URL, 6) + "." + pick(B64URL, 38)


def stripe_live():
    return "sk_live_51" + alnum(97)


def stripe_restricted():
    return "rk_live_" + alnum(24)


def twilio_sid():
    return "AC" + hexs(32)


def sendgrid():
    return "SG." + pick(B64URL, 22) + "." + pick(B64URL, 43)


def mailgun():
    return "key-" + hexs(32)


def openai():
    return "sk-proj-" + pick(B64URL, 74) + "T3BlbkFJ" + pick(B64URL, 74)


def anthropic():
    return "sk-ant-api03-" + pick(B64URL, 93) + "AA"


def google_api():
    return "AIza" + pick(B64URL, 35)


def telegram():
    return digits(10) + ":AA" + pick(B64URL, 33)


def shopify():
    return "shpat_" + hexs(32)


def pypi_token():
    return "pypi-AgEIcHlwaS5vcmcCJG" + pick(B64URL, 150)


def jwt(claims=None):
    header = b64url_nopad(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")))
    claims = claims or {"sub": uuid4(), "role": "service", "iat": 1735689600 + R.randint(0, 9_000_000)}
    payload = b64url_nopad(json.dumps(claims, separators=(",", ":")))
    return f"{header}.{payload}.{pick(B64URL, 43)}"


def azure_account_key():
    return b64(rbytes(64))


def azure_sas_key():
    return b64(rbytes(32))


def django_key():
    return "django-insecure-" + pick(string.ascii_lowercase + string.digits + "!@#$%^&*(-_=+)", 50)


def laravel_key():
    return "base64:" + b64(rbytes(32))


def wp_salt():
    return pick(string.ascii_letters + string.digits + "!@#$%^&*()-_[]{}<>~+=,.;:/?|", 64).replace("'", "")


def sha512crypt():
    return "$6$" + pick(CRYPT, 16) + "$" + pick(CRYPT, 86)


def yescrypt():
    return "$y$j9T$" + pick(CRYPT, 22) + "$" + pick(CRYPT, 43)


def apr1():
    return "$apr1$" + pick(CRYPT, 8) + "$" + pick(CRYPT, 22)


def bcrypt():
    return "$2y$10$" + pick(CRYPT, 53)


def winscp_pw():
    return "A35C" + HEXS(R.choice([76, 84, 92]))


def wrap64(s):
    return "\n".join(s[i : i + 64] for i in range(0, len(s), 64))


def pem(label, der):
    return f"-----BEGIN {label}-----\n{wrap64(b64(der))}\n-----END {label}-----"


def rsa_pem():
    return pem("RSA PRIVATE KEY", bytes.fromhex("308204a40201000282010100") + rbytes(1180))


def pkcs8_pem():
    head = "308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100"
    return pem("PRIVATE KEY", bytes.fromhex(head) + rbytes(1180))


def ec_pem():
    der = bytes.fromhex("30770201010420") + rbytes(32) + bytes.fromhex("a00a06082a8648ce3d030107a14403420004") + rbytes(64)
    return pem("EC PRIVATE KEY", der)


def openssh_key():
    blob = b"openssh-key-v1\x00" + b"\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01"
    blob += b"\x00\x00\x00\x33\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(32) + rbytes(150)
    return f"-----BEGIN OPENSSH PRIVATE KEY-----\n{wrap64(b64(blob)).replace(chr(10), chr(10))}\n-----END OPENSSH PRIVATE KEY-----"


def ppk_file():
    """An unencrypted PuTTY key, format 3 (ed25519: 51-byte public blob, 36-byte private blob)."""
    return "\n".join([
        "PuTTY-User-Key-File-3: ssh-ed25519",
        "Encryption: none",
        "Comment: eddsa-key-20240611",
        "Public-Lines: 1",
        b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(32)),
        "Private-Lines: 1",
        b64(b"\x00\x00\x00\x20" + rbytes(32)),
        "Private-MAC: " + hexs(64),
    ])


def gcp_private_key_json():
    return pkcs8_pem().replace("\n", "\\n") + "\\n"


def yq(value):
    """A YAML plain scalar as a person would write it: quoted when it starts with an indicator."""
    return f'"{value}"' if value[0] in "!&*?|>'%@`-:,[]{}#" else value


MARK = re.compile(r"⟦([^|⟧]+)\|([^|⟧]+)\|(.+?)⟧", re.S)


def expand(text, env):
    """Returns (content, labels): evaluates every mark and records its 1-based line span."""
    out, labels, pos = [], [], 0
    for m in MARK.finditer(text):
        out.append(text[pos : m.start()])
        kind, role, expr = m.group(1), m.group(2), m.group(3)
        value = str(eval(expr, env))
        start = "".join(out).count("\n") + 1
        out.append(value)
        labels.append({"line": start, "end": start + value.count("\n"), "kind": kind, "role": role})
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), labels
