import Foundation
import Testing

@testable import HushKit

/// Recall and false-positive rate of `ScanRules.all` on the labeled corpus in
/// Fixtures/scan-corpus (written by its tools/generate.py; every value there is fake).
///
/// - Recall: a labeled positive counts as found when a rule of its id or of its family fires
///   on its line. Targets: 0.95 on provider credentials (every family but `generic`).
/// - False-positive rate: the share of negative snippets (a line, or a blank-line-separated
///   block, as the manifest says per file) with any finding. Target: at most 0.03.
@Suite struct ScanCorpusTests {
    struct Manifest: Decodable {
        struct Positive: Decodable {
            let file: String
            let line: Int
            let rule: String
            let family: String
        }
        struct Negative: Decodable {
            let file: String
            let unit: String
        }
        let positives: [Positive]
        let negatives: [Negative]
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/scan-corpus")

    static func load() throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: root.appendingPathComponent("corpus.json")))
    }

    static func text(_ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    }

    @Test func recallOnPositives() throws {
        let manifest = try Self.load()
        #expect(manifest.positives.count >= 300)
        var found: [String: (hit: Int, total: Int)] = [:]
        var missed: [String] = []
        for (file, labels) in Dictionary(grouping: manifest.positives, by: \.file) {
            let text = try Self.text(file)
            let findings =
                RuleMatcher.findings(in: text) + ConfigFileDetectors.lines(path: file, text: text).map { .init(rule: $0.rule, line: $0.line, secret: "") }
            for label in labels {
                let hit = findings.contains { f in
                    f.line == label.line && (f.rule == label.rule || ScanRules.family(of: f.rule) == label.family)
                }
                found[label.family, default: (0, 0)].total += 1
                if hit { found[label.family, default: (0, 0)].hit += 1 } else { missed.append("\(file):\(label.line) \(label.rule)") }
            }
        }
        let provider = found.filter { $0.key != "generic" }.values.reduce((0, 0)) { ($0.0 + $1.hit, $0.1 + $1.total) }
        let generic = found["generic"] ?? (0, 0)
        let providerRecall = Double(provider.0) / Double(max(provider.1, 1))
        let genericRecall = Double(generic.hit) / Double(max(generic.total, 1))
        print(
            "scan corpus: provider recall \(fmt(providerRecall)) (\(provider.0)/\(provider.1)), generic recall \(fmt(genericRecall)) (\(generic.hit)/\(generic.total))"
        )
        for (family, counts) in found.sorted(by: { $0.key < $1.key }) {
            print("  \(family): \(counts.hit)/\(counts.total)")
        }
        for m in missed.sorted() { print("  missed \(m)") }
        #expect(providerRecall >= 0.95, "provider recall \(providerRecall)")
        #expect(genericRecall >= 0.90, "generic recall \(genericRecall)")
    }

    @Test func falsePositiveRateOnNegatives() throws {
        let manifest = try Self.load()
        var snippets = 0
        var flagged: [String] = []
        for negative in manifest.negatives {
            let text = try Self.text(negative.file)
            let findings = RuleMatcher.findings(in: text)
            for range in Self.units(of: text, by: negative.unit) {
                snippets += 1
                let inside = findings.filter { range.contains($0.line) }
                if !inside.isEmpty {
                    flagged.append("\(negative.file):\(range.lowerBound) \(inside.map { "\($0.rule)[\($0.secret.prefix(12))]" })")
                }
            }
        }
        let rate = Double(flagged.count) / Double(max(snippets, 1))
        print("scan corpus: false-positive rate \(fmt(rate)) (\(flagged.count)/\(snippets) negative snippets)")
        for f in flagged { print("  flagged \(f)") }
        #expect(snippets >= 300)
        #expect(rate <= 0.03, "false-positive rate \(rate)")
    }

    /// The 1-based line ranges of a negatives file's snippets: each non-empty line, or each
    /// block of non-empty lines.
    static func units(of text: String, by unit: String) -> [ClosedRange<Int>] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [ClosedRange<Int>] = []
        var blockStart: Int?
        for (i, line) in lines.enumerated() {
            let n = i + 1
            let empty = line.trimmingCharacters(in: .whitespaces).isEmpty
            if unit == "lines" {
                if !empty { result.append(n...n) }
            } else if empty {
                if let s = blockStart { result.append(s...(n - 1)) }
                blockStart = nil
            } else if blockStart == nil {
                blockStart = n
            }
        }
        if let s = blockStart { result.append(s...lines.count) }
        return result
    }
}

private func fmt(_ x: Double) -> String {
    String(format: "%.3f", x)
}
