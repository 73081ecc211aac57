import ArgumentParser
import HushKit

struct Access: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Show which member can read which environment.",
        discussion:
            "Reads only recipients/, recipients/access.yaml and the files' metadata: no key needed. With --check, exits 1 when any file is not sealed to exactly what the policy grants, still has values exposed to former members, is not signed by a member allowed to write it, or was rolled back to an older state (for CI)."
    )
    static let example = "  hush access\n  hush access --check"

    @Flag(help: "Exit 1 on pending grants, keys to revoke, unknown keys or exposed values.")
    var check = false

    func run() throws {
        let report = try AccessCommand.report(Repository.find(), checkWriters: check)
        Console.out(report.matrix())
        let problems = report.problems
        guard !problems.isEmpty else { return }
        Console.out("\n" + problems.map { $0 + "\n" }.joined())
        if check {
            throw HushError(
                .checkFailed, "access check failed: \(problems.count) problem(s)", hint: "run `hush sync` as a member who can read the environments named above"
            )
        }
    }
}
