import ArgumentParser
import HushKit

struct GetValue: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print one decrypted value.",
        discussion:
            "Prints the value exactly; a newline is added only when stdout is a terminal. Aliases and merge keys (<<) are resolved; a !!binary value prints as its bytes (--raw: as written)."
    )
    static let example = "  hush get production DATABASE_URL\n  psql \"$(hush get production database.url)\""

    @OptionGroup var value: ValueAddress

    @Flag(help: "Print the value's source text as written in the file (quotes, escapes, base64 of !!binary).")
    var raw = false

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let bytes = try ValueCommands.get(identity.vault(), env: value.env, key: value.key, raw: raw)
        try Console.out(bytes: bytes + (Terminal.isStandardOutput ? [0x0A] : []))
    }
}

struct Keys: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(abstract: "List the keys of an environment (no key needed: names are not secret).")
    static let example = "  hush keys production"

    @Argument(help: "Environment name or sealed file path.", completion: Completions.environments)
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
