import Foundation
import Testing

/// The git merge driver end to end: a bare remote, alice's and bob's clones, real `git merge`,
/// `git rebase` and `git cherry-pick`.
@Suite struct MergeCLITests {
    /// A shared remote with one environment sealed to alice and bob, cloned twice.
    struct World {
        let box: Sandbox
        let alice: URL
        let bob: URL
        let aliceKey: String
        let bobKey: String
        var hushPath: String { Sandbox.binary }

        func hush(_ args: [String], in clone: URL, key: String, stdin: String? = nil, env: [String: String] = [:]) throws -> Outcome {
            try box.hush(args, stdin: stdin, env: ["HUSH_IDENTITY_FILE": key].merging(env) { $1 }, in: clone)
        }

        func git(_ command: String, in clone: URL, key: String, env: [String: String] = [:]) throws -> Outcome {
            try box.shell(command, env: ["HUSH_IDENTITY_FILE": key].merging(env) { $1 }, in: clone)
        }

        func read(_ clone: URL, _ file: String = ".secrets/prod.yaml") throws -> String {
            try String(contentsOf: clone.appendingPathComponent(file), encoding: .utf8)
        }
    }

    func world() throws -> World {
        let box = try Sandbox()
        let a = try box.keygen("alice"), b = try box.keygen("bob")
        let remote = box.root.appendingPathComponent("remote.git").path
        #expect(try box.shell("git init -q --bare '\(remote)'").status == 0)
        let alice = box.repo
        #expect(try box.hush(["init", "--name", "alice"], env: ["HUSH_IDENTITY_FILE": a.path]).status == 0)
        #expect(try box.hush(["recipients", "add", "--yes", "bob", b.recipient], env: ["HUSH_IDENTITY_FILE": a.path]).status == 0)
        try box.write("in.yaml", "db:\n  host: db.internal  # primary\n  password: base-pw\napi_key: base-key\nport: 5432\n")
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "prod"], env: ["HUSH_IDENTITY_FILE": a.path]).status == 0)
        try FileManager.default.removeItem(at: box.path("in.yaml"))
        let setup = "printf '.secrets/* merge=hush\\n' >> .gitattributes && git config merge.hush.driver \"'\(Sandbox.binary)' merge-driver %O %A %B %P\""
        #expect(try box.shell(setup + " && git add -A && git commit -qm base && git remote add origin '\(remote)' && git push -q origin main").status == 0)
        let bob = box.root.appendingPathComponent("bob")
        #expect(
            try box.shell(
                "git clone -q '\(remote)' '\(bob.path)' && cd '\(bob.path)' && git config merge.hush.driver \"'\(Sandbox.binary)' merge-driver %O %A %B %P\""
            ).status == 0)
        return World(box: box, alice: alice, bob: bob, aliceKey: a.path, bobKey: b.path)
    }

    @Test func differentKeysMergeCleanlyThroughMergeRebaseAndCherryPick() throws {
        for strategy in ["merge", "rebase", "cherry-pick"] {
            let w = try world()
            #expect(try w.hush(["set", "prod", "db.password"], in: w.bob, key: w.bobKey, stdin: "bob-pw").status == 0)
            #expect(try w.git("git commit -qam 'bob: password' && git push -q origin main", in: w.bob, key: w.bobKey).status == 0)
            #expect(try w.hush(["set", "prod", "api_key"], in: w.alice, key: w.aliceKey, stdin: "alice-key").status == 0)
            #expect(try w.git("git commit -qam 'alice: api key' && git fetch -q origin", in: w.alice, key: w.aliceKey).status == 0)
            let command =
                switch strategy {
                case "merge": "git merge -q --no-edit origin/main"
                case "rebase": "git rebase -q origin/main"
                default: "git reset -q --hard origin/main && git cherry-pick HEAD@{1}"
                }
            let merged = try w.git(command, in: w.alice, key: w.aliceKey)
            #expect(merged.status == 0, "\(strategy): \(merged.stdout)\(merged.stderr)")
            let plain = try w.hush(["decrypt", "prod"], in: w.alice, key: w.aliceKey)
            #expect(plain.stdout == "db:\n  host: db.internal  # primary\n  password: bob-pw\napi_key: alice-key\nport: 5432\n", "\(strategy)")
            #expect(try w.hush(["verify"], in: w.alice, key: w.aliceKey).status == 0, "\(strategy)")
            #expect(try w.hush(["get", "prod", "api_key"], in: w.alice, key: w.bobKey).stdout == "alice-key", "\(strategy)")
        }
    }

    @Test func untouchedValuesKeepTheirTokens() throws {
        let w = try world()
        let base = try w.read(w.alice)
        #expect(try w.hush(["set", "prod", "db.password"], in: w.bob, key: w.bobKey, stdin: "bob-pw").status == 0)
        #expect(try w.git("git commit -qam bob && git push -q origin main", in: w.bob, key: w.bobKey).status == 0)
        #expect(try w.hush(["set", "prod", "api_key"], in: w.alice, key: w.aliceKey, stdin: "alice-key").status == 0)
        #expect(try w.git("git commit -qam alice && git fetch -q && git merge -q --no-edit origin/main", in: w.alice, key: w.aliceKey).status == 0)
        let diff = Sandbox.lineDiff(base, try w.read(w.alice))
        let changed = diff.removed.filter { !$0.hasPrefix("#hush:") }.map { $0.split(separator: ":")[0] }
        #expect(Set(changed) == ["  password", "api_key"], "\(diff)")
    }

    @Test func sameKeyConflictIsResolvedWithEdit() throws {
        let w = try world()
        #expect(try w.hush(["set", "prod", "db.password"], in: w.bob, key: w.bobKey, stdin: "bob-pw").status == 0)
        #expect(try w.git("git commit -qam bob && git push -q origin main", in: w.bob, key: w.bobKey).status == 0)
        #expect(try w.hush(["set", "prod", "db.password"], in: w.alice, key: w.aliceKey, stdin: "alice-pw").status == 0)
        #expect(try w.hush(["set", "prod", "port"], in: w.alice, key: w.aliceKey, stdin: "6543").status == 0)
        let merged = try w.git("git commit -qam alice && git fetch -q && git merge --no-edit origin/main", in: w.alice, key: w.aliceKey)
        #expect(merged.status != 0)
        #expect(merged.stderr.contains("hush: merge conflict in .secrets/prod.yaml: db.password"), "\(merged.stderr)")
        let conflicted = try w.read(w.alice)
        #expect(!conflicted.contains("<<<<<<<") && !conflicted.contains("bob-pw") && !conflicted.contains("alice-pw"))
        let verify = try w.hush(["verify"], in: w.alice, key: w.aliceKey)
        #expect(verify.status == 1 && verify.stderr.contains("unresolved merge conflicts: db.password"))
        let read = try w.hush(["get", "prod", "db.password"], in: w.alice, key: w.aliceKey)
        #expect(read.stdout == "alice-pw" && read.stderr.contains("hush: warning: .secrets/prod.yaml has unresolved merge conflicts (db.password)"))
        #expect(!verify.stderr.contains("warning"))
        // Issue 13: status, access --check, the pre-commit hook and scan --staged fail too.
        let status = try w.hush(["status", "prod"], in: w.alice, key: w.aliceKey)
        #expect(status.stdout.contains("verifies: NO: unresolved merge conflicts (db.password): run `hush edit prod`"), "\(status.stdout)")
        let access = try w.hush(["access", "--check"], in: w.alice, key: w.aliceKey)
        #expect(access.status == 1 && access.stdout.contains("unresolved merge conflicts (db.password)"), "\(access.stdout)")
        #expect(try w.git("git add .secrets/prod.yaml", in: w.alice, key: w.aliceKey).status == 0)
        let hook = try w.hush(["hooks", "pre-commit"], in: w.alice, key: w.aliceKey)
        #expect(hook.status == 1 && hook.stderr.contains("has unresolved merge conflicts (db.password)"), "\(hook.stderr)")
        let scan = try w.hush(["scan", "--staged"], in: w.alice, key: w.aliceKey)
        #expect(scan.status == 1 && scan.stdout.contains("unresolved merge conflicts"), "\(scan.stdout)\(scan.stderr)")
        // The editor sees both values decrypted; this one keeps theirs.
        let script = w.box.root.appendingPathComponent("pick-theirs.sh")
        let seenPath = w.box.root.appendingPathComponent("seen.yaml").path
        try "#!/bin/sh\ncp \"$1\" \"$SEEN\"\nsed -i '/^<<<<<<< /,/^=======/d; /^>>>>>>> /d' \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        #expect(chmod(script.path, 0o755) == 0)
        let edited = try w.hush(["edit", "prod"], in: w.alice, key: w.aliceKey, env: ["EDITOR": script.path, "SEEN": seenPath])
        #expect(edited.status == 0, "\(edited.stderr)")
        let seen = try String(contentsOfFile: seenPath, encoding: .utf8)
        #expect(seen.contains("<<<<<<< ours\n  password: alice-pw\n=======\n  password: bob-pw\n>>>>>>> theirs\n"), "\(seen)")
        #expect(try w.hush(["get", "prod", "db.password"], in: w.alice, key: w.aliceKey).stdout == "bob-pw")
        #expect(try w.hush(["get", "prod", "port"], in: w.alice, key: w.aliceKey).stdout == "6543")
        #expect(try w.hush(["verify"], in: w.alice, key: w.aliceKey).status == 0)
        #expect(!(try w.read(w.alice)).contains("#hush:conflict"))
        #expect(try w.git("git add -A && git commit -qm merged", in: w.alice, key: w.aliceKey).status == 0)
    }

    @Test func unresolvedMarkersAreRefusedByEdit() throws {
        let w = try world()
        #expect(try w.hush(["set", "prod", "api_key"], in: w.bob, key: w.bobKey, stdin: "b").status == 0)
        #expect(try w.git("git commit -qam bob && git push -q origin main", in: w.bob, key: w.bobKey).status == 0)
        #expect(try w.hush(["set", "prod", "api_key"], in: w.alice, key: w.aliceKey, stdin: "a").status == 0)
        _ = try w.git("git commit -qam alice && git fetch -q && git merge --no-edit origin/main", in: w.alice, key: w.aliceKey)
        let before = try w.read(w.alice)
        let edited = try w.hush(["edit", "prod"], in: w.alice, key: w.aliceKey, env: ["EDITOR": "true"])
        expectFailure(edited, status: 2, mentions: "unresolved merge conflict marker")
        #expect(try w.read(w.alice) == before)
    }

    /// Bob changes a value on his branch; meanwhile alice removes bob. His version is signed by
    /// someone who is no longer a member, so the driver refuses it (else a removed member could
    /// push values from an old branch); ours stays, and alice re-applies what she wants.
    @Test func rotationMergedWithAValueChange() throws {
        let w = try world()
        #expect(try w.hush(["set", "prod", "port"], in: w.bob, key: w.bobKey, stdin: "7000").status == 0)
        #expect(try w.git("git commit -qam 'bob: port' && git push -q origin main", in: w.bob, key: w.bobKey).status == 0)
        #expect(try w.hush(["recipients", "remove", "bob"], in: w.alice, key: w.aliceKey).status == 0)
        let ours = try w.read(w.alice)
        let merged = try w.git("git commit -qam 'remove bob' && git fetch -q && git merge -q --no-edit origin/main", in: w.alice, key: w.aliceKey)
        #expect(merged.status != 0)
        #expect(merged.stderr.contains("signed by bob, who is not a member"), "\(merged.stderr)")
        #expect(try w.git("git merge --abort", in: w.alice, key: w.aliceKey).status == 0)
        #expect(try w.read(w.alice) == ours)
        #expect(try w.hush(["set", "prod", "port"], in: w.alice, key: w.aliceKey, stdin: "7000").status == 0)
        expectFailure(try w.hush(["get", "prod", "port"], in: w.alice, key: w.bobKey), status: 3)
        let text = try w.read(w.alice)
        #expect(!text.contains("#hush:recipient bob"))
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("#hush:exposed ") && $0.hasSuffix(" db.password") }, "\(text)")
        #expect(try w.hush(["verify"], in: w.alice, key: w.aliceKey).status == 0)
    }

    /// Issue 13: a clone without the driver gets git's markers in the sealed file; every
    /// command explains that and how to recover.
    @Test func gitMarkersWithoutTheDriverAreExplained() throws {
        let w = try world()
        #expect(try w.hush(["set", "prod", "api_key"], in: w.bob, key: w.bobKey, stdin: "b").status == 0)
        #expect(try w.git("git commit -qam bob && git push -q origin main", in: w.bob, key: w.bobKey).status == 0)
        #expect(try w.hush(["set", "prod", "api_key"], in: w.alice, key: w.aliceKey, stdin: "a").status == 0)
        let merged = try w.git(
            "git config --remove-section merge.hush && git commit -qam alice && git fetch -q && git merge --no-edit origin/main", in: w.alice,
            key: w.aliceKey)
        #expect(merged.status != 0)
        #expect(try w.read(w.alice).contains("<<<<<<< "))
        let read = try w.hush(["get", "prod", "api_key"], in: w.alice, key: w.aliceKey, env: ["HUSH_NO_SETUP_NOTE": "1"])
        expectFailure(read, status: 4, mentions: "git merge conflict markers: this clone merged .secrets/ without the hush merge driver")
        #expect(read.stderr.contains("git merge --abort") && read.stderr.contains("hush git setup"))
    }

    @Test func withoutAKeyTheDriverRefusesAndLeavesOurs() throws {
        let w = try world()
        #expect(try w.hush(["set", "prod", "api_key"], in: w.bob, key: w.bobKey, stdin: "b").status == 0)
        #expect(try w.git("git commit -qam bob && git push -q origin main", in: w.bob, key: w.bobKey).status == 0)
        #expect(try w.hush(["set", "prod", "port"], in: w.alice, key: w.aliceKey, stdin: "1").status == 0)
        #expect(try w.git("git commit -qam alice && git fetch -q", in: w.alice, key: w.aliceKey).status == 0)
        let ours = try w.read(w.alice)
        let nokey = w.box.root.appendingPathComponent("nokey.txt").path
        let merged = try w.git("git merge --no-edit origin/main", in: w.alice, key: nokey)
        #expect(merged.status != 0)
        #expect(merged.stderr.contains("hush: error: "), "\(merged.stderr)")
        #expect(try w.read(w.alice) == ours)
    }
}
