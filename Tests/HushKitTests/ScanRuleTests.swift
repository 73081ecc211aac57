import Foundation
import Testing

@testable import HushKit

/// The rule set's own invariants, and every rule against its true samples and look-alikes
/// (the samples are in the ScanRuleTests* files, one per family).
@Suite struct ScanRuleTests {
    @Test func everyPatternCompilesInICU() {
        for rule in ScanRules.all {
            if case .failure(let error) = RuleMatcher.compiled[rule.id] {
                Issue.record("\(rule.id): \(error)")
            }
        }
    }

    @Test func idsAreUniqueAndKebabCase() {
        var seen = Set<String>()
        for rule in ScanRules.all {
            #expect(seen.insert(rule.id).inserted, "duplicate id \(rule.id)")
            let kebab = rule.id.range(of: #"^[a-z0-9]+(?:-[a-z0-9]+)*$"#, options: .regularExpression) != nil
            #expect(kebab, "id is not kebab-case: \(rule.id)")
            #expect(!rule.description.isEmpty, "\(rule.id) has no description")
        }
        #expect(ScanRules.all.count >= 150)
    }

    @Test func keywordsArePresentAndLowerCase() {
        for rule in ScanRules.all {
            #expect(!rule.keywords.isEmpty, "\(rule.id) has no keyword")
            for keyword in rule.keywords {
                #expect(!keyword.isEmpty && keyword == keyword.lowercased(), "\(rule.id): keyword \(keyword) is not lower-case")
            }
        }
    }

    /// The syntax both engines read alike: nothing PCRE2-only or ICU-only in any pattern.
    @Test func patternsKeepToTheSharedSubset() {
        let forbidden = [#"\K"#, "(?|", "(?R", "(?P<", #"\h"#, #"\Q"#, "[[:", #"\d"#, #"\w"#, "(?J", "(?x", "(?s"]
        for rule in ScanRules.all {
            for token in forbidden {
                #expect(!rule.pattern.contains(token), "\(rule.id) uses \(token)")
            }
        }
    }

    @Test func everyRuleHasUnitSamples() {
        let covered = Set(RuleCases.all.map(\.id))
        for rule in ScanRules.all {
            #expect(covered.contains(rule.id), "\(rule.id) has no unit samples")
        }
        for c in RuleCases.all {
            #expect(RuleMatcher.rulesByID[c.id] != nil, "samples for unknown rule \(c.id)")
            #expect(!c.hits.isEmpty && !c.misses.isEmpty, "\(c.id) needs a true sample and a look-alike")
        }
    }

    @Test func everyTrueSampleContainsAKeyword() throws {
        for c in RuleCases.all {
            let rule = try #require(RuleMatcher.rulesByID[c.id])
            for sample in c.hits {
                let lower = sample.lowercased()
                #expect(rule.keywords.contains { lower.contains($0) }, "\(c.id): no keyword in \(sample)")
            }
        }
    }

    @Test(arguments: RuleCases.all)
    func rule(_ c: RuleCase) throws {
        let rule = try #require(RuleMatcher.rulesByID[c.id])
        for sample in c.hits {
            #expect(!RuleMatcher.matches(rule, in: sample).isEmpty, "\(c.id) missed: \(sample)")
        }
        for sample in c.misses {
            let found = RuleMatcher.matches(rule, in: sample)
            #expect(found.isEmpty, "\(c.id) fired on a look-alike: \(sample) -> \(found.map(\.secret))")
        }
    }

    @Test func familiesPartitionTheRules() {
        #expect(ScanRules.families.reduce(0) { $0 + $1.rules.count } == ScanRules.all.count)
        for rule in ScanRules.all {
            #expect(ScanRules.family(of: rule.id) != nil)
        }
        #expect(ScanRules.family(of: "github-classic-token") == "code-hosts")
        #expect(ScanRules.family(of: "no-such-rule") == nil)
    }

    @Test func pkcs12FilesMatchByName() {
        #expect(ScanFileNameRules.matches(path: "certs/client.p12") == "pkcs12-file")
        #expect(ScanFileNameRules.matches(path: "deploy/Signing.PFX") == "pkcs12-file")
        #expect(ScanFileNameRules.matches(path: "README.p12.md") == nil)
        #expect(ScanFileNameRules.matches(path: "certs/server.pem") == nil)
        #expect(ScanFileNameRules.descriptions["pkcs12-file"] != nil)
    }

    /// With HUSH_RULES_DUMP=FILE, writes every pattern with its unit samples as JSON, for
    /// checking the same patterns against PCRE2 outside the test target (the engine's regex).
    @Test func dumpForPCRE2() throws {
        guard let path = ProcessInfo.processInfo.environment["HUSH_RULES_DUMP"] else { return }
        let cases = Dictionary(grouping: RuleCases.all, by: \.id)
        /// The raw secrets ICU finds (no keyword gating, no validate), to compare with PCRE2's.
        func raw(_ rule: ScanRule, _ text: String) -> [String] {
            guard case .success(let regex) = RuleMatcher.compiled[rule.id] else { return [] }
            let ns = text as NSString
            return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
                let r = m.range(withName: "secret")
                return ns.substring(with: r.location == NSNotFound ? m.range : r)
            }
        }
        let rows: [[String: Any]] = ScanRules.all.map { rule in
            let hits = cases[rule.id]?.flatMap(\.hits) ?? []
            let misses = cases[rule.id]?.flatMap(\.misses) ?? []
            return [
                "id": rule.id, "pattern": rule.pattern, "hits": hits, "misses": misses, "description": rule.description,
                "family": ScanRules.family(of: rule.id) ?? "", "keywords": rule.keywords,
                "icu_hits": hits.map { raw(rule, $0) }, "icu_misses": misses.map { raw(rule, $0) },
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    }
}
