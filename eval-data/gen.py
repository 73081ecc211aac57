#!/usr/bin/env python3
"""Writes leaks/, clean/ and manifest.json from the templates (seeded, so reruns give the same files)."""

import json
import os
import re
import shutil

import gen_lib
from gen_clean import CLEAN
from gen_leaks import LEAKS

HERE = os.path.dirname(os.path.abspath(__file__))
# An identifier reported in place of its secret (some scanners report a key pair at the ID's line)
# credits the secret that follows it.
PAIRS = {"aws-access-key-id": "aws-secret-access-key", "twilio-account-sid": "twilio-auth-token", "pusher-key": "pusher-secret"}
PLAIN = re.compile(r"⟪(.+?)⟫", re.S)


def write(rel, text):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    env = vars(gen_lib)
    for d in ("leaks", "clean"):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    manifest = {"leaks": {}, "clean": sorted("clean/" + k for k in CLEAN)}
    for rel, tpl in sorted(LEAKS.items()):
        text, labels = gen_lib.expand(tpl, env)
        assert labels, rel
        for i, label in enumerate(labels):
            partner = PAIRS.get(label["kind"])
            if partner:
                label["pair"] = next(l["line"] for l in labels[i:] if l["kind"] == partner)
        write("leaks/" + rel, text)
        manifest["leaks"]["leaks/" + rel] = labels
    for rel, tpl in sorted(CLEAN.items()):
        text = PLAIN.sub(lambda m: str(eval(m.group(1), env)), tpl)
        assert "⟦" not in text, rel
        write("clean/" + rel, text)
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")
    secrets = sum(1 for v in manifest["leaks"].values() for l in v if l["role"] == "secret")
    print(f"{len(LEAKS)} leak files ({secrets} secrets), {len(CLEAN)} clean files")


if __name__ == "__main__":
    main()
