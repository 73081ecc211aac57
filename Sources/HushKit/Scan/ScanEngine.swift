import Dispatch

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A vault value (or one of its encodings) that must not appear in scanned content.
struct VaultLiteral: Sendable {
    var environment: String
    var key: String
    /// `plain`, `base64` (standard alphabet, padding dropped) or `url` (percent-encoded).
    var form: String
    var bytes: [UInt8]
    /// The environment's fingerprint key (from its data key): a vault value's fingerprint is
    /// keyed, so a committed baseline cannot be used to test guesses of a weak value offline.
    var fingerprintKey: SecretBytes
}

/// The matching core of `hush scan`, built once per run and shared by every scanning thread.
///
/// Stage 1 runs one `LiteralAutomaton` over every byte of a file: all rules' keywords and the
/// first bytes of every vault literal at once, case-insensitively. Stage 2 runs only the rules
/// whose keywords were seen, each only on the lines around its keyword hits (one line, or for a
/// rule whose pattern spans lines, up to `multilineSpan` bytes from the hit's line), with its
/// PCRE2 pattern compiled once (JIT). A vault literal hit is confirmed by comparing the bytes.
final class ScanEngine: @unchecked Sendable {
    let rules: [ScanRule]
    let literals: [VaultLiteral]
    let automaton: LiteralAutomaton
    let maxSize: Int
    /// How far past its keyword's line a multi-line rule may match.
    static let multilineSpan = 16 * 1024
    /// How many leading bytes of a vault literal go into the automaton (bounds its size).
    static let literalPrefix = 32
    /// How many leading bytes are checked for NUL to call a file binary.
    static let binaryProbe = 8 * 1024

    let regexes: [ScanRegex]
    /// Automaton ids below this are keywords (`keywordRules[id]` lists their rules); ids from it
    /// on are vault literals, then (from `triggerBase`) decoding triggers (`ScanDecoding`).
    private let keywordCount: Int
    let triggerBase: Int
    /// Whether encoded segments are decoded and scanned again.
    let decodes: Bool
    private let keywordRules: [[Int32]]
    /// Rules without keywords run on whole files.
    private let unfiltered: [Int]
    /// How far past a keyword hit each rule's window reaches before it runs to a line end: 0
    /// for a single-line rule, `multilineSpan` (or the rule's own `span`) for one that spans lines.
    private let reach: [Int]
    private let maxCaptures: Int

    /// Compiles every rule's pattern (a bad pattern is an error naming the rule) and builds the
    /// automaton over all keywords and literals.
    init(rules: [ScanRule], literals: [VaultLiteral] = [], maxSize: Int = 2 * 1024 * 1024, decodes: Bool = true) throws {
        self.rules = rules
        self.literals = literals
        self.maxSize = maxSize
        var compiled: [ScanRegex] = []
        compiled.reserveCapacity(rules.count)
        for rule in rules {
            do {
                compiled.append(try ScanRegex(rule.pattern))
            } catch {
                throw HushError(.badInput, "scan rule \(rule.id): invalid pattern: \(error)", hint: "fix the rule's PCRE2 pattern")
            }
        }
        regexes = compiled
        maxCaptures = compiled.map(\.captureCount).max() ?? 0
        reach = rules.map { Self.spansLines($0.pattern) ? $0.span ?? Self.multilineSpan : 0 }

        var index: [[UInt8]: Int] = [:]
        var keywords: [[UInt8]] = []
        var owners: [[Int32]] = []
        var bare: [Int] = []
        for (r, rule) in rules.enumerated() {
            let words = rule.keywords.map { Array($0.utf8).map(LiteralAutomaton.fold) }.filter { !$0.isEmpty }
            if words.isEmpty { bare.append(r) }
            for word in words {
                if let i = index[word] {
                    if owners[i].last != Int32(r) { owners[i].append(Int32(r)) }
                } else {
                    index[word] = keywords.count
                    keywords.append(word)
                    owners.append([Int32(r)])
                }
            }
        }
        keywordCount = keywords.count
        keywordRules = owners
        unfiltered = bare
        triggerBase = keywords.count + literals.count
        self.decodes = decodes
        automaton = LiteralAutomaton(
            keywords + literals.map { Array($0.bytes.prefix(Self.literalPrefix)) } + (decodes ? ScanDecoding.triggers.map(\.literal) : []))
    }

    /// True when a pattern can match across a line break: it names `\n` or `\r`, or turns on
    /// dot-all (`(?s)`). Other rules are matched one line at a time.
    static func spansLines(_ pattern: String) -> Bool {
        pattern.contains("\\n") || pattern.contains("\\r") || pattern.contains("(?s") || pattern.contains("\\R") || pattern.contains("[\\s\\S]")
    }

