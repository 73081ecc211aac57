# Sourced by scripts/bench.
# Suite: core (decrypt / exec / set, hush vs sops)

target_ms() { # OP SIZE -> the hush target in ms, or nothing
  case "$1:$2" in
    decrypt*:100 | exec*:100) echo 10 ;;
    "decrypt (dotenv):10000" | "exec (dotenv):10000") echo 25 ;;
    decrypt*:10000 | exec*:10000 | set*:10000) echo 100 ;;
  esac
}

# Prints something when hush has no sealed environment ENV (its encrypt step failed).
unsealed() { compgen -G "$REPO/.secrets/$1.*" >/dev/null || echo "no .secrets/$1"; }

suite_core() {
  local n largest=0
  for n in "${SIZES[@]}"; do [ "$n" -gt "$largest" ] && largest=$n; done

  # Data and sealed files for each size: hush gets envs yN (YAML) and dN (dotenv); sops gets
  # the same plaintexts encrypted to an age recipient.
  for n in "${SIZES[@]}"; do
    python3 "$HELPERS/gendata.py" "$n" "$DATA/plain-$n"
    "$SOPS" --encrypt --age "$SOPS_RECIPIENT" --input-type yaml --output-type yaml \
      "$DATA/plain-$n.yaml" >"$WORK/sops/y$n.yaml"
    "$SOPS" --encrypt --age "$SOPS_RECIPIENT" --input-type dotenv --output-type dotenv \
      "$DATA/plain-$n.env" >"$WORK/sops/d$n.env"
    if [ "$HUSH_OK" -eq 1 ]; then
      try_cmd "$HUSH" encrypt "$DATA/plain-$n.yaml" --env "y$n" || note "hush encrypt (yaml, $n): $(why_failed $?)"
      try_cmd "$HUSH" encrypt "$DATA/plain-$n.env" --env "d$n" || note "hush encrypt (dotenv, $n): $(why_failed $?)"
    fi
  done
  if [ "$HUSH_OK" -eq 1 ]; then
    # Committed, as in a real repository: a verify that checks files against their history has one.
    (cd "$REPO" && git add -A && git commit -qm "sealed environments") || note "core: could not commit the sealed files"
    check_core_outputs
    check_core_verify "$HUSH" hush
  fi
  base_setup_core "$largest"

  METHOD_NOTES+=(
    "core: the same generated values (flat KEY_00001.., 20-60 chars) for both tools; sops encrypts to one age recipient and is timed as its Go binary (pip's \`sops\` Python wrapper would add ~100 ms a call)"
    "core: \`set\` changes KEY_00042 in the ${largest}-value file, restored from a pristine copy before every run (untimed); hush reads the value with --file"
    "core: \`verify\` = \`hush verify yN\` (signature or MAC and every value; the sealed files are committed, so a check against history has one version); sops has no verify (n/a)"
    "core targets: decrypt and exec of 100 values < 10 ms; of 10,000 dotenv values <= 25 ms (issue 13), of 10,000 YAML values < 100 ms; set in 10,000 values < 100 ms"
  )
  section_begin "core: hush vs sops" sops
  for n in "${SIZES[@]}"; do
    HUSH_CMD=("$HUSH" decrypt "y$n") HUSH_SKIP=$(unsealed "y$n")
    PEER_CMD=("$SOPS" --decrypt "$WORK/sops/y$n.yaml")
    bench_pair "decrypt (yaml)" "$n" "$(target_ms "decrypt (yaml)" "$n")"
  done
  for n in "${SIZES[@]}"; do
    HUSH_CMD=("$HUSH" decrypt "d$n") HUSH_SKIP=$(unsealed "d$n")
    PEER_CMD=("$SOPS" --decrypt "$WORK/sops/d$n.env")
    bench_pair "decrypt (dotenv)" "$n" "$(target_ms "decrypt (dotenv)" "$n")"
  done
  for n in "${SIZES[@]}"; do
    HUSH_CMD=("$HUSH" exec "y$n" -- true) HUSH_SKIP=$(unsealed "y$n")
    PEER_CMD=("$SOPS" exec-env "$WORK/sops/y$n.yaml" true)
    bench_pair "exec (yaml)" "$n" "$(target_ms "exec (yaml)" "$n")"
  done
  for n in "${SIZES[@]}"; do
    HUSH_CMD=("$HUSH" exec "d$n" -- true) HUSH_SKIP=$(unsealed "d$n")
    PEER_CMD=("$SOPS" exec-env "$WORK/sops/d$n.env" true)
    bench_pair "exec (dotenv)" "$n" "$(target_ms "exec (dotenv)" "$n")"
  done
  for n in "${SIZES[@]}"; do
    HUSH_CMD=("$HUSH" verify "y$n") HUSH_SKIP=$(unsealed "y$n")
    PEER_CMD=()
    bench_pair "verify (yaml)" "$n" ""
  done

  # set: one value in the largest file, restored from a pristine copy before every run so each
  # run really changes a value (not timed).
  local value="rotated-$(date +%s)-Zx9Qv2Lm8Rt4Kp7Wn3"
  printf %s "$value" >"$WORK/new-value"
  local sealed
  sealed=$(compgen -G "$REPO/.secrets/y$largest.*" | head -n 1 || true)
  [ -z "$sealed" ] || cp "$sealed" "$WORK/pristine/hush"
  cp "$WORK/sops/y$largest.yaml" "$WORK/pristine/sops.yaml"
  HUSH_CMD=("$HUSH" set "y$largest" KEY_00042 --file "$WORK/new-value") HUSH_SKIP=$(unsealed "y$largest")
  HUSH_PREP="cp $(printf %q "$WORK/pristine/hush") $(printf %q "${sealed:-/nonexistent}")"
  PEER_CMD=("$SOPS" set "$WORK/sops/y$largest.yaml" '["KEY_00042"]' "\"$value\"")
  PEER_PREP="cp $(printf %q "$WORK/pristine/sops.yaml") $(printf %q "$WORK/sops/y$largest.yaml")"
  base_set_prep
  bench_pair "set one value (yaml)" "$largest" "$(target_ms set "$largest")"
  check_core_set "$largest" "$value"
  base_check_set "$largest" "$value"

  section_end
}

