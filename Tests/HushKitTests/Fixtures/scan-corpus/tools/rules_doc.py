#!/usr/bin/env python3
"""Prints the rules tables of docs/scan-rules.md from a rules dump
(HUSH_RULES_DUMP=/tmp/rules.json swift test --filter dumpForPCRE2)."""
import json, re, sys

FAMILIES = {
    "cloud": "Cloud", "code-hosts": "Code hosts", "payments": "Payments and commerce", "messaging": "Messaging and e-mail",
    "ai": "AI and ML APIs", "registries": "Package registries", "devops": "Infrastructure, CI, observability, identity",
    "saas": "SaaS, productivity and social", "private-keys": "Private keys", "databases": "Databases and brokers",
    "web": "Web credentials", "config-files": "Configuration files", "generic": "Generic secrets", "assignments": "Assignments",
}
STOP = [" (", " API", " personal", " access", " secret", " Secret", " token", " Token", " key", " Key", " auth", " OAuth",
        " app", " service", " client", " connection", " private", " public", " legacy", " live", " license", " webhook",
        " incoming", " bot", " user", " refresh", " server", " organization", " admin", " deploy", " SDK", " developer",
        " integration", " Cloud", " Endpoints", " REST", " account", " session", " runner", " pipeline", " feed", " CI",
        " agent", " SCIM", " feature", " workspace", " ingest", " HTTP", " shared", " common", " storage", " Marketplace",
        " temporary", " Origin", " global", " container", " Channels", " channel", " Transactional", " upload", " source",
        " write", " catch", " Graph", " IO", " URL", " Event", " AccessKey", " SecretId", " IAM", " Service", " annotated"]


def provider(desc):
    cut = len(desc)
    for s in STOP:
        i = desc.find(s)
        if 0 < i < cut:
            cut = i
    return desc[:cut].strip()


def fmt(pattern):
    m = re.search(r"\(\?<secret>", pattern)
    if m:
        depth, i = 1, m.end()
        while i < len(pattern) and depth:
            if pattern[i] == "\\":
                i += 2
                continue
            depth += {"(": 1, ")": -1}.get(pattern[i], 0)
            i += 1
        body = pattern[m.end():i - 1]
    else:
        body = pattern
    body = body.replace("|", "\\|")
    return body if len(body) <= 70 else body[:67] + "…"


rules = json.load(open(sys.argv[1]))
providers = set()
for fam, title in FAMILIES.items():
    rows = [r for r in rules if r["family"] == fam]
    print(f"### {title} (`{fam}`, {len(rows)} rules)\n")
    print("| Provider | Rule id | Finds | Format (the secret part) |")
    print("|---|---|---|---|")
    for r in rows:
        p = provider(r["description"]) if fam not in ("generic", "web", "databases", "private-keys", "config-files", "assignments") else "—"
        if p != "—":
            providers.add(p)
        print(f"| {p} | `{r['id']}` | {r['description']} | `{fmt(r['pattern'])}` |")
    print()
print(f"<!-- {len(rules)} rules, {len(providers)} providers -->", file=sys.stderr)
print(len(providers), sorted(providers), file=sys.stderr)