    /// Scans files or blobs `0..<count` on `workers` threads; `body` loads item `i` and calls
    /// the worker's `scan`. Returns every worker's findings and counts, merged.
    func run(count: Int, workers requested: Int, _ body: @escaping (Int, ScanWorker) -> Void) -> (findings: [ScanFinding], statistics: ScanStatistics) {
        let threads = max(1, min(requested, count))
        let pool = (0..<threads).map { _ in ScanWorker(self) }
        if threads == 1 {
            for i in 0..<count { body(i, pool[0]) }
        } else {
            let counter = WorkCounter(count)
            // Each worker is used by one thread; `body` only reads what it captures.
            let shared = Unchecked((pool, body))
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                let worker = shared.value.0[t]
                while let i = counter.next() { shared.value.1(i, worker) }
            }
        }
        var findings: [ScanFinding] = []
        var statistics = ScanStatistics()
        for worker in pool {
            findings += worker.findings
            statistics.add(worker.statistics)
        }
        return (findings, statistics)
    }

    /// Scans one buffer on the calling thread (for tests and one-off checks).
    func scan(_ bytes: [UInt8], path: String, tracked: Bool = false) -> (findings: [ScanFinding], statistics: ScanStatistics) {
        let worker = ScanWorker(self)
        worker.scanBlob(bytes, display: path, tracked: tracked, commit: nil)
        return (worker.findings, worker.statistics)
    }

    // MARK: Matching one buffer

    /// A candidate finding before suppression: `rule` is a rule index, or -1 - literal index.
    struct Match {
        var rule: Int
        var secret: Range<Int>
    }

    /// Every match in `bytes` (rules and vault literals), overlaps resolved, before suppression.
    func matches(in bytes: UnsafeBufferPointer<UInt8>, worker: ScanWorker) -> [Match] {
        var candidates = worker.candidates
        candidates.removeAll(keepingCapacity: true)
        var triggers = worker.triggerHits
        triggers.removeAll(keepingCapacity: true)
        var found: [Match] = []
        let keywordCount = keywordCount
        let triggerBase = triggerBase
        automaton.scan(bytes) { id, end in
            if id < keywordCount {
                for rule in keywordRules[id] { candidates.append(Candidate(rule: rule, at: end - 1)) }
            } else if id >= triggerBase {
                triggers.append(Candidate(rule: Int32(id - triggerBase), at: end))
            } else {
                let literal = id - keywordCount
                let start = end - automaton.lengths[id]
                let full = literals[literal].bytes
                if Self.equal(bytes, at: start, full) {
                    found.append(Match(rule: -1 - literal, secret: start..<(start + full.count)))
                }
            }
        }
        if !candidates.isEmpty {
            candidates.sort { $0.rule != $1.rule ? $0.rule < $1.rule : $0.at < $1.at }
            var i = 0
            while i < candidates.count {
                let rule = Int(candidates[i].rule)
                var window = self.window(bytes, rule: rule, at: candidates[i].at)
                i += 1
                while i < candidates.count, candidates[i].rule == rule, candidates[i].at < window.range.upperBound {
                    let next = self.window(bytes, rule: rule, at: candidates[i].at)
                    if next.range.upperBound > window.range.upperBound {
                        window.range = window.range.lowerBound..<next.range.upperBound
                        window.endsLine = next.endsLine
                    }
                    i += 1
                }
                run(rule, in: bytes, window: window, worker: worker, into: &found)
            }
        }
        for rule in unfiltered {
            run(rule, in: bytes, window: Window(range: 0..<bytes.count, startsLine: true, endsLine: true), worker: worker, into: &found)
        }
        worker.candidates = candidates
        worker.triggerHits = triggers
        return Self.resolveOverlaps(found)
    }

    /// Where rule `rule` runs for a keyword hit ending at `at`: from the start of the hit's line
    /// to its end, or for a rule that spans lines to the end of the line its reach (`multilineSpan`
    /// or the rule's `span`) bytes
    /// on. A very long line (minified code) is cut `lineReach` bytes either side of the hit,
    /// so that many hits on one line cost no more than the line.
    func window(_ bytes: UnsafeBufferPointer<UInt8>, rule: Int, at: Int) -> Window {
        let floor = max(0, at - Self.lineReach)
        var start = min(at, bytes.count)
        while start > floor && bytes[start - 1] != 0x0A { start -= 1 }
        let from = min(bytes.count, at + reach[rule])
        let ceiling = min(bytes.count, from + Self.lineReach)
        let end = Self.lineEnd(UnsafeBufferPointer(rebasing: bytes[..<ceiling]), from: from)
        return Window(
            range: start..<end, startsLine: start == 0 || bytes[start - 1] == 0x0A, endsLine: end == bytes.count || bytes[end] == 0x0A)
    }

    /// How far from a keyword hit a window reaches within one line.
    static let lineReach = 4096

    struct Window {
        var range: Range<Int>
        var startsLine: Bool
        var endsLine: Bool
    }

    /// Runs rule `r` over `window`, keeping matches whose secret passes the rule's entropy and
    /// validation checks and is not inside a Hush sealed token.
    private func run(_ r: Int, in bytes: UnsafeBufferPointer<UInt8>, window: Window, worker: ScanWorker, into found: inout [Match]) {
        let regex = regexes[r]
        let rule = rules[r]
        let subject = UnsafeBufferPointer(rebasing: bytes[window.range])
        var offset = 0
        while offset <= subject.count {
            let match: (whole: Range<Int>, secret: Range<Int>)
            do {
                guard
                    let m = try regex.firstMatch(
                        in: subject, from: offset, notBOL: !window.startsLine, notEOL: !window.endsLine, scratch: worker.scratch)
                else { return }
                match = m
            } catch {
                worker.statistics.regexLimits += 1
                return
            }
            offset = match.whole.isEmpty ? match.whole.upperBound + 1 : match.whole.upperBound
            let secret = (match.secret.lowerBound + window.range.lowerBound)..<(match.secret.upperBound + window.range.lowerBound)
            guard !secret.isEmpty else { continue }
            let text = UnsafeBufferPointer(rebasing: bytes[secret])
            if let minimum = rule.minEntropy, SecretHeuristics.entropy(bytes: text) < minimum { continue }
            let quoted = secret.lowerBound > 0 && [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(bytes[secret.lowerBound - 1])
            if let validate = quoted ? rule.validateQuoted ?? rule.validate : rule.validate, !validate(String(decoding: text, as: UTF8.self)) {
                continue
            }
            if ScanContext.isReference(text) { continue }
            if Self.insideSealedToken(bytes, secret) { continue }
            found.append(Match(rule: r, secret: secret))
        }
    }

    /// Keeps one match per overlapping group: a vault value first, else the rule listed first.
    static func resolveOverlaps(_ matches: [Match]) -> [Match] {
        guard matches.count > 1 else { return matches }
        let sorted = matches.sorted { $0.secret.lowerBound != $1.secret.lowerBound ? $0.secret.lowerBound < $1.secret.lowerBound : $0.rule < $1.rule }
        var kept: [Match] = []
        for match in sorted {
            if let last = kept.last, last.secret.overlaps(match.secret) {
                if match.rule < last.rule { kept[kept.count - 1] = match }
                continue
            }
            kept.append(match)
        }
        return kept
    }

    // MARK: Byte helpers

    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ literal: [UInt8]) -> Bool {
        guard start >= 0, start + literal.count <= bytes.count else { return false }
        return literal.withUnsafeBufferPointer { memcmp(bytes.baseAddress! + start, $0.baseAddress!, literal.count) == 0 }
    }

    /// Offset of the first byte of the line holding `position`.
    static func lineStart(_ bytes: UnsafeBufferPointer<UInt8>, before position: Int) -> Int {
        var i = min(position, bytes.count)
        while i > 0 && bytes[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// Offset of the `\n` ending the line holding `position` (or the end of the buffer).
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
        guard position < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let hit = memchr(base + position, 0x0A, bytes.count - position) else { return bytes.count }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    private static let sealedOpen = Array("ENC[hush:".utf8)
    private static let trailerPrefix = Array("#hush:".utf8)

    /// True when `range` lies inside a sealed token (`ENC[hush:…]`) or on a sealed file's
    /// trailer line (`#hush:…`, recipients, wraps and MAC): never secrets in the clear.
    static func insideSealedToken(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let start = lineStart(bytes, before: range.lowerBound)
        if equal(bytes, at: start, trailerPrefix) { return true }
        let end = lineEnd(bytes, from: range.lowerBound)
        var i = start
        while i + sealedOpen.count <= end {
            if bytes[i] == UInt8(ascii: "E"), equal(bytes, at: i, sealedOpen) {
                var close = i + sealedOpen.count
                while close < end && bytes[close] != UInt8(ascii: "]") { close += 1 }
                if range.lowerBound >= i && range.lowerBound <= close { return true }
                i = close
            }
            i += 1
        }
        return false
    }
}

/// One keyword hit of one rule: the offset of the hit's last byte. (Also a decoding trigger's
/// hit: `rule` is the trigger's index, `at` the offset after its literal.)
struct Candidate {
    var rule: Int32
    var at: Int
}
