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
    /// Decoding triggers seen in the last buffer `ScanEngine.matches` ran over.
    var triggerHits: [Candidate] = []
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
        var matches = engine.matches(in: bytes, worker: self)
        var decoded: [ScanEngine.DecodedMatch] = []
        if !triggerHits.isEmpty {
            var budget = ScanDecoding.maximumPerFile
            decoded = engine.decodedMatches(in: bytes, hits: triggerHits, worker: self, depth: 1, budget: &budget)
            // A vault value found on an encoded segment is reported as it is; otherwise what the
            // decoded text holds is more specific than a rule's match on the encoded text.
            decoded.removeAll { d in matches.contains { $0.rule < 0 && $0.secret.overlaps(d.segment) } }
            matches.removeAll { m in m.rule >= 0 && decoded.contains { $0.segment.overlaps(m.secret) } }
        }
        guard !matches.isEmpty || !decoded.isEmpty else { return }
        let documentation = ScanContext.isDocumentation(display)
        let dotenv = StructureCheck.isDotenv(display)
        var lines = LineCounter()
        for match in matches {
            let secret = UnsafeBufferPointer(rebasing: bytes[match.secret])
            report(
                match.rule, secret: secret, at: match.secret.lowerBound, in: bytes, display: display, commit: commit, documentation: documentation,
                dotenv: dotenv, lines: &lines)
        }
        for match in decoded {
            match.secret.withUnsafeBufferPointer { secret in
                report(
                    match.rule, secret: secret, at: match.segment.lowerBound, in: bytes, display: display, commit: commit, documentation: documentation,
                    dotenv: dotenv, lines: &lines, decoded: match.how, inURL: match.inURL)
            }
        }
    }

    /// Appends the finding of rule `rule` (or vault literal `-1 - rule`) whose `secret` is at
    /// `offset` of `bytes` (for a decoded secret, its encoded segment), unless an inline marker
    /// suppresses it or its context leaves nothing to report.
    private func report(
        _ rule: Int, secret: UnsafeBufferPointer<UInt8>, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, display: String, commit: String?,
        documentation: Bool, dotenv: Bool, lines: inout LineCounter, decoded: String? = nil, inURL: Bool = false
    ) {
        if Suppression.applies(bytes, at: offset) {
            statistics.suppressedInline += 1
            return
        }
        let suffix = decoded.map { " (\($0)-decoded)" } ?? ""
        if rule >= 0 {
            let rule = engine.rules[rule]
            if rule.dotenvOnly, !dotenv { return }
            let base = dotenv ? rule.dotenvConfidence ?? rule.confidence : rule.confidence
            guard let confidence = ScanContext.confidence(base, documentation: documentation, bytes: bytes, at: offset, inURL: inURL) else { return }
            let (line, column) = lines.position(of: offset, in: bytes)
            findings.append(
                ScanFinding(
                    rule: rule.id, message: rule.description + suffix, path: display, line: line, column: column, redacted: ScanFinding.redact(secret),
                    fingerprint: ScanFinding.fingerprint(rule: rule.id, secret: secret), commit: commit, confidence: confidence, decoded: decoded))
        } else {
            let literal = engine.literals[-1 - rule]
            let form = literal.form == "plain" ? "" : " (\(literal.form)-encoded)"
            let key = TerminalSafe.escape(literal.key)
            let (line, column) = lines.position(of: offset, in: bytes)
            findings.append(
                ScanFinding(
                    rule: ScanFinding.vaultValueRule, message: "the value of \(key) in environment \(literal.environment)\(form)\(suffix)",
                    path: display, line: line, column: column, redacted: "…",
                    fingerprint: ScanFinding.keyedFingerprint(rule: ScanFinding.vaultValueRule, secret: secret, key: literal.fingerprintKey),
                    commit: commit, environment: literal.environment, key: literal.key, form: literal.form, decoded: decoded))
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
