import Foundation
import Testing

/// Issue 9's attacks, end to end through the built binary in a temp git repository: a
/// non-member with push access (mallory: her own identity, no wrap, not in recipients/)
/// tries each one, and each now fails closed with one clear message.
@Suite struct TrustCLITests {
    /// alice (writer), bob (member) and mallory (not a member); production and staging sealed
    /// to alice and bob, committed.
    final class Repo {
        let box: Sandbox
        var keys: [String: (path: String, recipient: String)] = [:]

        init() throws {
            box = try Sandbox()
            for name in ["alice", "bob", "mallory"] { keys[name] = try box.keygen(name) }
            #expect(try hush(["init", "--name", "alice"]).status == 0)
            try box.write("recipients/bob.pub", keys["bob"]!.recipient + "\n")
            #expect(try hush(["set", "production", "API_KEY"], stdin: "prod-key-1").status == 0)
            #expect(try hush(["set", "production", "DATABASE_URL"], stdin: "postgres://app@db.internal/app").status == 0)
            #expect(try hush(["set", "staging", "DATABASE_URL"], stdin: "postgres://app@staging/app").status == 0)
            try commit("team")
        }

        @discardableResult
        func hush(_ args: [String], as member: String = "alice", stdin: String? = nil) throws -> Outcome {
            // Options go before a `--` (exec's command).
            let split = args.firstIndex(of: "--") ?? args.endIndex
            let full = Array(args[..<split]) + ["--identity", keys[member]!.path] + Array(args[split...])
            return try box.hush(full, stdin: stdin, env: ["HOME": box.root.path])
        }

        func commit(_ message: String) throws {
            let done = try box.shell("git add -A && git commit -qm '\(message)'")
            #expect(done.status == 0, "\(done.stderr)")
        }

        func get(_ env: String, _ key: String, as member: String = "alice") throws -> Outcome { try hush(["get", env, key], as: member) }
    }

