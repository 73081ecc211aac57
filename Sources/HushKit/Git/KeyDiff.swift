/// `hush diff [REV] [ENV…] [--values]` (docs/git.md): which keys of which environments differ
/// between a revision (default `HEAD`) and the work tree.
///
/// When the caller's identities open both versions of a file, values are compared decrypted
/// (type and exact source text), so a rekey that re-seals every value shows no change. Otherwise
/// the sealed text is compared: a new token means a new value, which is exact for every write
/// Hush makes except a rotation of the data key (then every value shows as changed, and the
/// header says the comparison was by sealed text).
public enum KeyDiff {
    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    /// One key that differs; `old`/`new` are the decoded values, only with `--values`.
    public struct Change: Sendable, Equatable {
        public var kind: Kind
        /// Dotted display form (`KeyPath.display`).
        public var key: String
        public var old: String?
        public var new: String?
    }

    /// How one environment differs.
    public struct FileDiff: Sendable {
        public enum Status: Sendable { case modified, added, deleted }
        public var env: String
        /// `.secrets/NAME.EXT` at the revision, or nil when it did not exist there.
        public var oldFile: String?
        /// `.secrets/NAME.EXT` in the work tree, or nil when it does not exist.
        public var newFile: String?
        public var status: Status
        /// True when values were compared decrypted, false when by sealed text.
        public var byValue: Bool
        public var changes: [Change]
    }

    public struct Report: Sendable {
        public var revision: String
        /// Only environments with at least one change.
        public var files: [FileDiff]
        public var values: Bool

        public var isEmpty: Bool { files.isEmpty }

        /// The text `hush diff` prints: per environment a header line, then `+ KEY (added)`,
        /// `- KEY (removed)`, `~ KEY (changed)` (with `: "old" → "new"` under `--values`),
        /// environments separated by a blank line. Nothing when nothing differs.
        public func render() -> String {
            files.map { file in
                var header = "\(file.env): "
                switch file.status {
                case .added: header += "\(file.newFile ?? "") (new, not at \(revision))"
                case .deleted: header += "\(file.oldFile ?? "") (deleted, only at \(revision))"
                case .modified:
                    let old = file.oldFile ?? "", new = file.newFile ?? ""
                    header += (old == new ? new : "\(old) → \(new)") + " (\(revision) → work tree)"
                }
                if !file.byValue && file.status == .modified { header += ", compared by sealed text (no key opens both versions)" }
                if !file.byValue && values { header += "; values not shown: not readable with your keys" }
                var lines = [header]
                for change in file.changes {
                    let mark = change.kind == .added ? "+" : change.kind == .removed ? "-" : "~"
                    var line = "\(mark) \(TerminalSafe.escape(change.key)) (\(change.kind.rawValue))"
                    if values {
                        switch change.kind {
                        case .added: line += ": " + KeyDiff.quoted(change.new ?? "")
                        case .removed: line += ": " + KeyDiff.quoted(change.old ?? "")
                        case .changed: line += ": " + KeyDiff.quoted(change.old ?? "") + " → " + KeyDiff.quoted(change.new ?? "")
                        }
                    }
                    lines.append(line)
                }
                return lines.map { $0 + "\n" }.joined()
            }.joined(separator: "\n")
        }
    }

    /// Compares `arguments` (`[REV] [ENV…]`) as `hush diff` does. The first argument is the
    /// revision unless it names an environment (in the work tree or at `HEAD`); a name that is
    /// both is taken as the environment (write the revision as `NAME~0` or `refs/heads/NAME`).
    /// `values` decrypts old and new values and needs a key that opens every version compared.
    public static func run(_ vault: Vault, arguments: [String], values: Bool) throws -> Report {
        let root = vault.repository.root
        var names = arguments
        var revision = "HEAD"
        if let first = names.first {
            let known = Set(try environments(in: root, at: nil).keys).union(try environments(in: root, at: "HEAD").keys)
            if !known.contains(first) {
                guard try Git.run(["rev-parse", "--verify", "--quiet", "\(first)^{commit}"], in: root).status == 0 else {
                    throw HushError(
                        .badInput, "\"\(first)\" is neither an environment nor a git revision",
                        hint: "`hush status` lists the environments; a revision is a commit, branch or tag (`git log` lists them)")
                }
                revision = first
                names.removeFirst()
            }
        }
        let old = try environments(in: root, at: revision)
        let new = try environments(in: root, at: nil)
        for name in names where old[name] == nil && new[name] == nil {
            throw HushError(.badInput, "no environment \"\(name)\" at \(revision) or in the work tree", hint: "`hush status` lists the environments")
        }
        let selected = names.isEmpty ? Set(old.keys).union(new.keys).sorted() : names.uniqued()
        var identities: [Identity]?
        func keys() -> [Identity] {
            if identities == nil { identities = (try? vault.identities()) ?? [] }
            return identities ?? []
        }
        var files: [FileDiff] = []
        for name in selected {
            let before = try old[name].flatMap { path in try Git.show(revision, "./" + path, in: root).map { (path, $0) } }
            let after = try new[name].map { path in (path, try FileSystem.read(root + "/" + path)) }
            let diff = try compare(
                env: name, old: before.map { (file: $0.0, bytes: $0.1, label: "\($0.0) at \(revision)") },
                new: after.map { (file: $0.0, bytes: $0.1, label: $0.0) }, context: FileContext.of(vault.repository, environment: name),
                identities: keys, values: values)
            if let diff, !diff.changes.isEmpty { files.append(diff) }
        }
        return Report(revision: revision, files: files, values: values)
    }

