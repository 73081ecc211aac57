import Foundation
import HushTestSupport
import Testing

/// `hush scan` end to end in temporary git repositories: each mode, vault values, structure
/// checks, suppression, baselines, configuration excludes, output formats and exit statuses.
@Suite struct ScanCLITests {
    /// A GitHub classic token (`ghp_` + 30 random base62 + their CRC-32 in 6 base62 characters),
    /// made at run time so that no secret-looking literal sits in this file, from the test's
    /// seeded generator so that every run checks the same tokens.
    static func githubToken(using generator: inout SeededGenerator) -> String {
        let base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        let alphabet = Array(base62)
        let random = generator.string(base62, 30)
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in random.utf8 {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        var digits: [Character] = []
        repeat {
            digits.append(alphabet[Int(crc % 62)])
            crc /= 62
        } while crc > 0
        while digits.count < 6 { digits.append("0") }
        return "ghp_" + random + String(digits.reversed())
    }

    /// A repository with one commit of an ordinary file.
    func repository() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("README.md", "# demo\n")
        #expect(try box.shell("git add -A && git commit -qm init").status == 0)
        return box
    }

    func git(_ box: Sandbox, _ command: String) throws -> String {
        let result = try box.shell("git " + command)
        #expect(result.status == 0, "git \(command): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The JSON-lines findings of a run.
    func findings(_ outcome: Outcome) throws -> [[String: Any]] {
        try outcome.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    // MARK: Modes

    @Test func stagedJudgesWhatIsStagedNotTheWorkTree() throws {
        var random = SeededGenerator(seed: 1)
        let box = try repository()
        let token = Self.githubToken(using: &random)
        // Staged content has the secret, the work tree does not.
        try box.write("conf.js", "const token = \"\(token)\";\n")
        #expect(try box.shell("git add conf.js").status == 0)
        try box.write("conf.js", "const token = process.env.TOKEN;\n")
        let staged = try box.hush(["scan", "--staged", "--format", "json"])
        #expect(staged.status == 1, "\(staged.stderr)")
        let found = try findings(staged)
        #expect(found.map { $0["file"] as? String } == ["conf.js"] && found.first?["rule"] as? String == "github-classic-token")
        #expect(found.first?["line"] as? Int == 1 && found.first?["column"] as? Int == 16)
        #expect(try box.hush(["scan"]).status == 0)
        // And the other way round.
        #expect(try box.shell("git add conf.js").status == 0)
        try box.write("conf.js", "const token = \"\(token)\";\n")
        #expect(try box.hush(["scan", "--staged"]).status == 0)
        let tree = try box.hush(["scan"])
        #expect(tree.status == 1 && tree.stdout.contains("conf.js:1:16  github-classic-token  ghp_…"), "\(tree.stdout)")
        #expect(!tree.stdout.contains(token) && !tree.stderr.contains(token))
    }

    @Test func stagedChecksOnlyTheStagedChanges() throws {
        var random = SeededGenerator(seed: 2)
        let box = try repository()
        // A secret already committed is --history's business; the commit at hand is clean.
        try box.write("old.js", "t = '\(Self.githubToken(using: &random))'\n")
        #expect(try box.shell("git add -A && git commit -qm old").status == 0)
        try box.write("new.js", "let x = 1\n")
        #expect(try box.shell("git add new.js").status == 0)
        let result = try box.hush(["scan", "--staged"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("hush scan: 1 files"), "\(result.stderr)")
    }

    @Test func historyFindsADeletedSecretWithTheCommitThatIntroducedIt() throws {
        var random = SeededGenerator(seed: 3)
        let box = try repository()
        try box.write("deploy/settings.py", "GITHUB = '\(Self.githubToken(using: &random))'\n")
        #expect(try box.shell("git add -A && git commit -qm 'add settings'").status == 0)
        let introduced = try git(box, "rev-parse HEAD")
        try box.write("deploy/other.py", "x = 1\n")
        #expect(try box.shell("git add -A && git commit -qm 'more' && git rm -q deploy/settings.py && git commit -qm 'remove settings'").status == 0)
        #expect(try box.hush(["scan"]).status == 0)
        let history = try box.hush(["scan", "--history", "--format", "json"])
        #expect(history.status == 1, "\(history.stderr)")
        let found = try findings(history)
        #expect(found.count == 1)
        #expect(found.first?["file"] as? String == "deploy/settings.py" && found.first?["commit"] as? String == introduced)
        #expect(try box.hush(["scan", "--history", "--since", introduced]).status == 0)
        #expect(try box.hush(["scan", "--history", "--since", introduced + "~1"]).status == 1)
        // The same blob in a later commit under another name is still one finding.
        #expect(try box.shell("git show \(introduced):deploy/settings.py > copy.py && git add copy.py && git commit -qm copy").status == 0)
        #expect(try findings(box.hush(["scan", "--history", "--format", "json"])).count == 1)
    }

    @Test func pathsNeedNoGit() throws {
        var random = SeededGenerator(seed: 4)
        let box = try Sandbox()
        let folder = box.root.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub/.git"), withIntermediateDirectories: true)
        try "t = '\(Self.githubToken(using: &random))'\n".write(to: folder.appendingPathComponent("sub/a.py"), atomically: true, encoding: .utf8)
        try "t = '\(Self.githubToken(using: &random))'\n".write(to: folder.appendingPathComponent("sub/.git/config"), atomically: true, encoding: .utf8)
        let result = try box.hush(["scan", "plain"], in: box.root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map { $0.split(separator: ":").first.map(String.init) } == ["plain/sub/a.py"])
        #expect(try box.hush(["scan", "plain/sub/a.py", "--format", "json"], in: box.root).status == 1)
    }

    // MARK: Vault values and structure

    @Test func vaultValuesAreFoundInEveryForm() throws {
        let box = try Sandbox()
        try box.initialise()
        let value = "p@ss w0rd/Zq8mN3vR7"
        #expect(try box.hush(["set", "production", "DB_PASSWORD"], stdin: value).status == 0)
        let base64 = Data(value.utf8).base64EncodedString()
        try box.write("app/config.py", "password = '\(value)'\n")
        try box.write("k8s/secret.yaml", "data:\n  password: \(base64)\n")
        try box.write("app/url.txt", "postgres://app:p%40ss%20w0rd%2FZq8mN3vR7@db/app\n")
        #expect(try box.shell("git add -A").status == 0)
        let result = try box.hush(["scan", "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let found = try findings(result)
        #expect(found.map { $0["file"] as? String } == ["app/config.py", "app/url.txt", "k8s/secret.yaml"])
        #expect(found.map { $0["form"] as? String } == ["plain", "url", "base64"])
        #expect(
            found.allSatisfy {
                $0["rule"] as? String == "hush-vault-value" && $0["environment"] as? String == "production" && $0["key"] as? String == "DB_PASSWORD"
            })
        #expect(!result.stdout.contains("Zq8m") && !result.stderr.contains("Zq8m"))
        #expect(result.stderr.contains("vault values from 1 of 1 environments"), "\(result.stderr)")
        let text = try box.hush(["scan"])
        #expect(text.stdout.contains("app/config.py:1:13  hush-vault-value  …  (the value of DB_PASSWORD in environment production)"), "\(text.stdout)")
        // Without a key the values stay unknown, and that is no error (the provider rules may
        // still recognise the password in the URL or the assignment).
        let keyless = try box.hush(["scan", "--format", "json"], env: ["XDG_CONFIG_HOME": box.root.appendingPathComponent("empty").path])
        #expect(keyless.stderr.contains("vault values from 0 of 1 environments"), "\(keyless.stderr)")
        #expect(try findings(keyless).allSatisfy { $0["rule"] as? String != "hush-vault-value" })
        #expect(try findings(box.hush(["scan", "--no-vault", "--format", "json"])).allSatisfy { $0["rule"] as? String != "hush-vault-value" })
    }

    @Test func plaintextWhereSealedFilesBelongIsAFinding() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "production", "API"], stdin: "value-1").status == 0)
        try box.write(".secrets/staging.env", "API=plain\n")
        try box.write(".env", "DEBUG=1\n")
        try box.write(".env.example", "API=\n")
        try box.write("web/.env.local", "API=x\n")
        #expect(try box.shell("git add .secrets .env .env.example").status == 0)
        let result = try box.hush(["scan", "--format", "json"])
        #expect(result.status == 1)
        let found = try findings(result).map { "\($0["file"] as? String ?? ""):\($0["rule"] as? String ?? "")" }
        // web/.env.local is untracked: a local file, not a commit.
        #expect(found == [".env:hush-plaintext-dotenv", ".secrets/staging.env:hush-unsealed-secrets-file"], "\(found)")
    }

