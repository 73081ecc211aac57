import ArgumentParser
import HushKit

struct Export: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Write an environment for a deployment target: a file format, GitHub Actions, Kubernetes or Docker.",
        discussion: """
            dotenv, yaml, json and shell print what `hush decrypt --format` prints (--output: a new 0600 file). \
            Nested YAML keys become variable names as in `hush exec` (database.url becomes DATABASE_URL).

            github-env: an ::add-mask:: command on stdout for each line of each value, then NAME=value lines \
            (NAME<<DELIM heredocs with a random delimiter for multi-line values). With --output FILE the NAME \
            lines are appended to FILE and only the masks go to stdout, where the runner reads them: use \
            --output "$GITHUB_ENV", not `>> "$GITHUB_ENV"`.

            k8s-secret: a Secret manifest (type Opaque, base64 data); --name (default: the environment name) \
            and --namespace set its metadata.

            docker-secrets: one 0600 file per variable in the folder --output (created 0700), never overwriting \
            unless --replace (each file replaced atomically; other files in the folder are left alone).

            Values of a dotenv file expand ${VAR} and ${VAR:-default} (unquoted and double-quoted values; earlier \
            keys of the file, then the environment of hush) unless --no-expand; dotenv of a dotenv file is its text \
            as written. A key that makes no valid variable name is an error unless --skip-invalid leaves it out. \
            Standard output may not be the --output file.
            """
    )
    static let example = """
          hush export production --format github-env --output "$GITHUB_ENV"
          hush export production --format k8s-secret --namespace web | kubectl apply -f -
          hush export production --format docker-secrets --output ./secrets
        """

    @Argument(help: "Environment name or sealed file path.", completion: Completions.environments)
    var env: String

    @Option(help: "dotenv, yaml, json, shell, github-env, k8s-secret or docker-secrets.")
    var format: ExportTarget

    @Option(name: .shortAndLong, help: "A new file; the file to append to (github-env); the folder (docker-secrets).")
    var output: String?

    @Option(help: "k8s-secret: the Secret's name (default: the environment name).")
    var name: String?

    @Option(help: "k8s-secret: the Secret's namespace.")
    var namespace: String?

    @Flag(name: .customLong("no-expand"), help: "Leave ${VAR} references in dotenv values as written.")
    var noExpand = false

    @Flag(name: .customLong("skip-invalid"), help: "Leave out keys that make no valid variable name (a warning each).")
    var skipInvalid = false

    @Flag(help: "docker-secrets: replace the files of an earlier export in the folder (each atomically).")
    var replace = false

    @OptionGroup var identity: IdentityOptions

    func validate() throws {
        if format == .dockerSecrets && output == nil {
            throw ValidationError("--format docker-secrets needs --output FOLDER")
        }
        if format != .k8sSecret && (name != nil || namespace != nil) {
            throw ValidationError("--name and --namespace apply only to --format k8s-secret")
        }
        if replace && format != .dockerSecrets {
            throw ValidationError("--replace applies only to --format docker-secrets")
        }
        if format == .githubEnv && output == nil && ExportCommand.standardOutputIsGitHubEnv() {
            // The mask commands would land in the env file and never reach the runner.
            throw ValidationError("standard output is $GITHUB_ENV; use --output \"$GITHUB_ENV\" instead of >> \"$GITHUB_ENV\"")
        }
    }

    func run() throws {
        try UsageError.checkOutput(output)
        let options = ExportCommand.Options(
            output: output, name: name, namespace: namespace, expand: !noExpand, skipInvalid: skipInvalid, replace: replace)
        if let note = try ExportCommand.run(identity.vault(), env: env, target: format, options: options) {
            Console.err(note + "\n")
        }
    }
}

extension ExportTarget: ExpressibleByArgument {}
