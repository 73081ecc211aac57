import ArgumentParser
import HushKit

struct SetValue: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set one value, read from stdin (never from the command line).",
        discussion:
            "Nested YAML keys are dotted paths (database.password); write a literal dot as \\. and a backslash as \\\\. One trailing newline of stdin is dropped; --file reads a file byte for byte. An environment that does not exist is created (dotenv, or YAML with --format yaml), sealed to the members the access policy grants it (every member in recipients/ when it is not listed)."
    )
    static let example =
        "  hush set production DATABASE_URL            # type it, input hidden\n  printf %s \"$TOKEN\" | hush set staging api.token\n  hush set production tls.key --file server.key"

    @OptionGroup var address: ValueAddress

    @Option(help: "Read the value from this file, verbatim.")
    var file: String?

    @Option(help: "Syntax of a new environment: dotenv or yaml.")
    var format: Syntax?

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let syntax = format
        let vault = try identity.vault()
        let value = try file.map(SecretInput.readFile) ?? SecretInput.readValue(prompt: "value for \(address.key) (input hidden): ")
        try ValueCommands.set(vault, env: address.env, key: address.key, value: value, newSyntax: syntax)
    }
}
