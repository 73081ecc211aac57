# Sourced by scripts/bench: the workspace every suite runs in, and the timing and report machinery
# (bench_pair runs hyperfine on a row, section_end turns a section's rows into a markdown table,
# write_report puts the sections together into BENCH_OUT/bench.md).

# Workspace: a git repository for hush, keys for both tools, and the generated data.

make_workspace() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/hush-bench.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
  REPO="$WORK/repo"
  DATA="$WORK/data"
  mkdir -p "$REPO" "$DATA" "$WORK/home" "$WORK/sops" "$WORK/pristine" "$WORK/sections" "$OUT/json"
  : >"$OUT/hyperfine.log"
  : >"$WORK/notes"

  export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" GIT_CONFIG_NOSYSTEM=1
  export SOPS_DISABLE_VERSION_CHECK=1
  unset HUSH_IDENTITY HUSH_IDENTITY_FILE SOPS_AGE_KEY SOPS_AGE_KEY_CMD SOPS_AGE_RECIPIENTS || true

  (cd "$REPO" && git init -q && git config user.name bench && git config user.email bench@example.com)

  age-keygen -o "$WORK/sops-age.txt" 2>/dev/null
  SOPS_RECIPIENT=$(age-keygen -y "$WORK/sops-age.txt")
  export SOPS_AGE_KEY_FILE="$WORK/sops-age.txt"

  HUSH_OK=1
  if "$HUSH" keygen --output "$WORK/hush-identity.txt" >/dev/null 2>"$WORK/err" &&
    (cd "$REPO" && "$HUSH" init --name bench --identity "$WORK/hush-identity.txt") >/dev/null 2>>"$WORK/err"; then
    export HUSH_IDENTITY_FILE="$WORK/hush-identity.txt"
  else
    HUSH_OK=0
    note "hush keygen/init failed, hush is not timed: $(tail -n 2 "$WORK/err" | tr '\n' ' ')"
  fi
}

note() { log "note: $*"; printf -- '- %s\n' "$*" >>"$WORK/notes"; }

# Runs a command quietly from $REPO; on failure, records why in $WORK/err.
# (The outer 2>/dev/null silences bash's own "Illegal instruction" report for a crashing command.)
# A command that hangs is stopped after 2 minutes (exit 124) rather than stalling the run.
try_cmd() { { (cd "$REPO" && timeout 120 "$@") >"$WORK/out" 2>"$WORK/err"; } 2>/dev/null; }
why_failed() {
  local rc=$1 msg
  msg=$(grep -v '^$' "$WORK/err" | tail -n 2 | tr '\n' ' ' | cut -c 1-160)
  if [ "$rc" -eq 124 ]; then echo "timed out after 120 s"; return; fi
  if [ "$rc" -gt 128 ]; then echo "crashed (signal $((rc - 128))) ${msg}"; else echo "exit $rc ${msg}"; fi
}

# Timing and the report

METHOD_NOTES=() # lines a suite adds to the report's header (how it measures)
section_begin() {
  SECTION_TITLE=$1
  PEER=$2
  SECTION_ROWS="$WORK/sections/$(printf '%02d' "$(find "$WORK/sections" -name '*.tsv' | wc -l)").tsv"
  : >"$SECTION_ROWS"
}

# Quotes an argv array for hyperfine's command string (a shell with -S, shell-words with -N).
cmd_string() { local s; s=$(printf '%q ' "$@"); echo "${s% }"; }

