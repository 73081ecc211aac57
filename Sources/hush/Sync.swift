import ArgumentParser
import HushKit

struct Sync: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Seal every environment to exactly the members the policy grants.",
        discussion:
            "Wraps the data key for granted members that lack it (after showing each name and fingerprint and asking; --yes for scripts), and gives a new data key to every file that holds a key the policy no longer grants, then lists the secrets that key could read. recipients/access.yaml maps environments to members and groups; an environment it does not list is readable by every member."
    )
    static let example = "  hush sync\n  hush sync production --yes"

    @Argument(help: "Environments to sync (all when none named).", completion: Completions.environments)
    var envs: [String] = []

    @Flag(help: "Grant without asking (the keys are still listed).")
    var yes = false

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let limits = SyncCommand.Limits(environments: envs.isEmpty ? nil : envs)
        try SyncOutput.report(SyncCommand.run(identity.vault(), limits, confirm: SyncOutput.confirm(yes: yes)))
    }
}

struct Rekey: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Give environments a new data key and re-seal every value.",
        discussion:
            "For a suspected leak or a rotation schedule. Each file is sealed to the members the policy grants that already hold its key; pending members are left to `hush sync`. Every value line changes."
    )
    static let example = "  hush rekey production\n  hush rekey"

    @Argument(help: "Environments to rekey (all when none named).", completion: Completions.environments)
    var envs: [String] = []

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let limits = SyncCommand.Limits(environments: envs.isEmpty ? nil : envs, grantOnly: [], rotateAll: true)
        try SyncOutput.report(SyncCommand.run(identity.vault(), limits, confirm: { _ in true }), remedy: "hush rekey")
    }
}
