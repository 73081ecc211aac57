# Sourced by scripts/bench.
# Suite: git (merge driver, per-key history). sops has neither, so hush is timed alone.

GIT_LOG_COMMITS=${GIT_LOG_COMMITS:-1000}

suite_git() {
  local g="$WORK/git" core_repo=$REPO i
  mkdir -p "$g"
  REPO="$g/repo"
  mkdir -p "$REPO"
  (cd "$REPO" && git init -q && git config user.name bench && git config user.email bench@example.com)
  (cd "$REPO" && "$HUSH" init --name bench) >/dev/null 2>&1 || note "git: hush init failed"

  # Merge driver: base, ours (KEY_00042 changed) and theirs (KEY_09000 changed) of one
  # 10,000-value file; the driver rewrites a copy of ours before every run (untimed).
  python3 "$HELPERS/gendata.py" 10000 "$g/plain"
  try_cmd "$HUSH" encrypt "$g/plain.yaml" --env big || note "git: hush encrypt: $(why_failed $?)"
  cp "$REPO/.secrets/big.yaml" "$g/base.yaml"
  printf 'ours-value-1' >"$g/v1"
  printf 'theirs-value-2' >"$g/v2"
  try_cmd "$HUSH" set big KEY_00042 --file "$g/v1" && cp "$REPO/.secrets/big.yaml" "$g/ours.yaml"
  cp "$g/base.yaml" "$REPO/.secrets/big.yaml"
  try_cmd "$HUSH" set big KEY_09000 --file "$g/v2" && cp "$REPO/.secrets/big.yaml" "$g/theirs.yaml"
  cp "$g/ours.yaml" "$g/work.yaml"
  if try_cmd "$HUSH" merge-driver "$g/base.yaml" "$g/work.yaml" "$g/theirs.yaml" .secrets/big.yaml; then
    cp "$g/work.yaml" "$REPO/.secrets/big.yaml"
    { try_cmd "$HUSH" get big KEY_00042 && [ "$(cat "$WORK/out")" = ours-value-1 ] &&
      try_cmd "$HUSH" get big KEY_09000 && [ "$(cat "$WORK/out")" = theirs-value-2 ]; } ||
      note "git: the merged file does not hold both changes"
  else
    note "git: merge driver failed: $(why_failed $?)"
  fi

  # History: GIT_LOG_COMMITS commits, each changing one value of a 1,000-value environment.
  python3 "$HELPERS/gendata.py" 1000 "$g/small"
  try_cmd "$HUSH" encrypt "$g/small.yaml" --env hist || note "git: hush encrypt (hist): $(why_failed $?)"
  (cd "$REPO" && git add -A && git commit -qm "add environments")
  log "git: writing $GIT_LOG_COMMITS commits for hush log (untimed)"
  for ((i = 1; i <= GIT_LOG_COMMITS; i++)); do
    printf 'value-%05d-%s' "$i" "$RANDOM$RANDOM" >"$g/v"
    (cd "$REPO" && "$HUSH" set hist "KEY_$(printf %05d $((i % 1000 + 1)))" --file "$g/v" && git commit -qam "change $i") >/dev/null 2>&1 ||
      { note "git: history commit $i failed"; break; }
  done
  try_cmd "$HUSH" log hist && [ "$(grep -c . "$WORK/out")" -ge "$GIT_LOG_COMMITS" ] ||
    note "git: hush log hist printed fewer than $GIT_LOG_COMMITS lines"

  METHOD_NOTES+=(
    "git: merge driver = \`hush merge-driver BASE OURS THEIRS PATH\` as git calls it, on a 10,000-value YAML file where each side changed a different key; ours restored before every run (untimed)"
    "git: \`hush log hist\` over $GIT_LOG_COMMITS commits that each change one value of a 1,000-value environment, no key (token comparison)"
  )
  section_begin "git: merge driver and history (no peer: sops has neither)" sops
  HUSH_CMD=("$HUSH" merge-driver "$g/base.yaml" "$g/work.yaml" "$g/theirs.yaml" .secrets/big.yaml)
  HUSH_PREP="cp $(printf %q "$g/ours.yaml") $(printf %q "$g/work.yaml")"
  PEER_CMD=()
  bench_pair "merge driver" "10,000 values" 200
  HUSH_CMD=("$HUSH" log hist)
  PEER_CMD=()
  bench_pair "log" "$(thousands "$GIT_LOG_COMMITS") commits x 1,000 values" 2000
  section_end
  REPO=$core_repo
}
