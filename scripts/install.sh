#!/bin/sh
# Installs a release of hush: fetches hush-VERSION-linux-ARCH.tar.gz (as scripts/release
# writes it), checks its SHA-256, and puts the `hush` executable in a bin folder.
#
# Usage: install.sh --version VERSION (--url BASE | --tarball TARBALL) [options]
#   --version VERSION  the release to install, e.g. 0.1.0; the installed binary must say so
#   --url BASE         the folder the release was published to (where scripts/release's dist/
#                      was uploaded): BASE/hush-VERSION-linux-ARCH.tar.gz and BASE/SHA256SUMS
#   --tarball TARBALL  the tarball itself; its SHA256SUMS is looked for next to it
#   --sha256sums SUMS  take the checksum list from SUMS instead
#   --sha256 HEX       the tarball's expected SHA-256, pinned (then SHA256SUMS is not fetched)
#   --bin-dir DIR      where to put hush (default ~/.local/bin; created if missing)
#   --arch ARCH        x86_64 or aarch64 (default: this machine's)
# BASE, TARBALL and SUMS are https:// or http:// URLs (curl or wget), file:// URLs or paths.
# The environment can give the same: HUSH_VERSION, HUSH_RELEASE_URL or HUSH_TARBALL (used when
# neither --url nor --tarball is given), HUSH_SHA256, HUSH_BIN_DIR.
# Exit status: 0 installed; 1 not installed (download failed, checksum missing or wrong, bad
# tarball, wrong version); 64 usage error. Nothing is installed unless every check passed.
set -eu

me=install.sh
die() { printf '%s: error: %s\n' "$me" "$1" >&2; [ -z "${2:-}" ] || printf '%s: hint: %s\n' "$me" "$2" >&2; exit "${3:-1}"; }
usage() { die "$1" "see: sh install.sh --help" 64; }

version=${HUSH_VERSION:-} url="" tarball="" sums=""
pinned=${HUSH_SHA256:-} bin_dir=${HUSH_BIN_DIR:-} arch=""
while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --version | --url | --tarball | --sha256sums | --sha256 | --bin-dir | --arch)
      [ $# -ge 2 ] || usage "$1 needs a value"
      case $1 in
        --version) version=$2 ;; --url) url=$2 ;; --tarball) tarball=$2 ;;
        --sha256sums) sums=$2 ;; --sha256) pinned=$2 ;; --bin-dir) bin_dir=$2 ;; --arch) arch=$2 ;;
      esac
      shift 2 ;;
    --*=*) opt=${1%%=*}; val=${1#*=}; shift; set -- "$opt" "$val" "$@" ;;
    *) usage "unknown argument: $1" ;;
  esac
done

# From the environment only when the command line names neither (a job may set both variables).
if [ -z "$url" ] && [ -z "$tarball" ]; then
  url=${HUSH_RELEASE_URL:-}
  [ -n "$url" ] || tarball=${HUSH_TARBALL:-}
fi
[ -n "$version" ] || usage "--version is required (the release to install, e.g. 0.1.0)"
case $version in v[0-9]*) version=${version#v} ;; esac
case $version in
  *[!0-9A-Za-z.+-]* | [!0-9]*) usage "not a version: $version (expected e.g. 0.1.0)" ;;
