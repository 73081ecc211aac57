import Foundation
import Testing

/// `hush log` over a scripted history (add, change, remove, a member added, a rotation, a
/// deleted environment, a merge), with and without keys; `hush status` fields.
@Suite struct HistoryCLITests {
    /// A repository whose members' keys are files: nothing in the default locations, so a
    /// command without `--identity` runs with no key at all.
    final class History {
        let box: Sandbox
        let alice: (path: String, recipient: String)
        let bob: (path: String, recipient: String)

        init() throws {
            box = try Sandbox()
            alice = try box.keygen("alice")
            bob = try box.keygen("bob")
            #expect(try hush(["init", "--name", "alice"], key: alice.path).status == 0)
            try commit("init")
        }

        @discardableResult
        func hush(_ args: [String], key: String? = nil, stdin: String? = nil) throws -> Outcome {
            try box.hush(args + (key.map { ["--identity", $0] } ?? []), stdin: stdin, env: ["HOME": box.root.path])
        }

        func set(_ env: String, _ key: String, _ value: String, _ extra: [String] = []) throws {
            let result = try hush(["set", env, key] + extra, key: alice.path, stdin: value)
            #expect(result.status == 0, "\(result.stderr)")
        }

        func commit(_ message: String) throws {
            let result = try box.shell("git add -A && git commit -qm '\(message)'", env: ["HOME": box.home.path])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }

        /// The commit subjects `hush log` lists, in order.
        static func subjects(_ log: String) -> [String] {
            log.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { line in
                String(line.components(separatedBy: "  ").last ?? "")
            }
        }

        /// The indented change lines under the commit with `subject`, without the indentation.
        static func changes(_ log: String, under subject: String) -> [String] {
            var result: [String] = []
            var inside = false
            for line in log.split(separator: "\n") {
                if !line.hasPrefix(" ") {
                    inside = line.hasSuffix("  " + subject)
                } else if inside {
                    result.append(line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
                }
            }
            return result
        }
    }

    /// add, change, add YAML, remove, add a member, rotate, change after the rotation.
    func scripted() throws -> History {
        let h = try History()
        try h.set("production", "DB_PASSWORD", "one")
        try h.set("production", "API_KEY", "k1")
        try h.commit("add production")
        try h.set("production", "DB_PASSWORD", "two")
        try h.commit("change the password")
        try h.set("staging", "database.password", "s1", ["--format", "yaml"])
        try h.commit("add staging")
        #expect(try h.hush(["unset", "production", "API_KEY"], key: h.alice.path).status == 0)
        try h.commit("remove the api key")
        #expect(try h.hush(["recipients", "add", "--yes", "bob", h.bob.recipient], key: h.alice.path).status == 0)
        try h.commit("add bob")
        #expect(try h.hush(["rekey", "production"], key: h.alice.path).status == 0)
        try h.commit("rotate production")
        try h.set("production", "DB_PASSWORD", "three")  // hush:allow (a test value)
        try h.commit("three")
        return h
    }

    @Test func logListsEveryChangeWithoutAKey() throws {
        let h = try scripted()
        let log = try h.hush(["log"])
        #expect(log.status == 0, "\(log.stderr)")
        let out = log.stdout
        // Newest first; commits that changed no value (init, adding a member) are not listed.
        #expect(
            History.subjects(out) == ["three", "rotate production", "remove the api key", "add staging", "change the password", "add production"], "\(out)")
        #expect(History.changes(out, under: "add production") == ["production added DB_PASSWORD", "production added API_KEY"])
        #expect(History.changes(out, under: "change the password") == ["production changed DB_PASSWORD"])
        #expect(History.changes(out, under: "add staging") == ["staging added database.password"])
        #expect(History.changes(out, under: "remove the api key") == ["production removed API_KEY"])
        // A rotation is one line, not one change per value.
        #expect(History.changes(out, under: "rotate production") == ["production all values re-sealed (new data key)"])
        #expect(History.changes(out, under: "three") == ["production changed DB_PASSWORD"])
        // Header: short hash, date, author, subject.
        let header = try #require(out.split(separator: "\n").first)
        #expect(header.range(of: #"^[0-9a-f]{7,} \d{4}-\d\d-\d\d \d\d:\d\d Alice Example  three$"#, options: .regularExpression) != nil, "\(header)")
        #expect(!out.contains("one") && !out.contains("\"two\""), "no values without --values")
    }

