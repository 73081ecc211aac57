/// The per-document fixtures of `DocsCommandsTests`: the state each document's shell blocks
/// expect. A document with a `hush` block and no fixture here fails the test.
enum DocsFixtures {
    static let all: [DocFixture] = [readme, ci, git, scan]

    /// Blocks that are not run, with the reason; reported as skipped, never silently ignored.
    static let skipped: [DocSkip] = []

    /// The tour: a first member (alice, no identity yet: the tour makes it), then bob.
    static let readme = DocFixture(
        doc: "README.md",
        setup: #"""
            hush keygen --output "$HUSH_DOCS/bob.key" > "$HUSH_DOCS/bob.pub" 2>/dev/null
            printf 'not a real key\n' > server.key
            printf 'DATABASE_URL=postgres://imported\n' > .env.production
            printf 'DATABASE_URL: postgres://from-sops\ndatabase:\n  password: from-sops\n' > prod.yaml
            stub sops '[ "$1" = decrypt ] && cat "$2"'
            stub editor 'printf "EDITED: by-the-editor\n" >> "$1"'
            stub kubectl '[ "$*" = "apply -f -" ] && grep "^kind: Secret$" > /dev/null'
            executable server '[ "$*" = "--port 8080" ] && [ -n "$DATABASE_URL" ]'
            """#,
        env: ["TOKEN": "tok-from-the-environment", "GITHUB_ENV": "$HUSH_DOCS/github.env", "EDITOR": "$HUSH_DOCS/bin/editor", "GIT_MERGE_AUTOEDIT": "no"],
        substitutions: [
            .init(word: "age1… hushsign1…", with: #"$(cat "$HUSH_DOCS/bob.pub")"#),
            .init(word: "ENV…", with: "production staging"), .init(word: "ENV", with: "production"),
            .init(word: "REV", with: "HEAD"), .init(word: "KEY", with: "DATABASE_URL"),
        ],
        steps: [
            .init(match: "hush keygen", after: #"[ "$(stat -c %a "$HOME/.config/hush/identity")" = 600 ]"#, why: "identity file is 0600"),
            .init(
                match: "hush access",
                before: "put production DATABASE_URL postgres://prod --format yaml && put staging OLD_KEY old --format yaml",
                why: "the team commands work on environments; the tour makes them under Values"),
            .init(match: "hush recipients remove bob", after: "! hush recipients list | grep '^bob' > /dev/null", why: "bob is no longer a member"),
            .init(
                match: "hush set production DATABASE_URL", stdin: "postgres://new\n", after: #"[ "$(hush get production DATABASE_URL)" = postgres://new ]"#,
                why: "reads the value from stdin"),
            .init(
                match: #"printf %s "$TOKEN" | hush set staging api.token"#, after: #"[ "$(hush get staging api.token)" = "$TOKEN" ]"#,
                why: "the value is $TOKEN"),
            .init(
                match: "hush set production tls.key --file server.key", after: "hush get production tls.key | cmp -s - server.key",
                why: "a file, byte for byte"),
            .init(
                match: "hush encrypt .env.production --env production", before: "rm .secrets/production.yaml",
                why: "an import makes a new environment: production, made by `hush set` above, is imported anew"),
            .init(
                match: "sops decrypt prod.yaml | hush encrypt - --format yaml --env production", before: "rm .secrets/production.env",
                why: "as above, production is imported anew (from sops)"),
            .init(
                match: "hush decrypt dev --output .env.local", before: "printf 'DEBUG=1\\n' | hush encrypt - --format dotenv --env dev",
                after: #"[ "$(stat -c %a .env.local)" = 600 ] && grep -qx DEBUG=1 .env.local"#, why: "a dev environment, decrypted to a new 0600 file"),
            .init(
                match: "hush edit staging", after: #"[ "$(hush get staging EDITED)" = by-the-editor ]"#,
                why: "the editor (a stub that adds a line) changes the file, which is re-sealed"),
            .init(
                match: "hush restore production --from HEAD~3",
                before: #"commit tour && for i in 1 2 3; do put production COUNTER "v$i" && commit "counter $i"; done"#,
                after: "! hush keys production | grep -x COUNTER > /dev/null", why: "production needs a history of 3 commits; COUNTER came after HEAD~3"),
            .init(
                match: #"hush export production --format github-env --output "$GITHUB_ENV""#, after: #"grep -q '^DATABASE_URL' "$GITHUB_ENV""#,
                why: "the values land in $GITHUB_ENV"),
            .init(
                match: "hush export production --format docker-secrets --output ./secrets", after: #"[ "$(stat -c %a secrets/DATABASE_URL)" = 600 ]"#,
                why: "one 0600 file per variable"),
            .init(
                match: "git merge feature",
                before: """
                    commit before-merge && git checkout -qb feature && put production FEATURE_FLAG on && commit feature &&
                    git checkout -q main && put production MAIN_ONLY yes && commit main
                    """,
                after: "hush keys production | grep -x FEATURE_FLAG > /dev/null && hush keys production | grep -x MAIN_ONLY > /dev/null",
                why: "a branch `feature` that changes another key of production than main did; the merge keeps both"),
            .init(match: "hush hooks install", after: "[ -x .git/hooks/pre-commit ]", why: "the hook is installed"),
            .init(
                match: "hush scan", before: "rm -rf .env.production prod.yaml server.key secrets .env.local",
                why: "the tour's plaintext files are removed, as they would be, before scanning for leaks"),
            .init(match: "hush scan --history --format sarif > hush.sarif", after: #"grep -q '"2\.1\.0"' hush.sarif"#, why: "a SARIF 2.1.0 report"),
        ])

    /// CI set-up: alice, bob and carol; the doc's policy; a deploy key that reads production.
    static let ci = DocFixture(
        doc: "docs/ci.md",
        setup: #"""
            hush keygen > /dev/null 2>&1 && hush init --name alice > /dev/null
            member bob && member carol
            printf 'environments:\n  production: {read: [alice, ci-production], write: [alice]}\n  staging: [developers, ci-staging]\ngroups:\n  developers: [alice, bob, carol]\n' > recipients/access.yaml
            put production DATABASE_URL postgres://prod && put staging DATABASE_URL postgres://staging
            executable deploy 'if [ "$1" = --secrets-dir ]; then test -s "$2/DATABASE_URL"; else test -n "$DATABASE_URL" && test -z "${HUSH_IDENTITY:-}"; fi'
            mkdir "$HUSH_DOCS/ci-home"
            """#,
        steps: [
            .init(
                match: "hush keygen --output -", after: #"grep -q '^AGE-SECRET-KEY-1' ci-production.key && [ "$(wc -l < ci-production.pub)" -eq 2 ]"#,
                why: "the identity on stdout, its two public keys on stderr"),
            .init(match: "hush access", after: "hush access | grep -E '^ci-production +read +- *$' > /dev/null", why: "ci-production reads production only"),
        ],
        scripts: [
            .init(
                match: "set -eu", exports: #"export HUSH_IDENTITY="$(cat ci-production.key)" HOME="$HUSH_DOCS/ci-home""#,
                why: "a whole CI job script (if, trap), run with only the deploy key, made in step 1, and an empty HOME")
        ])

    /// Git integration: alice and bob, production (YAML) and staging with 4 commits of history
    /// and an uncommitted change.
    static let git = DocFixture(
        doc: "docs/git.md",
        setup: #"""
            hush keygen > /dev/null 2>&1 && hush init --name alice > /dev/null && member bob
            printf 'DATABASE_URL: postgres://prod\ndatabase:\n  password: first\n' | hush encrypt - --format yaml --env production
            put staging API_KEY k1 && commit "add environments"
            for i in 2 3 4; do put production database.password "pass$i" && commit "rotate $i"; done
            put production DATABASE_URL postgres://prod-2 && put staging NEW_KEY new
            """#,
        steps: [
            .init(match: "hush hooks install", after: "[ -x .git/hooks/pre-commit ]", why: "the hook is installed"),
            .init(match: "hush hooks uninstall", after: "[ ! -e .git/hooks/pre-commit ]", why: "and removed"),
        ])

    /// Scanning: alice, production, a tag v1.2 and a commit after it, files to scan by path.
    static let scan = DocFixture(
        doc: "docs/scan.md",
        setup: #"""
            hush keygen > /dev/null 2>&1 && hush init --name alice > /dev/null
            put production DATABASE_URL postgres://prod-db.internal/app && commit vault && git tag v1.2
            mkdir -p src config && printf 'print("hello")\n' > src/app.py && printf 'port: 8080\n' > config/app.yaml
            git add src config && git commit -qm app
            """#)
}
