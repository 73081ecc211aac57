import Foundation
import Testing

/// `hush hooks install|uninstall|pre-commit` through real `git commit` runs.
@Suite struct HooksCLITests {
    /// A repository with alice's key in the default place, one committed environment and the
    /// hook installed.
    func repository(install: Bool = true) throws -> Sandbox {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "production", "DB_PASSWORD"], stdin: "secret-1").status == 0)
        #expect(try box.shell("git add -A && git commit -qm init").status == 0)
        if install {
            let installed = try box.hush(["hooks", "install"])
            #expect(installed.status == 0, "\(installed.stderr)")
            #expect(installed.stdout.contains("installed the Hush pre-commit hook in "))
        }
        return box
    }

    func head(_ box: Sandbox) throws -> String { try box.shell("git rev-parse HEAD").stdout }

    /// Commits everything; returns the outcome of `git commit`.
    func commit(_ box: Sandbox, env: [String: String] = [:]) throws -> Outcome {
        try box.shell("git add -A && git commit -qm change", env: env)
    }

    /// An environment with no hush identity (git's own config stays in HOME).
    func keyless(_ box: Sandbox) -> [String: String] { ["XDG_CONFIG_HOME": box.root.appendingPathComponent("empty").path] }

    @Test func plaintextUnderSecretsIsRefused() throws {
        let box = try repository()
        let before = try head(box)
        try box.write(".secrets/staging.env", "DB_PASSWORD=plain-text\n")
        try box.write(".secrets/notes.txt", "password: hunter2\n")
        let refused = try commit(box)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("hush: error: .secrets/staging.env is not a sealed Hush file"), "\(refused.stderr)")
        #expect(refused.stderr.contains("hush: error: .secrets/notes.txt: not a sealed Hush file"))
        #expect(refused.stderr.contains("hush: error: commit refused: 2 problem(s)"))
        #expect(refused.stderr.contains("hush: hint: "))
        #expect(!refused.stderr.contains("hunter2") && !refused.stderr.contains("plain-text"))
        #expect(try head(box) == before)
        // The check itself exits 1 (as the hook does), and passes once the files are gone.
        #expect(try box.hush(["hooks", "pre-commit"]).status == 1)
        #expect(try box.shell("git rm -q --cached .secrets/staging.env .secrets/notes.txt && rm .secrets/staging.env .secrets/notes.txt").status == 0)
        #expect(try box.hush(["hooks", "pre-commit"]).status == 0)
    }

    @Test func tamperedSealedFilesAreRefused() throws {
        let box = try repository()
        let before = try head(box)
        let sealed = try box.read(".secrets/production.env")
        // A value swapped for another valid-looking token: the signature tells, with or without a key.
        let token = try #require(sealed.split(separator: "\n").first?.split(separator: "=", maxSplits: 1).last)
        var flipped = Array(token)
        flipped[20] = flipped[20] == "A" ? "B" : "A"
        try box.write(".secrets/production.env", sealed.replacingOccurrences(of: String(token), with: String(flipped)))
        let withKey = try commit(box)
        #expect(withKey.status != 0)
        #expect(withKey.stderr.contains("production.env failed its signature check"), "\(withKey.stderr)")
        #expect(try head(box) == before)
        // Without a key the signature is still checked (format v2: it needs no key).
        let keylessRun = try commit(box, env: keyless(box))
        #expect(keylessRun.status != 0, "\(keylessRun.stderr)")
        #expect(keylessRun.stderr.contains("production.env failed its signature check"), "\(keylessRun.stderr)")
        // …and the structure: a plaintext value in a sealed file.
        try box.write(".secrets/production.env", sealed.replacingOccurrences(of: String(token), with: "not-a-token"))
        let structural = try commit(box, env: keyless(box))
        #expect(structural.status != 0)
        #expect(structural.stderr.contains("value of DB_PASSWORD is not sealed"), "\(structural.stderr)")
    }

    @Test func cleanCommitsPass() throws {
        let box = try repository()
        #expect(try box.hush(["set", "production", "API_KEY"], stdin: "k").status == 0)
        #expect(try box.hush(["set", "staging", "nested.key", "--format", "yaml"], stdin: "v").status == 0)
        try box.write(".secrets/.gitattributes", "*.env diff=hush\n")
        try box.write("README.md", "not a secret\n")
        let ok = try commit(box)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try box.shell("git log --oneline").stdout.split(separator: "\n").count == 2)
        // Removing an environment is fine too.
        #expect(try box.shell("git rm -q .secrets/staging.yaml && git commit -qm drop").status == 0)
    }

    @Test func anExistingHookIsKeptAndRunsFirst() throws {
        let box = try repository(install: false)
        let hooks = box.path(".git/hooks")
        let marker = box.root.appendingPathComponent("local-ran").path
        let original = "#!/bin/sh\necho local hook >&2\ntouch '\(marker)'\n[ ! -f \"$(git rev-parse --show-toplevel)/block\" ]\n"
        try box.write(".git/hooks/pre-commit", original)
        #expect(try box.shell("chmod +x .git/hooks/pre-commit").status == 0)
        let installed = try box.hush(["hooks", "install"])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("kept your pre-commit hook as "))
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit.local"), encoding: .utf8) == original)
        // Idempotent: a second install changes nothing and does not stash our own hook.
        let ours = try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8)
        let again = try box.hush(["hooks", "install"])
        #expect(again.status == 0 && again.stdout.contains("already installed"))
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8) == ours)
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit.local"), encoding: .utf8) == original)
        // The kept hook passes: both run, the commit goes ahead.
        try box.write("file.txt", "1\n")
        let passed = try commit(box)
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(FileManager.default.fileExists(atPath: marker))
        // The kept hook fails: the commit stops, even though .secrets/ is clean.
        try box.write("block", "")
        try box.write("file.txt", "2\n")
        let before = try head(box)
        let blocked = try commit(box)
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("local hook"))
        #expect(try head(box) == before)
        // And plaintext is still refused when the kept hook passes.
        #expect(try box.shell("rm block").status == 0)
        try box.write(".secrets/leak.env", "A=1\n")
        #expect(try commit(box).status != 0)
        #expect(try box.shell("git rm -q --cached .secrets/leak.env && rm .secrets/leak.env").status == 0)
        // Uninstall puts the original hook back.
        let removed = try box.hush(["hooks", "uninstall"])
        #expect(removed.status == 0 && removed.stdout.contains("restored your previous hook"))
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8) == original)
        #expect(!FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit.local").path))
        let nothing = try box.hush(["hooks", "uninstall"])
        #expect(nothing.status == 0 && nothing.stdout.contains("is not Hush's: left as it is"))
    }

    @Test func installRespectsHooksPathAndUninstallsCleanly() throws {
        let box = try repository(install: false)
        #expect(try box.shell("git config core.hooksPath .githooks").status == 0)
        #expect(try box.hush(["hooks", "install"]).status == 0)
        let hook = box.path(".githooks/pre-commit")
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))
        #expect(!FileManager.default.fileExists(atPath: box.path(".git/hooks/pre-commit").path))
        try box.write(".secrets/plain.yaml", "a: 1\n")
        #expect(try commit(box).status != 0)
        #expect(try box.shell("git rm -q --cached .secrets/plain.yaml && rm .secrets/plain.yaml").status == 0)
        let removed = try box.hush(["hooks", "uninstall"])
        #expect(removed.status == 0 && removed.stdout.contains("removed the Hush pre-commit hook"))
        #expect(!FileManager.default.fileExists(atPath: hook.path))
        #expect(try box.hush(["hooks", "uninstall"]).stdout.contains("nothing to remove"))
        // Husky owns its hooks folder: install says where the line goes instead.
        #expect(try box.shell("git config core.hooksPath .husky/_").status == 0)
        expectFailure(try box.hush(["hooks", "install"]), status: 5, mentions: "Husky")
    }

    @Test func preCommitFrameworkManifest() throws {
        // Tests/HushCLITests/HooksCLITests.swift -> repository root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let manifest = try String(contentsOf: root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        for line in ["- id: hush", "entry: hush hooks pre-commit", "language: system", "pass_filenames: false", "always_run: true"] {
            #expect(manifest.contains(line), "\(line)")
        }
    }
}
