import Foundation
import HushTestSupport
import Testing

/// `hush scan` end to end on what issue 14 added to the engine: each distinct secret once
/// (history and tree, with --all-places), confidence and --min-confidence, decoded secrets, and
/// SARIF fingerprints and levels.
@Suite struct ScanGroupingCLITests {
    let scan = ScanCLITests()

    func commit(_ box: Sandbox, _ message: String) throws -> String {
        #expect(try box.shell("git add -A && git commit -qm '\(message)'").status == 0)
        return try scan.git(box, "rev-parse HEAD")
    }

    // MARK: History and tree without repetition

    @Test func historyReportsEachSecretOnceAtTheCommitThatIntroducedIt() throws {
        var random = SeededGenerator(seed: 1)
        let box = try scan.repository()
        let token = ScanCLITests.githubToken(using: &random)
        try box.write("app/settings.py", "GITHUB = '\(token)'\n")
        let first = try commit(box, "add settings")
        // Every later version of the file is a new blob that still holds the token.
        var later: [String] = []
        for n in 1...3 {
            try box.write("app/settings.py", "GITHUB = '\(token)'\nDEBUG = \(n)\n")
            later.append(try commit(box, "tweak \(n)"))
        }
        try box.write("app/copy.py", "# copied\nT = '\(token)'\n")
        later.append(try commit(box, "copy"))

        let json = try scan.findings(box.hush(["scan", "--history", "--format", "json"]))
        #expect(json.count == 1, "\(json)")
        #expect(json.first?["commit"] as? String == first && json.first?["file"] as? String == "app/settings.py")
        #expect(json.first?["count"] as? Int == 5 && json.first?["places"] == nil)

        let all = try scan.findings(box.hush(["scan", "--history", "--format", "json", "--all-places"]))
        let places = try #require(all.first?["places"] as? [[String: Any]])
        #expect(places.compactMap { $0["commit"] as? String } == later, "\(places)")
        #expect(places.last?["file"] as? String == "app/copy.py" && places.last?["line"] as? Int == 2)

        let text = try box.hush(["scan", "--history"])
        #expect(text.status == 1)
        #expect(text.stdout.split(separator: "\n").count == 1 && text.stdout.contains("commit \(first.prefix(12))  +4 more places"), "\(text.stdout)")
        #expect(text.stderr.contains("; 1 finding in 5 places\n"), "\(text.stderr)")
        let listed = try box.hush(["scan", "--history", "--all-places"]).stdout.split(separator: "\n")
        #expect(listed.count == 5 && listed[1].hasPrefix("  also app/settings.py:1:11  commit \(later[0].prefix(12))"), "\(listed)")
    }

    @Test func theTreeGroupsOneSecretInManyFilesAndSARIFCarriesTheGroup() throws {
        var random = SeededGenerator(seed: 2)
        let box = try scan.repository()
        let token = ScanCLITests.githubToken(using: &random)
        for name in ["a.js", "b.js", "c/d.js"] { try box.write(name, "const t = \"\(token)\";\n") }
        try box.write("e.js", "const u = \"\(ScanCLITests.githubToken(using: &random))\";\n")
        let json = try scan.findings(box.hush(["scan", "--format", "json"]))
        #expect(json.map { $0["file"] as? String } == ["a.js", "e.js"] && json.map { $0["count"] as? Int } == [3, 1])

        for flags in [[], ["--all-places"]] {
            let sarif = try box.hush(["scan", "--format", "sarif"] + flags)
            let root = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
            let results = try #require((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            #expect(results.count == 2)
            #expect(results.map { ($0["partialFingerprints"] as? [String: String])?["hushSecret/v1"] } == json.map { $0["fingerprint"] as? String })
            #expect(results.allSatisfy { $0["level"] as? String == "error" })
            let related = (results[0]["relatedLocations"] as? [[String: Any]])?.count
            #expect(related == (flags.isEmpty ? nil : 2))
        }
        // A baseline still takes the secret out everywhere.
        #expect(try box.hush(["scan", "--write-baseline", "base.json"]).status == 0)
        #expect(try box.hush(["scan", "--baseline", "base.json", "--exclude", "base.json"]).status == 0)
    }