# bench_pair OP SIZE TARGET_MS: times HUSH_CMD and PEER_CMD (arrays; either may be empty)
# in one hyperfine run, with HUSH_PREP / PEER_PREP (strings) run before each timed run.
# Each command is first tried once; one that fails is reported instead of timed. A non-empty
# HUSH_SKIP leaves hush out ("not run"; the caller has noted why). With a baseline
# (bench.d/baseline.sh), HUSH_CMD also runs with the baseline binary, first, after BASE_PREP.
bench_pair() {
  local op=$1 size=$2 target=$3 slug json
  slug=$(printf '%s-%s-%s' "$CURRENT_SUITE" "$op" "$size" | tr -cs 'A-Za-z0-9' '-')
  json="$OUT/json/${slug%-}.json"
  local args=() names=() hush_ms="n/a" peer_ms="n/a" base_ms="" rc

  if base_active; then
    base_ms="n/a"
    [ ${#HUSH_CMD[@]} -eq 0 ] || ! base_try || names+=(baseline)
  fi
  if [ ${#HUSH_CMD[@]} -gt 0 ]; then
    if [ "$HUSH_OK" -ne 1 ] || [ -n "${HUSH_SKIP:-}" ]; then
      hush_ms="not run"
    elif { [ -z "${HUSH_PREP:-}" ] || (cd "$REPO" && eval "$HUSH_PREP") 2>"$WORK/err"; } && try_cmd "${HUSH_CMD[@]}"; then
      names+=(hush)
    else
      rc=$?
      hush_ms="failed"
      note "$op ($size): hush $(why_failed "$rc")"
    fi
  fi
  if [ ${#PEER_CMD[@]} -gt 0 ]; then
    if { [ -z "${PEER_PREP:-}" ] || (cd "$REPO" && eval "$PEER_PREP") 2>"$WORK/err"; } && try_cmd "${PEER_CMD[@]}"; then
      names+=("$PEER")
    else
      rc=$?
      peer_ms="failed"
      note "$op ($size): $PEER $(why_failed "$rc")"
    fi
  fi

  if [ ${#names[@]} -gt 0 ]; then
    local prep=0 n
    { [ -n "${HUSH_PREP:-}${PEER_PREP:-}" ] || base_swaps; } && prep=1
    for n in "${names[@]}"; do
      if [ "$n" = hush ]; then
        [ $prep -eq 1 ] && args+=(--prepare "$(base_prep hush "${HUSH_PREP:-}")")
        args+=(-n hush "$(cmd_string "${HUSH_CMD[@]}")")
      elif [ "$n" = baseline ]; then
        args+=(--prepare "$(base_prep base "${BASE_PREP:-}")" -n baseline "$(cmd_string "${BASE_CMD[@]}")")
      else
        [ $prep -eq 1 ] && args+=(--prepare "${PEER_PREP:-true}")
        args+=(-n "$PEER" "$(cmd_string "${PEER_CMD[@]}")")
      fi
    done
    printf '\n### %s: %s (%s)\n' "$SECTION_TITLE" "$op" "$size" >>"$OUT/hyperfine.log"
    (cd "$REPO" && hyperfine "${NOSHELL[@]}" --style basic --warmup "$WARMUP" --runs "$RUNS" \
      --export-json "$json" "${args[@]}") >>"$OUT/hyperfine.log" 2>&1 ||
      die "hyperfine failed for $op ($size); see $OUT/hyperfine.log"
    if base_swaps; then base_use hush; fi
    for n in "${names[@]}"; do
      local ms
      ms=$(python3 - "$json" "$n" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print("%.2f" % (1000 * next(r["median"] for r in results if r["command"] == sys.argv[2])))
PY
      )
      case "$n" in hush) hush_ms=$ms ;; baseline) base_ms=$ms ;; *) peer_ms=$ms ;; esac
    done
  fi
  log "$SECTION_TITLE: $op ($size values): ${base_ms:+baseline $(with_unit "$base_ms"), }hush $(with_unit "$hush_ms"), $PEER $(with_unit "$peer_ms")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$op" "$size" "$hush_ms" "$peer_ms" "$target" "$base_ms" >>"$SECTION_ROWS"
  HUSH_PREP="" PEER_PREP="" HUSH_SKIP="" BASE_PREP=""
}

with_unit() { case "$1" in *[0-9]) echo "$1 ms" ;; *) echo "$1" ;; esac; }

section_end() {
  if base_section; then base_section_md >"${SECTION_ROWS%.tsv}.md"; return; fi
  {
    printf '## %s\n\n' "$SECTION_TITLE"
    printf '| operation | size | hush median (ms) | %s median (ms) | hush/%s | hush target |\n' "$PEER" "$PEER"
    printf '| --- | ---: | ---: | ---: | ---: | --- |\n'
    awk -F'\t' '
      function num(x) { return x ~ /^[0-9]+(\.[0-9]+)?$/ }
      {
        ratio = "—"
        if (num($3) && num($4) && $4 > 0) {
          r = $3 / $4
          ratio = sprintf(r < 0.01 ? "%.3fx" : "%.2fx", r)
        }
        target = "—"
        if ($5 != "") {
          if (num($3)) target = ($3 < $5 ? "yes" : "**no**") " (< " $5 " ms)"
          else target = "? (< " $5 " ms)"
        }
        printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, ratio, target
      }' "$SECTION_ROWS"
    echo
  } >"${SECTION_ROWS%.tsv}.md"
}

write_report() {
  local cpu mem
  cpu=$(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
  mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)
  {
    echo "# Hush benchmarks"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, ${mem:-? GiB} memory, $(uname -sr)"
    echo "- hush: $HUSH_VERSION ($HUSH)"
    base_report_line
    echo "- sops: $SOPS_VERSION ($SOPS)"
    echo "- $(hyperfine --version): ${WARMUP} warm-up + ${RUNS} timed runs per command${NOSHELL:+, no shell (-N)}; medians"
    echo "- suites: ${RUN_SUITES[*]}"
    for line in "${METHOD_NOTES[@]}"; do echo "- $line"; done
    echo
    cat "$WORK"/sections/*.md 2>/dev/null || true
    if [ -s "$WORK/notes" ]; then
      echo "## Notes"
      echo
      cat "$WORK/notes"
      echo
    fi
  } >"$OUT/bench.md"
  cat "$OUT/bench.md"
}

# 1000 -> 1,000
thousands() { local n=$1 out=""; while [ ${#n} -gt 3 ]; do out=",${n: -3}$out" n=${n:0:${#n}-3}; done; echo "$n$out"; }
