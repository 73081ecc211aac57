#!/usr/bin/env python3
"""Writes a nested, service-style YAML environment for memory and speed measurements.

Usage: gennested.py COUNT OUT.yaml [SEED]
Writes COUNT mappings under `services`, each of four scalar keys (host, port, user, password)
and a three-item flow list (tags): seven values per mapping, three parts per key path. Nested
files cost more per value than flat ones (gendata.py): every value carries a longer key path
and the outline has more nodes. The output is deterministic for a given COUNT and SEED.
Keys are letters, digits and underscores, so `hush exec` accepts every flattened name.
"""

import random
import string
import sys

ALNUM = string.ascii_letters + string.digits


def main() -> None:
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 7)

    def text(n: int) -> str:
        return "".join(rng.choice(ALNUM) for _ in range(n))

    with open(out, "w", encoding="utf-8") as f:
        f.write("services:\n")
        for i in range(count):
            f.write(f"  svc_{i:07d}:\n")
            f.write(f"    host: {text(6)}.internal\n")
            f.write(f"    port: {rng.randint(1000, 65000)}\n")
            f.write(f"    user: {text(8)}\n")
            f.write(f'    password: "{text(rng.randint(16, 40))}"\n')
            f.write(f"    tags: [{text(4)}, {text(5)}, {text(3)}]\n")


if __name__ == "__main__":
    main()
