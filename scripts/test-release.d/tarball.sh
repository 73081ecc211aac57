# Sourced by scripts/test-release: the tarball's contents, that its binary needs only glibc (2.35
# or later) and runs under `env -i` in an empty folder, its completions and its man page.
check "SHA256SUMS lists and matches the tarball and install.sh" \
  bash -c "cd '$dist' && sha256sum -c SHA256SUMS && grep -q ' $tarball\$' SHA256SUMS && grep -q ' install.sh\$' SHA256SUMS"
expected_files="$name/
$name/LICENSE
$name/README.md
$name/completions/
$name/completions/_hush
$name/completions/hush.bash
$name/completions/hush.fish
$name/hush
$name/man/
$name/man/man1/
$name/man/man1/hush.1"
check "the tarball holds the binary, LICENSE, README, completions and man page" \
  diff <(printf '%s\n' "$expected_files") <(tar -tzf "$dist/$tarball" | sort)
check "LICENSE is MIT" grep -q "^MIT License" "$work/$name/LICENSE"

needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
glibc='^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|ld-linux-x86-64\.so\.2|ld-linux-aarch64\.so\.1)$'
if [ -n "$needed" ] && ! grep -Evq "$glibc" <<<"$needed"; then
  ok "readelf: NEEDED is glibc only ($(echo $needed))"
else
  fail "readelf: NEEDED is glibc only" "$needed"
fi
newest=$(readelf -V --wide "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -Vu | tail -1)
if [ "$(printf '%s\n' "$newest" 2.35 | sort -V | tail -1)" = 2.35 ]; then
  ok "glibc symbol versions up to $newest: runs on glibc 2.35 and later"
else
  fail "glibc symbol versions up to 2.35" "newest: $newest; $(readelf --dyn-syms --wide "$bin" | grep "@GLIBC_$newest" | awk '{print $NF}')"
fi
runpath=$(readelf -d "$bin" | grep -E '\((RPATH|RUNPATH)\)' || true)
if ! grep -Eq '/opt/|/usr/lib/swift|\.build' <<<"$runpath"; then ok "no run path into a toolchain or build folder"; else fail "no run path into a toolchain" "$runpath"; fi
lddout=$(ldd "$bin" 2>&1 || true)
if ! grep -q "not found" <<<"$lddout" && ! grep -Ev '^\s*(linux-vdso\.so\.1|lib(c|m|pthread|dl|rt)\.so\.[0-9]+ => /|/lib(64)?/ld-linux)' <<<"$lddout" | grep -q .; then
  ok "ldd: glibc only"
else
  fail "ldd: glibc only" "$lddout"
fi

empty="$work/empty"
mkdir "$empty"
said=$(cd "$empty" && env -i "$bin" --version 2>&1) || true
if [[ "$said" == "hush $version "* ]]; then ok "env -i: hush --version says $said"; else fail "env -i: hush --version" "$said"; fi
if (cd "$empty" && env -i "$bin" keygen --output - >"$work/key.out" 2>"$work/key.err") &&
  grep -q '^AGE-SECRET-KEY-1' "$work/key.out" && head -1 "$work/key.err" | grep -q '^age1' &&
  sed -n 2p "$work/key.err" | grep -q '^hushsign1' && [ -z "$(ls -A "$empty")" ]; then
  ok "env -i: hush keygen --output - in an empty folder (identity on stdout, age1 and hushsign1 on stderr, no file)"
else
  fail "env -i: hush keygen --output -" "$(cat "$work/key.out" "$work/key.err" 2>&1; ls -A "$empty")"
fi
check "bash completion parses and completes subcommands" \
  bash -c "source '$work/$name/completions/hush.bash' && complete -p hush"
check "zsh and fish completions are for hush" bash -c "grep -q '^#compdef hush' '$work/$name/completions/_hush' && grep -q \"^complete -c 'hush'\" '$work/$name/completions/hush.fish'"
if command -v zsh >/dev/null; then check "zsh completion parses" zsh -n "$work/$name/completions/_hush"; fi
if command -v fish >/dev/null; then check "fish completion parses" fish --no-execute "$work/$name/completions/hush.fish"; fi
if command -v groff >/dev/null; then
  check "the man page renders and documents the subcommands" \
    bash -c "groff -mandoc -Tutf8 '$work/$name/man/man1/hush.1' 2>/dev/null | grep -q 'keygen' && grep -q '^.Dt HUSH 1' '$work/$name/man/man1/hush.1'"
else
  check "the man page documents the subcommands" bash -c "grep -q '^.Dt HUSH 1' '$work/$name/man/man1/hush.1' && grep -q keygen '$work/$name/man/man1/hush.1'"
fi
