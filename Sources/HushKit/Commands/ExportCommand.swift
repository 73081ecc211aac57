#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hush export ENV --format TARGET`: an environment rendered for where it is deployed.
///
/// Everything is decrypted and rendered before the first byte is written, so bad input (an
/// invalid name, a value the target cannot hold, a file that would be overwritten) leaves
/// every file as it was.
public enum ExportCommand {
    /// Where to write and how to name things; which fields apply depends on the target.
    public struct Options: Sendable {
        /// Document formats and `k8s-secret`: a new file (mode 0600, never overwritten).
        /// `github-env`: the file to append to (`$GITHUB_ENV`). `docker-secrets`: the folder
        /// (required). Nil means standard output.
        public var output: String?
        /// `k8s-secret`: `metadata.name`; default: the environment name as a DNS-1123 subdomain.
        public var name: String?
        /// `k8s-secret`: `metadata.namespace`, left out when nil.
        public var namespace: String?
        /// Expand `${VAR}` references in a dotenv file's values (`DotenvExpansion`) in every
        /// target built from values; the dotenv text itself stays as written.
        public var expand: Bool
        /// Leave out keys that make no valid variable name, with a warning each.
        public var skipInvalid: Bool
        /// `docker-secrets`: replace files of the same names (each atomically) instead of refusing.
        public var replace: Bool

        public init(
            output: String? = nil, name: String? = nil, namespace: String? = nil, expand: Bool = true, skipInvalid: Bool = false,
            replace: Bool = false
        ) {
            self.output = output
            self.name = name
            self.namespace = namespace
            self.expand = expand
            self.skipInvalid = skipInvalid
            self.replace = replace
        }
    }

    /// Exports `envName` as `target`. Returns a note for standard error saying what was
    /// written (counts and paths only), or nil when the output speaks for itself.
    public static func run(_ vault: Vault, env envName: String, target: ExportTarget, options: Options) throws -> String? {
        var exporter = Exporter(
            expansion: options.expand ? .process(hiding: KeyDiscovery.environmentVariables) : nil, skipInvalid: options.skipInvalid)
        let note = try export(vault, env: envName, target: target, options: options, exporter: &exporter)
        // Printed after the output is complete: nothing was written when an error comes first.
        if !exporter.skipped.isEmpty { Console.err(exporter.skipWarnings) }
        return note
    }

    private static func export(_ vault: Vault, env envName: String, target: ExportTarget, options: Options, exporter: inout Exporter) throws -> String? {
        if let format = target.documentFormat {
            // Exactly `hush decrypt --format`, including `--output`.
            try emit(FileCommands.decrypt(vault, env: envName, format: format, exporter: &exporter), to: options.output)
            return nil
        }
        let env = try vault.repository.environment(envName)
        let opened = try vault.open(env)
        switch target {
        case .githubEnv:
            let variables = try exporter.variables(opened)
            let lines = try GitHubEnv.envLines(variables)
            // Masks always go to standard output, which the runner reads for workflow commands
            // as the step runs, and first, so they are registered before any value is printed.
            // The runner reads the env file only after the step, and a mask line there would
            // be a format error that prints the unmasked value.
            try Console.out(bytes: GitHubEnv.maskCommands(variables))
            guard let output = options.output else {
                try Console.out(bytes: lines)
                return nil
            }
            try append(lines, to: output)
            return "hush: added \(variables.count) variables to \(output)"
        case .k8sSecret:
            let name = options.name ?? KubernetesSecret.defaultName(for: env.name)
            let variables = try exporter.byteVariables(opened)
            try emit(KubernetesSecret.manifest(binary: variables, name: name, namespace: options.namespace), to: options.output)
            return nil
        case .dockerSecrets:
            guard let folder = options.output else {
                throw HushError(.badInput, "docker-secrets writes files and needs a folder", hint: "add --output FOLDER")
            }
            let variables = try exporter.byteVariables(opened)
            let replaced = try DockerSecrets.write(variables, into: folder, replace: options.replace)
            return "hush: wrote \(variables.count) secret files to \(folder)" + (replaced > 0 ? " (\(replaced) replaced)" : "")
        case .dotenv, .yaml, .json, .shell:
            return nil  // handled above, through `documentFormat`
        }
    }

    /// True when standard output is the file `$GITHUB_ENV` names (same device and inode), as
    /// after `hush export … >> "$GITHUB_ENV"`: the mask commands would then land in the env
    /// file instead of reaching the runner.
    public static func standardOutputIsGitHubEnv() -> Bool {
        guard let path = Platform.environment("GITHUB_ENV"), !path.isEmpty else { return false }
        return standardOutputIs(path)
    }

    /// True when standard output is the existing file at `path` (same device and inode).
    public static func standardOutputIs(_ path: String) -> Bool {
        var out = stat()
        var file = stat()
        return fstat(1, &out) == 0 && stat(path, &file) == 0 && out.st_dev == file.st_dev && out.st_ino == file.st_ino
    }

    /// Standard output, or a new 0600 file like `hush decrypt --output`.
    private static func emit(_ bytes: [UInt8], to output: String?) throws {
        if let output {
            try FileCommands.writePlaintext(output, bytes)
        } else {
            try Console.out(bytes: bytes)
        }
    }

    /// Appends to `path`, creating it 0600 when missing. One `write` call in the usual case,
    /// so other steps appending to the same file do not interleave with it.
    static func append(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HushError(.system, "cannot open \(path) for appending: \(Platform.errorText())") }
        defer { close(fd) }
        do {
            try Platform.writeAll(fd, bytes)
        } catch {
            let code = errno
            throw HushError(.system, "cannot append to \(path): \(Platform.errorText(code))")
        }
    }
}
