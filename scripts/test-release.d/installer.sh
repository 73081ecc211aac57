# Sourced by scripts/test-release: scripts/install.sh, as shipped in the release (installs from
# file:// URLs and paths, refuses wrong checksums and versions).
install_sh="$dist/install.sh"
cmp -s "$install_sh" scripts/install.sh || fail "dist/install.sh is scripts/install.sh"
installs() { # installs NAME BIN_DIR ARGS...: exit 0 and BIN_DIR/hush reports the version.
  local name=$1 dir=$2 out
  shift 2
  if out=$(sh "$install_sh" "$@" --bin-dir "$dir" 2>&1) && [ -x "$dir/hush" ] &&
    [[ "$("$dir/hush" --version)" == "hush $version "* ]] && [ "$(stat -c %a "$dir/hush")" = 755 ]; then
    ok "$name"
  else
    fail "$name" "$out"
  fi
}
installs "install.sh --url file://DIST" "$work/i1" --version "$version" --url "file://$dist"
installs "install.sh --tarball PATH (SHA256SUMS beside it), version given as v$version" "$work/i2" --version "v$version" --tarball "$dist/$tarball"
installs "install.sh --tarball file://… with --sha256 pinned" "$work/i3" --version "$version" --tarball "file://$dist/$tarball" --sha256 "$(sha256sum "$dist/$tarball" | cut -d' ' -f1)"
installs "install.sh over an existing hush (replaced by rename)" "$work/i1" --version "$version" --url "file://$dist"
out=$(cd "$work" && HOME="$work/home-default" PATH=/usr/bin:/bin sh "$install_sh" --version "$version" --url "file://$dist" 2>&1) &&
  [ -x "$work/home-default/.local/bin/hush" ] && grep -q "not on PATH" <<<"$out" &&
  ok "install.sh defaults to ~/.local/bin and says when it is not on PATH" || fail "install.sh default bin dir" "$out"
out=$(HUSH_VERSION="$version" HUSH_RELEASE_URL="file://$dist" sh "$install_sh" --bin-dir "$work/i4" 2>&1) &&
  HUSH_RELEASE_URL="file:///nonexistent" sh "$install_sh" --version "$version" --tarball "$dist/$tarball" --bin-dir "$work/i5" >/dev/null 2>&1 &&
  [ -x "$work/i4/hush" ] && [ -x "$work/i5/hush" ] &&
  ok "install.sh reads HUSH_VERSION and HUSH_RELEASE_URL; --tarball wins over HUSH_RELEASE_URL" || fail "install.sh environment" "$out"

# Must-fail cases: each leaves the bin folder without hush.
mkdir -p "$work/bad-sums" "$work/tampered" "$work/other-version" "$work/unlisted"
cp "$dist/$tarball" "$work/bad-sums/"
sed "s/^[0-9a-f]\{8\}/00000000/" "$dist/SHA256SUMS" >"$work/bad-sums/SHA256SUMS"
refuses "install.sh refuses a wrong checksum in SHA256SUMS (exit 1)" 1 "checksum mismatch" \
  sh "$install_sh" --version "$version" --url "file://$work/bad-sums" --bin-dir "$work/no1"
cp "$dist/SHA256SUMS" "$work/tampered/" && cp "$dist/$tarball" "$work/tampered/" && printf 'x' >>"$work/tampered/$tarball"
refuses "install.sh refuses a tampered tarball (exit 1)" 1 "checksum mismatch" \
  sh "$install_sh" --version "$version" --url "file://$work/tampered" --bin-dir "$work/no2"
refuses "install.sh refuses a pinned --sha256 that does not match" 1 "checksum mismatch" \
  sh "$install_sh" --version "$version" --tarball "$dist/$tarball" --sha256 "$(printf '%064d' 0)" --bin-dir "$work/no3"
# A well-formed tarball named 9.9.9, listed in its SHA256SUMS, whose binary is $version.
other="hush-9.9.9-linux-$arch"
mkdir -p "$work/repack" && cp -R "$work/$name" "$work/repack/$other"
tar -C "$work/repack" -czf "$work/other-version/$other.tar.gz" "$other" && (cd "$work/other-version" && sha256sum "$other.tar.gz" >SHA256SUMS)
refuses "install.sh refuses a binary that is not the version asked for" 1 "not version 9.9.9" \
  sh "$install_sh" --version 9.9.9 --url "file://$work/other-version" --bin-dir "$work/no4"
cp "$dist/$tarball" "$work/unlisted/" && echo "$(printf '%064d' 0)  something-else.tar.gz" >"$work/unlisted/SHA256SUMS"
refuses "install.sh refuses a tarball SHA256SUMS does not list" 1 "has no checksum for $tarball" \
  sh "$install_sh" --version "$version" --url "file://$work/unlisted" --bin-dir "$work/no5"
refuses "install.sh: a missing release is a clear error" 1 "no such file" \
  sh "$install_sh" --version 0.0.1 --url "file://$dist" --bin-dir "$work/no6"
refuses "install.sh: no --version is a usage error (64)" 64 "--version is required" sh "$install_sh" --url "file://$dist"
refuses "install.sh: no --url or --tarball is a usage error (64)" 64 "say where the release is" sh "$install_sh" --version "$version"
if ! ls "$work"/no[0-9]/hush >/dev/null 2>&1; then ok "no failed install left a hush behind"; else fail "failed installs left a hush behind" "$(ls "$work"/no[0-9]/hush)"; fi
if command -v shellcheck >/dev/null; then
  check "shellcheck -s sh scripts/install.sh" shellcheck -s sh scripts/install.sh
fi