esac
[ -n "$url" ] || [ -n "$tarball" ] || usage "say where the release is: --url BASE (the folder holding the tarball and SHA256SUMS) or --tarball FILE"
[ -z "$url" ] || [ -z "$tarball" ] || usage "give --url or --tarball, not both"
if [ -n "$pinned" ]; then
  pinned=$(printf '%s' "$pinned" | tr 'A-F' 'a-f')
  case $pinned in *[!0-9a-f]*) usage "--sha256 is not a SHA-256 in hex: $pinned" ;; esac
  [ ${#pinned} -eq 64 ] || usage "--sha256 is not a SHA-256 in hex: $pinned"
fi

[ "$(uname -s)" = Linux ] || die "hush releases are built for Linux; this is $(uname -s)" "build from source: swift build -c release"
[ -n "$arch" ] || arch=$(uname -m)
case $arch in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) die "no hush release for this machine ($arch)" "releases exist for x86_64 and aarch64" ;;
esac
name="hush-$version-linux-$arch"

if [ -z "$bin_dir" ]; then
  [ -n "${HOME:-}" ] || die "HOME is not set, so there is no default bin folder" "give --bin-dir DIR"
  bin_dir="$HOME/.local/bin"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/hush-install.XXXXXX") || die "cannot create a temporary folder"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# fetch SOURCE DEST: a URL or a path, copied to DEST.
fetch() {
  case $1 in
    https://* | http://*)
      if command -v curl >/dev/null 2>&1; then
        curl -fsSL --retry 3 -o "$2" "$1" || die "could not download $1" "check the URL and that the release holds $(basename "$1")"
      elif command -v wget >/dev/null 2>&1; then
        wget -q -O "$2" "$1" || die "could not download $1" "check the URL and that the release holds $(basename "$1")"
      else
        die "neither curl nor wget is installed, so $1 cannot be downloaded" "install curl, or download the files and give their paths"
      fi ;;
    file://*)
      path=${1#file://}
      case $path in localhost/*) path=${path#localhost} ;; /*) ;; *) die "not a local file URL: $1" "use file:///absolute/path" ;; esac
      [ -f "$path" ] || die "no such file: $path"
      cp "$path" "$2" ;;
    *://*) die "cannot fetch $1" "use an https://, http:// or file:// URL, or a path" ;;
    *) [ -f "$1" ] || die "no such file: $1"; cp "$1" "$2" ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d' ' -f1
  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r "$1" | cut -d' ' -f1
  else die "no SHA-256 tool (sha256sum, shasum or openssl) found"
  fi
}

if [ -n "$url" ]; then
  base=${url%/}
  tarball="$base/$name.tar.gz"
  [ -n "$sums" ] || sums="$base/SHA256SUMS"
else
  case $(basename "$tarball") in
    "$name.tar.gz") ;;
    *) die "$(basename "$tarball") is not the release asked for" "--version $version on $arch expects $name.tar.gz" ;;
  esac
  [ -n "$sums" ] || sums="$(dirname "$tarball")/SHA256SUMS"
fi

fetch "$tarball" "$work/$name.tar.gz"
actual=$(sha256 "$work/$name.tar.gz")
if [ -n "$pinned" ]; then
  expected=$pinned from="--sha256"
else
  fetch "$sums" "$work/SHA256SUMS"
  # Lines are `HEX  NAME` (or `HEX *NAME`); exactly one must name this tarball.
  expected=$(awk -v n="$name.tar.gz" '$2 == n || $2 == "*" n { print $1 }' "$work/SHA256SUMS" | tr 'A-F' 'a-f')
  from=$sums
  [ -n "$expected" ] || die "$sums has no checksum for $name.tar.gz" "is the version right? the list holds: $(awk '{printf "%s ", $2}' "$work/SHA256SUMS")"
  [ "$(printf '%s\n' "$expected" | wc -l)" -eq 1 ] || die "$sums lists $name.tar.gz more than once"
fi
[ "$actual" = "$expected" ] || die "checksum mismatch for $name.tar.gz: expected $expected (from $from), got $actual" "the download is corrupt or was tampered with: nothing was installed"

tar -xzf "$work/$name.tar.gz" -C "$work" || die "$name.tar.gz is not a readable tarball"
[ -f "$work/$name/hush" ] || die "$name.tar.gz holds no $name/hush"
said=$("$work/$name/hush" --version 2>&1) || die "the hush in $name.tar.gz does not run here: $said"
case $said in
  "hush $version "* | "hush $version") ;;
  *) die "the binary in $name.tar.gz says \"$said\", not version $version" ;;
esac

mkdir -p "$bin_dir" || die "cannot create $bin_dir"
# Copy next to the target, then rename: a running hush is never overwritten in place.
cp "$work/$name/hush" "$bin_dir/.hush.install.$$" || die "cannot write to $bin_dir"
chmod 0755 "$bin_dir/.hush.install.$$"
mv -f "$bin_dir/.hush.install.$$" "$bin_dir/hush" || { rm -f "$bin_dir/.hush.install.$$"; die "cannot install $bin_dir/hush"; }
echo "installed $said to $bin_dir/hush (sha256 $actual)"
case ":${PATH:-}:" in
  *":$bin_dir:"*) ;;
  *) echo "note: $bin_dir is not on PATH; add it: export PATH=\"$bin_dir:\$PATH\"" >&2 ;;
esac
