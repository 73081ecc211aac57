/// `hush encrypt` (import a plaintext file as a new environment), `hush decrypt` and
/// `hush verify`.
public enum FileCommands {
    /// Seals the plaintext file at `path` (`-`: standard input, with `syntax`) as the new
    /// environment `envName`.
    public static func encrypt(_ vault: Vault, file path: String, env envName: String, syntax given: Syntax? = nil) throws -> String {
        let fromStdin = path == "-"
        guard let syntax = given ?? Syntax.forPath(path) ?? (Paths.fileName(of: path).hasPrefix(".env") ? .dotenv : nil) else {
            throw HushError(
                .badInput, "\(fromStdin ? "standard input" : path): cannot tell YAML from dotenv",
                hint: fromStdin ? "pass --format dotenv or --format yaml" : "name the file *.yaml, *.yml or *.env, or pass --format")
        }
        let source = fromStdin ? "standard input" : path
        let plaintext = try fromStdin ? FileSystem.readDescriptor(0) : FileSystem.readInput(path)
        if (try? Trailer.split(plaintext, file: path)) != nil {
            throw HushError(.refused, "\(source) is already a sealed Hush file", hint: "copy it into .secrets/ instead of encrypting it again")
        }
        // A sops file's values are ciphertext: sealing them would store that, not the secrets.
        if plaintext.firstRange(of: Array("ENC[AES256_GCM,".utf8)) != nil {
            throw HushError(
                .refused, "\(source) is encrypted by sops (ENC[AES256_GCM,…] values): sealing it would store sops' ciphertext",
                hint: "decrypt it first and pipe it in: `sops decrypt FILE | hush encrypt - --format \(syntax.rawValue) --env \(envName)`")
        }
        let env = try vault.repository.newEnvironment(envName, syntax: syntax)
        try vault.create(env, plaintext: plaintext, source: source)
        return env.display
    }

    /// The plaintext of `envName`: the file's own syntax byte for byte, or `format`. With
    /// `expand`, `${VAR}` references in a dotenv file's values are expanded in every format
    /// built from values (`DotenvExpansion`); the dotenv text itself stays as written.
    public static func decrypt(_ vault: Vault, env envName: String, format: ExportFormat?, expand: Bool = true) throws -> [UInt8] {
        var exporter = Exporter(expansion: expand ? .process(hiding: KeyDiscovery.environmentVariables) : nil)
        return try decrypt(vault, env: envName, format: format, exporter: &exporter)
    }

    /// `decrypt` with the caller's exporter (`hush export` adds `--skip-invalid`).
    static func decrypt(_ vault: Vault, env envName: String, format: ExportFormat?, exporter: inout Exporter) throws -> [UInt8] {
        let opened = try vault.open(vault.repository.environment(envName))
        return try exporter.render(opened, as: format ?? (opened.syntax == .yaml ? .yaml : .dotenv))
    }

    /// A warning when `path` (a plaintext file just written) lies in the repository's work tree
    /// and git does not ignore it: one `git add -A` away from being committed.
    public static func plaintextWarning(_ repository: Repository, path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : Paths.join(Platform.currentDirectory(), path)
        guard absolute.hasPrefix(repository.root + "/"),
            let ignored = try? Git.run(["check-ignore", "-q", "--", absolute], in: repository.root), ignored.status == 1
        else { return nil }
        let shown = repository.display(absolute)
        return "hush: warning: \(shown) holds plaintext secrets inside the work tree and git does not ignore it; "
            + "add it to .gitignore (or write it outside the repository)\n"
    }

    /// Writes decrypted plaintext to a new file the user asked for (0600, never overwrites).
    public static func writePlaintext(_ path: String, _ bytes: [UInt8]) throws {
        try FileSystem.createNew(path, bytes, mode: 0o600)
    }

    /// One verification result.
    public struct Verdict: Sendable {
        public let file: String
        public let error: HushError?
        public let values: Int
        /// What was not checked, and why (no key for the values, no git history).
        public var notes: [String] = []
    }

    /// Checks each environment (all when `names` is empty): format and signature (no key
    /// needed), then with a key the MAC and every value, and against git history that it was
    /// not rolled back. A file the caller holds no key for passes on its signature, with a note.
    /// With `all`, an environment the caller cannot open fails (`.noKey`) instead of passing
    /// on its signature with a note.
    public static func verify(_ vault: Vault, envs names: [String], all: Bool = false) throws -> [Verdict] {
        let envs = try names.isEmpty ? vault.repository.environments() : names.map(vault.repository.environment)
        guard !envs.isEmpty else {
            throw HushError(.badInput, "no environments in .secrets/ to verify", hint: "create one with `hush set ENV KEY`")
        }
        return envs.map { env in
            do {
                let bytes = try FileSystem.readInput(env.path, display: env.display)
                // The rollback check reads each version from git, as large as the file: done
                // before the file is parsed, it holds one while only the file's bytes are held.
                // Its verdict counts after the checks of the parsed file, as before; it is made
                // again if the parsed sequence number is not the one read here.
                let early = Freshness.sequenceNumber(bytes).map { seq in
                    (seq: seq, verdict: Freshness.check(vault.repository, env, seq: seq) { $0 == bytes })
                }
                let sealed = try vault.verified(env, bytes: consume bytes, readOnly: true)
                var notes: [String] = []
                let freshness =
                    early.flatMap { $0.seq == sealed.trailer.seq ? $0.verdict : nil }
                    ?? Freshness.check(vault.repository, env, seq: sealed.trailer.seq, isCurrent: sealed.isStored)
                if let stale = Freshness.error(env, freshness) { return Verdict(file: env.display, error: stale, values: 0) }
                if case .notChecked(let why) = freshness { notes.append("rollback not checked: \(why)") }
                let keys: FileKeys
                do {
                    keys = try sealed.unlock(with: vault.identities())
                } catch let error as HushError where error.kind == .noKey {
                    if all { return Verdict(file: env.display, error: error, values: 0) }
                    notes.append("not readable with your keys: signature checked (by \(sealed.trailer.signature?.name ?? "?")), values not")
                    return Verdict(file: env.display, error: nil, values: sealed.outline.leaves.count, notes: notes)
                }
                // Handed over, so that `decrypt` frees what a read-only open no longer needs.
                let opened = try (consume sealed).decrypt(keys, keepTokens: false)
                // Opening checks every conflict's value too; an unresolved merge still fails.
                let conflicts = try opened.conflicts()
                guard conflicts.isEmpty else {
                    let keys = conflicts.map { KeyPath.display($0.path) }.joined(separator: ", ")
                    return Verdict(
                        file: env.display,
                        error: HushError(.checkFailed, "\(env.display) has unresolved merge conflicts: \(keys)", hint: "run `hush edit \(env.name)`"),
                        values: opened.outline.leaves.count)
                }
                return Verdict(file: env.display, error: nil, values: opened.outline.leaves.count, notes: notes)
            } catch let error as HushError {
                return Verdict(file: env.display, error: error, values: 0)
            } catch {
                return Verdict(file: env.display, error: HushError(.system, "\(error)"), values: 0)
            }
        }
    }
}