    // MARK: Suppression, baseline, configuration

    @Test func inlineMarkersAndConfigurationExcludes() throws {
        var random = SeededGenerator(seed: 5)
        let box = try repository()
        try box.write("a.js", "t = '\(Self.githubToken(using: &random))' // hush:allow\n// gitleaks:allow\n")
        try box.write("b.py", "# hush:allow-next-line\nt = '\(Self.githubToken(using: &random))'\n")
        try box.write("vendor/lib/c.js", "t = '\(Self.githubToken(using: &random))'\n")
        try box.write("d.min.js", "t = '\(Self.githubToken(using: &random))'\n")
        let before = try box.hush(["scan"])
        #expect(before.status == 1 && before.stdout.split(separator: "\n").count == 2, "\(before.stdout)")
        #expect(before.stderr.contains("suppressed 2 inline"), "\(before.stderr)")
        try box.write(".hush.yaml", "scan:\n  exclude:\n    - vendor/\n")
        let configured = try box.hush(["scan", "--exclude", "*.min.js"])
        #expect(configured.status == 0, "\(configured.stdout)")
        #expect(configured.stderr.contains("2 excluded"), "\(configured.stderr)")
        try box.write(".hush.yaml", "scan:\n  exclued: [vendor/]\n")
        expectFailure(try box.hush(["scan"]), status: 2, mentions: "unknown setting `scan.exclued`")
    }

