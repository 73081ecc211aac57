#!/usr/bin/env python3
"""Writes one benchmark environment as YAML and as dotenv, with the same flat keys and values.

Usage: gendata.py COUNT OUT_PREFIX [SEED]
Writes OUT_PREFIX.yaml and OUT_PREFIX.env with COUNT keys KEY_00001.. whose values are
secret-like strings of 20 to 60 characters (API tokens, base64 blobs, connection strings,
hex digests...). The output is deterministic for a given COUNT and SEED, so runs compare.

Values use only characters that need no escaping in either syntax: YAML gets them in double
quotes (so none is read as a number, boolean or null), dotenv unquoted.
"""

import random
import string
import sys

ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"


def fill(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(max(n, 1)))


def secret(rng: random.Random) -> str:
    """A value of 20 to 60 characters shaped like a real secret."""
    length = rng.randint(20, 60)
    kind = rng.randrange(6)
    if kind == 0:  # provider token with a prefix
        prefix = rng.choice(["sk_live_", "pk_test_", "ghp_", "xoxb-", "AKIA", "glpat-", "SG."])
        return prefix + fill(rng, URLSAFE, length - len(prefix))
    if kind == 1:  # base64 blob, padded
        body = fill(rng, B64, length - 2)
        return body + rng.choice(["==", "=A", "Qw"])
    if kind == 2:  # connection string
        user = fill(rng, string.ascii_lowercase, rng.randint(3, 6))
        host = fill(rng, string.ascii_lowercase, rng.randint(3, 6))
        head = f"postgres://{user}:"
        tail = f"@{host}.internal/app"
        return head + fill(rng, URLSAFE, max(length - len(head) - len(tail), 4)) + tail
    if kind == 3:  # hex digest / key
        return fill(rng, HEX, length)
    if kind == 4:  # JWT-ish dotted segments
        a = fill(rng, URLSAFE, length // 3)
        b = fill(rng, URLSAFE, length // 3)
        return a + "." + b + "." + fill(rng, URLSAFE, length - len(a) - len(b) - 2)
    return fill(rng, ALNUM, length)  # plain random password


def main() -> None:
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    count = int(sys.argv[1])
    prefix = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) == 4 else 42
    rng = random.Random(seed * 1_000_003 + count)
    pairs = [(f"KEY_{i:05d}", secret(rng)) for i in range(1, count + 1)]
    for key, value in pairs:
        assert 20 <= len(value) <= 60, (key, value)
    with open(prefix + ".yaml", "w", encoding="ascii") as out:
        out.write(f"# benchmark environment: {count} values\n")
        out.writelines(f'{k}: "{v}"\n' for k, v in pairs)
    with open(prefix + ".env", "w", encoding="ascii") as out:
        out.write(f"# benchmark environment: {count} values\n")
        out.writelines(f"{k}={v}\n" for k, v in pairs)


if __name__ == "__main__":
    main()
