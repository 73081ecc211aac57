#!/usr/bin/env bash
# Reproduces the evaluation figures (README.md). Usage: eval-data/run.sh [--details]
# HUSH (default: .build-rel/release/hush, else hush on PATH); GITLEAKS, BETTERLEAKS, KINGFISHER
# point to the peers' binaries (each is skipped when not found).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
hush="${HUSH:-$root/.build-rel/release/hush}"
[ -x "$hush" ] || hush="$(command -v hush)"
gitleaks="${GITLEAKS:-$(command -v gitleaks || true)}"
betterleaks="${BETTERLEAKS:-$(command -v betterleaks || true)}"
kingfisher="${KINGFISHER:-$(command -v kingfisher || true)}"

# Scan a copy outside the repository (deleted on exit: reports hold the generated values unredacted): the repository's .hush.yaml excludes eval-data/.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/leaks" "$here/clean" "$work/"
out="$work/out"
mkdir "$out"
cd "$work"
for set in leaks clean; do
  for level in low medium; do
    "$hush" scan --format json --all-places --no-vault --quiet --min-confidence "$level" "$set" \
      > "$out/hush-$level-$set.jsonl" 2>/dev/null || [ $? -eq 1 ]
  done
  if [ -n "$gitleaks" ]; then
    "$gitleaks" dir "$set" --no-banner -f json -r "$out/gitleaks-$set.json" >/dev/null 2>&1 || true
  fi
  if [ -n "$betterleaks" ]; then
    "$betterleaks" "$set" --no-banner -o "$out/betterleaks-$set.json" >/dev/null 2>&1 || true
  fi
  if [ -n "$kingfisher" ]; then
    "$kingfisher" scan "$set" --no-validate --no-dedup --redact -f json -o "$out/kingfisher-$set.json" \
      --no-update-check >/dev/null 2>&1 || true
    "$kingfisher" scan "$set" --no-validate --no-dedup --redact -c low -f json -o "$out/kingfisher-low-$set.json" \
      --no-update-check >/dev/null 2>&1 || true
  fi
done
echo "hush: $("$hush" --version)${gitleaks:+; gitleaks $("$gitleaks" version)}${betterleaks:+; betterleaks $("$betterleaks" --version 2>&1 | tail -1)}${kingfisher:+; $("$kingfisher" --version)}"
python3 "$here/score.py" "$here/manifest.json" "$out" "$@"
