import Foundation
import Testing

@Suite struct RecipientsCLITests {
    /// Issue 13: `recipients add` lists what it will grant and asks, like `sync`; without a
    /// terminal and without --yes it grants nothing and leaves recipients/ as it was.
    @Test func addAsksBeforeGranting() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "alpha-value").status == 0)
        let before = try box.read(".secrets/dev.env")
        let bob = try box.keygen("bob")
        let refused = try box.hush(["recipients", "add", "bob", bob.recipient], stdin: "")
        #expect(refused.status == 5, "\(refused.stderr)")
        #expect(refused.stderr.contains(".secrets/dev.env: bob (age SHA256:"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.path("recipients/bob.pub").path))
        #expect(try box.read(".secrets/dev.env") == before)
        #expect(try box.hush(["recipients", "add", "--yes", "bob", bob.recipient]).status == 0)
        #expect(try box.hush(["get", "dev", "A", "--identity", bob.path], env: ["HOME": box.root.path]).stdout == "alpha-value")
    }

    @Test func addingAMemberAddsOneLineAndTheMAC() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "alpha-value").status == 0)
        #expect(try box.hush(["set", "cfg", "x.y", "--format", "yaml"], stdin: "nested").status == 0)
        let before = try box.read(".secrets/dev.env")
        let bob = try box.keygen("bob")
        let added = try box.hush(["recipients", "add", "--yes", "bob", bob.recipient])
        #expect(added.status == 0, "\(added.stderr)")
        let diff = Sandbox.lineDiff(before, try box.read(".secrets/dev.env"))
        #expect(diff.removed.count == 3 && diff.removed.contains { $0.hasPrefix("#hush:mac ") }, "\(diff)")
        #expect(diff.added.count == 4 && diff.added.contains { $0.hasPrefix("#hush:recipient bob \(bob.recipient.firstLine) ") })
        #expect(try box.hush(["get", "dev", "A", "--identity", bob.path], env: ["HOME": box.root.path]).stdout == "alpha-value")
        #expect(try box.hush(["get", "cfg", "x.y", "--identity", bob.path], env: ["HOME": box.root.path]).stdout == "nested")
        let list = try box.hush(["recipients", "list"]).stdout
        #expect(list.contains("alice\tage\tSHA256:") && list.contains("bob\tage\tSHA256:"))
        // A new environment is sealed to both.
        #expect(try box.hush(["set", "new", "K"], stdin: "v", env: ["HUSH_IDENTITY_FILE": bob.path, "HOME": box.root.path]).status == 0)
        #expect(try box.hush(["get", "new", "K"]).stdout == "v")
    }

    @Test func sshKeysAsRecipientAndIdentity() throws {
        let box = try Sandbox()
        try box.initialise()
        let made = try box.shell("ssh-keygen -q -t ed25519 -N '' -C carol@example -f '\(box.root.path)/carol'")
        try #require(made.status == 0, "ssh-keygen unavailable")
        let pub = try String(contentsOf: box.root.appendingPathComponent("carol.pub"), encoding: .utf8)
        let parts = pub.split(separator: " ").map(String.init)
        #expect(try box.hush(["set", "dev", "A"], stdin: "for-carol").status == 0)
        #expect(try box.hush(["recipients", "add", "--yes", "carol", parts[0], parts[1]]).status == 0)
        let got = try box.hush(["get", "dev", "A", "--identity", box.root.appendingPathComponent("carol").path], env: ["HOME": box.root.path])
        #expect(got.stdout == "for-carol", "\(got.stderr)")
    }
}
