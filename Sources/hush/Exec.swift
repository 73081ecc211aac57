import ArgumentParser
import HushKit

struct Exec: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Run a command with an environment's secrets as environment variables.",
        discussion:
            "Nested YAML keys are flattened: parts joined by '_' and upper-cased (database.url becomes DATABASE_URL, hosts.0 becomes HOSTS_0); a key that does not make a valid variable name is an error unless --skip-invalid leaves it out (a warning each). Dotenv values expand ${VAR} and ${VAR:-default} (unquoted and double-quoted; earlier keys of the file, then the environment) unless --no-expand. hush replaces itself with the command (same process id, signals go straight to it, its exit status is the status). Secret values override variables already set unless --no-override. The command does not see HUSH_IDENTITY or HUSH_IDENTITY_FILE unless --keep-identity."
    )
    static let example = "  hush exec production -- ./server --port 8080\n  hush exec production --no-override -- ./server"

    @Flag(name: .customLong("no-override"), help: "Keep variables that are already set.")
    var noOverride = false

    @Flag(name: .customLong("keep-identity"), help: "Pass HUSH_IDENTITY and HUSH_IDENTITY_FILE on to the command (removed by default).")
    var keepIdentity = false

    @Flag(name: .customLong("no-expand"), help: "Leave ${VAR} references in dotenv values as written.")
    var noExpand = false

    @Flag(name: .customLong("skip-invalid"), help: "Leave out keys that make no valid variable name (a warning each).")
    var skipInvalid = false

    @OptionGroup var identity: IdentityOptions

    @Argument(help: "Environment name or sealed file path.", completion: Completions.environments)
    var env: String

    /// Everything after `--`: options may stand anywhere before it (`hush exec dev
    /// --no-override -- cmd`), and nothing after it is read as an option of hush.
    @Argument(parsing: .postTerminator, help: "The command and its arguments, after --.")
    var command: [String] = []

    func validate() throws {
        guard !command.isEmpty else {
            throw ValidationError("no command given: write it after --, e.g. hush exec \(env) -- ./server")
        }
    }

    func run() throws {
        try ExecCommand.run(
            identity.vault(), env: env, command: command, override: !noOverride, keepIdentity: keepIdentity, expand: !noExpand,
            skipInvalid: skipInvalid)
    }
}
