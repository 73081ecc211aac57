import Foundation
import Testing

@Suite struct KeysCLITests {
    @Test func keygenWritesPrivateFileAndRefusesToOverwrite() throws {
        let box = try Sandbox()
        let made = try box.hush(["keygen"])
        #expect(made.status == 0)
        #expect(made.stdout.hasPrefix("age1") && made.stdout.hasSuffix("\n"))
        let file = box.home.appendingPathComponent(".config/hush/identity").path
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: box.home.appendingPathComponent(".config/hush").path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        expectFailure(try box.hush(["keygen"]), status: 5, mentions: "already exists")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        let forced = try box.hush(["keygen", "--force"])
        #expect(forced.status == 0 && forced.stdout != made.stdout)
    }

    @Test func keygenToStdoutForDeployKeys() throws {
        let box = try Sandbox()
        let made = try box.hush(["keygen", "--output", "-"])
        #expect(made.status == 0)
        #expect(made.stdout.contains("AGE-SECRET-KEY-1"))
        #expect(made.stderr.hasPrefix("age1"))
        let whoami = try box.hush(["whoami"], env: ["HUSH_IDENTITY": made.stdout])
        #expect(whoami.status == 0)
        #expect(whoami.stdout.hasPrefix(made.stderr.firstLine))
        #expect(made.stderr.split(separator: "\n").last?.hasPrefix("hushsign1") == true)
        #expect(whoami.stdout.contains("HUSH_IDENTITY"))
    }

    /// Issue 12, item 3: a full disk on standard output is an error, not a lost key.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "/dev/full is missing: not run"))
    func writeErrorsOnStandardOutputFail() throws {
        let box = try Sandbox()
        let lost = try box.shell("'\(Sandbox.binary)' keygen --output - > /dev/full")
        #expect(lost.status == 6, "\(lost.stderr)")
        #expect(lost.stderr.contains("hush: error: could not write to standard output"))
        #expect(!lost.stderr.contains("AGE-SECRET-KEY"))
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "value").status == 0)
        for command in ["get dev A", "keys dev", "decrypt dev"] {
            #expect(try box.shell("'\(Sandbox.binary)' \(command) > /dev/full").status == 6, "\(command)")
        }
    }

    @Test func whoamiListsEverySourceInOrder() throws {
        let box = try Sandbox()
        let a = try box.keygen("a")
        let b = try box.keygen("b")
        _ = try box.hush(["keygen"])
        let result = try box.hush(["whoami", "--identity", a.path], env: ["HUSH_IDENTITY_FILE": b.path])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(a.recipient.firstLine) && lines[1].hasPrefix(b.recipient.firstLine))
        #expect(lines[2].contains(".config/hush/identity"))
    }

    @Test func anIdentityFileOthersCanReadIsWarnedAboutOnce() throws {
        let box = try Sandbox()
        let key = try box.keygen("a")
        let quiet = try box.hush(["whoami", "--identity", key.path])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(chmod(key.path, 0o644) == 0)
        // Named twice, loaded twice, warned about once; the key still works.
        let warned = try box.hush(["whoami", "--identity", key.path, "--identity", key.path])
        #expect(warned.status == 0)
        #expect(warned.stdout.hasPrefix(key.recipient.firstLine))
        #expect(warned.stderr == "hush: warning: identity file \(key.path) is readable by others (mode 0644); run chmod 600 \(key.path)\n")
        // The key text in HUSH_IDENTITY has no file to check.
        let text = try String(contentsOfFile: key.path, encoding: .utf8)
        #expect(try box.hush(["whoami"], env: ["HUSH_IDENTITY": text]).stderr.isEmpty)
    }

    @Test func noIdentityIsAClearError() throws {
        let box = try Sandbox()
        expectFailure(try box.hush(["whoami"]), status: 3, mentions: "no identity found")
    }

    @Test func initIsIdempotentAndSlugsTheGitName() throws {
        let box = try Sandbox(user: "Zoë O'Neil Smith")
        _ = try box.hush(["keygen"])
        let first = try box.hush(["init"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: box.path("recipients/zo-o-neil-smith.pub").path))
        #expect(FileManager.default.fileExists(atPath: box.path(".secrets").path))
        let ignore = try box.read(".gitignore")
        #expect(ignore.contains(".secrets/*.plain*") && ignore.contains("*.hush-tmp"))
        let second = try box.hush(["init"])
        #expect(second.status == 0)
        #expect(try box.read(".gitignore") == ignore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.path("recipients").path).sorted() == ["repository", "zo-o-neil-smith.pub"])
    }

    /// Issue 13: without user.name, GIT_AUTHOR_NAME names the member; without either, init
    /// fails and leaves nothing behind.
    @Test func initUsesGitAuthorNameAndLeavesNothingOnFailure() throws {
        let box = try Sandbox()
        _ = try box.hush(["keygen"])
        #expect(try box.shell("git config --global --unset user.name").status == 0)
        expectFailure(try box.hush(["init"]), status: 2, mentions: "GIT_AUTHOR_NAME")
        for leftover in [".secrets", "recipients", ".gitignore", ".gitattributes"] {
            #expect(!FileManager.default.fileExists(atPath: box.path(leftover).path), "\(leftover) left behind")
        }
        let named = try box.hush(["init"], env: ["GIT_AUTHOR_NAME": "Ada Lovelace"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(FileManager.default.fileExists(atPath: box.path("recipients/ada-lovelace.pub").path))
    }

    @Test func initOutsideGitFails() throws {
        let box = try Sandbox()
        _ = try box.hush(["keygen"])
        expectFailure(try box.hush(["init"], in: box.home), status: 2, mentions: "git")
    }

    @Test func privateKeyPastedAsRecipientIsRefused() throws {
        let box = try Sandbox()
        try box.initialise()
        let secret = try String(contentsOf: box.home.appendingPathComponent(".config/hush/identity"), encoding: .utf8)
        let key = secret.split(separator: "\n").first { $0.hasPrefix("AGE-SECRET-KEY-") }!
        try box.write("recipients/mallory.pub", String(key) + "\n")
        expectFailure(try box.hush(["recipients", "list"]), status: 2, mentions: "recipients/mallory.pub", secrets: [String(key)])
    }

    @Test func versionAndHelpExamples() throws {
        let box = try Sandbox()
        #expect(try box.hush(["--version"]).stdout.hasPrefix("hush "))
        for command in [["set"], ["get"], ["exec"], ["recipients", "add"], ["decrypt"], ["verify"], ["keygen"], ["edit"]] {
            let help = try box.hush(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("\nEXAMPLE:\n") && help.stdout.hasSuffix("\n"), "\(command)")
            #expect(help.stdout.components(separatedBy: "EXAMPLE:").last!.contains("hush \(command.joined(separator: " "))"), "\(command)")
        }
        expectFailure(try box.hush(["set"]), status: 64)
    }
}
