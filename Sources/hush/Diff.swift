import ArgumentParser
import HushKit

struct DiffCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show which keys differ between a revision (default HEAD) and the work tree.",
        discussion:
            "Prints `+ KEY (added)`, `- KEY (removed)` and `~ KEY (changed)` per environment (all when none is named). Values are compared decrypted when your key opens both versions, else by their sealed text (a data-key rotation then shows every value as changed). --values prints old and new values and needs a key (exit 3 without one). The first argument is a revision unless it names an environment. Exit status 0, or with --exit-code 1 when something differs."
    )
    static let example = "  hush diff                        # every environment, HEAD → work tree\n  hush diff main production --values"

    @Argument(help: ArgumentHelp("[REV] [ENV…]: a git revision (default HEAD), then environment names.", valueName: "rev-or-env"))
    var arguments: [String] = []

    @Flag(help: "Show the decrypted old and new values (needs a key that opens both versions).")
    var values = false

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when something differs, 0 when nothing does (as git diff --exit-code).")
    var exitCode = false

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let report = try KeyDiff.run(identity.vault(), arguments: arguments, values: values)
        Console.out(report.render())
        if exitCode && !report.isEmpty { Self.exit(withError: ExitCode(1)) }
    }
}
