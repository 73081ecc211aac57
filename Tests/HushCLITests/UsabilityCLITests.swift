import Foundation
import Testing

/// Issue 13's first-week friction, through the built binary.
@Suite struct UsabilityCLITests {
    @Test func identityBeforeTheSubcommand() throws {
        let box = try Sandbox()
        let key = try box.keygen("alice")
        #expect(try box.hush(["--identity", key.path, "init", "--name", "alice"], env: ["HOME": box.root.path]).status == 0)
        #expect(try box.hush(["-i", key.path, "set", "dev", "A"], stdin: "v", env: ["HOME": box.root.path]).status == 0)
        #expect(try box.hush(["--identity", key.path, "get", "dev", "A"], env: ["HOME": box.root.path]).stdout == "v")
        let exec = try box.hush(["--identity=\(key.path)", "exec", "dev", "--", "printenv", "A"], env: ["HOME": box.root.path])
        #expect(exec.stdout == "v\n", "\(exec.stderr)")
        // Commands that open nothing take no identity: a global one is dropped there, not refused.
        for command in [["access"], ["recipients", "list"], ["whoami"]] {
            let run = try box.hush(["-i", key.path] + command, env: ["HOME": box.root.path])
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        expectFailure(try box.hush(["access", "-i", key.path], env: ["HOME": box.root.path]), status: 64, mentions: "Unknown option '-i'")
    }

    @Test func didYouMean() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "production", "DATABASE_URL"], stdin: "x").status == 0)
        expectFailure(try box.hush(["dcrypt", "production"]), status: 64, mentions: "(did you mean decrypt?)")
        expectFailure(try box.hush(["get", "prodution", "DATABASE_URL"]), status: 2, mentions: "(did you mean production?)")
        expectFailure(try box.hush(["get", "production", "DATABASE_ULR"]), status: 2, mentions: "(did you mean DATABASE_URL?)")
        expectFailure(try box.hush(["get", "production", "SOMETHING_ELSE"]), status: 2)
        #expect(!(try box.hush(["get", "production", "SOMETHING_ELSE"]).stderr.contains("did you mean")))
    }

    @Test func encryptReadsStandardInputAndRefusesSopsFiles() throws {
        let box = try Sandbox()
        try box.initialise()
        let made = try box.hush(["encrypt", "-", "--format", "yaml", "--env", "piped"], stdin: "db:\n  password: from-a-pipe\n")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try box.hush(["get", "piped", "db.password"]).stdout == "from-a-pipe")
        expectFailure(try box.hush(["encrypt", "-", "--env", "nope"], stdin: "A=1\n"), status: 2, mentions: "cannot tell YAML from dotenv")
        let sops = "password: ENC[AES256_GCM,data:Zm9v,iv:YmFy,tag:YmF6,type:str]\nsops:\n  mac: ENC[AES256_GCM,data:x,iv:y,tag:z,type:str]\n"
        try box.write("prod.enc.yaml", sops)
        let refused = try box.hush(["encrypt", "prod.enc.yaml", "--env", "prod"])
        expectFailure(refused, status: 5, mentions: "encrypted by sops")
        #expect(refused.stderr.contains("sops decrypt FILE | hush encrypt - --format yaml --env prod"))
    }

    @Test func plaintextOutputInTheWorkTreeIsWarnedAbout() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "v").status == 0)
        let loose = try box.hush(["decrypt", "dev", "--output", ".env.local"])
        #expect(loose.status == 0 && loose.stderr.contains("hush: warning: .env.local holds plaintext secrets"), "\(loose.stderr)")
        try box.write(".gitignore", ".env.ignored\n")
        let ignored = try box.hush(["decrypt", "dev", "--output", ".env.ignored"])
        #expect(ignored.status == 0 && ignored.stderr.isEmpty, "\(ignored.stderr)")
        let outside = try box.hush(["decrypt", "dev", "--output", box.root.appendingPathComponent("outside.env").path])
        #expect(outside.status == 0 && outside.stderr.isEmpty)
    }

    /// Completion of environment and key names (what the generated shell scripts ask the
    /// binary for): no key needed.
    @Test func completesEnvironmentsAndKeys() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "production", "DATABASE_URL"], stdin: "x").status == 0)
        #expect(try box.hush(["set", "production", "API_KEY"], stdin: "y").status == 0)
        #expect(try box.hush(["set", "staging", "OTHER"], stdin: "z").status == 0)
        let envs = try box.hush(["---completion", "get", "--", "positional@0", "2", "0", "hush", "get", ""])
        #expect(envs.stdout.split(separator: "\n") == ["production", "staging"], "\(envs.stdout)\(envs.stderr)")
        let keys = try box.hush(["---completion", "get", "--", "positional@1", "3", "0", "hush", "get", "production", ""], env: ["HOME": "/nonexistent"])
        #expect(keys.stdout.split(separator: "\n") == ["DATABASE_URL", "API_KEY"], "\(keys.stdout)\(keys.stderr)")
        let script = try box.hush(["--generate-completion-script", "bash"])
        #expect(script.status == 0 && script.stdout.contains("---completion get -- positional@1"))
    }
}
