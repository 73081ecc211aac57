import Foundation
import HushTestSupport
import Testing

@testable import HushKit

/// The `hush scan` engine with rules of its own (the provider rules have their own suites):
/// the literal prefilter, the PCRE2 wrapper, skips, suppression, redaction, fingerprints,
/// baselines, excludes, structure checks and the output formats.
@Suite struct ScanEngineTests {
    /// A token rule with a prefix no real provider uses, so this file is no finding itself.
    static let token = ScanRule(
        id: "test-token", description: "Test token", keywords: ["tok_"], pattern: #"(?<![A-Za-z0-9])(?<secret>tok_[A-Za-z0-9]{16})(?![A-Za-z0-9])"#)
    /// An assignment rule: its keyword is on the line, not in the secret.
    static let assignment = ScanRule(
        id: "test-assignment", description: "Test assignment", keywords: ["zecret"], pattern: #"zecret\s*=\s*"(?<secret>[^"]{8,})""#,
        minEntropy: 3.0)
    /// A block rule spanning lines.
    static let block = ScanRule(
        id: "test-block", description: "Test block", keywords: ["-----begin test block-----"],
        pattern: #"-----BEGIN TEST BLOCK-----\n(?<secret>[A-Za-z0-9+/=\n]{20,}?)\n-----END TEST BLOCK-----"#)
    static let rules = [token, assignment, block]

    static let secret = "tok_A1b2C3d4E5f6G7h8"

    func scan(_ text: String, rules: [ScanRule] = Self.rules, literals: [VaultLiteral] = [], path: String = "src/app.js", maxSize: Int = 1 << 20) throws
        -> (findings: [ScanFinding], statistics: ScanStatistics)
    {
        try ScanEngine(rules: rules, literals: literals, maxSize: maxSize).scan(Array(text.utf8), path: path)
    }

    // MARK: Prefilter automaton

    @Test func automatonFindsOverlappingLiteralsCaseInsensitively() {
        let automaton = LiteralAutomaton(["he", "she", "his", "hers"].map { Array($0.utf8) })
        let found = automaton.matches(in: Array("uSHErs".utf8)).map { "\($0.id)@\($0.end)" }
        #expect(found == ["1@4", "0@4", "3@6"])  // she and he end at 4, hers at 6
        #expect(automaton.matches(in: Array("xyz".utf8)).isEmpty)
        #expect(automaton.matches(in: []).isEmpty)
    }

    @Test func automatonAgreesWithNaiveSearchOnRandomText() {
        // A new seed each run (more inputs over time), named on failure so the run can be replayed.
        let seed = UInt64.random(in: .min ... .max)
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("abAB_-c".utf8)
        for _ in 0..<50 {
            let patterns = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            }
            let text = (0..<200).map { _ in alphabet.randomElement(using: &generator)! }
            let automaton = LiteralAutomaton(patterns)
            let fold = { (b: UInt8) in LiteralAutomaton.fold(b) }
            var expected: [String] = []
            for end in 1...text.count {
                for (id, pattern) in patterns.enumerated() where pattern.count <= end {
                    if zip(text[(end - pattern.count)..<end], pattern).allSatisfy({ fold($0) == fold($1) }) { expected.append("\(id)@\(end)") }
                }
            }
            let found = automaton.matches(in: text).map { "\($0.id)@\($0.end)" }
            #expect(found.sorted() == expected.sorted(), "seed \(seed), patterns \(patterns.map { String(decoding: $0, as: UTF8.self) })")
        }
    }

    @Test func automatonIgnoresEmptyLiteralsAndMatchesNonASCIIBytes() {
        let automaton = LiteralAutomaton([[], Array("clé".utf8)])
        #expect(automaton.matches(in: Array("une CLé".utf8)).map(\.id) == [1])
        #expect(automaton.matches(in: Array("une CLÉ".utf8)).isEmpty)  // only ASCII letters fold
    }

    // MARK: PCRE2 wrapper

    @Test func invalidPatternsAreTypedErrorsWithTheirOffset() {
        #expect(throws: ScanRegexError.self) { try ScanRegex("tok_(") }
        do {
            _ = try ScanRegex("ab[c")
            Issue.record("no error")
        } catch {
            guard case .syntax(let message, let offset) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(offset == 4 && message.contains("missing terminating ]"), "\(message) at \(offset)")
        }
        #expect(throws: HushError.self) {
            try ScanEngine(rules: [ScanRule(id: "broken", description: "", keywords: ["x"], pattern: "(?<secret>x")])
        }
    }

