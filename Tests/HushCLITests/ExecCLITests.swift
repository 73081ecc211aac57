import Foundation
import Testing

@Suite struct ExecCLITests {
    func vault() throws -> Sandbox {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.yaml", "database:\n  url: postgres://db/app\nport: 8080\nhosts:\n  - a\n  - b\n")
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "prod"]).status == 0)
        return box
    }

    @Test func flattensNamesAndPassesStatusThrough() throws {
        let box = try vault()
        let result = try box.hush(["exec", "prod", "--", "/bin/sh", "-c", "printf '%s|%s|%s' \"$DATABASE_URL\" \"$PORT\" \"$HOSTS_1\"; exit 7"])
        #expect(result.status == 7)
        #expect(result.stdout == "postgres://db/app|8080|b")
    }

    @Test func replacesItselfSoThePidIsTheSame() throws {
        let box = try vault()
        // With execvp the command runs as hush's own process: `$$` in it is hush's pid.
        let process = try box.start(["exec", "prod", "--", "/bin/sh", "-c", "echo $$ > pid.txt"], stdin: "")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try box.read("pid.txt") == "\(process.processIdentifier)\n")
    }

    @Test func overrideRules() throws {
        let box = try vault()
        let overriding = try box.hush(["exec", "prod", "--", "/bin/sh", "-c", "printf %s \"$PORT\""], env: ["PORT": "1"])
        #expect(overriding.stdout == "8080")
        let keeping = try box.hush(["exec", "--no-override", "prod", "--", "/bin/sh", "-c", "printf %s \"$PORT\""], env: ["PORT": "1"])
        #expect(keeping.stdout == "1")
    }

    @Test func invalidVariableNameAndMissingCommand() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.yaml", "my-key: x\n")
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "bad"]).status == 0)
        expectFailure(try box.hush(["exec", "bad", "--", "true"]), status: 2, mentions: "valid environment variable name")
        let good = try vault()
        expectFailure(try good.hush(["exec", "prod", "--", "no-such-command-xyz"]), status: 127)
        expectFailure(try good.hush(["exec", "prod"]), status: 64, mentions: "no command")
    }

    /// Issue 13: options anywhere before `--`; a command without `--` is a usage error (64).
    @Test func optionsGoAnywhereBeforeTheTerminator() throws {
        let box = try vault()
        let kept = try box.hush(["exec", "prod", "--no-override", "--", "sh", "-c", "printf %s \"$PORT\""], env: ["PORT": "1"])
        #expect(kept.status == 0 && kept.stdout == "1", "\(kept.stderr)")
        let replaced = try box.hush(["exec", "--no-override", "prod", "--", "sh", "-c", "printf %s \"$PORT\""], env: ["PORT": "1"])
        #expect(replaced.stdout == "1")
        let passed = try box.hush(["exec", "prod", "--", "sh", "-c", "printf %s \"$0\"", "--no-override"])
        #expect(passed.stdout == "--no-override", "an option after -- belongs to the command")
        expectFailure(try box.hush(["exec", "prod", "true"]), status: 64)
    }

    @Test func looksUpThePathAndKeepsTheEnvironment() throws {
        let box = try vault()
        let found = try box.hush(["exec", "prod", "--", "sh", "-c", "printf '%s|%s' \"$PORT\" \"$HUSH_TEST_MARK\""], env: ["HUSH_TEST_MARK": "kept"])
        #expect(found.status == 0)
        #expect(found.stdout == "8080|kept")
        // A script without `#!` runs under /bin/sh, as with execvp.
        try box.write("plain-script", "printf %s \"$HOSTS_0\"\n")
        #expect(chmod(box.path("plain-script").path, 0o755) == 0)
        let script = try box.hush(["exec", "prod", "--", "./plain-script"])
        #expect(script.status == 0)
        #expect(script.stdout == "a")
        try box.write("not-executable", "#!/bin/sh\n")
        expectFailure(try box.hush(["exec", "prod", "--", "./not-executable"]), status: 126, mentions: "cannot run")
    }

    @Test func theIdentityIsNotPassedOnUnlessAsked() throws {
        let box = try vault()
        let file = box.home.appendingPathComponent(".config/hush/identity")
        let env = ["HUSH_IDENTITY": try String(contentsOf: file, encoding: .utf8), "HUSH_IDENTITY_FILE": file.path]
        let echo = ["/bin/sh", "-c", "echo ${HUSH_IDENTITY:-none} ${HUSH_IDENTITY_FILE:-none} $PORT"]
        let plain = try box.hush(["exec", "prod", "--"] + echo, env: env)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout == "none none 8080\n")
        let kept = try box.hush(["exec", "--keep-identity", "prod", "--"] + echo, env: env)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("AGE-SECRET-KEY-1") && kept.stdout.hasSuffix(" \(env["HUSH_IDENTITY_FILE"]!) 8080\n"), "\(kept.stdout)")
    }

    @Test func aValueWithNulIsRefused() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.yaml", "blob: \"a\\0b\"\n")
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "bin"]).status == 0)
        expectFailure(try box.hush(["exec", "bin", "--", "true"]), status: 2, mentions: "NUL")
    }

    /// A file large enough for the parallel paths (hashed while scanned, tokens parsed and opened
    /// on several threads) gives the same environment and plaintext as a small one would, and
    /// its first damaged value is the one reported, whatever the timing.
    @Test func largeEnvironmentComesThroughWhole() throws {
        let box = try Sandbox()
        try box.initialise()
        var lines = ["# generated", "BASE=http://example.test"]
        var expected = ["BASE": "http://example.test"]
        for i in 0..<5_000 {
            let name = "K\(i)"
            switch i % 5 {
            case 0: (lines, expected[name]) = (lines + ["\(name)=plain-\(i)"], "plain-\(i)")
            case 1: (lines, expected[name]) = (lines + ["\(name)=\"two words \(i)\""], "two words \(i)")
            case 2: (lines, expected[name]) = (lines + ["\(name)=${BASE}/\(i)"], "http://example.test/\(i)")
            case 3: (lines, expected[name]) = (lines + ["\(name)='single $\(i)' # note"], "single $\(i)")
            default: (lines, expected[name]) = (lines + ["", "export \(name)=", "# \(i)"], "")
            }
        }
        let plaintext = lines.joined(separator: "\n") + "\n"
        try box.write("big.env", plaintext)
        #expect(try box.hush(["encrypt", "big.env", "--env", "big"]).status == 0)
        #expect(try box.read(".secrets/big.env").utf8.count > 256 * 1024)
        #expect(try box.hush(["decrypt", "big"]).stdout == plaintext)
        let env = try box.hush(["exec", "big", "--", "/usr/bin/env", "-0"])
        #expect(env.status == 0, "\(env.stderr)")
        var seen: [String: String] = [:]
        for entry in env.stdout.split(separator: "\0") {
            guard let eq = entry.firstIndex(of: "="), expected[String(entry[..<eq])] != nil else { continue }
            seen[String(entry[..<eq])] = String(entry[entry.index(after: eq)...])
        }
        let wrong = expected.keys.sorted().filter { seen[$0] != expected[$0] }
        #expect(wrong.isEmpty, "\(wrong.count) variables differ, first: \(wrong.prefix(3))")
        // Two damaged tokens far apart: the first in the file is named, as a sequential read would.
        var sealed = try box.read(".secrets/big.env").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for name in ["K4001", "K1201"] {
            let at = try #require(sealed.firstIndex { $0.hasPrefix(name + "=") })
            sealed[at] = sealed[at].replacingOccurrences(of: "ENC[hush:v2,s,", with: "ENC[hush:v2,s,!")
        }
        try box.write(".secrets/big.env", sealed.joined(separator: "\n"))
        expectFailure(try box.hush(["exec", "big", "--", "true"]), status: 4, mentions: "value of K1201")
    }
}
