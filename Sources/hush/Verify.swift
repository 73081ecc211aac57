import ArgumentParser
import HushKit

struct Verify: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Check the signature, MAC and every value of environments (all when none named), and that none was rolled back.",
        discussion:
            "Every file's signature is checked without a key: its writer must be a member allowed to write that environment. With a key that opens it, the MAC and every value are checked too. Each file's sequence number is compared with its last 200 versions on this branch (first parent). Exit status 0 when all verify, 4 when any fails its integrity or rollback check, 1 for an unresolved merge."
    )
    static let example = "  hush verify\n  hush verify production staging"

    @Argument(help: "Environments to check.", completion: Completions.environments)
    var envs: [String] = []

    @Flag(help: "Fail for an environment your keys cannot open (by default its signature is checked and it passes with a note).")
    var all = false

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        var worst: HushError?
        for verdict in try FileCommands.verify(identity.vault(), envs: envs, all: all) {
            if let error = verdict.error {
                Console.out("FAIL \(verdict.file)\n")
                Console.err("hush: error: \(TerminalSafe.escape(error.message))\n")
                if worst == nil || error.kind == .integrity { worst = error }
            } else {
                Console.out("ok   \(verdict.file) (\(verdict.values) \(verdict.values == 1 ? "value" : "values"))\n")
                for note in verdict.notes { Console.err("hush: note: \(verdict.file): \(note)\n") }
            }
        }
        if let worst {
            throw HushError(worst.kind, "verification failed", hint: worst.hint)
        }
    }
}