    @Test func baselineLeavesOutKnownFindingsEvenWhenLinesMove() throws {
        var random = SeededGenerator(seed: 6)
        let box = try repository()
        let old = Self.githubToken(using: &random)
        try box.write("a.js", "t = '\(old)'\n")
        let written = try box.hush(["scan", "--write-baseline", ".hush-baseline.json"])
        #expect(written.status == 0 && written.stderr.contains("wrote 1 finding(s)"), "\(written.stderr)")
        let baseline = try box.read(".hush-baseline.json")
        #expect(baseline.contains("\"rule\": \"github-classic-token\"") && !baseline.contains(old))
        try box.write("a.js", "// moved\n\n\nt = '\(old)'\n")
        let known = try box.hush(["scan", "--baseline", ".hush-baseline.json"])
        #expect(known.status == 0 && known.stderr.contains("1 by baseline"), "\(known.stderr)")
        try box.write("b.js", "u = '\(Self.githubToken(using: &random))'\n")
        let fresh = try box.hush(["scan", "--baseline", ".hush-baseline.json"])
        #expect(fresh.status == 1 && fresh.stdout.hasPrefix("b.js:1:") && fresh.stdout.split(separator: "\n").count == 1, "\(fresh.stdout)")
        // The configuration can name the baseline, so the pre-commit hook uses it too.
        try box.write(".hush.yaml", "scan:\n  baseline: .hush-baseline.json\n")
        #expect(try box.hush(["scan", "--format", "json"]).stdout.split(separator: "\n").count == 1)
        try box.write("bad.json", "{\"findings\": [")
        expectFailure(try box.hush(["scan", "--baseline", "bad.json"]), status: 2, mentions: "bad.json: not valid JSON")
    }

    // MARK: Output and exit status

    @Test func outputFormats() throws {
        var random = SeededGenerator(seed: 7)
        let box = try repository()
        try box.write("src/my app.js", "// é\nconst t = \"\(Self.githubToken(using: &random))\";\n")
        let text = try box.hush(["scan"])
        #expect(text.status == 1)
        #expect(text.stdout == "src/my app.js:2:12  github-classic-token  ghp_…  (GitHub personal access token (classic))  [high]\n", "\(text.stdout)")
        #expect(text.stderr.hasPrefix("hush scan: 2 files, "), "\(text.stderr)")
        #expect(text.stderr.contains("; 1 finding\nhush: error: 1 secret(s) found\n"), "\(text.stderr)")

        let json = try findings(box.hush(["scan", "--format", "json"]))
        #expect(json.count == 1 && json[0]["line"] as? Int == 2 && json[0]["redacted"] as? String == "ghp_…")
        #expect((json[0]["fingerprint"] as? String)?.count == 64)

        let sarif = try box.hush(["scan", "--format", "sarif", "--quiet"])
        #expect(sarif.status == 1 && !sarif.stderr.contains("hush scan:"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0" && root["$schema"] is String)
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "hush" && (driver["rules"] as? [[String: Any]])?.first?["id"] as? String == "github-classic-token")
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "github-classic-token")
        #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "src/my%20app.js")
        let region = location["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 2 && region?["startColumn"] as? Int == 12)
        #expect((result["partialFingerprints"] as? [String: String])?.values.first == json[0]["fingerprint"] as? String)
    }

    @Test func exitStatuses() throws {
        var random = SeededGenerator(seed: 8)
        let box = try repository()
        let clean = try box.hush(["scan"])
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.contains("; 0 findings"), "\(clean.stderr)")
        #expect(try box.hush(["scan", "--format", "sarif"]).status == 0)
        try box.write("a.js", "t = '\(Self.githubToken(using: &random))'\n")
        #expect(try box.hush(["scan"]).status == 1)
        expectFailure(try box.hush(["scan", "--history", "--since", "no-such-ref"]), status: 2, mentions: "no-such-ref")
        expectFailure(try box.hush(["scan", "missing.txt"]), status: 2, mentions: "missing.txt")
        let outside = box.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        expectFailure(try box.hush(["scan", "--staged"], in: outside), status: 2, mentions: "not inside a git work tree")
        #expect(try box.hush(["scan", "--staged", "--history"]).status == 64)
    }

    // MARK: Pre-commit hook

    @Test func preCommitHookRunsTheStagedScan() throws {
        var random = SeededGenerator(seed: 9)
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.shell("git add -A && git commit -qm init").status == 0)
        #expect(try box.hush(["hooks", "install"]).status == 0)
        try box.write("conf.js", "const token = \"\(Self.githubToken(using: &random))\";\n")
        let refused = try box.shell("git add -A && git commit -qm leak")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("conf.js:1:16  github-classic-token  ghp_…"), "\(refused.stderr)")
        try box.write("conf.js", "const token = process.env.TOKEN;\n")
        #expect(try box.shell("git add -A && git commit -qm clean").status == 0)
    }
}
