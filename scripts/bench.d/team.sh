# Sourced by scripts/bench.
# Suite: team (removing a member, hush vs sops; the access matrix, hush alone)
#
# Its own repository ($WORK/team/repo) with 50 members: the caller ("bench", the workspace's hush
# identity) and m02..m50 (age-keygen keys, used by both tools). 5 environments env1..env5 of
# 1,000 values each (gendata.py, seeds 1..5) are sealed to all 50 by hush and by sops (50 age
# recipients: the caller's sops key and the same m02..m50).

TEAM_MEMBERS=50
TEAM_ENVS=5
TEAM_VALUES=1000
TEAM_GONE=m25  # the member removed
TEAM_STAYS=m50 # a member who stays, for the checks

# A failed check: counted in check_team_remove's $failed and noted in the report.
team_fail() { failed=$((failed + 1)); note "team check: $*"; }

suite_team() {
  local team="$WORK/team" core_repo=$REPO i name e
  local size="$TEAM_ENVS envs x $(thousands "$TEAM_VALUES")"
  TEAM=$team
  REPO="$team/repo"
  mkdir -p "$REPO" "$team/keys" "$team/sops" "$team/pristine/hush" "$team/pristine/sops"
  (cd "$REPO" && git init -q && git config user.name bench && git config user.email bench@example.com)

  # Members m02..m50, one age key each.
  TEAM_NAMES=()
  local sops_recipients=$SOPS_RECIPIENT
  for i in $(seq 2 "$TEAM_MEMBERS"); do
    name=$(printf 'm%02d' "$i")
    TEAM_NAMES+=("$name")
    age-keygen -o "$team/keys/$name.txt" 2>/dev/null
    sops_recipients+=",$(age-keygen -y "$team/keys/$name.txt")"
  done
  TEAM_GONE_KEY=$(age-keygen -y "$team/keys/$TEAM_GONE.txt")

  # The plaintexts, and each tool's sealed copies (sealing is not timed).
  TEAM_ENV_NAMES=()
  for i in $(seq 1 "$TEAM_ENVS"); do
    e="env$i"
    TEAM_ENV_NAMES+=("$e")
    python3 "$HELPERS/gendata.py" "$TEAM_VALUES" "$DATA/team-$e" "$i"
    "$SOPS" --encrypt --age "$sops_recipients" --input-type yaml --output-type yaml \
      "$DATA/team-$e.yaml" >"$team/sops/$e.yaml"
  done
  cp "$team/sops/"*.yaml "$team/pristine/sops/"

  local team_hush=$HUSH_OK
  if [ "$HUSH_OK" -eq 1 ]; then
    if try_cmd "$HUSH" init --name bench --identity "$WORK/hush-identity.txt"; then
      for name in "${TEAM_NAMES[@]}"; do
        printf '# %s\n%s\n' "$name" "$(age-keygen -y "$team/keys/$name.txt")" >"$REPO/recipients/$name.pub"
      done
      for e in "${TEAM_ENV_NAMES[@]}"; do
        try_cmd "$HUSH" encrypt "$DATA/team-$e.yaml" --env "$e" || { team_hush=0; note "team: hush encrypt $e: $(why_failed $?)"; }
      done
      local members
      members=$(find "$REPO/recipients" -name '*.pub' | wc -l)
      [ "$members" -eq "$TEAM_MEMBERS" ] || { team_hush=0; note "team: recipients/ holds $members members, not $TEAM_MEMBERS"; }
      cp -a "$REPO/.secrets" "$REPO/recipients" "$team/pristine/hush/"
    else
      team_hush=0
      note "team: hush init failed: $(why_failed $?)"
    fi
  fi
  local skip=""
  [ "$team_hush" -eq 1 ] || skip="setup failed"

  # Restoring each side's files before every timed run (hyperfine --prepare, not timed), and the
  # sops side of a removal: one `sops rotate` per file (sops has no command for several files).
  local q_repo q_pristine q_sops
  q_repo=$(printf %q "$REPO") q_pristine=$(printf %q "$team/pristine") q_sops=$(printf %q "$SOPS")
  printf 'set -e\ncd %s\nrm -rf .secrets recipients\ncp -a %s/hush/.secrets %s/hush/recipients .\n' \
    "$q_repo" "$q_pristine" "$q_pristine" >"$team/restore-hush.sh"
  printf 'set -e\ncp %s/sops/*.yaml %s/\n' "$q_pristine" "$(printf %q "$team/sops")" >"$team/restore-sops.sh"
  {
    echo 'set -e'
    for e in "${TEAM_ENV_NAMES[@]}"; do
      printf '%s rotate --in-place --rm-age %s %s\n' "$q_sops" "$TEAM_GONE_KEY" "$(printf %q "$team/sops/$e.yaml")"
    done
  } >"$team/sops-remove.sh"
  local hush_restore sops_restore
  hush_restore="bash $(printf %q "$team/restore-hush.sh")"
  sops_restore="bash $(printf %q "$team/restore-sops.sh")"

  METHOD_NOTES+=(
    "team: one repository with $TEAM_MEMBERS members (the caller + m02..m50, age X25519 keys) and $TEAM_ENVS environments of $(thousands "$TEAM_VALUES") generated values each (gendata.py, seeds 1..$TEAM_ENVS), sealed to all $TEAM_MEMBERS by each tool"
    "team: removing $TEAM_GONE: hush \`hush recipients remove $TEAM_GONE\` (one process: deletes recipients/$TEAM_GONE.pub, new data key for every environment, every value re-sealed, wrapped for the other 49, exposed keys listed); sops \`sops rotate --in-place --rm-age KEY FILE\` for each of the $TEAM_ENVS files in turn, run by a bash script (\`bash sops-remove.sh\`: $TEAM_ENVS sops processes plus ~1-2 ms of bash). \`sops updatekeys\` is not timed: it re-wraps the old data key and does not rotate it (getsops/sops#365), so the removed member could still read the files"
    "team: before every timed removal, each tool's pristine .secrets/ + recipients/ (hush) or $TEAM_ENVS files (sops) are copied back (hyperfine --prepare, not timed)"
    "team: \`hush access\` reads recipients/ and the $TEAM_ENVS files' metadata, no key; sops has no equivalent (no peer). Timed on the pristine repository and again right after a removal (each file then carries $(thousands "$TEAM_VALUES") exposed-value marks)"
    "team targets: remove < 1000 ms, access < 50 ms"
  )
  section_begin "team: $TEAM_MEMBERS members, $TEAM_ENVS environments of $(thousands "$TEAM_VALUES") values" sops

  HUSH_CMD=("$HUSH" recipients remove "$TEAM_GONE") HUSH_SKIP=$skip HUSH_PREP=$hush_restore
  PEER_CMD=(bash "$team/sops-remove.sh") PEER_PREP=$sops_restore
  bench_pair "remove 1 of $TEAM_MEMBERS members" "$size" 1000

  if [ "$team_hush" -eq 1 ]; then (cd "$REPO" && eval "$hush_restore"); fi
  HUSH_CMD=("$HUSH" access) HUSH_SKIP=$skip
  PEER_CMD=()
  bench_pair "access" "$size" 50

  # The checks run the removal once more (outside timing) and leave the repository removed.
  check_team_remove "$team_hush" "$hush_restore" "$sops_restore"
  HUSH_CMD=("$HUSH" access) HUSH_SKIP=$skip
  PEER_CMD=()
  bench_pair "access, after the removal" "$size" 50

  section_end
  REPO=$core_repo
}

