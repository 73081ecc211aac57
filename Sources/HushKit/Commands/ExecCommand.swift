#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hush exec ENV -- CMD ARGS…`: decrypts in memory, puts the values into the environment and
/// replaces this process with the command, so it keeps the process id, receives signals
/// directly and its exit status is the exit status. Plaintext never touches disk.
///
/// The command does not inherit `HUSH_IDENTITY` or `HUSH_IDENTITY_FILE` unless `keepIdentity`:
/// it needs the environment's values, not the key that opens every environment the key can
/// read, and a child (a server, a deploy tool, a third-party script) is rarely as trusted as
/// the step that runs it. A value of the environment itself with one of those names is still
/// set, since the vault's owner put it there.
public enum ExecCommand {
    /// Does not return on success. `expand`: expand `${VAR}` references in dotenv values
    /// (`DotenvExpansion`; with `override` off the process environment wins, as for the
    /// variables themselves). `skipInvalid`: leave out keys that make no valid variable name,
    /// with a warning each, instead of refusing to run.
    public static func run(
        _ vault: Vault, env envName: String, command: [String], override: Bool, keepIdentity: Bool = false, expand: Bool = true,
        skipInvalid: Bool = false
    ) throws -> Never {
        guard let program = command.first else {
            throw HushError(.badInput, "no command given", hint: "write it after --, e.g. hush exec \(envName) -- ./server")
        }
        let opened = try vault.open(vault.repository.environment(envName))
        let removing = keepIdentity ? [] : KeyDiscovery.environmentVariables
        var exporter = Exporter(expansion: expand ? .process(hiding: removing, fileFirst: override) : nil, skipInvalid: skipInvalid)
        let variables = try exporter.variables(opened)
        if let bad = variables.first(where: { Bytes.contains(0, in: $0.value) }) {
            throw HushError(
                .badInput, "the value of \(bad.name) contains a NUL character, which an environment variable cannot hold",
                hint: "use `hush get` or `hush decrypt` for binary values")
        }
        if !exporter.skipped.isEmpty { Console.err(exporter.skipWarnings) }
        let code = Subprocess.replaceProcess(command, adding: variables, removing: removing, override: override)
        throw HushError(
            code == ENOENT ? .commandNotFound : .cannotExecute, "cannot run \(program): \(Platform.errorText(code))",
            hint: code == ENOENT ? "check the command name and PATH" : "check the file's permissions")
    }
}
