import ArgumentParser
import HushKit

struct Keygen: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Create a new identity and print its recipient.",
        discussion:
            "Writes an age-compatible identity (mode 0600) to ~/.config/hush/identity unless --output says otherwise, and prints its public keys on stdout: the recipient (age1…) and the signing key (hushsign1…) that `hush recipients add NAME` takes. With --output - the identity goes to stdout and the public keys to stderr, for pasting into a CI secret store."
    )
    static let example = "  hush keygen                       # writes ~/.config/hush/identity\n  hush keygen --output - > ci.key   # a deploy key for CI"

    @Option(name: .shortAndLong, help: "Where to write the identity ('-' for stdout).")
    var output: String?

    @Flag(help: "Replace an existing identity file (its key is lost).")
    var force = false

    func run() throws {
        let made = try KeyCommands.keygen(output: output, force: force)
        if let text = made.identityText {
            Console.out(text)
            Console.err("\(made.recipient)\n\(made.signingKey)\n")
        } else {
            Console.out("\(made.recipient)\n\(made.signingKey)\n")
            Console.err("hush: wrote identity to \(made.path ?? "")\n")
        }
    }
}
