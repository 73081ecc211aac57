import Testing

@testable import HushKit

@Suite struct AccessPolicyTests {
    static let members: Set<String> = ["alice", "bob", "carol", "ci-prod"]

    static func parse(_ text: String) throws -> AccessPolicy {
        try AccessPolicy.parse(Array(text.utf8), file: "access.yaml", members: members)
    }

    @Test func groupsExpandAndUnlistedEnvironmentsAreOpenToAll() throws {
        let policy = try Self.parse(
            "environments:\n  production: [alice, ci-prod]\n  staging:\n    - devs\n    - ci-prod\ngroups:\n  devs: [alice, bob]\n")
        #expect(policy.readers(of: "production", members: Self.members) == ["alice", "ci-prod"])
        #expect(policy.readers(of: "staging", members: Self.members) == ["alice", "bob", "ci-prod"])
        #expect(policy.readers(of: "dev", members: Self.members) == Self.members)
        #expect(try Self.parse("").readers(of: "production", members: Self.members) == Self.members)
    }

    /// Names without a `.pub` (a member in the same pull request) are pending, not errors.
    @Test func absentNamesArePending() throws {
        let policy = try Self.parse("environments:\n  production: [alice, mallory]\ngroups:\n  devs: [alice, dave]\n")
        #expect(policy.absent == ["mallory": 2, "dave": 4])
        #expect(policy.readers(of: "production", members: ["alice", "bob"]).contains("alice"))
    }

