import ArgumentParser
import HushKit

struct GitGroup: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "git",
        abstract: "Git integration: per-key diff and merge of .secrets/ files.",
        subcommands: [Setup.self, TextConv.self])
    static let example = """
          hush git setup        # once per clone (hush init does it too)
          git diff .secrets/    # then: decrypted for key holders
        """

    struct Setup: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            abstract: "Set up git diff and merge for .secrets/ in this clone.",
            discussion:
                "Adds `.secrets/*.yaml`, `*.yml` and `*.env` lines with diff=hush merge=hush to .gitattributes (commit them), and sets diff.hush.textconv, diff.hush.cachetextconv=false, merge.hush.name and merge.hush.driver in this clone's git config (never the global one), naming this hush by its absolute path. Safe to run again: only what is missing or different is written. See docs/git.md."
        )
        static let example = "  hush git setup && git add .gitattributes"

        func run() throws {
            let changes = try GitSetup.apply(root: Repository.find().root)
            if changes.isEmpty { Console.out("already set up: .gitattributes and this clone's git config\n") }
            for change in changes { Console.out(change.what + "\n") }
        }
    }

    struct TextConv: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            commandName: "textconv",
            abstract: "Print a sealed file for git diff: decrypted when you hold a key, else values as <sealed:…>.",
            discussion:
                "git runs this (diff.hush.textconv) for `git diff`, `git log -p` and `git show`. With a key that opens the file it prints the plaintext document, so secrets appear in that output; without one, the layout with each value replaced by <sealed:TAG> (the token's last characters: a changed value is a changed line). Both end with `#hush: ` lines naming the recipients and exposed values. A file that is not a sealed Hush file is printed as it is."
        )
        static let example = "  hush git textconv .secrets/staging.env"

        @Argument(help: "The file git passes (a sealed file or a temporary copy of one).")
        var file: String

        @OptionGroup var identity: IdentityOptions

        func run() throws {
            try Console.out(bytes: HushKit.TextConv.render(file: file, identityFiles: identity.identities))
        }
    }
}
