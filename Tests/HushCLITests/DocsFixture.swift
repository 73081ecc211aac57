import Testing

/// The state a document's shell blocks expect, and how to run the ones that need help.
///
/// Every `sh`/`bash`/`shell`/`console` block of the document that runs `hush` is run, in
/// document order, in one sandbox (a temp git repository and HOME, `hush` first on `PATH`,
/// `$HUSH_DOCS` the sandbox's root, stubs in `$HUSH_DOCS/bin`). Each command line runs on its
/// own (`bash -o pipefail`) and must exit 0, or N where its comment starts with `exits N`.
struct DocFixture: Sendable, CustomTestStringConvertible {
    /// The document, relative to the repository root.
    var doc: String
    /// Bash run in the repository before the first block (with `DocFixture.helpers`; `set -e`).
    var setup: String
    /// Variables for every command (`$HUSH_DOCS` in a value is the sandbox root).
    var env: [String: String] = [:]
    /// Placeholder words of the docs and what the test types instead (whole words only).
    var substitutions: [Substitution] = []
    /// Per-command set-up, input and status, for commands that need them.
    var steps: [Step] = []
    /// Blocks run as one script rather than line by line (a block with `if`, `trap`).
    var scripts: [Script] = []

    var testDescription: String { doc }

    struct Substitution: Sendable {
        var word: String
        var with: String
    }

    /// Matched to the one command equal to `match` (the line without its comment; best, since
    /// a line added next to it cannot make it ambiguous), else the one command containing it.
    struct Step: Sendable {
        var match: String
        /// Bash run just before the command (with the helpers), which must succeed.
        var before: String = ""
        /// Standard input of the command (empty when nil).
        var stdin: String?
        /// Bash run after the command (with the helpers), which must succeed: what the doc's
        /// comment promises (a 0600 file, a key added).
        var after: String = ""
        /// Why this step exists: the doc's context the command relies on.
        var why: String
    }

    /// A block, by a unique substring, run as one bash script after `exports`.
    struct Script: Sendable {
        var match: String
        var exports: String = ""
        var why: String
    }

    /// Functions the setup and `before` snippets may use.
    static let helpers = #"""
        # member NAME: a new key in $HUSH_DOCS/NAME.key, added to recipients/ with both public keys
        member() {
          hush keygen --output "$HUSH_DOCS/$1.key" > "$HUSH_DOCS/$1.pub" 2>/dev/null &&
          hush recipients add --yes "$1" $(cat "$HUSH_DOCS/$1.pub") > /dev/null
        }
        # put ENV KEY VALUE [hush set options]
        put() { e="$1" k="$2" v="$3"; shift 3; printf %s "$v" | hush set "$e" "$k" "$@"; }
        # commit MESSAGE: commits the vault (never the plaintext files a tour leaves around)
        commit() { git add -A .secrets recipients .gitignore .gitattributes && git commit -qm "$1"; }
        # stub NAME SCRIPT: a stand-in program on PATH
        stub() { printf '#!/bin/sh\n%s\n' "$2" > "$HUSH_DOCS/bin/$1" && chmod +x "$HUSH_DOCS/bin/$1"; }
        # executable FILE SCRIPT: a program in the repository
        executable() { printf '#!/bin/sh\n%s\n' "$2" > "$1" && chmod +x "$1"; }
        """#
}

/// A block that cannot run in the test, by document and a unique substring, and why.
struct DocSkip: Sendable, CustomTestStringConvertible {
    var doc: String
    var match: String
    var reason: String

    var testDescription: String { "\(doc): `\(match)`" }

    /// How the skip is reported: "not run: README.md block with `…`: reason".
    var report: String { "not run: \(doc) block with `\(match)`: \(reason)" }
}
