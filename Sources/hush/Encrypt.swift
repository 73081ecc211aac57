import ArgumentParser
import HushKit

struct Encrypt: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Import a plaintext YAML or dotenv file as a new environment.",
        discussion:
            "Seals FILE, to the members the access policy grants ENV (every member in recipients/ when it is not listed), as .secrets/ENV.yaml or .secrets/ENV.env (by FILE's extension), signed by you (a member allowed to write ENV). Refuses to overwrite an existing environment. FILE itself is left alone: delete it yourself."
    )
    static let example =
        "  hush encrypt .env.production --env production && rm .env.production\n  sops decrypt prod.yaml | hush encrypt - --format yaml --env production"

    @Argument(help: "The plaintext file, or - for standard input (with --format).")
    var file: String

    @Option(help: "Name of the new environment.")
    var env: String

    @Option(help: "dotenv or yaml, when the file name does not tell (always for -).")
    var format: Syntax?

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        // The new file is signed by its writer: the identity is needed to write, as for `set`.
        let written = try FileCommands.encrypt(identity.vault(), file: file, env: env, syntax: format)
        Console.out("sealed \(written)\n")
    }
}

struct Decrypt: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Print the decrypted environment, or write it to a new 0600 file.",
        discussion:
            "Without --format, the output is the original document byte for byte. dotenv and shell flatten nested YAML keys like `hush exec` does (database.url becomes DATABASE_URL). From a dotenv file, json, yaml and shell expand ${VAR} references as `hush exec` does, unless --no-expand."
    )
    static let example = "  hush decrypt staging\n  hush decrypt production --format json\n  hush decrypt dev --output .env.local"

    @Argument(help: "Environment name or sealed file path.", completion: Completions.environments)
    var env: String

    @Option(help: "dotenv, yaml, json or shell.")
    var format: ExportFormat?

    @Option(name: .shortAndLong, help: "Write to this new file (mode 0600; never overwrites).")
    var output: String?

    @Flag(name: .customLong("no-expand"), help: "--format json, yaml, shell: leave ${VAR} references in dotenv values as written.")
    var noExpand = false

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        try UsageError.checkOutput(output)
        let vault = try identity.vault()
        let bytes = try FileCommands.decrypt(vault, env: env, format: format, expand: !noExpand)
        if let output {
            try FileCommands.writePlaintext(output, bytes)
            if let warning = FileCommands.plaintextWarning(vault.repository, path: output) { Console.err(warning) }
        } else {
            try Console.out(bytes: bytes)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
