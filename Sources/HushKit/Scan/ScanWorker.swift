#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One scanning thread's state: a reusable read buffer, PCRE2 match data, and the findings and
/// counts of the files it scanned. Used by one thread at a time.
final class ScanWorker {
    let engine: ScanEngine
    let scratch: RegexScratch
    var findings: [ScanFinding] = []
    var statistics = ScanStatistics()
    /// Keyword hits of the current file (kept to reuse its storage).
    var candidates: [Candidate] = []
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int

    init(_ engine: ScanEngine) {
        self.engine = engine
        scratch = RegexScratch(captures: engine.regexes.map(\.captureCount).max() ?? 0)
        capacity = 256 * 1024
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    // MARK: Sources

    /// Reads the regular file at `path` with large reads into the reusable buffer and scans it,
    /// naming it `display`. `tracked`: git tracks it (for the dotenv check).
    func scanFile(_ path: String, display: String, tracked: Bool) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            statistics.skippedUnreadable += 1
            return
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            statistics.skippedUnreadable += 1
            return
        }
        let size = Int(st.st_size)
        let structural = StructureCheck.applies(to: display, tracked: tracked)
        if size > engine.maxSize && !structural {
            statistics.skippedLarge += 1
            return
        }
        reserve(size + 1)
        var count = 0
        while count < capacity {
            let n = read(fd, buffer + count, capacity - count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        if count == capacity {  // the file grew since fstat: scan what fits
            count = capacity - 1
        }
        scan(UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: count), display: display, tracked: tracked, commit: nil)
    }

    /// Scans bytes read from git (a staged or historical blob).
    func scanBlob(_ bytes: [UInt8], display: String, tracked: Bool, commit: String?) {
        bytes.withUnsafeBufferPointer { scan($0, display: display, tracked: tracked, commit: commit) }
    }

    private func reserve(_ size: Int) {
        guard size > capacity else { return }
        buffer.deallocate()
        capacity = max(size, capacity * 2)
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    // MARK: One buffer

    /// Structure checks, binary and size skips, then both matching stages; appends findings
    /// that no inline marker suppresses.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, display: String, tracked: Bool, commit: String?) {
        let structural = StructureCheck.applies(to: display, tracked: tracked)
        if structural, var finding = StructureCheck.finding(display, bytes) {
            finding.commit = commit
            findings.append(finding)
        }
        if let rule = ScanFileNameRules.matches(path: display) {
            findings.append(
                ScanFinding(
                    rule: rule, message: ScanFileNameRules.descriptions[rule] ?? rule, path: display, line: 1, column: 1, redacted: "",
                    fingerprint: ScanFinding.fingerprint(rule: rule, secret: Array(display.utf8)), commit: commit))
        }
        if bytes.count > engine.maxSize {
            statistics.skippedLarge += 1
            return
        }
        if let base = bytes.baseAddress, memchr(base, 0, min(bytes.count, ScanEngine.binaryProbe)) != nil {
            statistics.skippedBinary += 1
            return
        }
        statistics.files += 1
        statistics.bytes += bytes.count
        if !structural, var finding = StructureCheck.plaintextDotenvFinding(display, bytes) {
            finding.commit = commit
            findings.append(finding)
        }
        reportConfigFiles(bytes, display: display, commit: commit)
        let matches = engine.matches(in: bytes, worker: self)
        guard !matches.isEmpty else { return }
        var lines = LineCounter()
        for match in matches {
            if Suppression.applies(bytes, at: match.secret.lowerBound) {
                statistics.suppressedInline += 1
                continue
            }
            let (line, column) = lines.position(of: match.secret.lowerBound, in: bytes)
            let secret = UnsafeBufferPointer(rebasing: bytes[match.secret])
            if match.rule >= 0 {
                let rule = engine.rules[match.rule]
                findings.append(
                    ScanFinding(
                        rule: rule.id, message: rule.description, path: display, line: line, column: column, redacted: ScanFinding.redact(secret),
                        fingerprint: ScanFinding.fingerprint(rule: rule.id, secret: secret), commit: commit))
            } else {
                let literal = engine.literals[-1 - match.rule]
                let form = literal.form == "plain" ? "" : " (\(literal.form)-encoded)"
                let key = TerminalSafe.escape(literal.key)
                findings.append(
                    ScanFinding(
                        rule: ScanFinding.vaultValueRule, message: "the value of \(key) in environment \(literal.environment)\(form)",
                        path: display, line: line, column: column, redacted: "…",
                        fingerprint: ScanFinding.keyedFingerprint(rule: ScanFinding.vaultValueRule, secret: secret, key: literal.fingerprintKey),
                        commit: commit,
                        environment: literal.environment, key: literal.key, form: literal.form))
            }
        }
    }
}

