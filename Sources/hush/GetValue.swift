import ArgumentParser
import HushKit

struct GetValue: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print one decrypted value.",
        discussion: "Prints the value exactly; a newline is added only when stdout is a terminal.")
    static let example = "  hush get production DATABASE_URL\n  psql \"$(hush get production database.url)\""

    @OptionGroup var value: ValueAddress

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let text = try ValueCommands.get(identity.vault(), env: value.env, key: value.key)
        Console.out(text + (Terminal.isStandardOutput ? "\n" : ""))
    }
}

struct Keys: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(abstract: "List the keys of an environment (no key needed: names are not secret).")
    static let example = "  hush keys production"

    @Argument(help: "Environment name or sealed file path.")
    var env: String

    func run() throws {
        for key in try ValueCommands.keys(Vault(repository: Repository.find()), env: env) { Console.out(TerminalSafe.escape(key) + "\n") }
    }
}

struct Unset: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(abstract: "Remove one key and its value.")
    static let example = "  hush unset staging OLD_API_KEY"

    @OptionGroup var value: ValueAddress

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        try ValueCommands.unset(identity.vault(), env: value.env, key: value.key)
    }
}
