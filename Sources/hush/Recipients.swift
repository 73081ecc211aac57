import ArgumentParser
import HushKit

struct Recipients: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Manage who can read the secrets.",
        subcommands: [Add.self, List.self])
    static let example = "  hush recipients add bob age1…\n  hush recipients list"

    struct Add: ParsableCommand, Exemplified {
        static let configuration = CommandConfiguration(
            abstract: "Add a member and wrap every environment you can open for them.",
            discussion:
                "Writes recipients/NAME.pub. In each sealed file you can open, only the new member's wrap line and the MAC line change. Environments you cannot open are named; someone who can must run the command too."
        )
        static let example =
            "  hush recipients add bob age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n  hush recipients add ci ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA…"

        @Argument(help: "Member name (letters, digits, '.', '_', '-').")
        var name: String

        @Argument(help: "One or more public keys (age1… or ssh-ed25519 …).")
        var keys: [String]

        @OptionGroup var identity: IdentityOptions

        func run() throws {
            // An ssh key given as two words arrives as two arguments: join them back.
            var joined: [String] = []
            for key in keys {
                if let last = joined.last, last == "ssh-ed25519" { joined[joined.count - 1] += " " + key } else { joined.append(key) }
            }
            let result = try RecipientsCommand.add(identity.vault(), name: name, keys: joined)
            for file in result.updated { Console.out("wrapped \(file) for \(name)\n") }
            for file in result.unchanged { Console.out("\(file) already sealed to \(name)\n") }
            for file in result.notOpened { Console.err("hush: warning: cannot open \(file); a member who can must run `hush recipients add \(name) …` too\n") }
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
}
