/// `KeyHistory.log`: the commits git lists for the sealed files, and one walk over them that
/// compares each file's revisions.
extension KeyHistory {
    /// The commits that changed values, newest first. `env` limits it to one environment,
    /// `key` (dotted form) to one key; with `identities`, values are decrypted where one of
    /// them opens the revision.
    public static func log(_ repository: Repository, env: String? = nil, key: String? = nil, identities: [Identity]? = nil) throws -> [Commit] {
        let parts = try key.map(KeyPath.parseDotted)
        var files: Set<String>?
        var notFound: HushError?
        if let env {
            do {
                files = [try repository.environment(env).display]
            } catch let error as HushError where error.kind == .badInput && Trailer.isValidName(env) && Syntax.forPath(env) == nil {
                // Not in the work tree any more: look for it in history.
                files = Set(["yaml", "yml", "env"].map { ".secrets/\(env).\($0)" })
                notFound = error
            }
        }
        let log = try GitLog.read(in: repository.root, paths: files.map { $0.sorted() } ?? [".secrets/"])
        let selected: (String) -> Bool = { path in files?.contains(path) ?? isEnvironmentPath(path) }
        if let notFound, !log.contains(where: { $0.files.contains { selected($0.path) } }) { throw notFound }
        var walk = try Walk(repository: repository, log: log, selected: selected, parts: parts, identities: identities)
        defer { walk.objects.close() }
        return try walk.run()
    }

    /// `.secrets/NAME.yaml|yml|env`, as `Repository.environments` lists them.
    static func isEnvironmentPath(_ path: String) -> Bool {
        guard path.hasPrefix(".secrets/") else { return false }
        let name = path.dropFirst(".secrets/".count)
        return !name.contains("/") && !name.hasPrefix(".") && Syntax.forPath(path) != nil
    }
}

/// One `hush log` run: walks the commits oldest first, keeping each revision only until its
/// last use.
private struct Walk {
    let repository: Repository
    let log: [GitLog.Commit]
    let selected: (String) -> Bool
    let parts: [String]?
    let reader: ValueReader?
    let objects: GitObjects
    /// Remaining uses of each revision ("BLOB SYNTAX").
    var uses: [String: Int] = [:]
    var cache: [String: FileRevision] = [:]

    init(repository: Repository, log: [GitLog.Commit], selected: @escaping (String) -> Bool, parts: [String]?, identities: [Identity]?) throws {
        self.repository = repository
        self.log = log
        self.selected = selected
        self.parts = parts
        let repositoryID = try? RepositoryID.load(repository)
        reader = identities.map { ValueReader(identities: $0, repositoryID: repositoryID) }
        objects = try Git.objects(in: repository.root)
        for commit in log {
            for file in commit.files where selected(file.path) {
                guard let syntax = Syntax.forPath(file.path) else { continue }
                let env = FileContext.environmentName(ofPath: file.path)
                for blob in [file.blob] + file.parents { if let blob { uses[blob + " " + syntax.rawValue + " " + env, default: 0] += 1 } }
            }
        }
    }

    mutating func run() throws -> [KeyHistory.Commit] {
        var result = log.map {
            KeyHistory.Commit(hash: $0.hash, shortHash: $0.shortHash, author: $0.author, date: $0.date, subject: $0.subject, changes: [])
        }
        for index in log.indices.reversed() {
            for file in log[index].files where selected(file.path) {
                guard let syntax = Syntax.forPath(file.path) else { continue }
                result[index].changes += try changes(file, syntax: syntax)
            }
        }
        return result.filter { !$0.changes.isEmpty }
    }

