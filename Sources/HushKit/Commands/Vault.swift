/// One command's view of a repository and the caller's keys: opens, creates and rewrites
/// environment files with locking and atomic writes, checking every read against the team
/// (signatures) and every write against the access policy.
public final class Vault {
    public let repository: Repository
    private let identityFiles: [String]
    private var loaded: [Identity]?
    private var team: Membership?
    private var repositoryID: [UInt8]?

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

    /// `recipients/` and the access policy, loaded on first use.
    public func membership() throws -> Membership {
        if let team { return team }
        let found = try Membership.load(repository)
        team = found
        return found
    }

    /// Drops the cached membership after `recipients/` changed.
    func forgetMembership() { team = nil }

    /// What files of `env` are bound to: its name and the repository id.
    func context(_ env: EnvironmentFile) throws -> FileContext {
        if repositoryID == nil { repositoryID = try RepositoryID.load(repository) }
        return FileContext(repositoryID: repositoryID!, environment: env.name)
    }

    /// Reads and parses a sealed file without opening it (format checks 1–5). The version is
    /// checked first, so a version 1 file gets the upgrade hint even before `hush upgrade`
    /// has created the repository id.
    func sealed(_ env: EnvironmentFile, readOnly: Bool = false) throws -> SealedFile {
        try parse(FileSystem.readInput(env.path, display: env.display), env, readOnly: readOnly)
    }

    private func parse(_ bytes: consuming [UInt8], _ env: EnvironmentFile, readOnly: Bool = false) throws -> SealedFile {
        if Trailer.declaredVersion(bytes) != Trailer.supportedVersion { _ = try Trailer.split(bytes, file: env.display) }
        return try SealedFile.parse(consume bytes, syntax: env.syntax, file: env.display, context: context(env), readOnly: readOnly)
    }

    /// Parses and checks the signature (checks 1–6): what can be verified without a key.
    /// `readOnly`: the file will only be read (`SealedFile.parse`).
    func verified(_ env: EnvironmentFile, readOnly: Bool = false) throws -> SealedFile {
        try verified(env, bytes: FileSystem.readInput(env.path, display: env.display), readOnly: readOnly)
    }

    /// `verified`, of the bytes the caller read from `env.path` (consumed, as by `parse`).
    func verified(_ env: EnvironmentFile, bytes: consuming [UInt8], readOnly: Bool = false) throws -> SealedFile {
        let file = try parse(consume bytes, env, readOnly: readOnly)
        try file.checkSignature(membership())
        return file
    }

    /// Reads, authenticates and decrypts an environment.
    /// A file with unresolved merge conflicts still opens (with ours' values), with a warning
    /// on stderr unless `quiet` (`verify` and `scan` report conflicts their own way).
    func open(_ env: EnvironmentFile, quiet: Bool = false) throws -> OpenedFile {
        Self.sweepEditLeftovers()
        let file = try verified(env, readOnly: true)
        // Read only: `reseal` needs `update`, so the old tokens need not be kept, and the file
        // is handed over so that `decrypt` can free what it no longer needs.
        let keys = try file.unlock(with: identities())
        let opened = try (consume file).decrypt(keys, keepTokens: false)
        let conflicts = opened.sealed.trailer.conflicts
        if !quiet, !conflicts.isEmpty {
            let keys = conflicts.map(\.path).joined(separator: ", ")
            Console.err(
                "hush: warning: \(env.display) has unresolved merge conflicts (\(TerminalSafe.escape(keys))); run `hush edit \(env.name)` to choose\n")
        }
        return opened
    }

    /// Plaintext a killed `hush edit` left behind is removed by the next command that opens a
    /// vault, with a note (once per process); the text of a failed save is only reported.
    nonisolated(unsafe) private static var swept = false
    private static func sweepEditLeftovers() {
        guard !swept else { return }
        swept = true
        let (count, kept) = EditCommand.sweepLeftovers()
        if count > 0 { Console.err("hush: note: removed \(count) plaintext folder(s) left by an interrupted `hush edit`\n") }
        for file in kept { Console.err(KeptEdit.reminder(file)) }
    }

    /// Temporary files of writers killed before their rename (`.NAME.XXXXXXXX.hush-tmp`): every
    /// writer makes its temporary file under the folder's lock, so under the lock any found
    /// belongs to a dead writer. They hold sealed text, never plaintext.
    private static func removeDeadTemporaryFiles(in folder: String) {
        for name in FileSystem.list(folder) where name.hasPrefix(".") && name.hasSuffix(".hush-tmp") {
            FileSystem.remove(folder + "/" + name)
        }
    }

    /// What a write may find in the file's recipients.
    enum WritePolicy {
        /// Every wrap must be one the policy grants; otherwise the write is refused (`hush sync`).
        case obey
        /// The write itself brings the recipients in line with the policy (`sync`, `rekey`).
        case reconcile
    }

