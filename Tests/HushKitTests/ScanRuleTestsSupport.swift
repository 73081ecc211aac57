import Foundation
import HushTestSupport
import Testing

@testable import HushKit

/// Runs `ScanRules` the way the engine does, with Foundation's `NSRegularExpression` (ICU) in
/// place of PCRE2: the rules keep to the syntax both engines read alike (see `ScanRules`).
///
/// Keyword gating as in the engine: a match counts only when its text, or the line it starts
/// on, contains one of the rule's keywords (case-insensitively). Then the secret (the `secret`
/// group, else the whole match) must pass `minEntropy` and `validate`.
enum RuleMatcher {
    struct Match: Sendable {
        let rule: String
        /// 1-based line where the secret starts (as the engine reports it).
        let line: Int
        let secret: String
    }

    /// Every rule's compiled pattern, by id; a pattern ICU rejects is reported by a test.
    static let compiled: [String: Result<NSRegularExpression, Error>] = {
        var map: [String: Result<NSRegularExpression, Error>] = [:]
        for rule in ScanRules.all {
            map[rule.id] = Result { try NSRegularExpression(pattern: rule.pattern) }
        }
        return map
    }()

    static let rulesByID: [String: ScanRule] = Dictionary(uniqueKeysWithValues: ScanRules.all.map { ($0.id, $0) })

    /// The matches of `rule` in `text`, after keyword gating, `minEntropy` and `validate`.
    static func matches(_ rule: ScanRule, in text: String) -> [Match] {
        let lowerText = text.lowercased()
        guard rule.keywords.contains(where: { lowerText.contains($0) }) else { return [] }
        guard case .success(let regex) = compiled[rule.id] else { return [] }
        let ns = text as NSString
        var result: [Match] = []
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let matched = ns.substring(with: m.range).lowercased()
            let lineRange = ns.lineRange(for: NSRange(location: m.range.location, length: 0))
            let line = ns.substring(with: lineRange).lowercased()
            guard rule.keywords.contains(where: { matched.contains($0) || line.contains($0) }) else { continue }
            let secretRange = m.range(withName: "secret")
            let secret = secretRange.location == NSNotFound ? ns.substring(with: m.range) : ns.substring(with: secretRange)
            if let minimum = rule.minEntropy, SecretHeuristics.entropy(secret) < minimum { continue }
            // As the engine: a quoted secret gets `validateQuoted` when the rule has one. A
            // `dotenvOnly` rule is matched as if the text were a dotenv file.
            let quoted =
                secretRange.location != NSNotFound && secretRange.location > 0
                && ["\"", "'", "`"].contains(ns.substring(with: NSRange(location: secretRange.location - 1, length: 1)))
            if let validate = quoted ? rule.validateQuoted ?? rule.validate : rule.validate, !validate(secret) { continue }
            // The engine reports the line where the secret starts.
            let at = secretRange.location == NSNotFound ? m.range.location : secretRange.location
            let lineNumber = ns.substring(to: at).reduce(into: 1) { n, c in if c == "\n" { n += 1 } }
            result.append(Match(rule: rule.id, line: lineNumber, secret: secret))
        }
        return result
    }

    /// The matches of every rule in `text`.
    static func findings(in text: String, rules: [ScanRule] = ScanRules.all) -> [Match] {
        rules.flatMap { matches($0, in: text) }
    }
}

/// One rule's unit samples: each `hits` sample must produce a finding of the rule (whose
/// secret, when `secrets` names it, is exactly that), each `misses` sample none.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let id: String
    let hits: [String]
    let misses: [String]

    init(_ id: String, hits: [String], misses: [String]) {
        self.id = id
        self.hits = hits
        self.misses = misses
    }

    var testDescription: String { id }
}

/// Deterministic fake credentials for the unit samples: random strings from a fixed generator
/// seeded by the call site, so samples are the same on every run and never real.
enum Fake {
    static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let lower = "abcdefghijklmnopqrstuvwxyz"
    static let digits = "0123456789"
    static let alnum = upper + lower + digits
    static let hex = "0123456789abcdef"
    static let upperHex = "0123456789ABCDEF"
    static let base64 = alnum + "+/"
    static let base64url = alnum + "-_"
    static let base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    static let upperAlnum = upper + digits
    static let lowerAlnum = lower + digits

    /// `count` characters of `alphabet`, seeded by the call site (and `salt`).
    static func s(_ alphabet: String, _ count: Int, salt: UInt64 = 0, line: UInt = #line, column: UInt = #column) -> String {
        var generator = SeededGenerator(
            seed: UInt64(line) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(column) &* 0xBF58_476D_1CE4_E5B9 &+ salt &* 0x94D0_49BB_1331_11EB)
        return generator.string(alphabet, count)
    }

    static func uuid(line: UInt = #line, column: UInt = #column) -> String {
        let h = s(hex, 32, line: line, column: column)
        let c = Array(h)
        return [c[0..<8], c[8..<12], c[12..<16], c[16..<20], c[20..<32]].map { String($0) }.joined(separator: "-")
    }

    /// A GitHub-format token (`prefix` + 30 random base62 + CRC-32 in 6 base62) with a valid checksum.
    static func checksummed(_ prefix: String, line: UInt = #line, column: UInt = #column) -> String {
        let random = s(alnum, 30, line: line, column: column)
        return prefix + random + SecretHeuristics.base62(SecretHeuristics.crc32(Array(random.utf8)), width: 6)
    }

    /// A JWT with a real JSON header and payload and a random signature.
    static func jwt(line: UInt = #line, column: UInt = #column) -> String {
        func b64url(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        let header = b64url(#"{"alg":"HS256","typ":"JWT"}"#)
        let payload = b64url(#"{"sub":"\#(s(digits, 8, line: line, column: column))","iat":1718000000,"role":"service"}"#)
        return header + "." + payload + "." + s(base64url, 43, line: line, column: column)
    }
}

/// The unit samples of every family, gathered from the ScanRuleTests* files.
enum RuleCases {
    typealias F = Fake

    static let all: [RuleCase] =
        cloud + codeHosts + payments + messaging + ai + registries + devops + saas + privateKeys
        + databases + web + generic + context + assignments + configFiles
}
