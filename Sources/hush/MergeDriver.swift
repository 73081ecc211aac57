import ArgumentParser
import HushKit

struct MergeDriverCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Git merge driver for .secrets/ files (set up by `hush init` / `hush git setup`).",
        discussion:
            "Merges base, ours and theirs per key and writes a sealed result over OURS. Exit status 0 for a clean merge; 1 with the conflicting keys listed, leaving a sealed file that `hush edit` opens with both values shown; any other failure leaves OURS as it was."
    )
    static let example = "  git config merge.hush.driver 'hush merge-driver %O %A %B %P'"

    @Argument(help: "The common ancestor's version (%O).") var base: String
    @Argument(help: "Our version, replaced by the result (%A).") var ours: String
    @Argument(help: "Their version (%B).") var theirs: String
    @Argument(help: "The file's path in the repository (%P).") var path: String

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let conflicts = try MergeDriver.run(identity.vault(), base: base, ours: ours, theirs: theirs, path: path)
        guard conflicts.isEmpty else {
            Console.err("hush: merge conflict in \(path): \(TerminalSafe.escape(conflicts.joined(separator: ", ")))\n")
            let env = String(path.split(separator: "/").last ?? Substring(path)).split(separator: ".").dropLast().joined(separator: ".")
            throw HushError(
                .checkFailed, "both branches changed \(conflicts.count == 1 ? "this key" : "these keys") differently",
                hint: "run `hush edit \(env)`, keep one value for each, then `git add \(path)`")
        }
    }
}
