# Sourced by scripts/bench: a second hush binary (HUSH_BASELINE_BIN, e.g. a build of an older
# commit) timed next to hush in the core suite, so that a change's cost is measured in one run,
# plus the checks of the core suite's verify rows.
#
# The baseline gets a vault of its own (its own `hush init` and `hush encrypt` of the same
# plaintexts, with the same identity file), since two sealed-file formats need not read each
# other. Both vaults take turns in the core repository folder, switched by bench.d/vault-use as
# hyperfine --prepare (not timed); each row times baseline, hush and the peer in one hyperfine
# run, and the core table gains a baseline column and a hush/baseline ratio. For example, a
# change's cost against the commit before it:
#   git worktree add /tmp/before HEAD~1 && (cd /tmp/before && swift build -c release --static-swift-stdlib --product hush)
#   HUSH_BASELINE_BIN=/tmp/before/.build/release/hush scripts/bench core

BASE="" BASE_OK=0 BASE_VERSION="" BASE_PREP="" BASE_CMD=()

base_find() {
  [ -n "${HUSH_BASELINE_BIN:-}" ] || return 0
  BASE=$(readlink -f "$HUSH_BASELINE_BIN")
  [ -x "$BASE" ] || die "HUSH_BASELINE_BIN=$HUSH_BASELINE_BIN is not an executable"
  BASE_VERSION=$("$BASE" --version 2>/dev/null | head -n 1) || BASE_VERSION="(hush --version failed)"
}

# True in rows that have a baseline cell (the core suite, HUSH_BASELINE_BIN set); base_swaps when
# the baseline's vault is also there to time it.
base_active() { [ -n "$BASE" ] && [ "${CURRENT_SUITE:-}" = core ]; }
base_swaps() { base_active && [ "$BASE_OK" -eq 1 ]; }

base_use() { bash "$HELPERS/vault-use" "$REPO" "$VAULTS" "$1"; }

