import ArgumentParser
import HushKit

/// Shows what `sync`, `rekey` and `recipients add`/`remove` did, and asks before granting.
enum SyncOutput {
    /// Confirmation for keys about to be granted: always shown; `--yes` or a "y" on the
    /// terminal goes ahead; without a terminal and without `--yes`, nothing is granted.
    static func confirm(yes: Bool) -> ([SyncCommand.Grant]) throws -> Bool {
        { grants in
            Console.err("hush: about to give these keys the data key:\n")
            for grant in grants {
                Console.err("  \(grant.env): \(grant.name) (\(grant.keyType) \(grant.fingerprint))\n")
            }
            if yes { return true }
            guard Terminal.isStandardInput else {
                throw HushError(
                    .refused, "not granting keys without confirmation (standard input is not a terminal)",
                    hint: "check each name and fingerprint above with its owner, then run again with --yes")
            }
            return Terminal.confirm("Grant? Compare each fingerprint with its owner first.")
        }
    }

    /// Prints the outcome; throws when some file needed a change the caller could not make.
    static func report(_ outcome: SyncCommand.Outcome, remedy: String = "hush sync") throws {
        for change in outcome.changes {
            var what: [String] = []
            if !change.granted.isEmpty { what.append("wrapped for \(change.granted.joined(separator: ", "))") }
            if !change.revoked.isEmpty { what.append("removed \(change.revoked.joined(separator: ", "))") }
            if change.rotated { what.append("new data key, every value re-sealed") }
            if let signer = change.resigned { what.append("signed anew (\(signer), its last writer, may no longer write it)") }
            Console.out("\(change.env): \(what.joined(separator: "; "))\n")
        }
        let exposed = outcome.changes.filter { !$0.exposed.isEmpty }
        if !exposed.isEmpty {
            Console.out("\nThe new data key protects future values only. Change each of these at its source, then `hush set` it:\n")
            for change in exposed {
                let who = change.revoked.joined(separator: ", ")
                for key in change.exposed { Console.out("  \(change.env) \(TerminalSafe.escape(key)) (was readable by \(who))\n") }
            }
        }
        if outcome.changes.isEmpty && outcome.notOpened.isEmpty && outcome.failed.isEmpty {
            Console.out("every environment already matches recipients/ and the policy\n")
        }
        for (env, names) in outcome.stillPending {
            Console.err("hush: note: \(env): \(names.joined(separator: ", ")) still pending; `hush sync` grants them\n")
        }
        if !outcome.failed.isEmpty {
            for (env, error) in outcome.failed {
                Console.err("hush: error: \(env) was not updated: \(TerminalSafe.escape(error.message))\n")
            }
            let done = outcome.changes.map(\.env)
            throw HushError(
                outcome.failed[0].error.kind,
                "partly done: \(outcome.failed.count) file(s) not updated" + (done.isEmpty ? "" : "; updated: \(done.joined(separator: ", "))"),
                hint: "fix the cause above, then run `hush sync`: it finishes what is left")
        }
        guard outcome.notOpened.isEmpty else {
            for (env, readers) in outcome.notOpened {
                let who = readers.isEmpty ? "nobody listed can" : readers.joined(separator: ", ") + " can"
                Console.err("hush: error: cannot open \(env) with your keys to update it (\(who))\n")
            }
            throw HushError(
                .noKey, "\(outcome.notOpened.count) environment(s) were left unchanged",
                hint: "ask a member who can read them to run `\(remedy)`; `hush access --check` fails until then")
        }
    }
}
