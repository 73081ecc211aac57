import ArgumentParser
import HushKit

struct Upgrade: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Move this repository to format version 2 (once).",
        discussion:
            "Creates recipients/repository (the repository id every file is bound to), adds your signing key to your recipients/NAME.pub, and re-seals every version 1 file you can open after checking it as version 1. A file sealed to keys the policy no longer grants gets a data key without them, and its values are marked exposed. Files you cannot open are listed: a member who can runs `hush upgrade` too. Commit the result."
    )
    static let example = "  hush upgrade && git add -A .secrets recipients && git commit -m 'hush format v2'"

    @Argument(help: "Environments to upgrade (all when none named).", completion: Completions.environments)
    var envs: [String] = []

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let outcome = try UpgradeCommand.run(identity.vault(), envs: envs)
        for item in outcome.created { Console.out("created \(item)\n") }
        for (env, dropped) in outcome.upgraded {
            Console.out("upgraded \(env)" + (dropped.isEmpty ? "" : " (new data key without \(dropped.joined(separator: ", ")); values marked exposed)") + "\n")
        }
        for env in outcome.current { Console.out("current  \(env)\n") }
        for env in outcome.notOpened { Console.err("hush: note: \(env) is version 1 and none of your keys opens it: a member who can runs `hush upgrade`\n") }
        if !outcome.notOpened.isEmpty { throw HushError(.noKey, "\(outcome.notOpened.count) file(s) not upgraded", hint: "see the notes above") }
    }
}

struct Restore: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Re-seal the values an environment had at a git revision, as a new signed write.",
        discussion:
            "The intended way back to an older state: the old version must verify and open with your key; its values are sealed to today's recipients with the next sequence number, so `hush verify` does not report a rollback. Never restore a sealed file with a raw `git checkout`."
    )
    static let example = "  hush restore production --from HEAD~3"

    @Argument(help: "Environment name.", completion: Completions.environments)
    var env: String

    @Option(help: "The git revision whose values to restore.")
    var from: String

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let changed = try RestoreCommand.restore(identity.vault(), env: env, from: from)
        Console.err(changed ? "hush: restored \(env) from \(from)\n" : "hush: \(env) already holds the values of \(from)\n")
    }
}

struct Exposed: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Manage values marked exposed to former members.",
        subcommands: [Ack.self])
    static let example = "  hush exposed ack production FEATURE_FLAG --reason \"not a secret\""

    struct Ack: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            abstract: "Acknowledge that an exposed value is not secret: the mark goes, a recorded #hush:ack line stays.",
            discussion: "For values that need no rotation (a feature flag, a public URL). The line names you, the time and the reason, and shows in `hush log`."
        )
        static let example = "  hush exposed ack production FEATURE_FLAG --reason \"not a secret\""

        @OptionGroup var address: ValueAddress

        @Option(help: "Why the value needs no rotation (one line, up to 200 characters).")
        var reason: String

        @OptionGroup var identity: IdentityOptions

        func run() throws {
            try RestoreCommand.acknowledge(identity.vault(), env: address.env, key: address.key, reason: reason)
        }
    }
}