    @Test func logOfOneKeyAndOneEnvironment() throws {
        let h = try scripted()
        let key = try h.hush(["log", "production", "DB_PASSWORD"])
        #expect(key.status == 0, "\(key.stderr)")
        #expect(History.subjects(key.stdout) == ["three", "rotate production", "change the password", "add production"])
        #expect(History.changes(key.stdout, under: "rotate production") == ["production re-sealed DB_PASSWORD"])
        #expect(!key.stdout.contains("API_KEY"))
        let env = try h.hush(["log", "staging"])
        #expect(History.subjects(env.stdout) == ["add staging"])
        let nested = try h.hush(["log", "staging", "database.password"])
        #expect(History.changes(nested.stdout, under: "add staging") == ["staging added database.password"])
        let none = try h.hush(["log", "production", "NOPE"])
        #expect(none.status == 0 && none.stdout.isEmpty && none.stderr.contains("no commit changes key NOPE"))
        expectFailure(try h.hush(["log", "nowhere"]), status: 2, mentions: "no environment \"nowhere\"")
        expectFailure(try h.hush(["log", "production", "a..b"]), status: 2, mentions: "empty part")
        // A deleted environment keeps its history, by name.
        #expect(try h.box.shell("git rm -q .secrets/staging.yaml && git commit -qm 'drop staging'").status == 0)
        let dropped = try h.hush(["log", "staging"])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(History.subjects(dropped.stdout) == ["drop staging", "add staging"])
        #expect(History.changes(dropped.stdout, under: "drop staging") == ["staging removed database.password"])
    }

    @Test func logShowsValuesWhereYourKeyOpensThem() throws {
        let h = try scripted()
        let mine = try h.hush(["log", "production", "DB_PASSWORD", "--values"], key: h.alice.path)
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(History.changes(mine.stdout, under: "three") == ["production changed DB_PASSWORD = \"three\" (was \"two\")"])
        #expect(History.changes(mine.stdout, under: "rotate production") == ["production re-sealed DB_PASSWORD = \"two\""])
        #expect(History.changes(mine.stdout, under: "change the password") == ["production changed DB_PASSWORD = \"two\" (was \"one\")"])
        #expect(History.changes(mine.stdout, under: "add production") == ["production added DB_PASSWORD = \"one\""])
        let all = try h.hush(["log", "--values"], key: h.alice.path)
        #expect(History.changes(all.stdout, under: "remove the api key") == ["production removed API_KEY (was \"k1\")"])
        // bob was added after the first two commits: their values stay sealed to him.
        let bobs = try h.hush(["log", "production", "DB_PASSWORD", "--values"], key: h.bob.path)
        #expect(bobs.status == 0, "\(bobs.stderr)")
        #expect(History.changes(bobs.stdout, under: "change the password") == ["production changed DB_PASSWORD = <sealed> (was <sealed>)"])
        #expect(History.changes(bobs.stdout, under: "three") == ["production changed DB_PASSWORD = \"three\" (was \"two\")"])
        // Values need a key.
        expectFailure(try h.hush(["log", "--values"]), status: 3, mentions: "no identity found")
    }