extension ScanWorker {
    /// The findings of the file-name detectors (`.pgpass`, `master.key`, htpasswd and shadow
    /// files) in `bytes`; inline markers suppress them as they do rule findings.
    func reportConfigFiles(_ bytes: UnsafeBufferPointer<UInt8>, display: String, commit: String?) {
        let hits = ConfigFileDetectors.hits(path: display, bytes: bytes)
        guard !hits.isEmpty else { return }
        var lines = LineCounter()
        for hit in hits {
            if Suppression.applies(bytes, at: hit.secret.lowerBound) {
                statistics.suppressedInline += 1
                continue
            }
            let (line, column) = lines.position(of: hit.secret.lowerBound, in: bytes)
            let secret = UnsafeBufferPointer(rebasing: bytes[hit.secret])
            findings.append(
                ScanFinding(
                    rule: hit.rule, message: ConfigFileDetectors.descriptions[hit.rule] ?? hit.rule, path: display, line: line, column: column,
                    redacted: ScanFinding.redact(secret), fingerprint: ScanFinding.fingerprint(rule: hit.rule, secret: secret), commit: commit))
        }
    }
}

/// Line and column of increasing offsets in one buffer, counted incrementally.
struct LineCounter {
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    /// 1-based line, and 1-based column in Unicode code points (UTF-8 continuation bytes are not
    /// counted). Offsets must not decrease between calls.
    mutating func position(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        if target < offset { self = LineCounter() }
        while offset < target {
            if bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        var column = 1
        for i in lineStart..<target where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }
}

/// Inline suppression markers: on the finding's line `hush:allow`, `gitleaks:allow` or
/// `pragma: allowlist secret` (detect-secrets); on the line before, `hush:allow-next-line` or
/// `pragma: allowlist nextline secret`.
enum Suppression {
    private static let sameLine = ["gitleaks:allow", "pragma: allowlist secret"].map { Array($0.utf8) }
    private static let nextLine = ["hush:allow-next-line", "pragma: allowlist nextline secret"].map { Array($0.utf8) }
    private static let allow = Array("hush:allow".utf8)
    private static let nextSuffix = Array("-next-line".utf8)

    static func applies(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let start = ScanEngine.lineStart(bytes, before: offset)
        let end = ScanEngine.lineEnd(bytes, from: offset)
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if sameLine.contains(where: { find($0, in: line) != nil }) { return true }
        // `hush:allow`, but not as the start of `hush:allow-next-line`.
        var from = 0
        while let at = find(allow, in: UnsafeBufferPointer(rebasing: line[from...])) {
            let after = from + at + allow.count
            if !ScanEngine.equal(line, at: after, nextSuffix) { return true }
            from = after
        }
        guard start > 0 else { return false }
        let previousStart = ScanEngine.lineStart(bytes, before: start - 1)
        let previous = UnsafeBufferPointer(rebasing: bytes[previousStart..<(start - 1)])
        return nextLine.contains { find($0, in: previous) != nil }
    }

    /// Offset of `needle` (not empty) in `haystack`.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first, haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
            i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if ScanEngine.equal(haystack, at: i, needle) { return i }
            i += 1
        }
        return nil
    }
}
