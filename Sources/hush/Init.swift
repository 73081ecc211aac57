import ArgumentParser
import HushKit

struct Init: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Make this git repository a Hush repository.",
        discussion:
            "Creates .secrets/ and recipients/, writes your recipient as recipients/NAME.pub (NAME defaults to your git user.name, slugged) adds .gitignore lines for plaintext leftovers, and sets up git diff and merge of .secrets/ (.gitattributes plus this clone's git config, as `hush git setup`). Safe to run twice."
    )
    static let example = "  hush keygen && hush init --name alice"

    @Option(help: "Your member name (recipients/NAME.pub).")
    var name: String?

    @OptionGroup var keys: IdentityOptions

    func run() throws {
        let result = try InitCommand.run(name: name, identityFiles: keys.identities)
        for item in result.created { Console.out("created \(item)\n") }
        Console.out("you are \(result.memberFile) in \(result.root)\n")
    }
}
