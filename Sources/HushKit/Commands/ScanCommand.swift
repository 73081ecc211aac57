#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `hush scan` reads.
public enum ScanMode: Sendable, Equatable {
    /// The working tree of the current git repository: tracked files and untracked files git
    /// does not ignore.
    case workingTree
    /// The staged changes, read from the index.
    case staged
    /// Every blob reachable from all refs (only from commits not reachable from `since`).
    case history(since: String?)
    /// Files and folders, no git needed.
    case paths([String])
}

/// Options of one `hush scan` run.
public struct ScanOptions: Sendable {
    public var mode: ScanMode = .workingTree
    /// Files larger than this (bytes) are skipped.
    public var maxSize = 2 * 1024 * 1024
    /// Findings whose fingerprint a baseline file lists are left out.
    public var baseline: String?
    /// Without `baseline`, use the one `.hush.yaml` names (when that file exists).
    public var configuredBaseline = true
    /// Extra exclude globs, on top of `.hush.yaml`'s `scan.exclude`.
    public var excludes: [String] = []
    /// Look for the vault's own decrypted values.
    public var vaultValues = true
    public var identityFiles: [String] = []
    /// Scanning threads (default: one per online core).
    public var jobs: Int?
    public var rules: [ScanRule] = ScanRules.all
    /// Findings below this confidence are left out; nil: the mode's default (`defaultConfidence`).
    public var minConfidence: ScanConfidence?
    /// Decode base64 and percent-encoded segments and scan them again (`ScanDecoding`).
    public var decode = true

    public init() {}

    /// `--staged` (what the pre-commit hook runs) reports `medium` and `high`, so that a weak
    /// signal never blocks a commit; the other modes, run to review, report everything.
    public static func defaultConfidence(for mode: ScanMode) -> ScanConfidence {
        mode == .staged ? .medium : .low
    }
}

/// What a scan found, and what it read.
public struct ScanResult: Sendable {
    /// Sorted by path, line, column and rule.
    public var findings: [ScanFinding]
    public var statistics: ScanStatistics
    public var rules: [ScanRule]
}

