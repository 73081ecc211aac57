/// `hush log`: which commits added, changed or removed each key, read from git history without
/// any key.
///
/// Hush keeps an unchanged value's token byte for byte, so comparing the tokens of a file's
/// consecutive revisions gives exactly the values whose plaintext changed. A data-key rotation
/// re-seals every value; it is recognised by the wraps: a file keeps each recipient's wrap line
/// byte for byte while its data key stays, and a new data key gets new wraps for everyone. So a
/// revision none of whose wraps appears in the previous one has a new data key, and its
/// re-sealed values are reported as one line rather than one change per value.
///
/// Speed: one `git log --raw` lists the commits with the blob ids of each changed file and of
/// its parent version; one `git cat-file --batch` process reads the blobs. Revisions are read
/// oldest first, and a revision that differs from its parent only in token text is derived
/// from it by comparing lines (`FileRevision.successor`); in dotenv files, only the lines
/// between the unchanged first and last lines are scanned; other revisions are scanned in full.
public enum KeyHistory {
    public enum Kind: String, Sendable {
        case added
        case changed
        case removed
        /// A new data key re-sealed the value (its plaintext is the same, or unknown without a key).
        case resealed = "re-sealed"
        /// The revision is not a readable sealed file.
        case unreadable
        /// An exposure was acknowledged as not secret (`hush exposed ack`); `note` says who and why.
        case acknowledged
    }

    /// A value as `--values` shows it.
    public enum Value: Sendable, Equatable {
        case text(String)
        /// None of the caller's identities opens that revision.
        case sealed
        /// The revision fails its MAC, or the value does not open.
        case damaged
    }

    public struct Change: Sendable {
        /// Environment name (the file name without extension).
        public let env: String
        /// Repository-relative path of the file.
        public let file: String
        /// The key in dotted display form; nil for a line about the whole file.
        public let key: String?
        public let kind: Kind
        /// With `--values`: the value after the change (before it, for a removal).
        public var value: Value?
        /// With `--values`: the value before a change.
        public var previous: Value?
        /// Why a revision is unreadable.
        public var note: String?
    }

    public struct Commit: Sendable {
        public let hash: String
        public let shortHash: String
        public let author: String
        /// `YYYY-MM-DD HH:MM`, in the author's time zone.
        public let date: String
        public let subject: String
        public var changes: [Change]
    }

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

    /// The changes as text: per commit a header line, then one indented line per change.
    public static func render(_ commits: [Commit]) -> String {
        var out = ""
        let width = commits.flatMap(\.changes).map(\.env.count).max() ?? 0
        for commit in commits where !commit.changes.isEmpty {
            out += "\(commit.shortHash) \(commit.date) \(commit.author)  \(commit.subject)\n"
            for change in commit.changes {
                out += "    \(change.env.padding(width))  "
                switch (change.kind, change.key) {
                case (.unreadable, _):
                    out += "not a readable sealed file in this commit: \(change.note ?? "")\n"
                    continue
                case (.resealed, nil):
                    out += "all values re-sealed (new data key)\n"
                    continue
                case (.acknowledged, _):
                    out += "acknowledged " + TerminalSafe.escape(change.key ?? "") + " as not secret (\(TerminalSafe.escape(change.note ?? "")))\n"
                    continue
                default:
                    out += change.kind.rawValue.padding(9) + " " + TerminalSafe.escape(change.key ?? "")
                }
                if let value = change.value { out += (change.kind == .removed ? " (was \(show(value)))" : " = \(show(value))") }
                if let previous = change.previous { out += " (was \(show(previous)))" }
                out += "\n"
            }
        }
        return out
    }

    /// A value in double quotes with `\\`, `\"` and control characters escaped, so that every
    /// value is one unambiguous line.
    static func show(_ value: Value) -> String {
        switch value {
        case .sealed: return "<sealed>"
        case .damaged: return "<damaged>"
        case .text(let text):
            return KeyDiff.quoted(text)
        }
    }
}

/// The differences between two revisions of one file.
struct RevisionDelta {
    enum Kind { case added, changed, removed }

    /// Slot indices in the new and the old revision.
    struct Item {
        var kind: Kind
        var new: Int?
        var old: Int?
    }

    var items: [Item] = []
    /// The data key was replaced: no wrap of the old revision is in the new one.
    var rotated = false

    /// Compares `old` and `new` (nil: the file does not exist there). `changed`, from
    /// `FileRevision.successor`, lists the changed slots when the two share their structure;
    /// nil compares the slots.
    init(old: FileRevision?, new: FileRevision?, changed: [Int]? = nil) {
        let old = old?.problem == nil ? old : nil
        guard let new, new.problem == nil else {
            items = old.map { $0.slots.indices.map { Item(kind: .removed, new: nil, old: $0) } } ?? []
            return
        }
        guard let old else {
            items = new.slots.indices.map { Item(kind: .added, new: $0, old: nil) }
            return
        }
        if let oldWraps = old.trailer?.wraps, let newWraps = new.trailer?.wraps {
            let kept = Set(oldWraps.map(\.wrapped))
            rotated = !newWraps.contains { kept.contains($0.wrapped) }
        }
        if let changed {
            items = changed.map { Item(kind: .changed, new: $0, old: $0) }
            return
        }
        items = Self.compare(old, new)
    }

    /// Matches slots by path: first the runs at both ends where the paths line up (usually
    /// nearly all of them), then what is left in between through a dictionary. Paths are
    /// unique within a revision, so a path at the ends is in neither middle.
    private static func compare(_ old: FileRevision, _ new: FileRevision) -> [Item] {
        let a = old.slots, b = new.slots
        var items: [Item] = []
        var head = 0
        while head < a.count && head < b.count && a[head].path == b[head].path {
            if old.token(head) != new.token(head) { items.append(Item(kind: .changed, new: head, old: head)) }
            head += 1
        }
        var tail = 0
        var tailItems: [Item] = []
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail].path == b[b.count - 1 - tail].path {
            let i = a.count - 1 - tail, j = b.count - 1 - tail
            if old.token(i) != new.token(j) { tailItems.append(Item(kind: .changed, new: j, old: i)) }
            tail += 1
        }
        var oldIndex: [[PathComponent]: Int] = [:]
        for index in head..<(a.count - tail) { oldIndex[a[index].path] = index }
        for index in head..<(b.count - tail) {
            guard let previous = oldIndex.removeValue(forKey: b[index].path) else {
                items.append(Item(kind: .added, new: index, old: nil))
                continue
            }
            if old.token(previous) != new.token(index) { items.append(Item(kind: .changed, new: index, old: previous)) }
        }
        items += tailItems.reversed()
        let gone = Set(oldIndex.values)
        items += (head..<(a.count - tail)).filter(gone.contains).map { Item(kind: .removed, new: nil, old: $0) }
        return items
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

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
