import Testing

@testable import HushKit

/// The per-key merge rules, on plaintexts (no git).
@Suite struct ThreeWayMergeTests {
    static let identity = Identity.generate(source: "test")

    static func opened(_ text: String, _ syntax: Syntax = .yaml, keys: FileKeys) throws -> OpenedFile {
        let bytes = try Sealer.seal(
            Array(text.utf8), syntax: syntax, file: "t", recipients: [NamedRecipient(name: "a", recipient: identity.recipient)], keys: keys,
            previous: nil)
        let file = try SealedFile.parse(bytes, syntax: syntax, file: "t")
        return try file.decrypt(file.unlock(with: [identity]))
    }

    static func merge(_ base: String?, _ ours: String, _ theirs: String, _ syntax: Syntax = .yaml) throws -> ThreeWayMerge {
        let keys = FileKeys.random()
        return try ThreeWayMerge(
            base: base.map { try opened($0, syntax, keys: keys) }, ours: try opened(ours, syntax, keys: keys),
            theirs: try opened(theirs, syntax, keys: keys))
    }

    @Test func changesOnDifferentKeysCombineKeepingOursLayout() throws {
        let base = "# top\na: 1\nb:\n  c: x  # note\n  d: y\n"
        let ours = "# top, edited\na: 2\nb:\n  c: x  # note\n  d: y\n"
        let theirs = "# top\na: 1\nb:\n  c: \"z\"  # note\n  d: y\n  e: 5\n"
        let merged = try Self.merge(base, ours, theirs)
        #expect(String(decoding: merged.plaintext, as: UTF8.self) == "# top, edited\na: 2\nb:\n  c: \"z\"  # note\n  d: y\n  e: 5\n")
        #expect(merged.conflicts.isEmpty)
        #expect(merged.fromTheirs == [[.key("b"), .key("c")], [.key("b"), .key("e")]])
    }

    /// Issue 11: anchors, aliases, merge keys and tags are ours' like comments; values under
    /// them merge by key, and a change of theirs to them is left to a merge by hand.
    @Test func referencesAreOursAndTheirChangesToThemAreNotGuessed() throws {
        let base = "d: &d {pw: x}\nweb:\n  <<: *d\n  host: h\nb: 1\n"
        let merged = try Self.merge(base, base.replacingAll("host: h", with: "host: h2"), base.replacingAll("{pw: x}", with: "{pw: y}"))
        #expect(String(decoding: merged.plaintext, as: UTF8.self) == "d: &d {pw: y}\nweb:\n  <<: *d\n  host: h2\nb: 1\n")
        // Ours changing references is fine: the result is ours' text.
        _ = try Self.merge(base, base.replacingAll("b: 1", with: "b: *d"), base.replacingAll("host: h", with: "host: h3"))
        // Theirs replacing a value by an alias would merge as a deletion: refused.
        #expect(throws: HushError.self) { try Self.merge(base, base, base.replacingAll("b: 1", with: "b: *d")) }
        #expect(throws: HushError.self) { try Self.merge(base, base, base.replacingAll("b: 1", with: "b: !!str 1")) }
    }

    @Test func deletionsAndIdenticalChanges() throws {
        let merged = try Self.merge("A=1\nB=2\nC=3\n", "A=1\nB=9\nC=3\n", "A=1\nB=9\n", .dotenv)
        #expect(String(decoding: merged.plaintext, as: UTF8.self) == "A=1\nB=9\n")
        #expect(merged.conflicts.isEmpty)
    }

    @Test func typesSurviveAnAddition() throws {
        let merged = try Self.merge("a: 1\n", "a: 1\n", "a: 1\nport: 5432\nflag: true\n")
        let outline = try YAMLOutline.scan(merged.plaintext, file: "t")
        #expect(outline.leaves.map(\.type) == [.int, .int, .bool])
    }

    @Test func conflictsKeepOneValueAndRecordTheOther() throws {
        let both = try Self.merge("A=1\n", "A=2\n", "A=3\n", .dotenv)
        #expect(String(decoding: both.plaintext, as: UTF8.self) == "A=2\n")
        #expect(both.conflicts.count == 1 && both.conflicts[0].side == .theirs && both.conflicts[0].alternative?.raw == Array("3".utf8))
        // Theirs deleted what ours changed: ours stays, the alternative is "deleted".
        let deleted = try Self.merge("A=1\nB=1\n", "A=2\nB=1\n", "B=1\n", .dotenv)
        #expect(String(decoding: deleted.plaintext, as: UTF8.self) == "A=2\nB=1\n")
        #expect(deleted.conflicts.first?.alternative == nil && deleted.conflicts.first?.side == .theirs)
        // Ours deleted what theirs changed: theirs' value comes back, flagged.
        let revived = try Self.merge("A=1\nB=1\n", "B=1\n", "A=5\nB=1\n", .dotenv)
        #expect(String(decoding: revived.plaintext, as: UTF8.self) == "B=1\nA=5\n")
        #expect(revived.conflicts.first?.side == .ours)
        // Both added the same key differently (no base).
        let added = try Self.merge(nil, "A=1\n", "A=2\n", .dotenv)
        #expect(added.conflicts.count == 1)
    }

    @Test func conflictMarkupShowsBothSides() throws {
        let merged = try Self.merge("db:\n  pw: a\n", "db:\n  pw: b\n", "db:\n  pw: c\n")
        let keys = FileKeys.random()
        let bytes = try Sealer.seal(
            merged.plaintext, syntax: .yaml, file: "t", recipients: [NamedRecipient(name: "a", recipient: Self.identity.recipient)], keys: keys,
            previous: nil, conflicts: merged.conflicts)
        let file = try SealedFile.parse(bytes, syntax: .yaml, file: "t")
        let opened = try file.decrypt(file.unlock(with: [Self.identity]))
        let shown = String(decoding: ConflictMarkup.render(opened, try opened.conflicts()), as: UTF8.self)
        #expect(shown == "db:\n<<<<<<< ours\n  pw: b\n=======\n  pw: c\n>>>>>>> theirs\n")
        #expect(ConflictMarkup.firstMarker(in: Array(shown.utf8)) == 2)
        #expect(ConflictMarkup.firstMarker(in: Array("db:\n  pw: b\n".utf8)) == nil)
        // A conflict line edited by hand breaks the MAC.
        let tampered = String(decoding: bytes, as: UTF8.self).replacingAll("#hush:conflict theirs", with: "#hush:conflict ours")
        let reparsed = try SealedFile.parse(Array(tampered.utf8), syntax: .yaml, file: "t")
        #expect(throws: HushError.self) { try reparsed.unlock(with: [Self.identity]) }
    }
}