# Plaintext round trip and exec environment, checked once outside the timing.
check_core_outputs() {
  local n expected
  for n in "${SIZES[@]}"; do
    if try_cmd "$HUSH" decrypt "y$n" && ! cmp -s "$WORK/out" "$DATA/plain-$n.yaml"; then
      note "hush decrypt y$n: output differs from the plaintext it was sealed from"
    fi
    if try_cmd "$HUSH" decrypt "d$n" && ! cmp -s "$WORK/out" "$DATA/plain-$n.env"; then
      note "hush decrypt d$n: output differs from the plaintext it was sealed from"
    fi
    expected=$(grep -m 1 '^KEY_00042=' "$DATA/plain-$n.env" | cut -d= -f2- || true)
    [ -n "$expected" ] || expected=$(grep -m 1 '^KEY_00001=' "$DATA/plain-$n.env" | cut -d= -f2-)
    local key=KEY_00042
    [ "$n" -ge 42 ] || key=KEY_00001
    if try_cmd "$HUSH" exec "y$n" -- printenv "$key" && [ "$(cat "$WORK/out")" != "$expected" ]; then
      note "hush exec y$n: \$$key is not the sealed value"
    fi
    if try_cmd "$SOPS" exec-env "$WORK/sops/y$n.yaml" "printenv $key" && [ "$(cat "$WORK/out")" != "$expected" ]; then
      note "sops exec-env y$n: \$$key is not the sealed value"
    fi
  done
}

check_core_set() {
  local n=$1 value=$2
  if [ "$HUSH_OK" -eq 1 ] && try_cmd "$HUSH" decrypt "y$n" && ! grep -q "^KEY_00042: \"\{0,1\}$value" "$WORK/out"; then
    note "hush set: KEY_00042 does not read back as the new value"
  fi
  if try_cmd "$SOPS" --decrypt "$WORK/sops/y$n.yaml" && ! grep -q "^KEY_00042: \"\{0,1\}$value" "$WORK/out"; then
    note "sops set: KEY_00042 does not read back as the new value"
  fi
}
