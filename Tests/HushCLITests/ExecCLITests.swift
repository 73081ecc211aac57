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
}