# Once, outside timing: the removed member could read every file before and none after, with
# either tool; a remaining member reads every value after; hush's access check goes from clean
# to "exposed values".
check_team_remove() {
  local team_hush=$1 hush_restore=$2 sops_restore=$3 e rc failed=0
  local gone_id="$TEAM/keys/$TEAM_GONE.txt" stays_id="$TEAM/keys/$TEAM_STAYS.txt"
  # hush tries the --identity files first, then HUSH_IDENTITY_FILE (the caller, who reads
  # everything): the members' checks run without it.
  local member=(env -u HUSH_IDENTITY_FILE "$HUSH")

  if [ "$team_hush" -eq 1 ]; then
    (cd "$REPO" && eval "$hush_restore")
    try_cmd "$HUSH" access --check || team_fail "hush access --check fails on the pristine repository: $(why_failed $?)"
    for e in "${TEAM_ENV_NAMES[@]}"; do
      try_cmd "${member[@]}" get "$e" KEY_00001 --identity "$gone_id" ||
        team_fail "hush: $TEAM_GONE cannot read $e before the removal: $(why_failed $?)"
    done
    if try_cmd "$HUSH" recipients remove "$TEAM_GONE"; then
      [ "$(grep -c "removed $TEAM_GONE; new data key" "$WORK/out")" -eq "${#TEAM_ENV_NAMES[@]}" ] ||
        team_fail "hush recipients remove did not report a new data key for each of the ${#TEAM_ENV_NAMES[@]} environments"
      [ "$(grep -c "(was readable by $TEAM_GONE)" "$WORK/out")" -eq $((${#TEAM_ENV_NAMES[@]} * TEAM_VALUES)) ] ||
        team_fail "hush recipients remove did not list the $((${#TEAM_ENV_NAMES[@]} * TEAM_VALUES)) exposed values"
      [ ! -e "$REPO/recipients/$TEAM_GONE.pub" ] || team_fail "hush: recipients/$TEAM_GONE.pub is still there"
      for e in "${TEAM_ENV_NAMES[@]}"; do
        rc=0
        try_cmd "${member[@]}" get "$e" KEY_00001 --identity "$gone_id" || rc=$?
        [ "$rc" -eq 3 ] || team_fail "hush: $TEAM_GONE's identity, after the removal, on $e: exit $rc (expected 3)"
        if try_cmd "${member[@]}" decrypt "$e" --identity "$stays_id"; then
          cmp -s "$WORK/out" "$DATA/team-$e.yaml" || team_fail "hush: $TEAM_STAYS decrypts $e to something else than its plaintext"
        else
          team_fail "hush: $TEAM_STAYS cannot decrypt $e after the removal: $(why_failed $?)"
        fi
        if grep -q "^#hush:recipient $TEAM_GONE " "$REPO/.secrets/$e.yaml"; then team_fail "hush: $e still holds a wrap for $TEAM_GONE"; fi
        if cmp -s <(grep -v '^#hush:' "$REPO/.secrets/$e.yaml") <(grep -v '^#hush:' "$TEAM/pristine/hush/.secrets/$e.yaml"); then
          team_fail "hush: $e's sealed values did not change (no re-seal)"
        fi
      done
      rc=0
      try_cmd "$HUSH" access --check || rc=$?
      [ "$rc" -eq 1 ] || team_fail "hush access --check after the removal: exit $rc (expected 1: exposed values)"
    else
      team_fail "hush recipients remove $TEAM_GONE: $(why_failed $?)"
    fi
  fi

  (cd "$REPO" && eval "$sops_restore")
  for e in "${TEAM_ENV_NAMES[@]}"; do
    env SOPS_AGE_KEY_FILE="$gone_id" "$SOPS" --decrypt "$TEAM/sops/$e.yaml" >/dev/null 2>&1 ||
      team_fail "sops: $TEAM_GONE cannot read $e before the removal"
    env SOPS_AGE_KEY_FILE="$WORK/sops-age.txt" "$SOPS" --decrypt "$TEAM/sops/$e.yaml" >"$TEAM/$e.before" 2>/dev/null ||
      team_fail "sops: the caller cannot read $e before the removal"
  done
  if try_cmd bash "$TEAM/sops-remove.sh"; then
    for e in "${TEAM_ENV_NAMES[@]}"; do
      if env SOPS_AGE_KEY_FILE="$gone_id" "$SOPS" --decrypt "$TEAM/sops/$e.yaml" >/dev/null 2>&1; then
        team_fail "sops: $TEAM_GONE can still read $e after the removal"
      fi
      if env SOPS_AGE_KEY_FILE="$stays_id" "$SOPS" --decrypt "$TEAM/sops/$e.yaml" >"$TEAM/$e.after" 2>/dev/null; then
        cmp -s "$TEAM/$e.before" "$TEAM/$e.after" || team_fail "sops: $TEAM_STAYS decrypts $e to something else than before"
      else
        team_fail "sops: $TEAM_STAYS cannot read $e after the removal"
      fi
      [ "$(grep -c 'recipient: age1' "$TEAM/sops/$e.yaml")" -eq $((TEAM_MEMBERS - 1)) ] ||
        team_fail "sops: $e is not wrapped for exactly $((TEAM_MEMBERS - 1)) recipients"
      [ "$(grep -m 1 'KEY_00001:' "$TEAM/sops/$e.yaml")" != "$(grep -m 1 'KEY_00001:' "$TEAM/pristine/sops/$e.yaml")" ] ||
        team_fail "sops: $e's values did not change (no rotation)"
    done
  else
    team_fail "sops rotate: $(why_failed $?)"
  fi

  local who="sops"
  [ "$team_hush" -eq 1 ] && who="hush and sops"
  if [ "$failed" -eq 0 ]; then
    METHOD_NOTES+=("team checks (once, outside timing, $who): before the removal $TEAM_GONE reads all ${#TEAM_ENV_NAMES[@]} files; after it, $TEAM_GONE's identity alone opens none (hush get: exit 3), $TEAM_STAYS's decrypts each to the same plaintext, no wrap for $TEAM_GONE is left and the values are re-encrypted; hush access --check exits 0 before and 1 after (exposed values): all passed")
  else
    METHOD_NOTES+=("team checks (once, outside timing, $who): $failed failed, see Notes")
  fi
}