    typealias Version = (file: String, bytes: [UInt8], label: String)

    /// Compares two versions of an environment's sealed file (either may be missing).
    static func compare(
        env: String, old: Version?, new: Version?, context: FileContext, identities: () -> [Identity], values: Bool
    ) throws -> FileDiff? {
        // An environment that did not change is not opened at all (it may not be yours to open).
        if let old, let new, old.bytes == new.bytes { return nil }
        func parse(_ version: Version?) throws -> SealedFile? {
            guard let version else { return nil }
            guard let syntax = Syntax.forPath(version.file) else { return nil }
            return try SealedFile.parse(version.bytes, syntax: syntax, file: version.label, context: context)
        }
        let (oldFile, newFile) = (try parse(old), try parse(new))
        guard oldFile != nil || newFile != nil else { return nil }
        // Open what the caller's keys open; an integrity failure is an error as everywhere.
        func open(_ file: SealedFile?) throws -> OpenedFile? {
            guard let file else { return nil }
            do {
                return try file.decrypt(file.unlock(with: identities()))
            } catch let error as HushError where error.kind == .noKey {
                // Not readable with the caller's keys: compared by sealed text, said in the header.
                return nil
            }
        }
        let (oldOpened, newOpened) = (try open(oldFile), try open(newFile))
        let byValue = (oldFile == nil || oldOpened != nil) && (newFile == nil || newOpened != nil)
        let values = values && byValue

        // Per key path: what is compared, and the decoded value.
        typealias Entry = (path: [PathComponent], compared: [UInt8], value: String)
        func entries(_ sealed: SealedFile?, _ opened: OpenedFile?) -> [Entry] {
            if byValue, let opened {
                return opened.outline.leaves.map { leaf in
                    let raw = Array(opened.plaintext[leaf.range])
                    return (leaf.path, [leaf.type.rawValue] + raw, leaf.value)
                }
            }
            return sealed?.outline.leaves.map { ($0.path, Array($0.value.utf8), "") } ?? []
        }
        let before = entries(oldFile, oldOpened)
        let after = entries(newFile, newOpened)
        let beforeByPath = Dictionary(before.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let afterPaths = Set(after.map(\.path))
        var changes: [Change] = []
        for entry in after {
            let key = KeyPath.display(entry.path)
            let newValue = values ? entry.value : nil
            if let previous = beforeByPath[entry.path] {
                if previous.compared != entry.compared {
                    changes.append(Change(kind: .changed, key: key, old: values ? previous.value : nil, new: newValue))
                }
            } else {
                changes.append(Change(kind: .added, key: key, old: nil, new: newValue))
            }
        }
        for entry in before where !afterPaths.contains(entry.path) {
            changes.append(Change(kind: .removed, key: KeyPath.display(entry.path), old: values ? entry.value : nil, new: nil))
        }
        let status: FileDiff.Status = oldFile == nil ? .added : newFile == nil ? .deleted : .modified
        return FileDiff(env: env, oldFile: old?.file, newFile: new?.file, status: status, byValue: byValue, changes: changes)
    }

    /// Environment name → `.secrets/NAME.EXT` (relative to `root`) in the work tree (`revision`
    /// nil) or at `revision`. A revision that does not resolve (an unborn `HEAD`) has none.
    static func environments(in root: String, at revision: String?) throws -> [String: String] {
        let files: [String]
        if let revision {
            let (status, output) = try Git.run(["ls-tree", "-z", "--name-only", revision, "--", ".secrets/"], in: root)
            guard status == 0 else {
                guard try Git.run(["rev-parse", "--git-dir"], in: root).status == 0 else {
                    throw HushError(.badInput, "\(root) is not in a git repository", hint: "hush diff compares with git history; run `git init` first")
                }
                return [:]
            }
            files = output.split(separator: 0).map { Paths.fileName(of: String(decoding: $0, as: UTF8.self)) }
        } else {
            files = FileSystem.list(root + "/.secrets")
        }
        var result: [String: String] = [:]
        for file in files where !file.hasPrefix(".") && Syntax.forPath(file) != nil {
            let name = String(file[..<file.lastIndex(of: ".")!])
            // Two files for one name is an error elsewhere; here the first (by extension) wins.
            if result[name] == nil || Repository.preferred(file, over: result[name]!) { result[name] = ".secrets/" + file }
        }
        return result
    }

    /// A value on one line: double-quoted, with `"`, `\` and control characters escaped.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = Array("0123456789ABCDEF")
                    out += "\\x" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 0xF)])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Repository {
    /// Between two files of one environment name, the one `environment(_:)` looks at first
    /// (`.yaml`, then `.yml`, then `.env`).
    static func preferred(_ a: String, over b: String) -> Bool {
        func rank(_ file: String) -> Int { file.hasSuffix(".yaml") ? 0 : file.hasSuffix(".yml") ? 1 : 2 }
        return rank(a) < rank(b)
    }
}