    /// Runs `change` on the opened file under the `.secrets/` lock and writes what it returns,
    /// atomically, when that differs from the file. Returns true when the file was written.
    /// The caller must be a member allowed to write `env`; the result is signed by them.
    @discardableResult
    ///
    /// A reconciling write (`sync`, `rekey`, `recipients remove`) checks the file's signature
    /// against `signedUnder` when given (the team before a removal: the removed member may have
    /// written it last) and accepts a signer the policy no longer lets write, so that narrowing
    /// access never leaves a file nobody can re-seal; a non-member's file is still refused.
    func update(
        _ env: EnvironmentFile, policy: WritePolicy = .obey, signedUnder: Membership? = nil, _ change: (OpenedFile) throws -> [UInt8]
    ) throws -> Bool {
        Self.sweepEditLeftovers()
        let lock = try FolderLock(Paths.folder(of: env.path))
        defer { withExtendedLifetime(lock) {} }
        Self.removeDeadTemporaryFiles(in: Paths.folder(of: env.path))
        let current = try FileSystem.readInput(env.path, display: env.display)
        let file = try parse(current, env)
        do {
            try file.checkSignature(signedUnder ?? membership(), requireWriter: policy == .obey)
        } catch let error as HushError where policy == .reconcile {
            // An interrupted removal deleted the writer's .pub before re-sealing their file:
            // the committed team still vouches for it, so `hush sync` can finish the job.
            guard let committed = try Membership.committed(repository), (try? file.checkSignature(committed, requireWriter: false)) != nil
            else { throw error }
        }
        let (keys, identity) = try file.unlockWithIdentity(identities())
        var opened = try file.decrypt(keys)
        opened.writer = try writer(for: env, identity: identity)
        if policy == .obey { try requireGranted(file, env) }
        let next = try change(opened)
        guard next != current else { return false }
        try FileSystem.writeAtomically(env.path, next)
        return true
    }

    /// A file holding a wrap the policy does not grant is never rewritten as it is: that would
    /// seal new values to someone who should not read them (a restored file, a removed member).
    private func requireGranted(_ file: SealedFile, _ env: EnvironmentFile) throws {
        let granted = Set(try membership().recipients(of: env.name).map { $0.name + " " + $0.recipient.text })
        let extra = file.trailer.wraps.filter { !granted.contains($0.name + " " + $0.key) }.map(\.name).uniqued()
        guard extra.isEmpty else {
            throw HushError(
                .refused, "\(env.display) is sealed to \(extra.joined(separator: ", ")), whom recipients/ and \(AccessPolicy.fileName) do not grant it",
                hint: "run `hush sync` first: it gives the file a new data key without them and marks its values exposed")
        }
    }

    /// Who signs a write of `env` made with `identity`: the member whose `.pub` lists it, if
    /// the policy lets them write `env` and their `.pub` lists its signing key.
    func writer(for env: EnvironmentFile, identity: Identity) throws -> Signer {
        let team = try membership()
        guard let name = team.members.first(where: { $0.recipient.text == identity.recipient.text })?.name else {
            throw HushError(
                .refused, "you are not a member: your key (\(identity.recipient.fingerprint)) is in no recipients/*.pub",
                hint: "ask a member to add you with `hush recipients add NAME KEY`; `hush whoami` prints your key")
        }
        guard team.mayWrite(name, env: env.name) else {
            throw HushError(
                .refused, "\(name) may not write \(env.name) (\(AccessPolicy.fileName))",
                hint: "ask a writer of \(env.name) to make the change, or to add you to its `write:` list")
        }
        let signer = Signer(name: name, identity: identity)
        guard team.signingKeys[name]?.contains(signer.publicKey) ?? false else {
            throw HushError(
                .refused, "recipients/\(name).pub lists no signing key for your identity, so your writes could not be verified",
                hint: "run `hush recipients pub > recipients/\(name).pub` and commit it")
        }
        return signer
    }

    /// The first of the caller's identities that is a member key, as the writer of a new `env`.
    private func creator(for env: EnvironmentFile) throws -> Signer {
        let declared = Set(try membership().members.map(\.recipient.text))
        let mine = try identities()
        guard let identity = mine.first(where: { declared.contains($0.recipient.text) }) ?? mine.first else {
            throw HushError(.noKey, "no identity found", hint: "create one with `hush keygen`")
        }
        return try writer(for: env, identity: identity)
    }

    /// Seals `plaintext` as a new environment to the members the access policy grants it (all
    /// of `recipients/` when it is not listed); refuses to overwrite an existing file. Returns
    /// the names it was sealed to. `source` names the plaintext in syntax errors. With
    /// `ifAbsent`, an environment that exists (checked under the lock) returns nil instead.
    @discardableResult
    func create(_ env: EnvironmentFile, plaintext: [UInt8], source: String? = nil, seq: Int = 1, ifAbsent: Bool = false) throws -> [String]? {
        let members = try membership().recipients(of: env.name)
        guard !members.isEmpty else {
            throw HushError(.badInput, "recipients/ has no members to seal \(env.display) to", hint: "run `hush init` to add yourself")
        }
        let signer = try creator(for: env)
        try FileSystem.makeDirectories(repository.secretsFolder)
        let lock = try FolderLock(repository.secretsFolder)
        defer { withExtendedLifetime(lock) {} }
        Self.removeDeadTemporaryFiles(in: repository.secretsFolder)
        let existing = repository.environments().filter { $0.name == env.name }
        guard existing.isEmpty, !FileSystem.exists(env.path) else {
            if ifAbsent { return nil }
            throw HushError(
                .refused, "environment \"\(env.name)\" already exists (\(existing.first?.display ?? env.display))",
                hint: "change it with `hush set` or `hush edit`, or remove the file first")
        }
        let bytes = try Sealer.seal(
            plaintext, syntax: env.syntax, file: source ?? env.display, context: context(env), recipients: members, keys: .random(), signer: signer,
            seq: seq, previous: nil)
        try FileSystem.writeAtomically(env.path, bytes)
        return members.map(\.name).uniqued()
    }
}
