import Foundation
import Testing

/// Bad input and tampering: one clear error, the documented status, no file changed, no secret
/// in the message.
@Suite struct TamperCLITests {
    static let secret = "correct-horse-battery-staple"

    func vault() throws -> Sandbox {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.env", "FIRST=\(Self.secret)\nSECOND=another-secret-value\n")
        #expect(try box.hush(["encrypt", "in.env", "--env", "dev"]).status == 0)
        try FileManager.default.removeItem(at: box.path("in.env"))
        return box
    }

    /// Applies `change` to the sealed file, then checks `get` fails with `status`.
    func expectTamperFails(_ status: Int32, mentions: String? = nil, _ change: (inout String) -> Void) throws {
        let box = try vault()
        var text = try box.read(".secrets/dev.env")
        change(&text)
        try box.write(".secrets/dev.env", text)
        let before = try box.bytes(".secrets/dev.env")
        expectFailure(try box.hush(["get", "dev", "SECOND"]), status: status, mentions: mentions, secrets: [Self.secret])
        expectFailure(try box.hush(["set", "dev", "THIRD"], stdin: "x"), status: status)
        #expect(try box.bytes(".secrets/dev.env") == before)
        #expect(try box.hush(["verify"]).status == status)
    }

    /// Changes one Base64 character of the line starting with `prefix`: `offset` characters
    /// before its end, or after its start when `fromStart`.
    static func flip(_ text: inout String, inLineStarting prefix: String, at offset: Int, fromStart: Bool = false) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = lines.firstIndex { $0.hasPrefix(prefix) }!
        var chars = Array(lines[i])
        let position = fromStart ? offset : chars.count - offset
        chars[position] = chars[position] == "A" ? "B" : "A"
        lines[i] = String(chars)
        text = lines.joined(separator: "\n")
    }

    @Test func flippedValueByte() throws { try expectTamperFails(4) { Self.flip(&$0, inLineStarting: "SECOND=", at: 5) } }
    @Test func flippedNonceByte() throws { try expectTamperFails(4) { Self.flip(&$0, inLineStarting: "SECOND=", at: 25, fromStart: true) } }
    @Test func flippedMAC() throws { try expectTamperFails(4, mentions: "signature") { Self.flip(&$0, inLineStarting: "#hush:mac", at: 3) } }
    @Test func flippedWrap() throws { try expectTamperFails(4, mentions: "signature") { Self.flip(&$0, inLineStarting: "#hush:recipient", at: 4) } }
    @Test func flippedSignature() throws {
        try expectTamperFails(4, mentions: "signature") { Self.flip(&$0, inLineStarting: "#hush:signature", at: 3) }
    }
    @Test func truncated() throws { try expectTamperFails(4) { $0 = String($0.prefix($0.count - 30)) } }
    @Test func unknownVersion() throws {
        try expectTamperFails(4, mentions: "version 3") { $0 = $0.replacingOccurrences(of: "#hush:version 2", with: "#hush:version 3") }
    }

    @Test func valueMovedToAnotherKey() throws {
        try expectTamperFails(4) { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let first = lines[0].dropFirst("FIRST=".count), second = lines[1].dropFirst("SECOND=".count)
            lines[0] = "FIRST=" + second
            lines[1] = "SECOND=" + first
            text = lines.joined(separator: "\n")
        }
    }

    @Test func recipientLineAddedByHand() throws {
        let other = try Sandbox()
        let mallory = try other.keygen("mallory")
        try expectTamperFails(4, mentions: "signature") { text in
            // A syntactically valid wrap for Mallory, inserted in sorted position.
            let wrap = String(repeating: "A", count: 106) + "Q"
            text = text.replacingOccurrences(
                of: "#hush:recipient alice", with: "#hush:recipient aaa-mallory \(mallory.recipient.firstLine) \(wrap)\n#hush:recipient alice")
        }
    }

    @Test func notARecipientListsNames() throws {
        let box = try vault()
        let bob = try box.keygen("bob")
        let result = try box.hush(["get", "dev", "FIRST", "--identity", bob.path], env: ["HOME": box.root.path])
        expectFailure(result, status: 3, mentions: "sealed to: alice", secrets: [Self.secret])
    }

    @Test func malformedInputNamesTheLine() throws {
        let box = try vault()
        try box.write("bad.env", "GOOD=1\nthis is not an assignment\n")
        expectFailure(try box.hush(["encrypt", "bad.env", "--env", "bad"]), status: 2, mentions: "bad.env:2:")
        try box.write("bad.yaml", "a: 1\nb: [unclosed\n")
        expectFailure(try box.hush(["encrypt", "bad.yaml", "--env", "bad"]), status: 2, mentions: "bad.yaml:")
        try box.write("anchor.yaml", "a: 1\nb: *x\n")
        expectFailure(try box.hush(["encrypt", "anchor.yaml", "--env", "bad"]), status: 2, mentions: "anchor.yaml:2:")
        #expect(!FileManager.default.fileExists(atPath: box.path(".secrets/bad.env").path))
        #expect(!FileManager.default.fileExists(atPath: box.path(".secrets/bad.yaml").path))
    }

    @Test func plaintextInASealedFile() throws {
        try expectTamperFails(4, mentions: "not sealed") { $0 = $0.replacingOccurrences(of: "FIRST=ENC", with: "ZERO=plain\nFIRST=ENC") }
    }

    @Test func passphraseProtectedSSHKeyExplainsWhatToDo() throws {
        let box = try Sandbox()
        let ssh = box.home.appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        let made = try box.shell("ssh-keygen -q -t ed25519 -N hunter2 -f '\(ssh.path)/id_ed25519'")
        try #require(made.status == 0, "ssh-keygen unavailable: \(made.stderr)")
        expectFailure(try box.hush(["whoami"]), status: 3, mentions: "passphrase")
    }
}