    /// The revision `blob` of `file`, from the cache or read now (derived from `base` when it can be).
    private mutating func revision(_ blob: String, _ file: String, _ syntax: Syntax, base: FileRevision?) throws -> (FileRevision, [Int]?) {
        // A revision is checked for its environment: the same blob under another name is another revision.
        let key = blob + " " + syntax.rawValue + " " + FileContext.environmentName(ofPath: file)
        let remaining = (uses[key] ?? 1) - 1
        uses[key] = remaining
        if let known = cache[key] {
            if remaining <= 0 { cache[key] = nil }
            return (known, nil)
        }
        guard let bytes = try objects.read(blob) else {
            throw HushError(.system, "git cannot read \(file) at blob \(blob)", hint: "check the repository with `git fsck`")
        }
        var made = (base?.successor(bytes, file: file)).map { ($0.revision, $0.changed) }
        if made == nil { made = (FileRevision.scan(bytes, syntax: syntax, file: file), nil) }
        made!.0.environment = FileContext.environmentName(ofPath: file)
        if remaining > 0 { cache[key] = made!.0 }
        return made!
    }

    private mutating func changes(_ file: GitLog.FileChange, syntax: Syntax) throws -> [KeyHistory.Change] {
        var parents: [FileRevision?] = []
        for blob in file.parents { parents.append(try blob.map { try revision($0, file.path, syntax, base: nil).0 }) }
        var new: FileRevision?
        var shortcut: [Int]?
        if let blob = file.blob { (new, shortcut) = try revision(blob, file.path, syntax, base: parents.first ?? nil) }
        let env = String(Paths.fileName(of: file.path).split(separator: ".").dropLast().joined(separator: "."))
        if let new, let problem = new.problem {
            return [KeyHistory.Change(env: env, file: file.path, key: nil, kind: .unreadable, note: problem)]
        }
        // A merge reports what differs from every parent; an ordinary commit has one parent.
        let first = RevisionDelta(old: parents.first ?? nil, new: new, changed: parents.count == 1 ? shortcut : nil)
        var items = first.items
        var rotated = first.rotated
        for parent in parents.dropFirst() {
            let other = RevisionDelta(old: parent, new: new)
            let paths = Set(other.items.map { item in item.new.map { new!.slots[$0].path } ?? parent!.slots[item.old!].path })
            items = items.filter { paths.contains(path(of: $0, new: new, old: parents[0])) }
            rotated = rotated && other.rotated
        }
        let old = parents.first ?? nil
        if let parts { items = items.filter { KeyPath.matches(path(of: $0, new: new, old: old), parts) } }
        var changes: [KeyHistory.Change] = []
        if rotated && parts == nil { changes.append(KeyHistory.Change(env: env, file: file.path, key: nil, kind: .resealed)) }
        // Acknowledgements are appended to the trailer: the new ones are those past the parent's.
        let acks = new?.trailer?.acks ?? []
        for ack in acks.dropFirst(old?.trailer?.acks.count ?? 0) {
            guard let path = try? KeyPath.parseNotation(ack.path), parts.map({ KeyPath.matches(path, $0) }) ?? true else { continue }
            changes.append(
                KeyHistory.Change(env: env, file: file.path, key: ack.path, kind: .acknowledged, note: "by \(ack.member): \(ack.reason)"))
        }
        for item in items {
            var kind: KeyHistory.Kind =
                switch item.kind {
                case .added: .added
                case .removed: .removed
                case .changed: rotated ? .resealed : .changed
                }
            var value: KeyHistory.Value?
            var previous: KeyHistory.Value?
            if let reader {
                value = item.new.map { reader.value(new!, $0) } ?? item.old.map { reader.value(old!, $0) }
                if item.kind == .changed { previous = item.old.map { reader.value(old!, $0) } }
                if kind == .resealed, case .text = value, case .text = previous {
                    // The key is known on both sides: show whether the plaintext changed.
                    if value == previous { previous = nil } else { kind = .changed }
                } else if kind == .resealed {
                    previous = nil
                }
            }
            // Without a key, a rotation's re-sealed values are the one line above.
            if kind == .resealed && parts == nil { continue }
            changes.append(
                KeyHistory.Change(
                    env: env, file: file.path, key: KeyPath.display(path(of: item, new: new, old: old)), kind: kind, value: value, previous: previous))
        }
        return changes
    }

    private func path(of item: RevisionDelta.Item, new: FileRevision?, old: FileRevision?) -> [PathComponent] {
        item.new.map { new!.slots[$0].path } ?? old!.slots[item.old!].path
    }
}
