import Foundation
import Testing

/// Git integration end to end, in real temporary repositories: `hush init` / `hush git setup`
/// wiring, `git diff` / `git log -p` / `git show` through `hush git textconv` with and without a
/// key, the once-per-clone note, and `hush diff`.
@Suite struct GitDiffCLITests {
    /// alice's repository (via `hush init`) with production = {DB_PASSWORD, API_KEY} committed.
    func repository() throws -> Sandbox {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "production", "DB_PASSWORD"], stdin: "old-secret").status == 0)
        #expect(try box.hush(["set", "production", "API_KEY"], stdin: "keep-me").status == 0)
        #expect(try box.shell("git add -A && git commit -qm one").status == 0)
        return box
    }

    /// Environment for running as someone without any identity (an empty home folder).
    func keyless(_ box: Sandbox) throws -> [String: String] {
        let home = box.root.appendingPathComponent("keyless-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return ["HOME": home.path]
    }

    func git(_ box: Sandbox, _ command: String, env: [String: String] = [:], in directory: URL? = nil) throws -> String {
        let result = try box.shell("git " + command, env: env, in: directory)
        #expect(result.status == 0, "git \(command): \(result.stderr)")
        return result.stdout
    }

    @Test func initConfiguresTheDriversByAbsolutePath() throws {
        let box = try Sandbox()
        try box.write(".gitattributes", "*.png binary\n")
        #expect(try box.hush(["keygen"]).status == 0)
        let made = try box.hush(["init", "--name", "alice"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("created .gitattributes lines"), "\(made.stdout)")
        #expect(made.stdout.contains("created git config diff.hush, merge.hush"), "\(made.stdout)")
        let attributes = try box.read(".gitattributes")
        #expect(attributes.hasPrefix("*.png binary\n"))
        for line in [".secrets/*.yaml diff=hush merge=hush", ".secrets/*.yml diff=hush merge=hush", ".secrets/*.env diff=hush merge=hush"] {
            #expect(attributes.components(separatedBy: line + "\n").count == 2, "\(attributes)")
        }
        #expect(try git(box, "config --local diff.hush.textconv") == "\(Sandbox.binary) git textconv\n")
        #expect(try git(box, "config --local diff.hush.cachetextconv") == "false\n")
        #expect(try git(box, "config --local merge.hush.name") == "Hush per-key merge\n")
        #expect(try git(box, "config --local merge.hush.driver") == "\(Sandbox.binary) merge-driver %O %A %B %P\n")
        // Nothing in the global configuration.
        #expect(!(try String(contentsOf: box.home.appendingPathComponent(".gitconfig"), encoding: .utf8)).contains("hush"))
    }

    @Test func setupIsIdempotentAndRepairsOnlyWhatIsMissing() throws {
        let box = try repository()
        let attributes = try box.bytes(".gitattributes")
        let config = try box.bytes(".git/config")
        let again = try box.hush(["git", "setup"])
        #expect(again.status == 0 && again.stdout == "already set up: .gitattributes and this clone's git config\n", "\(again.stdout)\(again.stderr)")
        #expect(try box.bytes(".gitattributes") == attributes && box.bytes(".git/config") == config)
        let init2 = try box.hush(["init"])
        #expect(init2.status == 0 && !init2.stdout.contains("created"), "\(init2.stdout)")
        _ = try git(box, "config --local --unset diff.hush.textconv")
        let repaired = try box.hush(["git", "setup"])
        #expect(repaired.stdout == "git config diff.hush.textconv = \(Sandbox.binary) git textconv\n", "\(repaired.stdout)")
        #expect(try box.bytes(".gitattributes") == attributes)
        #expect(try box.hush(["git", "setup"]).stdout.hasPrefix("already set up"))

        // Outside a git repository: an error, and no file written.
        let outside = box.root.appendingPathComponent("no-git")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent(".secrets"), withIntermediateDirectories: true)
        expectFailure(try box.hush(["git", "setup"], in: outside), status: 6, mentions: "git config failed")
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent(".gitattributes").path))
        expectFailure(try box.hush(["diff"], in: outside), status: 2, mentions: "not in a git repository")
    }

    @Test func gitDiffLogAndShowDecryptForAKeyHolderOnly() throws {
        let box = try repository()
        #expect(try box.hush(["set", "production", "DB_PASSWORD"], stdin: "new-secret").status == 0)
        let nokey = try keyless(box)

        let diff = try git(box, "diff")
        #expect(diff.contains("-DB_PASSWORD=old-secret\n+DB_PASSWORD=new-secret\n"), "\(diff)")
        #expect(diff.contains(" API_KEY=keep-me\n"), "\(diff)")
        #expect(diff.contains(" #hush: sealed to alice (age SHA256:"), "\(diff)")
        #expect(!diff.contains("ENC["))

        let sealed = try git(box, "diff", env: nokey)
        #expect(sealed.contains("-DB_PASSWORD=<sealed:") && sealed.contains("+DB_PASSWORD=<sealed:"), "\(sealed)")
        #expect(sealed.contains(" API_KEY=<sealed:"), "an unchanged value is an unchanged line: \(sealed)")
        #expect(sealed.contains(" #hush: values hidden: none of your identities opens this file"), "\(sealed)")
        #expect(!sealed.contains("old-secret") && !sealed.contains("new-secret") && !sealed.contains("keep-me") && !sealed.contains("ENC["))

        #expect(try box.shell("git commit -qam two").status == 0)
        let log = try git(box, "log -p")
        #expect(log.contains("+DB_PASSWORD=old-secret\n+API_KEY=keep-me\n"), "first commit: \(log)")
        #expect(log.contains("-DB_PASSWORD=old-secret\n+DB_PASSWORD=new-secret\n"), "\(log)")
        let keylessLog = try git(box, "log -p", env: nokey)
        #expect(keylessLog.contains("+DB_PASSWORD=<sealed:") && !keylessLog.contains("-secret"), "\(keylessLog)")

        let show = try git(box, "show HEAD")
        #expect(show.contains("-DB_PASSWORD=old-secret\n+DB_PASSWORD=new-secret\n"), "\(show)")
        let keylessShow = try git(box, "show HEAD", env: nokey)
        #expect(keylessShow.contains("-DB_PASSWORD=<sealed:") && !keylessShow.contains("-secret"), "\(keylessShow)")
        // The raw file is still there for whoever asks for it.
        #expect(try git(box, "show --no-textconv HEAD").contains("+DB_PASSWORD=ENC[hush:v2,s,"))

        // A membership change shows as a summary line.
        let bob = try box.keygen("bob")
        #expect(try box.hush(["recipients", "add", "--yes", "bob", bob.recipient]).status == 0)
        let added = try git(box, "diff")
        #expect(added.contains("+#hush: sealed to bob (age SHA256:"), "\(added)")
        #expect(!added.contains("-DB_PASSWORD"), "values did not change: \(added)")
    }

    @Test func textconvPrintsOtherFilesAsTheyAre() throws {
        let box = try repository()
        try box.write("notes.env", "PLAIN=1\n#hush:version 1\n")
        let result = try box.hush(["git", "textconv", "notes.env"])
        #expect(result.status == 0 && result.stdout == "PLAIN=1\n#hush:version 1\n" && result.stderr.isEmpty, "\(result)")
        let sealed = try box.hush(["git", "textconv", ".secrets/production.env"])
        #expect(sealed.stdout.hasPrefix("DB_PASSWORD=old-secret\nAPI_KEY=keep-me\n#hush: sealed to alice"), "\(sealed.stdout)")
        let missing = try box.hush(["git", "textconv", "nowhere.env"])
        #expect(missing.status == 2 && missing.stdout.isEmpty)
    }

    @Test func theNoteAppearsOncePerCloneAndNeverOnStdout() throws {
        let box = try repository()
        let note = "hush: note: git diff and merge of .secrets/ need per-clone setup: run `hush git setup`\n"
        #expect(!(try box.hush(["keys", "production"]).stderr.contains("note:")), "configured by init")

        _ = try git(box, "clone -q repo clone", in: box.root)
        let clone = box.root.appendingPathComponent("clone")
        let first = try box.hush(["keys", "production"], in: clone)
        #expect(first.status == 0 && first.stdout == "DB_PASSWORD\nAPI_KEY\n")
        #expect(first.stderr == note, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: clone.appendingPathComponent(".git/hush-setup-hint").path))
        #expect(try box.hush(["keys", "production"], in: clone).stderr.isEmpty, "once per clone")
        #expect(try box.hush(["status"], in: clone.appendingPathComponent(".secrets")).stderr.isEmpty)

        // `hush exec` in a fresh clone: the note on stderr, the command's output alone on stdout.
        _ = try git(box, "clone -q repo clone2", in: box.root)
        let clone2 = box.root.appendingPathComponent("clone2")
        let exec = try box.hush(["exec", "production", "--", "printenv", "DB_PASSWORD"], in: clone2)
        #expect(exec.status == 0 && exec.stdout == "old-secret\n", "\(exec)")
        #expect(exec.stderr == note)

        // Setup, textconv, help and version never print it, nor leave the marker; nor does
        // any command in CI (CI=true) or with HUSH_NO_SETUP_NOTE=1.
        _ = try git(box, "clone -q repo clone3", in: box.root)
        let clone3 = box.root.appendingPathComponent("clone3")
        for env in [["CI": "true"], ["HUSH_NO_SETUP_NOTE": "1"]] {
            let quiet = try box.hush(["keys", "production"], env: env, in: clone3)
            #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(env): \(quiet.stderr)")
        }
        for args in [["--help"], ["--version"], ["keys", "--help"], ["git", "textconv", ".secrets/production.env"], ["help", "keys"], []] {
            let quiet = try box.hush(args, in: clone3)
            #expect(!quiet.stderr.contains("note:"), "\(args): \(quiet.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: clone3.appendingPathComponent(".git/hush-setup-hint").path))
        let setup = try box.hush(["git", "setup"], in: clone3)
        #expect(setup.status == 0 && setup.stderr.isEmpty && setup.stdout.contains("git config merge.hush.driver"), "\(setup)")
        #expect(!setup.stdout.contains(".gitattributes"), "already committed: \(setup.stdout)")
        #expect(try box.hush(["keys", "production"], in: clone3).stderr.isEmpty)
        #expect(try git(box, "status --porcelain", in: clone3).isEmpty, "setup changed no tracked file")

        // A linked work tree of an unconfigured clone: the note once, remembered in the clone.
        _ = try git(box, "clone -q repo clone4", in: box.root)
        _ = try git(box, "worktree add -q ../wt4", in: box.root.appendingPathComponent("clone4"))
        let wt = box.root.appendingPathComponent("wt4")
        #expect(try box.hush(["keys", "production"], in: wt).stderr == note)
        #expect(FileManager.default.fileExists(atPath: box.root.appendingPathComponent("clone4/.git/hush-setup-hint").path))
        #expect(try box.hush(["keys", "production"], in: box.root.appendingPathComponent("clone4")).stderr.isEmpty)
    }

    @Test func hushDiffKinds() throws {
        let box = try repository()
        #expect(try box.hush(["set", "staging", "X"], stdin: "x").status == 0)
        #expect(try box.shell("git add -A && git commit -qm staging").status == 0)
        #expect(try box.hush(["diff"]).stdout.isEmpty)
        #expect(try box.hush(["diff", "--exit-code"]).status == 0)

        #expect(try box.hush(["set", "production", "DB_PASSWORD"], stdin: "new-secret").status == 0)
        #expect(try box.hush(["unset", "production", "API_KEY"]).status == 0)
        #expect(try box.hush(["set", "production", "NEW_KEY"], stdin: "fresh").status == 0)
        try FileManager.default.removeItem(at: box.path(".secrets/staging.env"))
        #expect(try box.hush(["set", "dev", "K"], stdin: "v").status == 0)

        let diff = try box.hush(["diff"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(
            diff.stdout == """
                dev: .secrets/dev.env (new, not at HEAD)
                + K (added)

                production: .secrets/production.env (HEAD → work tree)
                ~ DB_PASSWORD (changed)
                + NEW_KEY (added)
                - API_KEY (removed)

                staging: .secrets/staging.env (deleted, only at HEAD)
                - X (removed)

                """, "\(diff.stdout)")
        #expect(!diff.stdout.contains("-secret") && !diff.stdout.contains("keep-me"))
        #expect(try box.hush(["diff", "--exit-code"]).status == 1)

        let values = try box.hush(["diff", "production", "--values"])
        #expect(values.status == 0, "\(values.stderr)")
        #expect(
            values.stdout
                == "production: .secrets/production.env (HEAD → work tree)\n~ DB_PASSWORD (changed): \"old-secret\" → \"new-secret\"\n"
                + "+ NEW_KEY (added): \"fresh\"\n- API_KEY (removed): \"keep-me\"\n", "\(values.stdout)")

        // Without a key: the same kinds from the tokens; --values says the values are not
        // readable with your keys, and does not fail (issue 13: scope-aware).
        let nokey = try keyless(box)
        let sealed = try box.hush(["diff", "production"], env: nokey)
        #expect(sealed.status == 0, "\(sealed.stderr)")
        #expect(
            sealed.stdout
                == "production: .secrets/production.env (HEAD → work tree), compared by sealed text (no key opens both versions)\n"
                + "~ DB_PASSWORD (changed)\n+ NEW_KEY (added)\n- API_KEY (removed)\n", "\(sealed.stdout)")
        let partial = try box.hush(["diff", "--values"], env: nokey)
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.contains("values not shown: not readable with your keys"), "\(partial.stdout)")
        for secret in ["old-secret", "new-secret", "keep-me"] { #expect(!partial.stdout.contains(secret)) }

        // A revision argument, after committing.
        #expect(try box.shell("git add -A && git commit -qm three").status == 0)
        #expect(try box.hush(["diff"]).stdout.isEmpty)
        let since = try box.hush(["diff", "HEAD~1", "production", "staging"])
        #expect(since.stdout.hasPrefix("production: .secrets/production.env (HEAD~1 → work tree)\n~ DB_PASSWORD (changed)\n"), "\(since.stdout)")
        #expect(since.stdout.contains("staging: .secrets/staging.env (deleted, only at HEAD~1)\n- X (removed)\n"))
        #expect(!since.stdout.contains("dev"))
        expectFailure(try box.hush(["diff", "no-such-thing"]), status: 2, mentions: "neither an environment nor a git revision")
        expectFailure(try box.hush(["diff", "HEAD", "nowhere"]), status: 2, mentions: "no environment \"nowhere\"")
    }

    @Test func aRekeyIsNoChangeForAKeyHolder() throws {
        let box = try repository()
        #expect(try box.hush(["rekey", "production"]).status == 0)
        let keyed = try box.hush(["diff"])
        #expect(keyed.status == 0 && keyed.stdout.isEmpty, "\(keyed.stdout)\(keyed.stderr)")
        #expect(try git(box, "diff --no-textconv").contains("-DB_PASSWORD=ENC["), "every token changed")
        #expect(try git(box, "diff").isEmpty, "but, decrypted, nothing did")
        let keyless = try box.hush(["diff"], env: try keyless(box))
        #expect(keyless.stdout.contains("~ DB_PASSWORD (changed)\n~ API_KEY (changed)\n"), "\(keyless.stdout)")
    }

    @Test func anEnvironmentNameWinsOverABranchOfTheSameName() throws {
        let box = try repository()
        _ = try git(box, "branch production")
        #expect(try box.hush(["set", "production", "DB_PASSWORD"], stdin: "changed").status == 0)
        let named = try box.hush(["diff", "production"])
        #expect(named.stdout.hasPrefix("production: .secrets/production.env (HEAD → work tree)\n~ DB_PASSWORD (changed)\n"), "\(named.stdout)")
        let revision = try box.hush(["diff", "production~0"])
        #expect(revision.stdout.hasPrefix("production: .secrets/production.env (production~0 → work tree)\n"), "\(revision.stdout)")
    }
}
