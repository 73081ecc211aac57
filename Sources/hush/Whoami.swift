import ArgumentParser
import HushKit

struct Whoami: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(abstract: "Print the recipient of each identity found, and where it came from.")
    static let example = "  hush whoami\n  HUSH_IDENTITY=\"$(cat ci.key)\" hush whoami"

    @OptionGroup var keys: IdentityOptions

    func run() throws {
        for found in try KeyCommands.whoami(identityFiles: keys.identities) {
            Console.out("\(found.recipient)  \(found.fingerprint)  \(found.source)\n")
        }
    }
}