/// `hush scan`: finds plaintext secrets (provider rules, the vault's own values, plaintext where
/// sealed files belong) in the working tree, the staged changes, the history, or given paths.
public enum ScanCommand {
    public static func run(_ options: ScanOptions) throws -> ScanResult {
        let started = now()
        // Where the configuration, the vault and the excludes' root are.
        let root: String?
        var items: [ScanItem]
        var statistics = ScanStatistics()
        var config = ScanConfig()
        switch options.mode {
        case .paths(let paths):
            root = (try? Repository.find())?.root
            if let root { config = try ScanConfig.load(root: root) }
            items = try ScanSources.paths(paths.isEmpty ? ["."] : paths)
        default:
            let top = try ScanSources.gitRoot()
            root = top
            config = try ScanConfig.load(root: top)
            items = []
        }
        config.excludes += options.excludes.map(PathGlob.init)
        let cwd = Platform.currentDirectory()
        func excluded(_ display: String) -> Bool {
            guard !config.excludes.isEmpty else { return false }
            if case .paths = options.mode, let root {
                let absolute = display.hasPrefix("/") ? display : Paths.join(cwd, display)
                return config.excludes(Paths.relative(normalised(absolute), to: root))
            }
            return config.excludes(display)
        }
        switch options.mode {
        case .workingTree: items = try ScanSources.workingTree(root: root!)
        case .staged: items = try ScanSources.staged(root: root!)
        case .history(let since):
            let found = try ScanSources.history(root: root!, since: since, excluded: excluded)
            items = found.items
            statistics.skippedExcluded += found.excluded
        case .paths: break
        }
        if case .history = options.mode {
        } else {
            let before = items.count
            items.removeAll { excluded($0.display) }
            statistics.skippedExcluded += before - items.count
        }

        if items.isEmpty {
            // Nothing to read (a commit that only deletes): no rules to compile, no vault to open.
            _ = try baseline(options, config: config, root: root)
            statistics.seconds = now() - started
            return ScanResult(findings: [], statistics: statistics, rules: options.rules)
        }

        var literals: [VaultLiteral] = []
        if options.vaultValues, let root {
            let repository = (try? Repository.find()) ?? Repository(root: root)
            try repository.checkFolders()
            let found = VaultValues.literals(Vault(repository: repository, identityFiles: options.identityFiles))
            literals = found.literals
            statistics.environmentsOpened = found.opened
            statistics.environmentsSkipped = found.skipped
        }

        let engine = try ScanEngine(rules: options.rules, literals: literals, maxSize: options.maxSize, decodes: options.decode)
        let workers = max(1, options.jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        var findings: [ScanFinding] = []
        let files = items.filter { $0.file != nil }
        let blobs = items.filter { $0.blob != nil }
        if !files.isEmpty {
            let (found, counts) = engine.run(count: files.count, workers: workers) { i, worker in
                worker.scanFile(files[i].file!, display: files[i].display, tracked: files[i].tracked)
            }
            findings += found
            statistics.add(counts)
        }
        if !blobs.isEmpty {
            let objects = try Git.objects(in: root)
            defer { objects.close() }
            var next = 0
            while next < blobs.count {
                // Read a batch from git on this thread, then scan it on all of them.
                var batch: [(item: ScanItem, bytes: [UInt8])] = []
                var size = 0
                while next < blobs.count && size < 64 * 1024 * 1024 && batch.count < 8192 {
                    if let bytes = try objects.read(blobs[next].blob!) {
                        size += bytes.count
                        batch.append((blobs[next], bytes))
                    } else {
                        statistics.skippedUnreadable += 1
                    }
                    next += 1
                }
                let loaded = batch
                let (found, counts) = engine.run(count: loaded.count, workers: workers) { i, worker in
                    worker.scanBlob(loaded[i].bytes, display: loaded[i].item.display, tracked: loaded[i].item.tracked, commit: loaded[i].item.commit)
                }
                findings += found
                statistics.add(counts)
            }
        }

        if let baseline = try baseline(options, config: config, root: root) {
            let before = findings.count
            findings.removeAll { baseline.fingerprints.contains($0.fingerprint) }
            statistics.suppressedBaseline = before - findings.count
        }
        let minimum = options.minConfidence ?? ScanOptions.defaultConfidence(for: options.mode)
        let before = findings.count
        findings.removeAll { $0.confidence < minimum }
        statistics.belowConfidence = before - findings.count
        // Each distinct secret once, at its first place (the oldest commit in --history).
        var commitOrder: [String: Int] = [:]
        for (i, item) in blobs.enumerated() { if let commit = item.commit, commitOrder[commit] == nil { commitOrder[commit] = i } }
        findings = ScanGrouping.group(findings, commitOrder: commitOrder)
        statistics.seconds = now() - started
        return ScanResult(findings: findings, statistics: statistics, rules: options.rules)
    }

    /// The baseline to apply: `--baseline`, else the configured one when that file exists.
    private static func baseline(_ options: ScanOptions, config: ScanConfig, root: String?) throws -> ScanBaseline? {
        if let path = options.baseline { return try ScanBaseline.load(path) }
        guard options.configuredBaseline, let root, let name = config.baseline else { return nil }
        let path = Paths.join(root, name)
        return FileSystem.exists(path) ? try ScanBaseline.load(path) : nil
    }

    /// Writes `findings` as a baseline file (atomically).
    public static func writeBaseline(_ findings: [ScanFinding], to path: String) throws {
        try FileSystem.writeAtomically(path, Array(ScanBaseline.render(findings).utf8))
    }

    /// The summary line for stderr.
    public static func summary(_ result: ScanResult) -> String {
        let s = result.statistics
        let megabytes = Double(s.bytes) / 1_000_000
        var parts = ["\(s.files) files", "\(format(megabytes, digits: 1)) MB", "\(format(s.seconds, digits: 2)) s"]
        if s.seconds > 0 && megabytes > 0 { parts.append("\(format(megabytes / s.seconds, digits: 0)) MB/s") }
        var skipped: [String] = []
        if s.skippedBinary > 0 { skipped.append("\(s.skippedBinary) binary") }
        if s.skippedLarge > 0 { skipped.append("\(s.skippedLarge) too large") }
        if s.skippedExcluded > 0 { skipped.append("\(s.skippedExcluded) excluded") }
        if s.skippedUnreadable > 0 { skipped.append("\(s.skippedUnreadable) unreadable") }
        var line = "hush scan: " + parts.joined(separator: ", ") + "; skipped \(s.skipped)"
        if !skipped.isEmpty { line += " (" + skipped.joined(separator: ", ") + ")" }
        if s.environmentsOpened + s.environmentsSkipped > 0 {
            line += "; vault values from \(s.environmentsOpened) of \(s.environmentsOpened + s.environmentsSkipped) environments"
        }
        if s.suppressedInline + s.suppressedBaseline > 0 {
            line += "; suppressed \(s.suppressedInline) inline, \(s.suppressedBaseline) by baseline"
        }
        if s.regexLimits > 0 { line += "; \(s.regexLimits) pattern matches abandoned at the backtracking limit" }
        if s.decodedSegments > 0 { line += "; decoded \(s.decodedSegments) segment\(s.decodedSegments == 1 ? "" : "s")" }
        if s.belowConfidence > 0 { line += "; \(s.belowConfidence) below --min-confidence" }
        let n = result.findings.count
        line += "; \(n) finding\(n == 1 ? "" : "s")"
        let places = result.findings.reduce(0) { $0 + $1.count }
        if places > n { line += " in \(places) places" }
        return line + "\n"
    }

    private static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if digits == 0 { return String(Int(rounded)) }
        let whole = Int(rounded)
        var fraction = String(Int(((rounded - Double(whole)) * scale).rounded()))
        while fraction.count < digits { fraction = "0" + fraction }
        return "\(whole).\(fraction)"
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// `a/./b/../c` → `a/c`, for matching excludes against paths given on the command line.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
