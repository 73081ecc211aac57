/// Rollback detection (docs/format.md §12): a sealed file authenticates itself but not its
/// age, so its sequence number is compared with the versions the current branch's history
/// holds. Used by `hush verify`, `hush status` and `hush access --check`.
public enum Freshness {
    /// How many first-parent commits that changed a file are read.
    public static let depth = 200

    /// The outcome of one check.
    public enum Verdict: Sendable, Equatable {
        /// Not older than anything in history.
        case fresh
        /// Older than a version in history: `seq` after `newest`.
        case rolledBack(seq: Int, newest: Int, commit: String)
        /// Could not be checked (not a git repository, git failed); the reason.
        case notChecked(String)
    }

    /// Compares the file `env` holds now (`bytes`, sequence number `seq`) with its last
    /// `depth` first-parent versions.
    static func check(_ repository: Repository, _ env: EnvironmentFile, seq: Int, bytes: [UInt8]) -> Verdict {
        check(repository, env, seq: seq) { $0 == bytes }
    }

    /// `check`, where `isCurrent` tells whether a version's bytes are the file's now (a
    /// parsed file compares its parts, without putting its bytes together again).
    static func check(_ repository: Repository, _ env: EnvironmentFile, seq: Int, isCurrent: ([UInt8]) -> Bool) -> Verdict {
        let path = env.display
        guard
            let log = try? Git.run(
                ["log", "--first-parent", "-n", String(depth), "--format=commit %H", "--raw", "--no-abbrev", "--", path], in: repository.root),
            log.status == 0
        else {
            let inGit = (try? Git.run(["rev-parse", "--git-dir"], in: repository.root).status) == 0
            return .notChecked(inGit ? "no commits yet" : "not in a git repository")
        }
        var versions: [(commit: String, blob: String)] = []
        var commit = ""
        for line in String(decoding: log.output, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("commit ") {
                commit = String(line.dropFirst(7))
            } else if line.hasPrefix(":") {
                let fields = line.split(separator: " ")
                if fields.count >= 5, !fields[3].allSatisfy({ $0 == "0" }) { versions.append((commit, String(fields[3]))) }
            }
        }
        guard !versions.isEmpty else { return .fresh }
        guard let objects = try? Git.objects(in: repository.root) else { return .notChecked("git cat-file failed") }
        defer { objects.close() }
        // Of the newest version, whether it is the file now (only asked when the sequence
        // numbers are equal) rather than its bytes: each version is freed once read.
        var newest: (seq: Int, commit: String, isCurrent: Bool)?
        for version in versions {
            guard let blob = try? objects.read(version.blob), let old = sequenceNumber(blob) else { continue }
            if newest == nil || old > newest!.seq { newest = (old, version.commit, old == seq && isCurrent(blob)) }
        }
        guard let newest else { return .fresh }
        if seq < newest.seq || (seq == newest.seq && !newest.isCurrent) {
            return .rolledBack(seq: seq, newest: newest.seq, commit: String(newest.commit.prefix(12)))
        }
        return .fresh
    }

    /// The highest sequence number among the file's last `depth` first-parent versions.
    static func newestSequence(_ repository: Repository, _ env: EnvironmentFile) -> Int? {
        if case .rolledBack(_, let newest, _) = check(repository, env, seq: 0, bytes: []) { return newest }
        return nil
    }

    /// The `#hush:seq` of a version 2 file, read from its trailer alone; nil otherwise.
    static func sequenceNumber(_ bytes: [UInt8]) -> Int? {
        guard let (_, lines) = Trailer.locate(bytes), lines.count > 1, String(decoding: lines[0], as: UTF8.self) == "#hush:version 2" else {
            return nil
        }
        let text = String(decoding: lines[1], as: UTF8.self)
        return text.hasPrefix("#hush:seq ") ? Int(text.dropFirst(10)) : nil
    }

    /// The error for a rolled-back file.
    static func error(_ env: EnvironmentFile, _ verdict: Verdict) -> HushError? {
        guard case .rolledBack(let seq, let newest, let commit) = verdict else { return nil }
        return HushError(
            .integrity, "\(env.display) was rolled back to an older state (sequence \(seq) after \(newest), in commit \(commit))",
            hint:
                "restore the newest version (`git checkout \(commit) -- \(env.display)`), or if the older values are intended, `hush restore \(env.name) --from REV`"
        )
    }
}
