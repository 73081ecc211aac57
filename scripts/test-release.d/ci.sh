# Sourced by scripts/test-release: the installed hush as a team and its CI use it: a vault with a
# read-only deploy key, action.yml run as GitHub would, and the install lines of docs/ci.md.

# --- a vault, as a team and its CI have it -------------------------------------------------
# Only the installed hush, git and coreutils on PATH; alice's key in her home; the deploy key
# ci-production reads production only (its .pub holds just the age1 line: it cannot write).
# $tools adds what install.sh and the docs' install lines use: curl, tar, gzip, awk, sed, grep.
minimal="$work/minimal-path" tools="$work/tools"
mkdir -p "$minimal" "$tools"
link() { [ -e "$1/$(basename "$2")" ] || ln -s "$2" "$1/$(basename "$2")"; }
for tool in git sh; do link "$minimal" "$(command -v "$tool")"; done
for tool in $(dpkg -L coreutils 2>/dev/null | grep -E '^/(usr/)?bin/.' || true); do link "$minimal" "$tool"; done
for tool in cat env printf mkdir mktemp rm ls head cut tr wc basename dirname uname sha256sum chmod cp mv stat; do
  command -v "$tool" >/dev/null && link "$minimal" "$(command -v "$tool")"
done
for tool in "$minimal"/*; do link "$tools" "$(readlink "$tool")"; done
for tool in curl tar gzip awk sed grep bash; do link "$tools" "$(command -v "$tool")"; done
python=$(command -v python3)
repo="$work/repo" alice="$work/alice-home" cihome="$work/ci-home"
mkdir -p "$repo" "$alice" "$cihome"
printf '[user]\n\tname = Alice Example\n\temail = alice@example.com\n[init]\n\tdefaultBranch = main\n' >"$alice/.gitconfig"
as_alice() { (cd "$repo" && env -i HOME="$alice" PATH="$work/i1:$minimal" LANG=C.UTF-8 GIT_CONFIG_NOSYSTEM=1 "$@"); }
tour() {
  as_alice git init -q &&
    as_alice hush keygen >/dev/null &&
    as_alice hush init --name alice >/dev/null &&
    printf %s 'postgres://app:s3cr3t@db.internal/app' | as_alice hush set production DATABASE_URL &&
    printf %s 'sk_live_example' | as_alice hush set production STRIPE_KEY &&
    printf %s 'staging-only' | as_alice hush set staging TOKEN &&
    [ "$(as_alice hush get production DATABASE_URL)" = 'postgres://app:s3cr3t@db.internal/app' ] &&
    [ "$(as_alice hush exec production -- sh -c 'printf %s "$STRIPE_KEY"')" = sk_live_example ] &&
    as_alice hush keygen --output - >"$work/deploy.key" 2>"$work/deploy.pub" &&
    printf 'environments:\n  production: {read: [alice, ci-production], write: [alice]}\n  staging: [alice]\n' >"$repo/recipients/access.yaml" &&
    as_alice hush recipients add --yes ci-production "$(head -1 "$work/deploy.pub")" &&
    as_alice git add -A && as_alice git commit -qm "vault with a read-only deploy key" &&
    as_alice hush verify
}
check "installed hush runs a tour with only git and coreutils on PATH (keygen, init, set, get, exec, deploy key, verify)" tour

# --- action.yml, run as GitHub would --------------------------------------------------------
# Each run: a fresh RUNNER_TEMP, the vault as GITHUB_WORKSPACE, the CI job's empty HOME and the
# deploy key in HUSH_IDENTITY (as `env: HUSH_IDENTITY: ${{ secrets.HUSH_IDENTITY }}` sets it).
run_action() { # run_action NAME [--input K=V]...: runs action.yml; the summary is in $work/$NAME.json
  local label=$1
  shift
  rm -rf "$work/runner-$label" && mkdir -p "$work/runner-$label"
  env -i HOME="$cihome" PATH="$tools:/usr/bin:/bin" LANG=C.UTF-8 GIT_CONFIG_NOSYSTEM=1 \
    HUSH_IDENTITY="$(cat "$work/deploy.key")" \
    "$python" scripts/release.d/run-action action.yml --workspace "$repo" --temp "$work/runner-$label" \
    --summary "$work/$label.json" "$@"
}
summary() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$work/$1.json" "$2"; }

if out=$(run_action install --input version="$version" --input url="file://$dist" 2>&1) &&
  [ "$(summary install 'd["outputs"]["path"]')" = "$work/runner-install/hush/bin/hush" ] &&
  [ "$(summary install 'd["path"]')" = "['$work/runner-install/hush/bin']" ] &&
  [[ "$(summary install 'd["outputs"]["version"]')" == "hush $version "* ]] &&
  [ "$(summary install '[s["outcome"] for s in d["steps"]]')" = "['success', 'skipped']" ] &&
  [ -x "$work/runner-install/hush/bin/hush" ]; then
  ok "action: installs into RUNNER_TEMP, adds it to GITHUB_PATH, sets outputs path and version; check skipped"
else
  fail "action: install only" "$out"
fi
if out=$(run_action check --input version="$version" --input url="file://$dist" --input check=true --input environments=production 2>&1) &&
  grep -q "ok   .secrets/production.env" <<<"$out" &&
  [ "$(summary check '[s["outcome"] for s in d["steps"]]')" = "['success', 'success']" ]; then
  ok "action: check=true runs access --check and verify production with the read-only deploy key"
else
  fail "action: check=true" "$out"
fi
check "action: check=true, every environment (the deploy key opens only production)" \
  run_action check-all --input version="$version" --input tarball="file://$dist/$tarball" --input check=true
refuses "action: check must be true or false" 1 "check must be 'true' or 'false'" \
  run_action bad-check --input version="$version" --input url="file://$dist" --input check=yes
refuses "action: a wrong pinned sha256 fails the install" 1 "checksum mismatch" \
  run_action bad-sha --input version="$version" --input url="file://$dist" --input sha256="$(printf '%064d' 0)"
[ ! -e "$work/runner-bad-sha/hush/bin/hush" ] || fail "action: nothing installed after a checksum mismatch"
refuses "action: an undeclared input is refused" 2 "unknown input 'verify'" \
  run_action bad-input --input version="$version" --input url="file://$dist" --input verify=true
cp "$repo/.secrets/production.env" "$work/production.env.saved"
sed -i '1s/^/# an edit nobody signed\n/' "$repo/.secrets/production.env"
refuses "action: check=true fails on a tampered sealed file" 1 "Check the vault" \
  run_action tampered --input version="$version" --input url="file://$dist" --input check=true --input environments=production
cp "$work/production.env.saved" "$repo/.secrets/production.env"

# --- docs/ci.md --------------------------------------------------------------------------------
# The GitHub workflow uses only inputs action.yml declares and installs this version; the
# GitLab job and the generic shell block install it from HUSH_RELEASE_URL and deploy with it.
check "docs/ci.md: the workflow's uses of the action match action.yml and pin $version" python3 - "$version" <<'EOF'
import re, sys, yaml
version = sys.argv[1]
text = open("docs/ci.md").read()
declared = set(yaml.safe_load(open("action.yml"))["inputs"])
uses = []
for block in re.findall(r"```yaml\n(.*?)\n```", text, re.S):
    doc = yaml.safe_load(block)
    for job in (doc or {}).get("jobs", {}).values() if isinstance(doc, dict) else []:
        for step in job.get("steps", []):
            if re.match(r"[^/]+/hush@", str(step.get("uses", ""))):
                uses.append(step)
assert uses, "no step uses the hush action"
for step in uses:
    assert set(step.get("with", {})) <= declared, f"undeclared inputs: {set(step['with']) - declared}"
    assert str(step["with"]["version"]) == version, f"version {step['with']['version']} is not {version}"
    assert step["uses"].endswith("@v" + version), step["uses"]
EOF
deploy_script='#!/bin/sh
printf "deployed with %s\n" "${DATABASE_URL:-$(cat "$2/DATABASE_URL" 2>/dev/null)}"'
printf '%s\n' "$deploy_script" >"$repo/deploy" && chmod +x "$repo/deploy"
# The generic shell block: with no hush on PATH it installs from HUSH_RELEASE_URL first.
python3 - >"$work/generic.sh" <<'EOF'
import re
text = open("docs/ci.md").read()
print(re.findall(r"```sh\n(.*?)\n```", text.split("\n## 4. Any other CI\n", 1)[1], re.S)[0])
EOF
check "docs/ci.md, Any other CI: installs from HUSH_RELEASE_URL, then exec and export with the deploy key" \
  bash -c "cd '$repo' && env -i HOME='$work/generic-home' PATH='$tools' HUSH_RELEASE_URL='file://$dist' \
    HUSH_IDENTITY=\"\$(cat '$work/deploy.key')\" sh -e '$work/generic.sh' | grep -c 'deployed with postgres://app:s3cr3t@db.internal/app' | grep -qx 2 &&
    [ -x '$work/generic-home/.local/bin/hush' ]"
# The GitLab job: its before_script and script lines, but apt-get (the image's packages).
python3 - >"$work/gitlab.sh" <<'EOF'
import re, yaml
text = open("docs/ci.md").read()
for block in re.findall(r"```yaml\n(.*?)\n```", text, re.S):
    doc = yaml.safe_load(block)
    if isinstance(doc, dict) and "deploy" in doc and "script" in doc["deploy"]:
        job = doc["deploy"]
        for line in job.get("before_script", []) + job["script"]:
            if not line.startswith("apt-get"):
                print(line)
        break
EOF
check "docs/ci.md, GitLab CI: the job's lines install hush and deploy with the deploy key" \
  bash -c "[ -s '$work/gitlab.sh' ] && cd '$repo' && env -i HOME='$work/gitlab-home' PATH='$tools:/usr/bin:/bin' HUSH_RELEASE_URL='file://$dist' \
    HUSH_IDENTITY=\"\$(cat '$work/deploy.key' | grep '^AGE-SECRET-KEY-1')\" CI=true sh -e '$work/gitlab.sh' | grep -q 'deployed with postgres'"
