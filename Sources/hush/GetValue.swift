import ArgumentParser
import HushKit

struct GetValue: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print one decrypted value.",
        discussion: "Prints the value exactly; a newline is added only when stdout is a terminal.")
    static let example = "  hush get production DATABASE_URL\n  psql \"$(hush get production database.url)\""

    @Argument(help: "Environment name or sealed file path.")
    var env: String

    @Argument(help: "Key (dotted path for nested YAML).")
    var key: String

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let value = try ValueCommands.get(identity.vault(), env: env, key: key)
        Console.out(value + (Terminal.isStandardOutput ? "\n" : ""))
    }
}

struct Keys: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(abstract: "List the keys of an environment (no key needed: names are not secret).")
    static let example = "  hush keys production"

    @Argument(help: "Environment name or sealed file path.")
    var env: String

    func run() throws {
        for key in try ValueCommands.keys(Vault(repository: Repository.find()), env: env) { Console.out(key + "\n") }
    }
}

struct Unset: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(abstract: "Remove one key and its value.")
    static let example = "  hush unset staging OLD_API_KEY"

    @Argument(help: "Environment name or sealed file path.")
    var env: String

    @Argument(help: "Key (dotted path for nested YAML).")
    var key: String

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        try ValueCommands.unset(identity.vault(), env: env, key: key)
    }
}