    /// `hush verify` prints `FAIL FILE` and one error line per failing file, then a summary.
    static func expectVerifyFails(_ outcome: Outcome, status: Int32 = 4, mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == status, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stdout.contains("FAIL "), sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(mentions), "\(outcome.stderr)", sourceLocation: sourceLocation)
    }

    /// Attack 1: restoring the file from before an offboarding undoes it. Now the restore is
    /// reported as a rollback, and no write reseals to bob.
    @Test func restoredFileIsARollbackAndCannotBeWritten() throws {
        let r = try Repo()
        let removed = try r.hush(["recipients", "remove", "bob"])
        #expect(removed.status == 0, "\(removed.stderr)")
        try r.commit("offboard bob")
        #expect(try r.box.read(".secrets/production.env").contains("#hush:exposed "))
        // mallory restores the old file (no key needed) and pushes.
        #expect(try r.box.shell("git show HEAD~1:.secrets/production.env > .secrets/production.env").status == 0)
        try r.commit("innocent-looking change")
        Self.expectVerifyFails(try r.hush(["verify", "production"]), mentions: "rolled back to an older state (sequence 2 after 3")
        // The next write by alice must not seal a new value to bob.
        let write = try r.hush(["set", "production", "API_KEY"], stdin: "prod-key-2")
        expectFailure(write, status: 5, mentions: "sealed to bob", secrets: ["prod-key-2"])
        #expect(write.stderr.contains("hush sync"))
        #expect(try r.get("production", "API_KEY", as: "bob").stdout == "prod-key-1", "bob only reads what he already had")
        // access --check (no key) and status say so too.
        let access = try r.box.hush(["access", "--check"], env: ["HOME": r.box.root.path])
        #expect(access.status == 1)
        #expect((access.stdout + access.stderr).contains("production.env was rolled back to an older state"), "\(access.stdout)\(access.stderr)")
        let status = try r.hush(["status"])
        #expect(status.stdout.contains("verifies: NO: .secrets/production.env was rolled back"), "\(status.stdout)")
    }

    /// The way back from a rollback, and the way to an intended older state.
    @Test func restoreIsTheWayBack() throws {
        let r = try Repo()
        #expect(try r.hush(["set", "production", "API_KEY"], stdin: "prod-key-2").status == 0)
        try r.commit("rotate")
        let restored = try r.hush(["restore", "production", "--from", "HEAD~1"])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try r.get("production", "API_KEY").stdout == "prod-key-1")
        let verified = try r.hush(["verify", "production"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(try r.box.read(".secrets/production.env").contains("#hush:seq 4\n"))
        try r.commit("restore")
        #expect(try r.hush(["verify"]).status == 0)
    }

    /// Attack 2: forgery and swaps. A non-member cannot create or replace an environment, and
    /// a file made elsewhere (her own fork, where she is a member) or copied from another
    /// environment does not verify.
    @Test func copiedOrForgedFilesFailClosed() throws {
        let r = try Repo()
        #expect(try r.box.shell("git rm -q .secrets/production.env").status == 0)
        expectFailure(
            try r.hush(["set", "production", "DATABASE_URL"], as: "mallory", stdin: "postgres://x@evil.example/app"), status: 5,
            mentions: "you are not a member", secrets: ["evil.example"])
        #expect(try r.box.shell("git checkout -q HEAD -- .secrets/production.env").status == 0)
        // In her own copy she is a member: the sealed file she makes there is signed by her.
        let fork = try Sandbox()
        #expect(try fork.shell("cp -r '\(r.box.repo.path)/recipients' . && git add -A && git commit -qm fork").status == 0)
        try fork.write("recipients/mallory.pub", r.keys["mallory"]!.recipient + "\n")
        let forged = try fork.hush(["set", "production", "DATABASE_URL", "--identity", r.keys["mallory"]!.path], stdin: "postgres://x@evil.example/app")
        #expect(forged.status == 0, "\(forged.stderr)")
        try r.box.write(".secrets/production.env", try fork.read(".secrets/production.env"))
        for command in [["get", "production", "DATABASE_URL"], ["exec", "production", "--", "true"]] {
            expectFailure(try r.hush(command), status: 4, mentions: "signed by mallory, who is not a member", secrets: ["evil.example"])
        }
        Self.expectVerifyFails(try r.hush(["verify", "production"]), mentions: "signed by mallory, who is not a member")
        // A staging file copied over production.
        #expect(try r.box.shell("cp .secrets/staging.env .secrets/production.env").status == 0)
        expectFailure(try r.get("production", "DATABASE_URL"), status: 4, mentions: "another environment", secrets: ["staging/app"])
        // Without recipients/repository nothing opens.
        #expect(try r.box.shell("git checkout -q -- .secrets && rm recipients/repository").status == 0)
        expectFailure(try r.get("staging", "DATABASE_URL"), status: 4, mentions: "recipients/repository is missing")
    }

    @Test func missingRepositoryIdRefusesEveryRead() throws {
        let r = try Repo()
        #expect(try r.box.shell("rm recipients/repository").status == 0)
        Self.expectVerifyFails(try r.hush(["verify"]), mentions: "recipients/repository is missing")
        expectFailure(try r.get("production", "API_KEY"), status: 4, mentions: "recipients/repository is missing")
    }

    /// Attack 3: text around the values. Every change fails, comment or structure alike.
    @Test func unauthenticatedTextIsGone() throws {
        let r = try Repo()
        let sealed = try r.box.read(".secrets/staging.env")
        let tampered = [
            "# rotated\rDATABASE_URL=postgres://evil\n" + sealed,
            "# a new comment\n" + sealed,
            sealed.replacingOccurrences(of: "#hush:version 2", with: "#hush:version 02"),
            sealed.replacingOccurrences(of: "#hush:version 2", with: "#hush:version 01"),
            sealed.replacingOccurrences(of: "DATABASE_URL=", with: "#hush:recipient x\nDATABASE_URL="),
        ]
        for text in tampered {
            try r.box.write(".secrets/staging.env", text)
            Self.expectVerifyFails(try r.hush(["verify", "staging"]), mentions: "staging.env")
            expectFailure(try r.hush(["decrypt", "staging"]), status: 4)
        }
        #expect(try r.box.shell("git checkout -q -- .secrets").status == 0)
        #expect(try r.hush(["set", "cfg", "db.password", "--format", "yaml"], stdin: "pw").status == 0)
        let yaml = try r.box.read(".secrets/cfg.yaml")
        for text in [yaml.replacingOccurrences(of: "db:\n", with: "admins: []\ndb:\n"), "<<: {}\n" + yaml] {
            try r.box.write(".secrets/cfg.yaml", text)
            expectFailure(try r.hush(["get", "cfg", "db.password"]), status: 4, secrets: ["pw\n"])
        }
    }

    /// Writes obey the policy: read-only members and members without a signing key are told
    /// why and what to do; a non-member cannot create an environment.
    @Test func writesObeyThePolicy() throws {
        let r = try Repo()
        try r.box.write("recipients/access.yaml", "environments:\n  production: {read: [alice, bob], write: [alice]}\n")
        // A .pub without the signing key (as format v1 wrote it): bob reads, and is told how to
        // publish his signing key to write.
        try r.box.write("recipients/bob.pub", r.keys["bob"]!.recipient.firstLine + "\n")
        try r.commit("policy")
        #expect(try r.get("production", "API_KEY", as: "bob").stdout == "prod-key-1")
        expectFailure(try r.hush(["set", "production", "API_KEY"], as: "bob", stdin: "x"), status: 5, mentions: "bob may not write production")
        let unsigned = try r.hush(["set", "staging", "NEW"], as: "bob", stdin: "z")
        expectFailure(unsigned, status: 5, mentions: "lists no signing key")
        #expect(unsigned.stderr.contains("hush recipients pub"))
        // …which then works.
        let pub = try r.hush(["recipients", "pub", "--name", "bob"], as: "bob")
        try r.box.write("recipients/bob.pub", pub.stdout)
        #expect(try r.hush(["set", "staging", "NEW"], as: "bob", stdin: "z").status == 0)
        // A file bob signed while allowed stops verifying when the policy takes writing away.
        try r.box.write("recipients/access.yaml", "environments:\n  staging: {read: [alice, bob], write: [alice]}\n")
        expectFailure(try r.get("staging", "NEW"), status: 4, mentions: "does not allow to write staging")
        expectFailure(try r.hush(["set", "brand-new", "X"], as: "mallory", stdin: "v"), status: 5, mentions: "not a member")
    }

    /// Offboarding the member who wrote a file last still works: the file is checked against
    /// the team as it was before the removal.
    @Test func removingTheLastWriterWorks() throws {
        let r = try Repo()
        #expect(try r.hush(["set", "staging", "DATABASE_URL"], as: "bob", stdin: "postgres://bob@staging/app").status == 0)
        try r.commit("bob writes")
        let removed = try r.hush(["recipients", "remove", "bob"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try r.hush(["verify"]).status == 0)
        #expect(try r.get("staging", "DATABASE_URL").stdout == "postgres://bob@staging/app")
    }

    /// An interrupted removal (killed after bob.pub was moved aside, before his files were
    /// re-sealed) is finished by `hush sync` or by running the removal again.
    @Test func anInterruptedRemovalIsFinished() throws {
        for finish in [["sync"], ["recipients", "remove", "bob"]] {
            let r = try Repo()
            #expect(try r.hush(["set", "staging", "DATABASE_URL"], as: "bob", stdin: "postgres://bob@staging/app").status == 0)
            try r.commit("bob writes")
            // The state a kill right after the first step leaves.
            #expect(try r.box.shell("mv recipients/bob.pub recipients/.bob.pub.removing").status == 0)
            expectFailure(try r.get("staging", "DATABASE_URL"), status: 4, mentions: "signed by bob, who is not a member")
            let finished = try r.hush(finish)
            #expect(finished.status == 0, "\(finish): \(finished.stderr)")
            #expect(try r.get("staging", "DATABASE_URL").stdout == "postgres://bob@staging/app")
            #expect(!(try r.box.read(".secrets/staging.env")).contains("#hush:recipient bob "))
            #expect(!FileManager.default.fileExists(atPath: r.box.path("recipients/.bob.pub.removing").path), "\(finish)")
            #expect(try r.hush(["verify"]).status == 0)
        }
    }

    /// Narrowing who may write leaves files the narrowed member signed invalid until a writer
    /// signs them anew: `hush sync` does, naming the old signer.
    @Test func narrowingWriteAccessIsRepairedBySync() throws {
        let r = try Repo()
        #expect(try r.hush(["set", "staging", "DATABASE_URL"], as: "bob", stdin: "postgres://bob@staging/app").status == 0)
        try r.box.write("recipients/access.yaml", "environments:\n  staging: {read: [alice, bob], write: [alice]}\n")
        expectFailure(try r.get("staging", "DATABASE_URL"), status: 4, mentions: "does not allow to write staging")
        let synced = try r.hush(["sync"])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("signed anew (bob, its last writer, may no longer write it)"), "\(synced.stdout)")
        #expect(try r.get("staging", "DATABASE_URL").stdout == "postgres://bob@staging/app")
        #expect(try r.box.read(".secrets/staging.env").contains("#hush:signature alice "))
    }

    static let canMakeImmutable: Bool = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hush-chattr-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: Data()) else { return false }
        defer {
            _ = try? Sandbox().shell("chattr -i '\(path)'")
            try? FileManager.default.removeItem(atPath: path)
        }
        return (try? Sandbox().shell("chattr +i '\(path)'").status) == 0
    }()

    /// Issue 12, item 2: when `recipients/bob.pub` cannot be deleted, the removal fails and
    /// changes nothing (it used to report success and rotate nothing).
    @Test(.enabled(if: canMakeImmutable, "chattr +i is not available here: the undeletable-file case was not run"))
    func undeletableMemberFileFailsTheRemoval() throws {
        let r = try Repo()
        let before = try r.box.read(".secrets/production.env")
        #expect(try r.box.shell("chattr +i recipients/bob.pub").status == 0)
        defer { _ = try? r.box.shell("chattr -i recipients/bob.pub") }
        expectFailure(try r.hush(["recipients", "remove", "bob"]), status: 6, mentions: "cannot delete recipients/bob.pub")
        #expect(try r.box.read(".secrets/production.env") == before)
        #expect(FileManager.default.fileExists(atPath: r.box.path("recipients/bob.pub").path))
    }

    /// Issue 12, item 7: when one file of a removal cannot be written, the others still are,
    /// and the output says exactly which changed and which did not; `hush sync` finishes.
    @Test(.enabled(if: canMakeImmutable, "chattr +i is not available here: the partial-failure case was not run"))
    func partialOffboardingIsReportedAndFinishedBySync() throws {
        let r = try Repo()
        #expect(try r.box.shell("chattr +i .secrets/staging.env").status == 0)
        defer { _ = try? r.box.shell("chattr -i .secrets/staging.env") }
        let removed = try r.hush(["recipients", "remove", "bob"])
        #expect(removed.status == 6, "\(removed.stderr)")
        #expect(removed.stdout.contains(".secrets/production.env: removed bob; new data key"), "\(removed.stdout)")
        #expect(removed.stderr.contains("hush: error: .secrets/staging.env was not updated"), "\(removed.stderr)")
        #expect(removed.stderr.contains("partly done: 1 file(s) not updated; updated: .secrets/production.env"))
        #expect(try r.box.read(".secrets/staging.env").contains("#hush:recipient bob "))
        #expect(try r.box.shell("chattr -i .secrets/staging.env").status == 0)
        let finished = try r.hush(["sync"])
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.stdout.contains(".secrets/staging.env: removed bob"))
        #expect(try r.box.hush(["access", "--check"], env: ["HOME": r.box.root.path]).stdout.contains("exposed"))
    }

    /// `hush init` run again by a member whose `.pub` predates signing keys publishes theirs.
    @Test func initPublishesAMissingSigningKey() throws {
        let r = try Repo()
        try r.box.write("recipients/alice.pub", r.keys["alice"]!.recipient.firstLine + "\n")
        expectFailure(try r.hush(["set", "fresh", "X"], stdin: "x"), status: 5, mentions: "lists no signing key")
        let again = try r.hush(["init"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("created signing key in recipients/alice.pub"))
        #expect(try r.hush(["set", "fresh", "X"], stdin: "x").status == 0)
        #expect(try r.hush(["verify"]).status == 0)
    }

    /// Exposed marks belong to values: unset then set, and renames, keep them; an
    /// acknowledgement removes a mark and stays recorded.
    @Test func marksFollowValuesAndAcksAreRecorded() throws {
        let r = try Repo()
        #expect(try r.hush(["set", "production", "FEATURE_FLAG"], stdin: "on").status == 0)
        #expect(try r.hush(["recipients", "remove", "bob"]).status == 0)
        func marks() throws -> [String] {
            try r.box.read(".secrets/production.env").split(separator: "\n").filter { $0.hasPrefix("#hush:exposed ") }.map {
                String($0.split(separator: " ").last!)
            }
        }
        #expect(try marks() == ["API_KEY", "DATABASE_URL", "FEATURE_FLAG"])
        #expect(try r.hush(["unset", "production", "API_KEY"]).status == 0)
        #expect(try marks() == ["API_KEY", "DATABASE_URL", "FEATURE_FLAG"], "an unset value may come back: its mark stays")
        #expect(try r.hush(["set", "production", "API_KEY"], stdin: "prod-key-1").status == 0)
        #expect(try marks() == ["API_KEY", "DATABASE_URL", "FEATURE_FLAG"])
        #expect(try r.hush(["set", "production", "API_KEY"], stdin: "prod-key-2").status == 0)
        #expect(try marks() == ["DATABASE_URL", "FEATURE_FLAG"], "a new value clears it")
        let ack = try r.hush(["exposed", "ack", "production", "FEATURE_FLAG", "--reason", "a feature flag, not a secret"])
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(try marks() == ["DATABASE_URL"])
        #expect(try r.box.read(".secrets/production.env").contains(" alice FEATURE_FLAG a feature flag, not a secret\n"))
        expectFailure(try r.hush(["exposed", "ack", "production", "API_KEY", "--reason", "x"]), status: 2, mentions: "not marked exposed")
        try r.commit("ack")
        let log = try r.hush(["log", "production"])
        #expect(log.stdout.contains("acknowledged FEATURE_FLAG as not secret (by alice: a feature flag, not a secret)"), "\(log.stdout)")
    }

    /// Issue 10, item 7: an empty YAML key gets a path (`""`) that the trailer can hold, so
    /// offboarding works with it, twice.
    @Test func emptyKeyMarksSurviveRemoval() throws {
        let r = try Repo()
        try r.box.write("plain.yaml", "\"\": empty-key-value\nx:\n  \"\": nested\n")
        let encrypted = try r.hush(["encrypt", "plain.yaml", "--env", "odd"])
        #expect(encrypted.status == 0, "\(encrypted.stderr)")
        try r.box.write("recipients/carol.pub", r.keys["mallory"]!.recipient + "\n")
        #expect(try r.hush(["sync", "--yes"]).status == 0)
        #expect(try r.hush(["recipients", "remove", "bob"]).status == 0)
        #expect(try r.box.read(".secrets/odd.yaml").contains(" \"\"\n"))
        let second = try r.hush(["recipients", "remove", "carol"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try r.hush(["get", "odd", "x.\"\""]).stdout == "nested")
        #expect(try r.hush(["verify"]).status == 0)
    }

    /// A version 1 vault (this repository's demo vault as it was) is refused with the hint, and
    /// `hush upgrade` moves it to version 2 with every value and mark.
    @Test func upgradeFromVersionOne() throws {
        let box = try Sandbox()
        // A private copy of the test key: a key file others can read gets a warning line.
        let alice = box.root.appendingPathComponent("test-alice.key").path
        #expect(try box.shell("cp '\(DemoVaultTests.key("test-alice"))' '\(alice)' && chmod 600 '\(alice)'").status == 0)
        try box.write("recipients/test-alice.pub", "age1jjjk6teq4flwyffyf5yc2qfhwjunzytzp3qfp93j5unes8pz6ekqdun5lw\n")
        try box.write("recipients/test-ci.pub", "age15pxgw25j2kjkw69k39t5zmh0jxcpu7jk9mtzjmf985azgj77f3pqpztk9d\n")
        try box.write(".secrets/demo-dotenv.env", Self.versionOneFile)
        #expect(try box.shell("git add -A && git commit -qm v1").status == 0)
        let refused = try box.hush(["get", "demo-dotenv", "API_TOKEN", "--identity", alice])
        expectFailure(refused, status: 4, mentions: "format version 1")
        #expect(refused.stderr.contains("hush upgrade"))
        let upgraded = try box.hush(["upgrade", "--identity", alice])
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(upgraded.stdout.contains("created recipients/repository"))
        #expect(upgraded.stdout.contains("upgraded .secrets/demo-dotenv.env"))
        #expect(try box.read("recipients/test-alice.pub").contains("hushsign1"))
        #expect(try box.hush(["get", "demo-dotenv", "API_TOKEN", "--identity", alice]).stdout == "demo-token-0123456789")
        #expect(try box.hush(["verify", "--identity", alice]).status == 0)
        let again = try box.hush(["upgrade", "--identity", alice])
        #expect(again.stdout.contains("current  .secrets/demo-dotenv.env"))
        // A version 1 file changed without its key is not upgraded.
        try box.write(".secrets/demo-dotenv.env", Self.versionOneFile.replacingOccurrences(of: "EMPTY=", with: "EMPTY=x"))
        #expect(try box.hush(["upgrade", "--identity", alice]).status == 4)
    }

    /// `.secrets/demo-dotenv.env` as format version 1 wrote it (test-only keys).
    static let versionOneFile = """
        # Demo dotenv environment (TEST-ONLY values)
        API_TOKEN=ENC[hush:v1,s,kq5eIr_P1zyScYpnqHi1p5QUowE5UNCdD44LZkaHi6n_eiMXbo7LeRa4QhkVc8Vgcnta1DqPOsNjgtn-VApTTotvMxnteAbN]
        export SMTP_PASSWORD=ENC[hush:v1,s,sX0DrxhAM58b5XsxKV0rVon3xp380vw_4jvYreoHZgYV767VHvQ6hPfWaN5R9uzORbK2vzZ6gJlIWTX-NXbtjaE3OUEtCbO6]   # quoted
        EMPTY=
        #hush:version 1
        #hush:modified 2026-11-22T23:10:22Z
        #hush:recipient test-alice age1jjjk6teq4flwyffyf5yc2qfhwjunzytzp3qfp93j5unes8pz6ekqdun5lw Bia4mg7cZlb98uETxzwWEdXUaLEtQC-LYvk0uC0N7n3J4DsJARO0fc-rV_tcTQG9D9_B0tPtOrnAMI6bN-iJWCkgsM2WctE_7c2x0DGobfk
        #hush:recipient test-ci age15pxgw25j2kjkw69k39t5zmh0jxcpu7jk9mtzjmf985azgj77f3pqpztk9d ULbROn4ChWmn9znjlqSZ2po0YGOeUVWDue5IY1xF8BNgxQKcLSbldWhWVbumdy8juy7aTXWFXAlsacyDfEHR8dLS7IMVvbYC8G4cI2njLfo
        #hush:mac Q2NmJmHfXYBFvIZMW5xlzm2oSUrKV-K9_LEh4ojjGnM

        """
}