    @Test func thePreCommitHookNamesEveryPlace() throws {
        var random = SeededGenerator(seed: 3)
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.shell("git add -A && git commit -qm init").status == 0)
        #expect(try box.hush(["hooks", "install"]).status == 0)
        let token = ScanCLITests.githubToken(using: &random)
        try box.write("a.js", "const t = \"\(token)\";\n")
        try box.write("b/c.js", "// again\nconst t = \"\(token)\";\n")
        let refused = try box.shell("git add -A && git commit -qm leak")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("a.js:1:12  github-classic-token  ghp_…"), "\(refused.stderr)")
        #expect(refused.stderr.contains("b/c.js:2:12  github-classic-token  ghp_…"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("more place"))
    }

    // MARK: Confidence

    @Test func aTokenInADocumentationURLIsMediumAndMinConfidenceFiltersIt() throws {
        var random = SeededGenerator(seed: 4)
        let box = try scan.repository()
        try box.write("docs/api.md", "Call https://api.example.com/v1?access_token=\(ScanCLITests.githubToken(using: &random)) to list.\n")
        let json = try scan.findings(box.hush(["scan", "--format", "json"]))
        #expect(json.count == 1 && json[0]["confidence"] as? String == "medium", "\(json)")
        let text = try box.hush(["scan"])
        #expect(text.stdout.contains("(GitHub personal access token (classic))  [medium]"), "\(text.stdout)")
        let high = try box.hush(["scan", "--min-confidence", "high"])
        #expect(high.status == 0 && high.stdout.isEmpty && high.stderr.contains("; 1 below --min-confidence; 0 findings"), "\(high.stderr)")
        let sarif = try box.hush(["scan", "--format", "sarif"]).stdout
        #expect(sarif.contains("\"level\":\"warning\""))
        // The hook's default (medium) still reports it.
        #expect(try box.shell("git add -A").status == 0)
        #expect(try box.hush(["scan", "--staged"]).status == 1)
        #expect(try box.hush(["scan", "--staged", "--min-confidence", "high"]).status == 0)
        expectFailure(try box.hush(["scan", "--min-confidence", "certain"]), status: 64, mentions: "min-confidence")
    }

    // MARK: Decoding

    /// A JWT with a JSON header and payload and a random signature, made at run time from the
    /// test's seeded generator.
    static func jwt(using generator: inout SeededGenerator) -> String {
        func url(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        return url(#"{"alg":"RS256","typ":"JWT"}"#) + "." + url(#"{"sub":"ci","iat":1717000000}"#) + "."
            + generator.string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 43)
    }

    @Test func aJWTInABase64SecretIsFoundInHistoryOnceWithItsCommit() throws {
        var random = SeededGenerator(seed: 5)
        let box = try scan.repository()
        let token = Self.jwt(using: &random)
        try box.write("k8s/secret.yaml", "kind: Secret\ndata:\n  session: \(Data(token.utf8).base64EncodedString())\n")
        let introduced = try commit(box, "add secret")
        try box.write("k8s/secret.yaml", "kind: Secret\ndata:\n  session: \(Data(token.utf8).base64EncodedString())\n  mode: Zm9v\n")
        _ = try commit(box, "touch secret")
        try box.write("app/client.js", "const jwt = \"\(token)\";\n")
        _ = try commit(box, "inline")
        #expect(try box.shell("git rm -rq k8s app && git commit -qm gone").status == 0)
        #expect(try box.hush(["scan"]).status == 0)
        let json = try scan.findings(box.hush(["scan", "--history", "--format", "json", "--all-places"]))
        #expect(json.count == 1, "\(json)")
        #expect(json.first?["rule"] as? String == "jwt" && json.first?["decoded"] as? String == "base64")
        #expect(json.first?["commit"] as? String == introduced && json.first?["count"] as? Int == 3)
        let places = json.first?["places"] as? [[String: Any]] ?? []
        #expect(places.map { $0["decoded"] as? String } == ["base64", nil] && places.last?["file"] as? String == "app/client.js")
        // A look-alike whose header is not JSON is no finding, decoded or not.
        let fake = "eyJ" + String(token.dropFirst(3).prefix(20)).lowercased() + "." + token.split(separator: ".")[1] + "." + token.split(separator: ".")[2]
        try box.write("fake.txt", "t = \(fake)\nu: \(Data(fake.utf8).base64EncodedString())\n")
        #expect(try box.hush(["scan", "fake.txt"]).status == 0)
    }

    @Test func aKeyInAKubernetesSecretIsFoundDecoded() throws {
        var random = SeededGenerator(seed: 6)
        let box = try scan.repository()
        let token = ScanCLITests.githubToken(using: &random)
        let encoded = Data(token.utf8).base64EncodedString()
        try box.write("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\ndata:\n  deploy: \(encoded)\n")
        let result = try box.hush(["scan", "--format", "json"])
        #expect(result.status == 1)
        let json = try scan.findings(result)
        #expect(json.count == 1 && json[0]["rule"] as? String == "github-classic-token" && json[0]["decoded"] as? String == "base64")
        #expect(json[0]["line"] as? Int == 4 && json[0]["column"] as? Int == 11)
        #expect(!result.stdout.contains(token) && !result.stdout.contains(encoded) && !result.stderr.contains(token))
        let text = try box.hush(["scan"])
        #expect(text.stdout.contains("(GitHub personal access token (classic) (base64-decoded))  [high]"), "\(text.stdout)")
        #expect(text.stderr.contains("decoded 1 segment"), "\(text.stderr)")
        #expect(try box.hush(["scan", "--no-decode"]).status == 0)
    }
}
