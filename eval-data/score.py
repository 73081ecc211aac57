#!/usr/bin/env python3
"""Scores scanner outputs against manifest.json.

usage: score.py MANIFEST OUTDIR [--details]
OUTDIR holds <tool>-leaks.<ext> and <tool>-clean.<ext> for each tool run by run.sh.
A finding matches a labeled credential when its line range overlaps the label's lines.
"""

import collections
import json
import os
import sys


def hush(path):
    out = []
    for line in open(path):
        if line.strip():
            f = json.loads(line)
            out.append((f["file"], f["line"], f["line"], f["rule"]))
            for p in f.get("places", []):
                out.append((p["file"], p["line"], p["line"], f["rule"]))
    return out


def gitleaks(path):
    data = json.load(open(path)) if os.path.getsize(path) else []
    return [(f["File"], f["StartLine"], f["EndLine"], f["RuleID"]) for f in data or []]


def betterleaks(path):
    data = json.load(open(path)) if os.path.getsize(path) else {"findings": []}
    out = []
    for f in data.get("findings") or []:
        loc = f["location"]
        out.append((loc["path"], loc["start_line"], loc.get("end_line") or loc["start_line"], f["rule_id"]))
    return out


def kingfisher(path):
    data = json.load(open(path)) if os.path.getsize(path) else {"findings": []}
    return [(f["finding"]["path"], f["finding"]["line"], f["finding"]["line"], f["rule"]["id"]) for f in data.get("findings") or []]


TOOLS = [
    ("hush-low", hush, "jsonl"),
    ("hush-medium", hush, "jsonl"),
    ("gitleaks", gitleaks, "json"),
    ("betterleaks", betterleaks, "json"),
    ("kingfisher", kingfisher, "json"),
    ("kingfisher-low", kingfisher, "json"),
]


def overlaps(label, lo, hi):
    return lo <= label["end"] and label["line"] <= hi


def score(manifest, leaks, clean):
    labels = manifest["leaks"]
    secrets = [(f, l) for f, ls in labels.items() for l in ls if l["role"] == "secret"]
    found = set()
    unlabeled = []
    by_file = collections.defaultdict(list)
    for f, lo, hi, rule in leaks:
        by_file[f].append((lo, hi, rule))
    for f, lo, hi, rule in leaks:
        hit = [l for l in labels.get(f, []) if overlaps(l, lo, hi)]
        if not hit:
            unlabeled.append((f, lo, rule))
        for l in hit:
            if l["role"] == "secret":
                found.add((f, l["line"], l["kind"]))
            elif "pair" in l:
                found.update((f, p["line"], p["kind"]) for p in labels[f] if p["line"] == l["pair"])
    missed = [(f, l) for f, l in secrets if (f, l["line"], l["kind"]) not in found]
    flagged = {f for f, _, _ in found}
    fps = [(f, lo, rule) for f, lo, hi, rule in clean]
    return {
        "files_flagged": len(flagged),
        "leak_files": len(labels),
        "recall": (len(secrets) - len(missed)) / len(secrets),
        "secrets": len(secrets),
        "found": len(secrets) - len(missed),
        "missed": missed,
        "clean_fp": fps,
        "clean_files": len(manifest["clean"]),
        "clean_files_flagged": len({f for f, _, _ in fps}),
        "unlabeled": sorted(set(unlabeled)),
    }


def main():
    manifest = json.load(open(sys.argv[1]))
    outdir = sys.argv[2]
    details = "--details" in sys.argv
    rows = []
    results = {}
    for name, parse, ext in TOOLS:
        lp, cp = (os.path.join(outdir, f"{name}-{s}.{ext}") for s in ("leaks", "clean"))
        if not (os.path.exists(lp) and os.path.exists(cp)):
            rows.append(f"| {name} | (not run) | | | | |")
            continue
        r = score(manifest, parse(lp), parse(cp))
        results[name] = r
        rows.append(
            f"| {name} | {r['files_flagged']}/{r['leak_files']} | {r['found']}/{r['secrets']} = {r['recall']:.3f} "
            f"| {len(r['clean_fp'])} ({len(r['clean_fp']) / r['clean_files']:.2f}/file) "
            f"| {r['clean_files_flagged']}/{r['clean_files']} | {len(r['unlabeled'])} |"
        )
    print("| tool | leak files flagged | credential recall | clean findings (per file) | clean files flagged | unlabeled-line findings in leak files |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    if details:
        for name, r in results.items():
            print(f"\n## {name}\n\nmissed ({len(r['missed'])}):")
            for f, l in r["missed"]:
                print(f"  {f}:{l['line']}  {l['kind']}")
            print(f"false positives on clean files ({len(r['clean_fp'])}):")
            for f, lo, rule in r["clean_fp"]:
                print(f"  {f}:{lo}  {rule}")
            print(f"findings on unlabeled lines of leak files ({len(r['unlabeled'])}):")
            for f, lo, rule in r["unlabeled"]:
                print(f"  {f}:{lo}  {rule}")


if __name__ == "__main__":
    main()