    @Test func aRotationThatAlsoChangesAValueListsItWithValues() throws {
        let h = try History()
        try h.set("production", "A", "1")
        try h.set("production", "B", "2")
        try h.commit("add")
        try h.set("production", "B", "changed")
        #expect(try h.hush(["rekey", "production"], key: h.alice.path).status == 0)
        try h.commit("rotate and change")
        let keyless = try h.hush(["log"])
        #expect(History.changes(keyless.stdout, under: "rotate and change") == ["production all values re-sealed (new data key)"])
        let opened = try h.hush(["log", "--values"], key: h.alice.path)
        #expect(
            History.changes(opened.stdout, under: "rotate and change") == [
                "production all values re-sealed (new data key)", "production changed B = \"changed\" (was \"2\")",
            ])
    }

    @Test func mergesReportOnlyWhatTheMergeItselfChanged() throws {
        let h = try History()
        try h.set("production", "A", "1")
        try h.set("production", "B", "2")
        try h.commit("base")
        #expect(try h.box.shell("git checkout -qb side").status == 0)
        try h.set("production", "B", "side")
        try h.commit("side changes B")
        #expect(try h.box.shell("git checkout -q main").status == 0)
        try h.set("production", "A", "main")
        try h.commit("main changes A")
        let merged = try h.box.shell("git merge -q side -m 'merge side'", env: ["HOME": h.box.home.path, "HUSH_IDENTITY_FILE": h.alice.path])
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        let log = try h.hush(["log", "--values"], key: h.alice.path)
        #expect(!History.subjects(log.stdout).contains("merge side"), "\(log.stdout)")
        #expect(History.changes(log.stdout, under: "side changes B") == ["production changed B = \"side\" (was \"2\")"])
        #expect(History.changes(log.stdout, under: "main changes A") == ["production changed A = \"main\" (was \"1\")"])
    }

    @Test func statusShowsEachEnvironment() throws {
        let h = try scripted()
        let keyless = try h.hush(["status"])
        #expect(keyless.status == 0, "\(keyless.stderr)")
        // `hush status ENV` shows that environment only (issue 13); an unknown one is an error.
        let one = try h.hush(["status", "production"])
        #expect(one.status == 0 && one.stdout.contains("production (") && !one.stdout.contains("staging ("), "\(one.stdout)")
        expectFailure(try h.hush(["status", "nope"]), status: 2, mentions: "no environment \"nope\"")
        let hash = try h.box.shell("git log -1 --format=%h -- .secrets/production.env").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let production = Self.block(keyless.stdout, "production")
        #expect(production.contains("production (.secrets/production.env)"))
        #expect(production.contains("  values: 1\n"))
        #expect(production.contains("  recipients: alice, bob\n"))
        #expect(production.contains("  last change: \(hash) by Alice Example, "), "\(production)")
        #expect(!production.contains("uncommitted"))
        #expect(production.contains("  verifies: signature only (values not checked: no key)\n"))
        // With a key: MAC and every value; an uncommitted change is flagged.
        try h.set("production", "NEW", "x")
        let keyed = try h.hush(["status"], key: h.alice.path)
        let changed = Self.block(keyed.stdout, "production")
        #expect(changed.contains("  values: 2\n"))
        #expect(changed.contains("; uncommitted changes\n"), "\(changed)")
        #expect(changed.contains("  verifies: yes"))
        #expect(Self.block(keyed.stdout, "staging").contains("  verifies: yes"))
        // A file that fails its MAC says so; a member granted but not wrapped is pending.
        let text = try h.box.read(".secrets/staging.yaml")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let macIndex = try #require(lines.firstIndex { $0.hasPrefix("#hush:mac ") })
        var tampered = lines.map(String.init)
        tampered[macIndex] = "#hush:mac " + String(repeating: "A", count: 43)
        try h.box.write(".secrets/staging.yaml", tampered.joined(separator: "\n"))
        let carol = try h.box.keygen("carol")
        try h.box.write("recipients/carol.pub", carol.recipient + "\n")
        let damaged = try h.hush(["status"], key: h.alice.path)
        #expect(damaged.status == 0)
        let staging = Self.block(damaged.stdout, "staging")
        #expect(staging.contains("  verifies: NO: .secrets/staging.yaml failed its signature check"), "\(staging)")
        #expect(staging.contains("  pending: carol (granted, not wrapped yet: run `hush sync`)"))
        #expect(Self.block(damaged.stdout, "production").contains("  verifies: yes"))
        // bob is a recipient of both but holds no key file by default: not checked.
        let other = try h.hush(["status"], key: try h.box.keygen("stranger").path)
        #expect(Self.block(other.stdout, "production").contains("  verifies: signature only (values not checked: none of your keys is a recipient)"))
    }

    @Test func statusOutsideGitHistory() throws {
        let h = try History()
        try h.set("dev", "A", "1")
        let status = try h.hush(["status"])
        #expect(status.stdout.contains("  last change: not committed yet\n"), "\(status.stdout)")
        let empty = try Sandbox()
        #expect(try empty.hush(["status"], env: ["HOME": empty.root.path], in: empty.repo).stdout.contains("no environments"))
    }

    /// The lines of one environment's block in `hush status` output.
    static func block(_ status: String, _ env: String) -> String {
        let blocks = status.components(separatedBy: "\n\n")
        return blocks.first { $0.hasPrefix(env + " (") }.map { $0 + "\n" } ?? ""
    }
}
