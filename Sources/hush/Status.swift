import ArgumentParser
import HushKit

struct Status: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Per environment: values, recipients, last change, whether it verifies, and what is left to do.",
        discussion:
            "Needs no key: files your identities open are also verified (MAC and every value), others have their signature checked only. Lists grants pending, keys to revoke and values exposed to former members (`hush access --check` fails on those). Always exits 0 when it can read the repository; `hush verify` is the check."
    )
    static let example = "  hush status\n  hush status production"

    @Argument(help: "Environments to show (all when none named).", completion: Completions.environments)
    var envs: [String] = []

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        // The report names exposed keys; it is for people, so escape bidirectional controls.
        Console.out(TerminalSafe.escape(StatusCommand.render(try StatusCommand.run(identity.vault(), envs: envs))))
    }
}