    @Test func regexMatchesBytesAndReportsTheSecretGroup() throws {
        let regex = try ScanRegex(#"key=(?<secret>[a-z]+)"#)
        #expect(regex.secretGroup == 1 && regex.captureCount == 1)
        // Invalid UTF-8 is matched as bytes, not rejected.
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("key=abc".utf8) + [0xC3]
        let match = try bytes.withUnsafeBufferPointer { try regex.firstMatch(in: $0, from: 0, scratch: RegexScratch(captures: 1)) }
        #expect(match?.whole == 2..<9 && match?.secret == 6..<9)
        #expect(try regex.matches(Array("KEY=abc".utf8)) == false)
        #expect(try ScanRegex("x").secretGroup == nil)
    }

    @Test func backtrackingLimitIsAnErrorNotAHang() throws {
        let regex = try ScanRegex(#"^(a+)+$"#)
        let subject = Array(String(repeating: "a", count: 40).utf8) + [UInt8(ascii: "b")]
        #expect(throws: ScanRegexError.self) {
            try subject.withUnsafeBufferPointer { _ = try regex.firstMatch(in: $0, from: 0, scratch: RegexScratch(captures: 1, matchLimit: 10_000)) }
        }
    }

    // MARK: Stages together

    @Test func findsTokenAssignmentAndBlockWithPositions() throws {
        let text = """
            // héllo
            const a = "\(Self.secret)";
            zecret = "Xq9!vR2#mK7p"
            -----BEGIN TEST BLOCK-----
            QUJDREVGR0hJSktMTU5PUFFSU1RVVldY
            -----END TEST BLOCK-----

            """
        let (findings, statistics) = try scan(text)
        #expect(findings.map(\.rule) == ["test-token", "test-assignment", "test-block"])
        #expect(findings.map(\.line) == [2, 3, 5])
        #expect(findings[0].column == 12 && findings[1].column == 11 && findings[2].column == 1)
        #expect(statistics.files == 1 && statistics.bytes == text.utf8.count)
        // The prefilter is a gate: without the keyword no pattern runs.
        #expect(try scan("zekret = \"Xq9!vR2#mK7p\"\n").findings.isEmpty)
    }

    @Test func columnsCountCodePoints() throws {
        let (findings, _) = try scan("é€😀 \(Self.secret)\n")
        #expect(findings.first?.column == 5)
    }

    @Test func singleLineRulesDoNotCrossLines() throws {
        #expect(try scan("zecret =\n\"Xq9!vR2#mK7p\"\n").findings.isEmpty)
    }

    @Test func longLinesAreWindowedAroundTheirHits() throws {
        let filler = String(repeating: "x ", count: 30_000)
        let (findings, _) = try scan(filler + Self.secret + " " + filler)
        #expect(findings.count == 1 && findings.first?.column == 60_001)
        // A window cut inside a line is not a line start for `^`.
        let anchored = ScanRule(id: "anchored", description: "", keywords: ["tok_"], pattern: #"^tok_[A-Za-z0-9]{16}"#)
        #expect(try scan(filler + Self.secret, rules: [anchored]).findings.isEmpty)
        #expect(try scan(Self.secret + " " + filler, rules: [anchored]).findings.count == 1)
        #expect(try scan("x\n" + Self.secret + " " + filler, rules: [anchored]).findings.count == 1)
    }

    @Test func entropyThresholdAndValidationFilterMatches() throws {
        #expect(try scan("zecret = \"aaaaaaaaaaaa\"\n").findings.isEmpty)
        let picky = ScanRule(id: "picky", description: "", keywords: ["tok_"], pattern: #"tok_[A-Za-z0-9]{16}"#, validate: { !$0.hasSuffix("h8") })
        #expect(try scan(Self.secret, rules: [picky]).findings.isEmpty)
        #expect(try scan("tok_A1b2C3d4E5f6G7h9", rules: [picky]).findings.count == 1)
    }

    @Test func sealedTokensAndTrailerLinesAreNeverFindings() throws {
        let anything = ScanRule(id: "anything", description: "", keywords: ["tok_"], pattern: #"tok_[A-Za-z0-9_]+"#)
        #expect(try scan("KEY=ENC[hush:v1,s,tok_A1b2C3d4E5f6G7h8]\n", rules: [anything]).findings.isEmpty)
        #expect(try scan("#hush:mac tok_A1b2C3d4E5f6G7h8\n", rules: [anything]).findings.isEmpty)
        #expect(try scan("KEY=ENC[hush:v1,s,abc] tok_A1b2C3d4E5f6G7h8\n", rules: [anything]).findings.count == 1)
    }

    @Test func overlappingMatchesKeepTheFirstRuleAndVaultValuesFirst() throws {
        let generic = ScanRule(id: "generic", description: "", keywords: ["tok_"], pattern: #"tok_[A-Za-z0-9]+"#)
        #expect(try scan(Self.secret, rules: [Self.token, generic]).findings.map(\.rule) == ["test-token"])
        #expect(try scan(Self.secret, rules: [generic, Self.token]).findings.map(\.rule) == ["generic"])
        let literal = VaultLiteral(
            environment: "prod", key: "API", form: "plain", bytes: Array(Self.secret.utf8), fingerprintKey: FileKeys.random().fingerprintKey)
        #expect(try scan(Self.secret, literals: [literal]).findings.map(\.rule) == [ScanFinding.vaultValueRule])
    }

    // MARK: Vault values

    @Test func vaultLiteralsMatchExactlyIncludingLongOnes() throws {
        let long = "correct-horse-battery-staple-" + String(repeating: "Zq8", count: 20)
        let literals = VaultValues.forms(long, environment: "production", key: "db.password", fingerprintKey: Self.fingerprintKey)
        #expect(literals.map(\.form) == ["plain", "base64"])  // nothing to percent-encode
        let base64 = String(decoding: literals[1].bytes, as: UTF8.self)
        let text = "a = '\(long)'\nb: \(base64)==\nc = '\(long.uppercased())'\nd = '\(long.dropLast())'\n"
        let (findings, _) = try scan(text, rules: [], literals: literals)
        #expect(findings.map(\.line) == [1, 2])
        #expect(findings.map(\.form) == ["plain", "base64"])
        #expect(findings.allSatisfy { $0.environment == "production" && $0.key == "db.password" && $0.redacted == "…" })
        #expect(!ScanReport.jsonLines(findings).contains("Zq8"))
        // The fingerprint is keyed by the environment's data key: not SHA-256 of the value, so
        // a committed baseline cannot confirm a guess; another key gives another fingerprint.
        #expect(findings[0].fingerprint != ScanFinding.fingerprint(rule: ScanFinding.vaultValueRule, secret: Array(long.utf8)))
        let rekeyed = VaultValues.forms(long, environment: "production", key: "db.password", fingerprintKey: FileKeys.random().fingerprintKey)
        #expect(try scan(text, rules: [], literals: rekeyed).findings[0].fingerprint != findings[0].fingerprint)
    }

    static let fingerprintKey = FileKeys.random().fingerprintKey

    @Test func vaultValueForms() {
        #expect(VaultValues.forms("short", environment: "e", key: "k", fingerprintKey: Self.fingerprintKey).isEmpty)
        let forms = VaultValues.forms("p@ss w0rd/+", environment: "e", key: "k", fingerprintKey: Self.fingerprintKey)
        #expect(forms.map { String(decoding: $0.bytes, as: UTF8.self) } == ["p@ss w0rd/+", "cEBzcyB3MHJkLys", "p%40ss%20w0rd%2F%2B"])
    }

    // MARK: Skips

    @Test func binaryAndLargeFilesAreSkippedAndCounted() throws {
        var binary = Array("\(Self.secret)\n".utf8)
        binary.insert(0, at: 3)
        let engine = try ScanEngine(rules: Self.rules, maxSize: 64)
        let skippedBinary = engine.scan(binary, path: "a.bin")
        #expect(skippedBinary.findings.isEmpty && skippedBinary.statistics.skippedBinary == 1 && skippedBinary.statistics.files == 0)
        // A NUL after the first 8 KiB does not make a file binary.
        let late = Array(String(repeating: "x", count: 9000).utf8) + [0] + Array(" \(Self.secret)".utf8)
        #expect(try ScanEngine(rules: Self.rules).scan(late, path: "a.txt").findings.count == 1)
        let large = Array((String(repeating: " ", count: 60) + Self.secret).utf8)
        let skippedLarge = engine.scan(large, path: "big.txt")
        #expect(skippedLarge.findings.isEmpty && skippedLarge.statistics.skippedLarge == 1)
    }

    @Test func filesAreReadFromDiskAndLargeOnesAreNotRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hush-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("small.js").path
        let big = folder.appendingPathComponent("big.js").path
        try "x = '\(Self.secret)'\n".write(toFile: small, atomically: true, encoding: .utf8)
        try (String(repeating: "/", count: 300_000) + "\n" + Self.secret).write(toFile: big, atomically: true, encoding: .utf8)
        let engine = try ScanEngine(rules: Self.rules, maxSize: 200_000)
        let items = [small, big, folder.appendingPathComponent("missing").path, folder.path]
        let (findings, statistics) = engine.run(count: items.count, workers: 2) { i, worker in
            worker.scanFile(items[i], display: "f\(i)", tracked: true)
        }
        #expect(findings.map(\.path) == ["f0"])
        #expect(statistics.files == 1 && statistics.skippedLarge == 1 && statistics.skippedUnreadable == 2)
    }

    // MARK: Suppression

    @Test func inlineMarkersSuppress() throws {
        let cases: [(String, Bool)] = [
            ("a = '\(Self.secret)'  // hush:allow", true),
            ("a = '\(Self.secret)'  # gitleaks:allow", true),
            ("a = '\(Self.secret)'  # pragma: allowlist secret", true),
            ("// hush:allow-next-line\na = '\(Self.secret)'", true),
            ("# pragma: allowlist nextline secret\na = '\(Self.secret)'", true),
            ("a = '\(Self.secret)'  // hush:allow-next-line", false),
            ("// hush:allow-next-line\n\na = '\(Self.secret)'", false),
            ("a = '\(Self.secret)'\n// hush:allow", false),
            ("a = '\(Self.secret)'  // hush:allowed", true),
        ]
        for (text, suppressed) in cases {
            let (findings, statistics) = try scan(text)
            #expect(findings.isEmpty == suppressed, "\(text)")
            #expect(statistics.suppressedInline == (suppressed ? 1 : 0), "\(text)")
        }
    }

    // MARK: Redaction and fingerprints

    @Test func redactionShowsAtMostFourCharactersAndAThird() {
        #expect(ScanFinding.redact(Array(Self.secret.utf8)) == "tok_…")
        #expect(ScanFinding.redact(Array("abcdefgh".utf8)) == "ab…")
        #expect(ScanFinding.redact(Array("ab".utf8)) == "…")
        #expect(ScanFinding.redact(Array("ééééééééééé".utf8)) == "ééé…")
    }

    @Test func fingerprintIsSHA256OfRuleNULSecretAndNeverTheSecret() throws {
        let expected = "0ddb660ccf09e57b05c82547e672f345ec23964ba039f8c0f04511650460846f"
        #expect(ScanFinding.fingerprint(rule: "test-token", secret: Array(Self.secret.utf8)) == expected)
        #expect(ScanFinding.fingerprint(rule: "other", secret: Array(Self.secret.utf8)) != expected)
        let (findings, _) = try scan("a = '\(Self.secret)'\n\n\nb = '\(Self.secret)'")
        #expect(findings.count == 2 && findings[0].fingerprint == expected && findings[1].fingerprint == expected)
        for format in ScanFormat.allCases {
            #expect(!ScanReport.render(findings, format: format, rules: Self.rules).contains(Self.secret), "\(format)")
        }
    }

    // MARK: Baseline

    @Test func baselineRoundTripsAndRejectsMalformedFiles() throws {
        let (findings, _) = try scan("a = '\(Self.secret)'\nzecret = \"Xq9!vR2#mK7p\"\n")
        let text = ScanBaseline.render(findings + findings)
        #expect(!text.contains(Self.secret) && !text.contains("Xq9!"))
        let baseline = try ScanBaseline.parse(Array(text.utf8), file: "b.json")
        #expect(baseline.fingerprints == Set(findings.map(\.fingerprint)) && baseline.fingerprints.count == 2)
        // Foundation reads it as JSON too.
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
        for bad in ["", "{", "[]", "{\"findings\": [{}]}", "{\"findings\": []} x", "{\"a\":\"\\q\"}"] {
            #expect(throws: HushError.self, "\(bad)") { try ScanBaseline.parse(Array(bad.utf8), file: "b.json") }
        }
        let escaped = try ScanBaseline.parse(Array(#"{"findings":[{"fingerprint":"\u0061\ud83d\ude00"}],"x":[1,-2.5e3,true,null]}"#.utf8), file: "b")
        #expect(escaped.fingerprints == ["a😀"])
    }

    // MARK: Excludes and configuration

    @Test func globsMatchLikeGitignore() {
        let cases: [(String, String, Bool)] = [
            ("*.min.js", "web/app.min.js", true),
            ("*.min.js", "web/app.js", false),
            ("vendor/", "vendor/lib/a.c", true),
            ("vendor/", "vendor", false),
            ("vendor", "src/vendor/a.c", true),
            ("/vendor", "src/vendor/a.c", false),
            ("docs/*.md", "docs/a.md", true),
            ("docs/*.md", "docs/x/a.md", false),
            ("docs/**/*.md", "docs/x/y/a.md", true),
            ("docs/**/*.md", "docs/a.md", true),
            ("**/fixtures", "a/b/fixtures/x.json", true),
            ("test?.txt", "test1.txt", true),
            ("test[0-9].txt", "testa.txt", false),
            ("test[!0-9].txt", "testa.txt", true),
        ]
        for (glob, path, expected) in cases {
            #expect(PathGlob(glob).matches(path) == expected, "\(glob) vs \(path)")
        }
    }

    @Test func configurationReadsScanExcludes() throws {
        let config = try ScanConfig.parse(Array("other: 1\nscan:\n  exclude:\n    - vendor/\n    - \"*.min.js\"\n".utf8), file: ".hush.yaml")
        #expect(config.excludes.map(\.text) == ["vendor/", "*.min.js"])
        #expect(config.excludes("vendor/a.js") && config.excludes("a.min.js") && !config.excludes("a.js"))
        #expect(try ScanConfig.parse(Array("other: 1\n".utf8), file: ".hush.yaml").excludes.isEmpty)
        #expect(throws: HushError.self) { try ScanConfig.parse(Array("scan:\n  exclude: [a]\n  exlude: [b]\n".utf8), file: ".hush.yaml") }
        #expect(throws: HushError.self) { try ScanConfig.parse(Array("scan: [a]\n".utf8), file: ".hush.yaml") }
    }

    // MARK: Structure

    @Test func structureChecksFlagPlaintextWhereSealedFilesBelong() throws {
        let sealed = try GitFixtures.seal("KEY=value\n")
        let engine = try ScanEngine(rules: [])
        func rules(_ path: String, _ bytes: [UInt8], tracked: Bool = true) -> [String] {
            let worker = ScanWorker(engine)
            worker.scanBlob(bytes, display: path, tracked: tracked, commit: nil)
            return worker.findings.map(\.rule)
        }
        #expect(rules(".secrets/production.env", sealed).isEmpty)
        #expect(rules(".secrets/production.env", Array("KEY=value\n".utf8)) == [ScanFinding.unsealedSecretsRule])
        #expect(rules("app/.secrets/notes.txt", Array("hello\n".utf8)) == [ScanFinding.unsealedSecretsRule])
        #expect(rules(".secrets/sub/x.env", sealed) == [ScanFinding.unsealedSecretsRule])
        #expect(rules(".secrets/.gitignore", Array("*\n".utf8)).isEmpty)
        #expect(rules(".env", Array("A=1\n".utf8)) == [ScanFinding.plaintextDotenvRule])
        #expect(rules("web/.env.production", Array("A=1\n".utf8)) == [ScanFinding.plaintextDotenvRule])
        #expect(rules(".env", Array("A=1\n".utf8), tracked: false).isEmpty)
        #expect(rules(".env.example", Array("A=1\n".utf8)).isEmpty)
        #expect(rules(".env", sealed).isEmpty)
        #expect(rules("certs/client.p12", [0, 1, 2]) == ["pkcs12-file"])
    }

    // MARK: Output formats

    func sample() throws -> [ScanFinding] {
        var findings = try scan("const a = \"\(Self.secret)\";\n", path: "src/my app.js").findings
        findings.append(
            contentsOf: try scan("k: \(Self.secret)\n", path: "config/b.yaml").findings.map {
                var f = $0; f.commit = "0123456789abcdef"; return f
            })
        return findings
    }

    @Test func textFormat() throws {
        let text = ScanReport.text(try sample())
        #expect(
            text
                == "src/my app.js:1:12  test-token  tok_…  (Test token)  [high]\nconfig/b.yaml:1:4  test-token  tok_…  (Test token)  [high]  commit 0123456789ab\n"
        )
    }

    @Test func jsonLinesFormat() throws {
        let lines = ScanReport.jsonLines(try sample()).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["file"] as? String == "src/my app.js" && first["line"] as? Int == 1 && first["column"] as? Int == 12)
        #expect(first["rule"] as? String == "test-token" && first["redacted"] as? String == "tok_…" && (first["fingerprint"] as? String)?.count == 64)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["commit"] as? String == "0123456789abcdef")
    }

    @Test func sarifHasTheFieldsCodeScanningRequires() throws {
        let findings = try sample()
        let text = ScanReport.sarif(findings, rules: Self.rules)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        #expect((root["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "hush")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["test-token"])
        #expect((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String == "Test token")
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 2)
        for (result, finding) in zip(results, findings) {
            #expect(result["ruleId"] as? String == finding.rule && result["ruleIndex"] as? Int == 0)
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String
            #expect(uri == finding.path.replacingOccurrences(of: " ", with: "%20"))
            let region = try #require(location["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == finding.line && region["startColumn"] as? Int == finding.column)
            #expect((result["partialFingerprints"] as? [String: String])?.values.first == finding.fingerprint)
        }
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(ScanReport.sarif([], rules: Self.rules).utf8)) as? [String: Any])
        #expect(((empty["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.isEmpty == true)
    }
}
