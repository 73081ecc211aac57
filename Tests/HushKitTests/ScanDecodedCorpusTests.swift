import Foundation
import Testing

@testable import HushKit

/// Recall of the engine's decoding on the labeled samples of Fixtures/scan-corpus/decoded
/// (written by tools/gen_decoded.py; every value is fake): secrets inside base64 and
/// percent-encoded text. Unlike `ScanCorpusTests` this runs the real engine (decoding is the
/// engine's, not a rule's), and it checks that decoding adds no finding on the negatives.
@Suite struct ScanDecodedCorpusTests {
    struct Manifest: Decodable {
        struct Positive: Decodable {
            let file: String
            let line: Int
            let rule: String
            let family: String
            let decoded: String
        }
        let positives: [Positive]
        /// Encoded look-alikes: no finding at all.
        let negatives: [String]
    }

    static func manifest() throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: ScanCorpusTests.root.appendingPathComponent("decoded.json")))
    }

    static let engine = Result { try ScanEngine(rules: ScanRules.all) }

    static func scan(_ file: String) throws -> [ScanFinding] {
        let bytes = try Array(Data(contentsOf: ScanCorpusTests.root.appendingPathComponent(file)))
        return try engine.get().scan(bytes, path: file).findings
    }

    @Test func everyDecodedSampleIsFoundWithHowItWasEncoded() throws {
        let manifest = try Self.manifest()
        #expect(manifest.positives.count >= 30)
        var missed: [String] = []
        for (file, labels) in Dictionary(grouping: manifest.positives, by: \.file) {
            let findings = try Self.scan(file)
            for label in labels {
                let hit = findings.contains { f in
                    f.line == label.line && f.decoded == label.decoded
                        && (f.rule == label.rule || ScanRules.family(of: f.rule) == label.family)
                }
                if !hit { missed.append("\(file):\(label.line) \(label.rule) (\(label.decoded))") }
            }
            // Nothing but the labeled samples: one finding per labeled line.
            #expect(findings.count == labels.count, "\(file): \(findings.map { "\($0.line) \($0.rule)" })")
        }
        print("scan corpus: decoded recall \(manifest.positives.count - missed.count)/\(manifest.positives.count)")
        #expect(missed.isEmpty, "missed \(missed)")
    }

    @Test func decodingAddsNoFindingOnTheNegatives() throws {
        let manifest = try ScanCorpusTests.load()
        for negative in manifest.negatives {
            let decoded = try Self.scan(negative.file).filter { $0.decoded != nil }
            #expect(decoded.isEmpty, "\(negative.file): \(decoded.map { "\($0.line) \($0.rule) \($0.decoded ?? "")" })")
        }
    }

    @Test func encodedLookAlikesDecodeToNothingThatFires() throws {
        let files = try Self.manifest().negatives
        #expect(files.count >= 2)
        var segments = 0
        for file in files {
            let bytes = try Array(Data(contentsOf: ScanCorpusTests.root.appendingPathComponent(file)))
            let (findings, statistics) = try Self.engine.get().scan(bytes, path: file)
            #expect(findings.isEmpty, "\(file): \(findings.map { "\($0.line) \($0.rule) \($0.decoded ?? "")" })")
            segments += statistics.decodedSegments
        }
        #expect(segments >= 5, "the look-alikes are decoded, not skipped: \(segments)")
    }
}
