import ArgumentParser
import HushKit

struct Recipients: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Manage who can read the secrets.",
        subcommands: [Add.self, Remove.self, List.self, Pub.self])
    static let example =
        "  hush recipients add bob age1… hushsign1…\n  hush recipients remove bob\n  hush recipients list\n  hush recipients pub --name alice > recipients/alice.pub"

    struct Add: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            abstract: "Add a member and wrap every environment the policy grants them that you can open.",
            discussion:
                "Writes recipients/NAME.pub, lists every environment the policy (recipients/access.yaml) grants NAME with the key's fingerprint, and asks before wrapping (--yes in scripts; without a terminal and without --yes nothing is granted and the .pub is left as it was). Environments you cannot open are named; someone who can must run `hush sync`."
        )
        static let example =
            "  hush recipients add bob age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq hushsign1…\n  hush recipients add ci --yes ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA…"

        @Argument(help: "Member name (letters, digits, '.', '_', '-').")
        var name: String

        @Argument(help: "One or more public keys: age1… with its hushsign1… signing key (what `hush keygen` prints), or ssh-ed25519 ….")
        var keys: [String]

        @Flag(help: "Grant without asking (for scripts); the keys are still listed.")
        var yes = false

        @OptionGroup var identity: IdentityOptions

        func run() throws {
            // An ssh key given as two words arrives as two arguments: join them back.
            var joined: [String] = []
            for key in keys {
                if let last = joined.last, last == "ssh-ed25519" { joined[joined.count - 1] += " " + key } else { joined.append(key) }
            }
            try SyncOutput.report(RecipientsCommand.add(identity.vault(), name: name, keys: joined, confirm: SyncOutput.confirm(yes: yes)))
        }
    }

    struct Remove: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            abstract: "Remove a member, rotate the data key of what they could read, and list those secrets.",
            discussion:
                "Deletes recipients/NAME.pub and takes NAME out of recipients/access.yaml. Every environment that held NAME's key gets a new data key, all values re-sealed, in one atomic write per file. The old values were readable by NAME and stay in git history: the command lists each one, marks it exposed in the file, and `hush set` of a new value clears the mark."
        )
        static let example = "  hush recipients remove bob"

        @Argument(help: "Member name.")
        var name: String

        @OptionGroup var identity: IdentityOptions

        func run() throws {
            try SyncOutput.report(SyncCommand.remove(identity.vault(), name: name))
        }
    }

    struct List: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(abstract: "List members: name, key type, fingerprint.")
        static let example = "  hush recipients list"

        func run() throws {
            for member in try RecipientsCommand.list(Repository.find()) {
                Console.out("\(member.name)\t\(member.type)\t\(member.fingerprint)\n")
            }
        }
    }

    struct Pub: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            abstract: "Print your recipients/NAME.pub: your recipient and signing key.",
            discussion:
                "A member needs both lines in recipients/NAME.pub: the recipient to read, the signing key (hushsign1…, derived from the identity) to write. An ssh-ed25519 key signs as itself and needs one line."
        )
        static let example = "  hush recipients pub --name alice > recipients/alice.pub"

        @Option(help: "A name for the comment line.")
        var name: String?

        @OptionGroup var identity: IdentityOptions

        func run() throws {
            Console.out(try KeyCommands.publicFile(identityFiles: identity.identities, name: name))
        }
    }
}
