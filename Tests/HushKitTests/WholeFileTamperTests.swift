import Testing

@testable import HushKit

/// Issue 9: "any change to a sealed file made without the data key fails verify and every
/// read". For a sample dotenv and a sample YAML file, every byte position is flipped, deleted
/// and duplicated, and each result must be rejected by the full read (format.md §11).
@Suite struct WholeFileTamperTests {
    static let alice = Identity.generate(source: "alice")

    static func team() throws -> Membership {
        let writer = TestSigning.writer
        return Membership(
            members: [NamedRecipient(name: "alice", recipient: alice.recipient), NamedRecipient(name: "writer", recipient: writer.recipient)],
            policy: AccessPolicy(), signingKeys: ["writer": [writer.signingPublicKey.bytes], "alice": [alice.signingPublicKey.bytes]])
    }

    /// The whole read, as every command does it.
    static func read(_ bytes: [UInt8], _ syntax: Syntax, _ team: Membership) throws {
        let file = try SealedFile.parse(bytes, syntax: syntax, file: "t", context: TestSigning.context)
        try file.checkSignature(team)
        _ = try file.decrypt(file.unlock(with: [alice]))
    }

    static func sample(_ syntax: Syntax) throws -> [UInt8] {
        let text =
            syntax == .dotenv
            ? "# comment\nA=alpha\nexport B=\"two words\"  # note\n\nEMPTY=\n"
            : "# service\ndb:\n  host: db.internal  # primary\n  port: 5432\nflags: [a, \"b\"]\nempty: []\nnote: |\n  line\n"
        return try Sealer.seal(
            Array(text.utf8), syntax: syntax, file: "t", recipients: [NamedRecipient(name: "alice", recipient: alice.recipient)], keys: .random(),
            previous: nil, exposing: ["bob"])
    }

    @Test(arguments: [Syntax.dotenv, .yaml])
    func everyByteIsAuthenticated(_ syntax: Syntax) throws {
        let team = try Self.team()
        let good = try Self.sample(syntax)
        try Self.read(good, syntax, team)
        var accepted: [String] = []
        var checked = 0
        for i in good.indices {
            var flipped = good
            flipped[i] ^= 0x01
            var deleted = good
            deleted.remove(at: i)
            var inserted = good
            inserted.insert(good[i], at: i)
            for (what, bytes) in [("flip", flipped), ("delete", deleted), ("insert", inserted)] {
                checked += 1
                if (try? Self.read(bytes, syntax, team)) != nil { accepted.append("\(what) at byte \(i)") }
            }
        }
        #expect(checked == good.count * 3)
        #expect(accepted.isEmpty, "\(accepted.count) of \(checked) changes were accepted: \(accepted.prefix(10))")
    }
}
