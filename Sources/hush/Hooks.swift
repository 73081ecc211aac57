import ArgumentParser
import HushKit

struct Hooks: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "The git pre-commit hook that keeps plaintext and damaged files out of .secrets/.",
        subcommands: [Install.self, Uninstall.self, PreCommit.self])
    static let example = "  hush hooks install\n  hush hooks uninstall"

    struct Install: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            abstract: "Install the pre-commit hook (in core.hooksPath when set); an existing hook is kept and runs first.",
            discussion:
                "A pre-commit hook that is not Hush's is renamed pre-commit.local; the Hush hook runs it first and stops the commit when it fails. Running install again is safe. With the pre-commit framework, Husky or lefthook, call `hush hooks pre-commit` from their configuration instead."
        )
        static let example = "  hush hooks install"

        func run() throws {
            for line in try GitHooks.install() { Console.out(line + "\n") }
        }
    }

    struct Uninstall: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(abstract: "Remove the Hush pre-commit hook and restore the hook it kept.")
        static let example = "  hush hooks uninstall"

        func run() throws {
            for line in try GitHooks.uninstall() { Console.out(line + "\n") }
        }
    }

    struct PreCommit: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            commandName: "pre-commit",
            abstract: "Check the staged files under .secrets/ (what the hook runs).",
            discussion:
                "Every staged file under a .secrets/ folder must be a sealed Hush file whose structure is sound (every non-empty value a token); when one of your identities opens it, its MAC must verify too. Exit status 1, with one line per problem, when the commit must not go ahead."
        )
        static let example = "  hush hooks pre-commit"

        @OptionGroup var identity: IdentityOptions

        func run() throws {
            let problems = try GitHooks.preCommit(identityFiles: identity.identities)
            guard !problems.isEmpty else { return }
            for problem in problems { Console.err("hush: error: \(TerminalSafe.escape(problem.message))\n") }
            throw HushError(
                .checkFailed, "commit refused: \(problems.count) problem(s) in the staged changes",
                hint:
                    "unstage a plaintext file (`git rm --cached FILE`) and seal it with `hush encrypt FILE --env ENV`; restore a damaged one with `git checkout HEAD -- FILE` or re-seal it with `hush edit`"
            )
        }
    }
}
