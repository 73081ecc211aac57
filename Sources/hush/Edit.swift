import ArgumentParser
import HushKit

struct Edit: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Edit an environment's plaintext in $VISUAL or $EDITOR; re-seal only what changed.",
        discussion:
            "The plaintext goes to a private 0600 file in $XDG_RUNTIME_DIR or /dev/shm when they exist, removed on every exit path. If the edited text does not parse, the sealed file stays unchanged and, on a terminal, you can reopen the editor."
    )
    static let example = "  EDITOR=nano hush edit staging"

    @Argument(help: "Environment name or sealed file path.", completion: Completions.environments)
    var env: String

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let changed = try EditCommand.run(identity.vault(), env: env)
        Console.err(changed ? "hush: re-sealed \(env)\n" : "hush: no changes\n")
    }
}
