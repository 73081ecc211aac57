import ArgumentParser
import HushKit

struct Verify: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Check the MAC and every value of environments (all when none named).",
        discussion: "Exit status 0 when all verify, 4 when any fails its integrity check, 3 when one cannot be opened with your keys.")
    static let example = "  hush verify\n  hush verify production staging"

    @Argument(help: "Environments to check.")
    var envs: [String] = []

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        var worst: HushError?
        for verdict in try FileCommands.verify(identity.vault(), envs: envs) {
            if let error = verdict.error {
                Console.out("FAIL \(verdict.file)\n")
                Console.err("hush: error: \(TerminalSafe.escape(error.message))\n")
                if worst == nil || error.kind == .integrity { worst = error }
            } else {
                Console.out("ok   \(verdict.file) (\(verdict.values) values)\n")
            }
        }
        if let worst {
            throw HushError(worst.kind, "verification failed", hint: worst.hint)
        }
    }
}
