import Foundation
import HushTestSupport
import Testing

@testable import HushKit

/// The engine's decoding of base64 and percent-encoded segments (`ScanDecoding`), and the
/// `jwt` rule's header check, with the real rules.
@Suite struct ScanDecodingTests {
    static let engine = Result { try ScanEngine(rules: ScanRules.all) }

    func scan(_ text: String, path: String = "deploy/secret.yaml", decodes: Bool = true) throws -> (findings: [ScanFinding], statistics: ScanStatistics) {
        let engine = decodes ? try Self.engine.get() : try ScanEngine(rules: ScanRules.all, decodes: false)
        return engine.scan(Array(text.utf8), path: path)
    }

    static func base64(_ text: String, urlSafe: Bool = false) -> String {
        var out = Data(text.utf8).base64EncodedString()
        if urlSafe {
            out = out.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return out
    }

    static func base64url(_ text: String) -> String { base64(text, urlSafe: true) }

    static let alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    /// A fake AWS access key id (base32 alphabet), from the test's seeded generator (values are
    /// made at run time, so that no secret-looking literal sits here, and the same on every run).
    static func awsKey(using generator: inout SeededGenerator) -> String {
        "AKIA" + generator.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    }

    /// A JWT with `header` and `payload` and a random signature.
    static func jwt(
        using generator: inout SeededGenerator, header: String = #"{"alg":"HS256","typ":"JWT"}"#,
        payload: String = #"{"sub":"4815162342","iat":1717000000}"#
    ) -> String {
        base64url(header) + "." + base64url(payload) + "." + generator.string(alphanumeric + "-_", 43)
    }

    // MARK: Triggers

    @Test func everyTriggerOccursInTheBase64OfItsPlaintextAtItsPhase() {
        for text in ScanDecoding.plaintexts {
            for offset in text.utf8.count < 4 ? 0..<1 : 0..<3 {
                let prefix = String(repeating: "x", count: offset)
                for alphabet in [ScanDecoding.standard, ScanDecoding.urlSafe] {
                    let encoded = ScanDecoding.encode(Array((prefix + text + "tail").utf8), alphabet: alphabet).map(LiteralAutomaton.fold)
                    let found = ScanDecoding.triggers.contains { literal, trigger in
                        trigger.kind == .base64 && encoded.count >= trigger.phase + literal.count
                            && Array(encoded[trigger.phase..<(trigger.phase + literal.count)]) == literal
                    }
                    #expect(found, "\(text) at offset \(offset)")
                }
            }
        }
        #expect(ScanDecoding.triggers.allSatisfy { $0.literal.count >= 3 })
    }

    // MARK: Base64

    @Test func kubernetesSecretValuesAreDecodedAndReportedAtTheEncodedSegment() throws {
        var random = SeededGenerator(seed: 1)
        let key = Self.awsKey(using: &random)
        let token = Self.jwt(using: &random)
        let text = "kind: Secret\ndata:\n  id: \(Self.base64(key))\n  session: \(Self.base64(token))\n"
        let (findings, statistics) = try scan(text)
        #expect(findings.map(\.rule) == ["aws-access-key-id", "jwt"], "\(findings)")
        #expect(findings.map(\.line) == [3, 4] && findings.map(\.column) == [7, 12])
        #expect(findings.allSatisfy { $0.decoded == "base64" && $0.message.hasSuffix(" (base64-decoded)") && $0.confidence == .high })
        // The fingerprint is the decoded secret's: the same as the token in the clear.
        let plain = try scan("t: \(token)\n").findings
        #expect(plain.first?.fingerprint == findings.last?.fingerprint)
        #expect(statistics.decodedSegments == 2)
        #expect(try scan(text, decodes: false).findings.isEmpty)
    }

    @Test func urlSafeBase64WithoutPaddingAndAGluedPrefixAreDecoded() throws {
        var random = SeededGenerator(seed: 2)
        let key = Self.awsKey(using: &random)
        for prefix in ["", "x", "xy", "xyz"] {
            let findings = try scan("value=\(prefix)\(Self.base64url("aws_access_key_id = " + key + "\n"))\n").findings
            #expect(findings.map(\.rule) == ["aws-access-key-id"], "prefix \(prefix): \(findings)")
        }
    }

    @Test func wrappedBase64IsFollowedAcrossItsLines() throws {
        var random = SeededGenerator(seed: 3)
        let env = "# deploy\nAWS_ACCESS_KEY_ID=\(Self.awsKey(using: &random))\nSESSION=\(Self.jwt(using: &random))\nLOG_LEVEL=info\n"
        let encoded = Data(env.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        let block = encoded.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        #expect(block.split(separator: "\n").count >= 3)
        let text = "kind: Secret\ndata:\n  deploy.env: |\n\(block)\n  other: eA==\n"
        let findings = try scan(text).findings
        #expect(findings.map(\.rule).sorted() == ["aws-access-key-id", "jwt"], "\(findings)")
        #expect(findings.allSatisfy { $0.line == 4 && $0.column == 5 && $0.decoded == "base64" })
        // A line of hex above the block has another width: not part of it.
        let hex = "    " + String(repeating: "0123456789abcdef", count: 4)
        let below = try scan("kind: Secret\ndata:\n  deploy.env: |\n\(hex)\n\(block)\n").findings
        #expect(below.map(\.rule).sorted() == ["aws-access-key-id", "jwt"] && below.allSatisfy { $0.line == 5 }, "\(below)")
    }

    @Test func aJWTWithAnyHeaderIsFoundWhenItStartsTheEncodedValue() throws {
        var random = SeededGenerator(seed: 4)
        let token = Self.jwt(using: &random, header: #"{"cty":"JWT","alg":"ES256"}"#)
        let findings = try scan("session: \(Self.base64(token))\n").findings
        #expect(findings.map(\.rule) == ["jwt"] && findings.first?.decoded == "base64", "\(findings)")
        let twice = try scan("session: \(Self.base64(Self.base64(token)))\n").findings
        #expect(twice.map(\.decoded) == ["base64+base64"], "\(twice)")
    }

    @Test func encodedTwiceIsDecodedTwiceAndNotThreeTimes() throws {
        var random = SeededGenerator(seed: 5)
        let token = Self.jwt(using: &random)
        let twice = try scan("t: \(Self.base64(Self.base64(token)))\n").findings
        #expect(twice.map(\.rule) == ["jwt"] && twice.first?.decoded == "base64+base64", "\(twice)")
        #expect(try scan("t: \(Self.base64(Self.base64(Self.base64(token))))\n").findings.isEmpty)
    }

    @Test func binaryDataShortRunsAndSealedTokensAreNotDecoded() throws {
        var random = SeededGenerator(seed: 6)
        // Random bytes whose base64 carries a trigger (the base64 of "AKIA" at offset 0).
        var bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes.replaceSubrange(90..<94, with: Array("AKIA".utf8))
        let binary = try scan("icon: \(Data(bytes).base64EncodedString())\n")
        #expect(binary.findings.isEmpty && binary.statistics.decodedSegments == 0)
        // Under the 20-character minimum: "AKIA" + 8 characters encodes to 16.
        #expect(try scan("x: \(Self.base64("AKIAABCDEFGH"))\n").statistics.decodedSegments == 0)
        let sealed = try scan("k: ENC[hush:v1,s,\(Self.base64url(Self.awsKey(using: &random) + "0123456789"))]\n")
        #expect(sealed.findings.isEmpty && sealed.statistics.decodedSegments == 0)
    }

    @Test func decodingIsBoundedPerFile() throws {
        var random = SeededGenerator(seed: 7)
        let line = "v: " + Self.base64("password = \"" + random.string(Self.alphanumeric, 30) + "\"\n" + String(repeating: "filler text ", count: 600)) + "\n"
        let (_, statistics) = try scan(String(repeating: line, count: 60))
        #expect(statistics.decodedSegments > 0)
        #expect(statistics.decodedBytes <= ScanDecoding.maximumPerFile + 8 * 1024, "\(statistics.decodedBytes)")
    }

    @Test func inlineMarkersOnTheEncodedLineSuppressDecodedFindings() throws {
        var random = SeededGenerator(seed: 8)
        let text = "id: \(Self.base64(Self.awsKey(using: &random)))  # hush:allow\n"
        let (findings, statistics) = try scan(text)
        #expect(findings.isEmpty && statistics.suppressedInline == 1)
    }

    // MARK: Percent-encoding

    @Test func percentEncodedConnectionURLsAreDecoded() throws {
        var random = SeededGenerator(seed: 9)
        let password = random.string(Self.alphanumeric, 18)
        let url = "postgres%3A%2F%2Fapp%3A\(password)%40db.internal%3A5432%2Fapp"
        let findings = try scan("next=https%3A%2F%2Fexample.com&db=\(url)\n", path: "config.txt").findings
        #expect(findings.map(\.rule) == ["postgres-connection-url"] && findings.first?.decoded == "url", "\(findings)")
        #expect(findings.first?.column == 1)
        // printf-style text with % escapes decodes to nothing that fires.
        #expect(try scan("printf(\"%3d items at %2f%% of %20s total\", n, share, label)\n", path: "main.c").findings.isEmpty)
    }

    // MARK: JWT

    @Test func jwtNeedsAHeaderObjectWithAnAlgorithm() throws {
        var random = SeededGenerator(seed: 10)
        #expect(JSONWebToken.isCredential(Self.jwt(using: &random)))
        #expect(JSONWebToken.algorithm(Self.base64url(#"{"typ":"JWT","alg":"RS256"}"#)) == "RS256")
        // No alg, alg none, alg not a string, a header that is not JSON, a payload that is not.
        #expect(!JSONWebToken.isCredential(Self.jwt(using: &random, header: #"{"typ":"JWT"}"#)))
        #expect(!JSONWebToken.isCredential(Self.jwt(using: &random, header: #"{"alg":"none","typ":"JWT"}"#)))
        #expect(!JSONWebToken.isCredential(Self.jwt(using: &random, header: #"{"alg":256}"#)))
        #expect(!JSONWebToken.isCredential(Self.jwt(using: &random, header: #"{"alg":"HS256""#)))
        #expect(!JSONWebToken.isCredential(Self.jwt(using: &random, payload: #"{"sub": oops}"#)))
        // A look-alike: eyJ segments of random base64url.
        let lookalike =
            "eyJ" + random.string(Self.alphanumeric, 30) + ".eyJ" + random.string(Self.alphanumeric, 40) + "." + random.string(Self.alphanumeric, 43)
        #expect(try scan("t = \"\(lookalike)\"\n", path: "a.js").findings.isEmpty)
        #expect(try scan("t = \"\(Self.jwt(using: &random))\"\n", path: "a.js").findings.map(\.rule) == ["jwt"])
    }
}
