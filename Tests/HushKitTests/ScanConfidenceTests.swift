import Foundation
import Testing

@testable import HushKit

/// Confidence on findings (from the rule, lowered by context), references, grouping of one
/// secret's places, and how the output formats carry them.
@Suite struct ScanConfidenceTests {
    static let token = ScanEngineTests.token
    static let medium = ScanRule(
        id: "test-medium", description: "Test medium", keywords: ["mtok_"], pattern: #"(?<secret>mtok_[A-Za-z0-9]{16})"#, confidence: .medium)
    static let low = ScanRule(
        id: "test-low", description: "Test low", keywords: ["ltok_"], pattern: #"(?<secret>ltok_[A-Za-z0-9]{16})"#, confidence: .low)
    /// Captures whatever follows `setting=`, references included.
    static let anything = ScanRule(id: "test-anything", description: "Test anything", keywords: ["setting="], pattern: #"setting=(?<secret>\S{6,})"#)
    static let rules = [token, medium, low, anything]

    func scan(_ text: String, path: String) throws -> [ScanFinding] {
        try ScanEngine(rules: Self.rules).scan(Array(text.utf8), path: path).findings
    }

    // MARK: Confidence and context

    @Test func findingsCarryTheirRulesConfidence() throws {
        let text = "a tok_A1b2C3d4E5f6G7h8\nb mtok_A1b2C3d4E5f6G7h8\nc ltok_A1b2C3d4E5f6G7h8\n"
        #expect(try scan(text, path: "src/a.js").map(\.confidence) == [.high, .medium, .low])
        #expect(ScanConfidence.low < .medium && ScanConfidence.medium < .high)
        #expect([ScanConfidence.high, .medium, .low].map(\.sarifLevel) == ["error", "warning", "note"])
    }

    @Test func aSecretInsideAURLInDocumentationIsLoweredOneLevel() throws {
        // Built from parts, so that this file holds no assignment of a token-like value.
        let (a, b) = ("tok_" + "A1b2C3d4E5f6G7h8", "tok_" + "B1b2C3d4E5f6G7h8")
        let text = """
            See https://example.com/docs?token=\(a) and [x](https://h.example/?k=m\(a)).
            Raw: \(b), `https://example.com/?t=l\(a)`

            """
        for path in ["docs/guide.md", "README.rst", "manual.adoc", "notes.MARKDOWN"] {
            let found = try scan(text, path: path)
            #expect(found.map(\.rule) == ["test-token", "test-medium", "test-token"], "\(path): \(found.map(\.rule))")
            #expect(found.map(\.confidence) == [.medium, .low, .high], "\(path)")
        }
        // A percent-encoded URL in documentation: its decoded secret is lowered too.
        let encoded = "Open https%3A%2F%2Fh.example%2F%3Fk%3D\(a)%26x%3D1 to see.\n"
        #expect(try scan(encoded, path: "docs/a.md").map(\.confidence) == [.medium])
        #expect(try scan(encoded, path: "src/a.js").map(\.confidence) == [.high])
        // Not documentation: the URL does not matter.
        #expect(try scan(text, path: "src/app.js").map(\.confidence) == [.high, .medium, .high, .low])
    }

    @Test func referencesAreNotFindings() throws {
        for reference in ["${DB_PASSWORD}", "$DB_PASSWORD", "{{.Values.token}}", "%API_KEY%", "$(cat_key)", "#{secret_value}", "<%=ENV['X']%>"] {
            #expect(try scan("setting=\(reference)\n", path: "a.sh").isEmpty, "\(reference)")
        }
        #expect(try scan("setting=hunter2secret\n", path: "a.sh").map(\.rule) == ["test-anything"])
        #expect(try scan("setting=$5ecretValue\n", path: "a.sh").count == 1)  // a sigil then a digit: a value
    }

    @Test func theDefaultMinimumIsMediumForStagedAndLowOtherwise() {
        #expect(ScanOptions.defaultConfidence(for: .staged) == .medium)
        #expect(ScanOptions.defaultConfidence(for: .workingTree) == .low)
        #expect(ScanOptions.defaultConfidence(for: .history(since: nil)) == .low)
        #expect(ScanOptions.defaultConfidence(for: .paths(["."])) == .low)
    }

    // MARK: Grouping

    func finding(_ path: String, line: Int = 1, fingerprint: String = "f1", commit: String? = nil, confidence: ScanConfidence = .high) -> ScanFinding {
        ScanFinding(
            rule: "test-token", message: "Test token", path: path, line: line, column: 1, redacted: "tok_…", fingerprint: fingerprint, commit: commit,
            confidence: confidence)
    }

    @Test func oneFindingPerSecretAtItsFirstPlace() {
        let grouped = ScanGrouping.group([
            finding("b.js", confidence: .medium), finding("a.js", line: 9, confidence: .low), finding("c.js", fingerprint: "f2"), finding("a.js", line: 3),
        ])
        #expect(grouped.map(\.path) == ["a.js", "c.js"])
        #expect(grouped[0].line == 3 && grouped[0].count == 3 && grouped[1].count == 1)
        #expect(grouped[0].places.map { "\($0.path):\($0.line)" } == ["a.js:9", "b.js:1"])
        #expect(grouped[0].confidence == .high)
        let each = grouped[0].atEachPlace
        #expect(each.map { "\($0.path):\($0.line)" } == ["a.js:3", "a.js:9", "b.js:1"] && each.allSatisfy { $0.places.isEmpty })
    }

    @Test func inHistoryTheFirstPlaceIsTheOldestCommit() {
        let order = ["c1": 0, "c2": 5, "c3": 9]
        let grouped = ScanGrouping.group(
            [finding("z.js", commit: "c3"), finding("a.js", commit: "c2"), finding("m.js", commit: "c1", confidence: .low)], commitOrder: order)
        #expect(grouped.count == 1 && grouped[0].path == "m.js" && grouped[0].commit == "c1")
        #expect(grouped[0].places.map(\.commit) == ["c2", "c3"] && grouped[0].confidence == .high)
    }

    // MARK: Output

    @Test func outputFormatsCarryConfidenceCountAndPlaces() throws {
        var grouped = ScanGrouping.group([finding("a.js", commit: "0123456789abcdef"), finding("b.js", line: 2, commit: "fedcba9876543210")])
        grouped[0].decoded = "base64"
        let text = ScanReport.text(grouped)
        #expect(text == "a.js:1:1  test-token  tok_…  (Test token)  [high]  commit 0123456789ab  +1 more place\n", "\(text)")
        #expect(ScanReport.text(grouped, allPlaces: true).hasSuffix("\n  also b.js:2:1  commit fedcba987654\n"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(ScanReport.jsonLines(grouped, allPlaces: true).utf8)) as? [String: Any])
        #expect(json["confidence"] as? String == "high" && json["count"] as? Int == 2 && json["decoded"] as? String == "base64")
        let places = try #require(json["places"] as? [[String: Any]])
        #expect(places.count == 1 && places[0]["file"] as? String == "b.js" && places[0]["commit"] as? String == "fedcba9876543210")
        let brief = try #require(try JSONSerialization.jsonObject(with: Data(ScanReport.jsonLines(grouped).utf8)) as? [String: Any])
        #expect(brief["places"] == nil && brief["count"] as? Int == 2)

        grouped.append(finding("c.js", fingerprint: "f3", confidence: .low))
        let sarif = ScanReport.sarif(grouped, rules: Self.rules, allPlaces: true)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "note"])
        #expect(results.map { ($0["partialFingerprints"] as? [String: String])?["hushSecret/v1"] } == ["f1", "f3"])
        let related = try #require(results[0]["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1 && results[1]["relatedLocations"] == nil)
        #expect(((results[0]["message"] as? [String: Any])?["text"] as? String)?.contains("found in 2 places") == true)
        let rule = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect((rule[0]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    }
}
