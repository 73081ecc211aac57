/// One command's view of a repository and the caller's keys: opens, creates and rewrites
/// environment files with locking and atomic writes.
public final class Vault {
    public let repository: Repository
    private let identityFiles: [String]
    private var loaded: [Identity]?

    public init(repository: Repository, identityFiles: [String] = []) {
        self.repository = repository
        self.identityFiles = identityFiles
    }

    /// The caller's identities, loaded on first use.
    public func identities() throws -> [Identity] {
        if let loaded { return loaded }
        let found = try KeyDiscovery.identities(files: identityFiles)
        loaded = found
        return found
    }

    /// Reads and parses a sealed file without opening it.
    func sealed(_ env: EnvironmentFile) throws -> SealedFile {
        try SealedFile.parse(FileSystem.read(env.path), syntax: env.syntax, file: env.display)
    }

    /// Reads, authenticates and decrypts an environment.
    /// A file with unresolved merge conflicts still opens (with ours' values), with a warning
    /// on stderr unless `quiet` (`verify` and `scan` report conflicts their own way).
    func open(_ env: EnvironmentFile, quiet: Bool = false) throws -> OpenedFile {
        let file = try sealed(env)
        let opened = try file.decrypt(file.unlock(with: identities()))
        if !quiet, !file.trailer.conflicts.isEmpty {
            let keys = file.trailer.conflicts.map(\.path).joined(separator: ", ")
            Console.err("hush: warning: \(env.display) has unresolved merge conflicts (\(keys)); run `hush edit \(env.name)` to choose\n")
        }
        return opened
    }

    /// Runs `change` on the opened file under the `.secrets/` lock and writes what it returns,
    /// atomically, when that differs from the file. Returns true when the file was written.
    @discardableResult
    func update(_ env: EnvironmentFile, _ change: (OpenedFile) throws -> [UInt8]) throws -> Bool {
        let lock = try FolderLock(Paths.folder(of: env.path))
        defer { withExtendedLifetime(lock) {} }
        let current = try FileSystem.read(env.path)
        let file = try SealedFile.parse(current, syntax: env.syntax, file: env.display)
        let opened = try file.decrypt(file.unlock(with: identities()))
        let next = try change(opened)
        guard next != current else { return false }
        try FileSystem.writeAtomically(env.path, next)
        return true
    }

    /// Seals `plaintext` as a new environment to the members the access policy grants it (all
    /// of `recipients/` when it is not listed); refuses to overwrite an existing file. Returns
    /// the names it was sealed to. `source` names the plaintext in syntax errors.
    @discardableResult
    func create(_ env: EnvironmentFile, plaintext: [UInt8], source: String? = nil) throws -> [String] {
        let members = try Membership.load(repository).recipients(of: env.name)
        guard !members.isEmpty else {
            throw HushError(.badInput, "recipients/ has no members to seal \(env.display) to", hint: "run `hush init` to add yourself")
        }
        try FileSystem.makeDirectories(repository.secretsFolder)
        let lock = try FolderLock(repository.secretsFolder)
        defer { withExtendedLifetime(lock) {} }
        let existing = repository.environments().filter { $0.name == env.name }
        guard existing.isEmpty, !FileSystem.exists(env.path) else {
            throw HushError(
                .refused, "environment \"\(env.name)\" already exists (\(existing.first?.display ?? env.display))",
                hint: "change it with `hush set` or `hush edit`, or remove the file first")
        }
        let bytes = try Sealer.seal(plaintext, syntax: env.syntax, file: source ?? env.display, recipients: members, keys: .random(), previous: nil)
        try FileSystem.writeAtomically(env.path, bytes)
        return members.map(\.name).uniqued()
    }
}
