#!/usr/bin/env python3
"""How often does hush miss a random strong password under a password name? (README.md, last note)

usage: sensitivity.py HUSH_BINARY
Draws 100 passwords with gen_lib.password (seed 99), writes each into seven syntaxes in a
temporary folder, scans it, and prints the found count per syntax and the shapes of the misses
(letters as a, digits as 9).
"""

import collections
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_lib  # noqa: E402

CONTEXTS = {
    "ini": ("conf.ini", "[db]\npassword = {v}\n"),
    "env": (".env", "APP_ENV=production\nDB_PASSWORD={v}\n"),
    "yaml": ("application.yml", "spring:\n  datasource:\n    password: {q}\n"),
    "php": ("wp-config.php", "<?php\ndefine( 'DB_PASSWORD', '{v}' );\n"),
    "js": ("db.js", "const pool = new Pool({{\n  password: '{v}',\n}});\n"),
    "py": ("load.py", 'conn = psycopg2.connect(\n    password="{v}",\n)\n'),
    "properties": ("application.properties", "spring.datasource.password={v}\n"),
}
N = 100


def main():
    gen_lib.R.seed(99)
    pws = [gen_lib.password(gen_lib.R.choice([12, 14, 16, 18, 20])) for _ in range(N)]
    with tempfile.TemporaryDirectory() as work:
        for i, v in enumerate(pws):
            for c, (name, tpl) in CONTEXTS.items():
                d = os.path.join(work, c, f"{i:03d}")
                os.makedirs(d)
                with open(os.path.join(d, name), "w") as f:
                    f.write(tpl.format(v=v, q=gen_lib.yq(v)))
        out = subprocess.run(
            [os.path.abspath(sys.argv[1]), "scan", "--format", "json", "--no-vault", "-q", "--all-places", "."],
            cwd=work, capture_output=True, text=True,
        ).stdout
    hits = collections.defaultdict(set)
    for line in out.splitlines():
        f = json.loads(line)
        for p in [f] + f["places"]:
            c, i = p["file"].split("/")[:2]
            hits[c].add(int(i))
    missed = collections.Counter()
    for c in CONTEXTS:
        miss = [pws[i] for i in range(N) if i not in hits[c]]
        print(f"{c}: {N - len(miss)}/{N} found")
        missed.update(miss)
    print("missed shapes (contexts):")
    for m, n in missed.most_common():
        print(f"  {re.sub('[A-Za-z]', 'a', re.sub('[0-9]', '9', m))} ({n})")


if __name__ == "__main__":
    main()