    @Test func errorsNameTheLine() {
        let cases: [(String, String)] = [
            ("environments:\n  production: []\n", "access.yaml:2:"),
            ("environments:\n  production:\n", "access.yaml:2:"),
            ("groups:\n  alice: [bob]\n", "access.yaml:2:"),
            ("envs:\n  a: [alice]\n", "access.yaml:1:"),
            ("- alice\n", "access.yaml:1:"),
            ("environments:\n  production: [alice, {x: y}]\n", "access.yaml:2:"),
        ]
        for (text, location) in cases {
            do {
                _ = try Self.parse(text)
                Issue.record("accepted: \(text)")
            } catch let error as HushError {
                #expect(error.kind == .badInput)
                #expect(error.message.hasPrefix(location), "\(error.message)")
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func removingANameKeepsEveryOtherByte() throws {
        let text =
            "# who reads what\nenvironments:\n  production: [alice, bob, ci-prod]  # reviewed\n  staging: [bob, alice]\n  dev: [alice,bob]\ngroups:\n  devs:\n    - alice\n    - bob   # on leave\n    - carol\n"
        let edited = try AccessPolicy.removing("bob", from: Array(text.utf8), file: "access.yaml")
        #expect(
            String(decoding: edited, as: UTF8.self)
                == "# who reads what\nenvironments:\n  production: [alice, ci-prod]  # reviewed\n  staging: [alice]\n  dev: [alice]\ngroups:\n  devs:\n    - alice\n    - carol\n"
        )
        #expect(throws: HushError.self) { try AccessPolicy.removing("bob", from: Array("environments:\n  x: [bob]\n".utf8), file: "a") }
        #expect(try AccessPolicy.removing("zed", from: Array(text.utf8), file: "a") == Array(text.utf8))
    }
}

@Suite struct ExposureTests {
    static let identity = Identity.generate(source: "test")
    static var recipients: [NamedRecipient] { [NamedRecipient(name: "alice", recipient: identity.recipient)] }

    static func open(_ bytes: [UInt8]) throws -> OpenedFile {
        let file = try SealedFile.parse(bytes, syntax: .dotenv, file: "t.env")
        return try file.decrypt(file.unlock(with: [identity]))
    }

    @Test func marksAreAddedKeptAndClearedByAChange() throws {
        let first = try Sealer.seal(
            Array("A=1\nB=2\nC=\n".utf8), syntax: .dotenv, file: "t.env", recipients: Self.recipients, keys: .random(), previous: nil,
            now: "2026-01-01T00:00:00Z")
        let opened = try Self.open(first)
        // Rotation that drops bob marks every non-empty value.
        let rotated = try opened.signed().reseal(opened.plaintext, recipients: Self.recipients, rotate: true, exposing: ["bob"])
        let marked = try Self.open(rotated)
        #expect(marked.sealed.trailer.exposed.map(\.path) == ["A", "B"])
        #expect(marked.sealed.trailer.exposed.allSatisfy { $0.members == ["bob"] })
        // A second rotation keeps the first time and adds the name.
        let again = try Self.open(try marked.signed().reseal(marked.plaintext, recipients: Self.recipients, rotate: true, exposing: ["ann"]))
        #expect(again.sealed.trailer.exposed.map(\.members) == [["ann", "bob"], ["ann", "bob"]])
        #expect(again.sealed.trailer.exposed.map(\.since) == marked.sealed.trailer.exposed.map(\.since))
        // Changing B clears its mark only.
        let changed = try Self.open(try again.signed().reseal(Array("A=1\nB=new\nC=\n".utf8), recipients: Self.recipients))
        #expect(changed.sealed.trailer.exposed.map(\.path) == ["A"])
        // Marks follow values (format.md §6.1): a rename keeps A's mark at the new key,
        let renamed = try Self.open(try changed.signed().reseal(Array("A2=1\nB=new\nC=\n".utf8), recipients: Self.recipients))
        #expect(renamed.sealed.trailer.exposed.map(\.path) == ["A2"])
        // an unset keeps it (dormant, at its last key), and setting the value again revives it,
        let removed = try Self.open(try renamed.signed().reseal(Array("B=new\nC=\n".utf8), recipients: Self.recipients))
        #expect(removed.sealed.trailer.exposed.map(\.path) == ["A2"])
        let back = try Self.open(try removed.signed().reseal(Array("B=new\nC=\nZ=1\n".utf8), recipients: Self.recipients))
        #expect(back.sealed.trailer.exposed.map(\.path) == ["Z"])
        #expect(back.sealed.trailer.exposed[0].since == marked.sealed.trailer.exposed[0].since)
        // a rotation re-seals the mark's value under the new key and keeps it,
        let rotatedAgain = try Self.open(try back.signed().reseal(back.plaintext, recipients: Self.recipients, rotate: true))
        #expect(rotatedAgain.sealed.trailer.exposed.map(\.path) == ["Z"])
        // and an acknowledgement removes it with a recorded line.
        let acked = try Self.open(
            try rotatedAgain.signed().reseal(
                rotatedAgain.plaintext, recipients: Self.recipients, acknowledging: Sealer.Acknowledging(path: [.key("Z")], reason: "not a secret")))
        #expect(acked.sealed.trailer.exposed.isEmpty)
        #expect(acked.sealed.trailer.acks.map(\.line) == ["#hush:ack \(acked.sealed.trailer.acks[0].time) writer Z not a secret"])
        // Setting a new value where a dormant mark's key was clears it: the value was changed.
        let dormant = try Self.open(try renamed.signed().reseal(Array("B=new\nC=\n".utf8), recipients: Self.recipients))
        let replaced = try Self.open(try dormant.signed().reseal(Array("A2=rotated\nB=new\nC=\n".utf8), recipients: Self.recipients))
        #expect(replaced.sealed.trailer.exposed.isEmpty)
    }

    @Test func malformedExposedLinesAreRejected() throws {
        let good = String(
            decoding: try Sealer.seal(
                Array("A=1\n".utf8), syntax: .dotenv, file: "t.env", recipients: Self.recipients, keys: .random(), previous: nil, exposing: ["bob"]),
            as: UTF8.self)
        let line = String(good.split(separator: "\n").first { $0.hasPrefix("#hush:exposed ") }!)
        for bad in [
            line.replacingAll(" bob ", with: " bob,ann "),  // names not sorted
            line.replacingAll(" bob ", with: " bob,bob "),
            line.replacingAll(" A", with: ""),  // no path
            line.replacingAll(" A", with: " A B"),  // a space in the path
            line.replacingAll(" bob ", with: " b!b "),
            line + "\n" + line,
        ] {
            #expect(throws: HushError.self) { try Trailer.split(Array(good.replacingAll(String(line), with: bad).utf8), file: "t") }
        }
    }
}

@Suite struct KeyPathEscapeTests {
    @Test func controlCharactersRoundTrip() throws {
        let path: [PathComponent] = [.key("tab\there"), .key("a.b\\c"), .key("new\nline")]
        let shown = KeyPath.display(path)
        #expect(shown == "tab\\x09here.a\\.b\\\\c.new\\x0Aline")
        #expect(try KeyPath.parseDotted(shown) == ["tab\there", "a.b\\c", "new\nline"])
        #expect(throws: HushError.self) { try KeyPath.parseDotted("a\\x0") }
        #expect(throws: HushError.self) { try KeyPath.parseDotted("a\\xZZ") }
    }
}