# The baseline's vault, sealed from the same plaintexts as hush's ($DATA/plain-N.*), committed as
# hush's is. Called by suite_core after hush's vault is made.
base_setup_core() {
  [ -n "$BASE" ] || return 0
  local core_repo=$REPO n largest=$1 sealed
  VAULTS="$WORK/vaults"
  mkdir -p "$VAULTS/hush" "$VAULTS/base"
  echo hush >"$VAULTS/current"
  REPO="$VAULTS/base"
  (cd "$REPO" && git init -q && git config user.name bench && git config user.email bench@example.com)
  if [ ! -f "$WORK/hush-identity.txt" ]; then
    "$BASE" keygen --output "$WORK/hush-identity.txt" >/dev/null 2>&1 && export HUSH_IDENTITY_FILE="$WORK/hush-identity.txt"
  fi
  if try_cmd "$BASE" init --name bench --identity "$WORK/hush-identity.txt"; then
    BASE_OK=1
    for n in "${SIZES[@]}"; do
      try_cmd "$BASE" encrypt "$DATA/plain-$n.yaml" --env "y$n" || note "baseline encrypt (yaml, $n): $(why_failed $?)"
      try_cmd "$BASE" encrypt "$DATA/plain-$n.env" --env "d$n" || note "baseline encrypt (dotenv, $n): $(why_failed $?)"
      if try_cmd "$BASE" decrypt "y$n" && ! cmp -s "$WORK/out" "$DATA/plain-$n.yaml"; then
        note "baseline decrypt y$n: output differs from the plaintext it was sealed from"
      fi
      if try_cmd "$BASE" decrypt "d$n" && ! cmp -s "$WORK/out" "$DATA/plain-$n.env"; then
        note "baseline decrypt d$n: output differs from the plaintext it was sealed from"
      fi
    done
    (cd "$REPO" && git add -A && git commit -qm "sealed environments") || note "baseline: could not commit the sealed files"
    check_core_verify "$BASE" baseline
    sealed=$(compgen -G "$REPO/.secrets/y$largest.*" | head -n 1 || true)
    [ -z "$sealed" ] || cp "$sealed" "$WORK/pristine/base"
    BASE_SEALED=${sealed:+$core_repo/${sealed#"$REPO"/}}
  else
    note "baseline: hush init failed, the baseline is not timed: $(why_failed $?)"
  fi
  REPO=$core_repo
}

# Each YAML environment verifies (exit 0) with nothing left unchecked (a note on stderr).
check_core_verify() { # BIN WHO
  local n
  for n in "${SIZES[@]}"; do
    if try_cmd "$1" verify "y$n"; then
      if grep -q 'note:' "$WORK/err"; then note "$2 verify y$n: $(grep -m 1 'note:' "$WORK/err" | cut -c 1-160)"; fi
    else
      note "$2 verify y$n: $(why_failed $?)"
    fi
  done
}

# The set row's restore for the baseline: its pristine copy over its sealed file.
base_set_prep() {
  BASE_PREP="cp $(printf %q "$WORK/pristine/base") $(printf %q "${BASE_SEALED:-/nonexistent}")"
}

# After the set row: the baseline's KEY_(N) reads back as the new value.
base_check_set() { # N VALUE
  base_swaps || return 0
  base_use base
  if try_cmd "$BASE" decrypt "y$1" && ! grep -q "^KEY_00042: \"\{0,1\}$2" "$WORK/out"; then
    note "baseline set: KEY_00042 does not read back as the new value"
  fi
  base_use hush
}

# bench_pair's baseline cell: BASE_CMD is HUSH_CMD run by the baseline, tried once in its own
# vault. Returns 0 when it is to be timed; otherwise sets base_ms (a local of bench_pair).
base_try() {
  BASE_CMD=("$BASE" "${HUSH_CMD[@]:1}")
  if [ "$BASE_OK" -ne 1 ]; then base_ms="not run"; return 1; fi
  local rc=0
  base_use base
  { [ -z "${BASE_PREP:-}" ] || (cd "$REPO" && eval "$BASE_PREP") 2>"$WORK/err"; } && try_cmd "${BASE_CMD[@]}" || rc=$?
  base_use hush
  [ "$rc" -eq 0 ] && return 0
  base_ms="failed"
  note "$op ($size): baseline $(why_failed "$rc")"
  return 1
}

# The --prepare string for hush's or the baseline's command (WHICH: hush or base): with a
# baseline, its own vault is put in place first, then PREP (a command string) runs.
base_prep() { # WHICH PREP
  if base_swaps; then
    echo "bash $(printf %q "$HELPERS/vault-use") $(printf %q "$REPO") $(printf %q "$VAULTS") $1${2:+ $2}"
  else
    echo "${2:-true}"
  fi
}

# True when the section being written has baseline cells (column 6 of its rows).
base_section() { awk -F'\t' '$6 != "" { found = 1 } END { exit !found }' "$SECTION_ROWS"; }

# section_end's table with the baseline: baseline, hush and the peer side by side.
base_section_md() {
  printf '## %s\n\n' "$SECTION_TITLE"
  printf '| operation | size | baseline median (ms) | hush median (ms) | hush/baseline | %s median (ms) | hush/%s | hush target |\n' "$PEER" "$PEER"
  printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
  awk -F'\t' '
    function num(x) { return x ~ /^[0-9]+(\.[0-9]+)?$/ }
    function ratio(a, b) { return (num(a) && num(b) && b > 0) ? sprintf(a / b < 0.01 ? "%.3fx" : "%.2fx", a / b) : "—" }
    {
      target = "—"
      if ($5 != "") {
        if (num($3)) target = ($3 < $5 ? "yes" : "**no**") " (< " $5 " ms)"
        else target = "? (< " $5 " ms)"
      }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $6, $3, ratio($3, $6), $4, ratio($3, $4), target
    }' "$SECTION_ROWS"
  echo
}

base_report_line() {
  [ -n "$BASE" ] || return 0
  echo "- baseline: $BASE_VERSION ($BASE), timed next to hush in the core suite with a vault of its own (its own init and encrypt of the same plaintexts, the same identity), in the same hyperfine run: baseline, hush, then the peer"
}
