import Testing

@testable import HushKit

/// The pieces of `hush log` that need no git: reading `git log --raw` output, deriving a
/// revision from its parent, comparing revisions, recognising a new data key, opening old values.
@Suite struct KeyHistoryTests {
    /// A file sealed to one identity, changed step by step the way `hush set` changes it.
    struct Fixture {
        let identity = Identity.generate(source: "test")
        let syntax: Syntax
        var recipients: [NamedRecipient] { [NamedRecipient(name: "alice", recipient: identity.recipient)] }

        func seal(_ text: String) throws -> [UInt8] {
            try Sealer.seal(Array(text.utf8), syntax: syntax, file: "f", recipients: recipients, keys: .random(), previous: nil)
        }

        func change(_ sealed: [UInt8], to text: String, rotate: Bool = false) throws -> [UInt8] {
            let file = try SealedFile.parse(sealed, syntax: syntax, file: "f")
            let opened = try file.decrypt(file.unlock(with: [identity]))
            return try opened.signed().reseal(Array(text.utf8), recipients: recipients, rotate: rotate)
        }
    }

    static func paths(_ revision: FileRevision) -> [String] { revision.slots.map { KeyPath.display($0.path) } }

    static func tokens(_ revision: FileRevision) -> [[UInt8]] { revision.slots.indices.map { Array(revision.token($0)) } }

    /// The derived revision must describe the bytes exactly as a full scan does.
    static func expectSameAsScan(_ derived: FileRevision, _ bytes: [UInt8], syntax: Syntax) {
        let scanned = FileRevision.scan(bytes, syntax: syntax, file: "f")
        #expect(paths(derived) == paths(scanned))
        #expect(tokens(derived) == tokens(scanned))
    }

    @Test func changingOneValueIsFoundWithoutParsing() throws {
        for (syntax, before, after) in [
            (Syntax.dotenv, "A=1\n# note\nB=2\nC=3\n", "A=1\n# note\nB=two\nC=3\n"),
            (.yaml, "db:\n  host: h\n  password: p  # primary\nlist: [x, y]\n", "db:\n  host: h\n  password: q  # primary\nlist: [x, y]\n"),
        ] {
            let vault = Fixture(syntax: syntax)
            let old = try vault.seal(before)
            let new = try vault.change(old, to: after)
            let base = FileRevision.scan(old, syntax: syntax, file: "f")
            let next = try #require(base.successor(new, file: "f"))
            let changed = try #require(next.changed)
            #expect(changed.map { KeyPath.display(base.slots[$0].path) } == [syntax == .yaml ? "db.password" : "B"])
            Self.expectSameAsScan(next.revision, new, syntax: syntax)
            let delta = RevisionDelta(old: base, new: next.revision, changed: changed)
            #expect(!delta.rotated)
            #expect(delta.items.map(\.kind) == [.changed])
        }
    }

    @Test func structuralChangesAreScanned() throws {
        let yaml = Fixture(syntax: .yaml)
        let old = try yaml.seal("a: 1\nb: 2\n")
        let added = try yaml.change(old, to: "a: 1\nnew: 3\nb: 2\n")
        let base = FileRevision.scan(old, syntax: .yaml, file: "f")
        // A YAML key added: no shortcut, the caller scans.
        #expect(base.successor(added, file: "f") == nil)
        let scanned = FileRevision.scan(added, syntax: .yaml, file: "f")
        let delta = RevisionDelta(old: base, new: scanned)
        #expect(delta.items.map(\.kind) == [.added])
        #expect(delta.items.map { Self.paths(scanned)[$0.new!] } == ["new"])

        // Dotenv: only the lines between the unchanged ends are scanned.
        let dotenv = Fixture(syntax: .dotenv)
        let first = try dotenv.seal("A=1\nB=2\nC=3\nD=4\n")
        let second = try dotenv.change(first, to: "A=1\nB=two\nX=9\nD=4\nE=5\n")
        let start = FileRevision.scan(first, syntax: .dotenv, file: "f")
        let spliced = try #require(start.successor(second, file: "f"))
        #expect(spliced.changed == nil)
        Self.expectSameAsScan(spliced.revision, second, syntax: .dotenv)
        let items = RevisionDelta(old: start, new: spliced.revision).items
        let described = items.map { item -> String in
            let path = item.new.map { Self.paths(spliced.revision)[$0] } ?? Self.paths(start)[item.old!]
            return "\(item.kind) \(path)"
        }
        #expect(described == ["changed B", "added X", "added E", "removed C"])
    }

    @Test func unchangedTokensAreNotReported() throws {
        let vault = Fixture(syntax: .dotenv)
        let old = try vault.seal("A=1\nB=2\n")
        // Only a comment changes: the values keep their tokens.
        let new = try vault.change(old, to: "# comment\nA=1\nB=2\n")
        let delta = RevisionDelta(old: FileRevision.scan(old, syntax: .dotenv, file: "f"), new: FileRevision.scan(new, syntax: .dotenv, file: "f"))
        #expect(delta.items.isEmpty)
        #expect(!delta.rotated)
    }

    @Test func aNewDataKeyIsOneRotationNotChanges() throws {
        let vault = Fixture(syntax: .dotenv)
        let old = try vault.seal("A=1\nB=2\nEMPTY=\n")
        let rotated = try vault.change(old, to: "A=1\nB=2\nEMPTY=\n", rotate: true)
        let base = FileRevision.scan(old, syntax: .dotenv, file: "f")
        let next = try #require(base.successor(rotated, file: "f"))
        let delta = RevisionDelta(old: base, new: next.revision, changed: next.changed)
        #expect(delta.rotated)
        #expect(delta.items.count == 2, "the empty value has no token to re-seal")
        // Adding a recipient keeps the data key and the old wrap: not a rotation.
        let bob = Identity.generate(source: "bob")
        let file = try SealedFile.parse(old, syntax: .dotenv, file: "f")
        let opened = try file.decrypt(file.unlock(with: [vault.identity]))
        let widened = try opened.signed().reseal(opened.plaintext, recipients: vault.recipients + [NamedRecipient(name: "bob", recipient: bob.recipient)])
        let grant = RevisionDelta(old: base, new: FileRevision.scan(widened, syntax: .dotenv, file: "f"))
        #expect(!grant.rotated)
        #expect(grant.items.isEmpty)
    }

    @Test func valuesOpenOnlyForRecipientsAndWithAValidMAC() throws {
        let vault = Fixture(syntax: .yaml)
        let sealed = try vault.seal("a: \"quoted \\\"x\\\"\"\nb: |\n  two\n  lines\nc: 5432\nd:\n")
        let revision = FileRevision.scan(sealed, syntax: .yaml, file: "f")
        revision.environment = "t"
        let reader = ValueReader(identities: [vault.identity])
        #expect((0..<4).map { reader.value(revision, $0) } == [.text("quoted \"x\""), .text("two\nlines\n"), .text("5432"), .text("")])
        let stranger = ValueReader(identities: [Identity.generate(source: "other")])
        #expect(stranger.value(revision, 0) == .sealed)
        // Swap two tokens: each still parses, but the MAC no longer matches.
        let text = String(decoding: sealed, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tokenA = String(lines[0].dropFirst(3)), tokenC = String(lines[2].dropFirst(3))
        let swapped = [UInt8](text.replacingFirst(tokenA, with: "@").replacingFirst(tokenC, with: tokenA).replacingFirst("@", with: tokenC).utf8)
        let damaged = FileRevision.scan(swapped, syntax: .yaml, file: "f")
        damaged.environment = "t"
        #expect(damaged.problem == nil)
        // The same bytes read as another environment do not verify either.
        let moved = FileRevision.scan(sealed, syntax: .yaml, file: "f")
        moved.environment = "production"
        #expect(ValueReader(identities: [vault.identity]).value(moved, 0) == .damaged)
        #expect(ValueReader(identities: [vault.identity]).value(damaged, 0) == .damaged)
    }

    @Test func unreadableRevisionsAreMarked() {
        let revision = FileRevision.scan(Array("A=plain\n".utf8), syntax: .dotenv, file: ".secrets/x.env")
        #expect(revision.problem?.contains("not a sealed Hush file") == true)
        #expect(revision.successor(Array("A=other\n".utf8), file: "f") == nil)
    }

    @Test func gitLogRawOutputIsParsed() {
        let output =
            "hush-commit 1111111111111111111111111111111111111111 1111111\u{0}Alice Example\u{0}2026-01-02 03:04\u{0}merge: fix\u{0}\u{0}"
            + "::100644 100644 100644 aaaaaaa bbbbbbb ccccccc MM\u{0}.secrets/p.env\u{0}"
            + "hush-commit 2222222222222222222222222222222222222222 2222222\u{0}Bob\u{0}2026-01-01 00:00\u{0}\u{0}\n"
            + ":100644 000000 aaaaaaa 0000000 D\u{0}.secrets/old.yaml\u{0}"
            + ":000000 100644 0000000 ddddddd A\u{0}.secrets/new one.env\u{0}"
        let commits = GitLog.parse(Array(output.utf8))
        #expect(commits.count == 2)
        #expect(commits[0].shortHash == "1111111" && commits[0].author == "Alice Example" && commits[0].subject == "merge: fix")
        #expect(commits[0].files.count == 1)
        #expect(commits[0].files[0].path == ".secrets/p.env")
        #expect(commits[0].files[0].blob == "ccccccc" && commits[0].files[0].parents == ["aaaaaaa", "bbbbbbb"])
        #expect(commits[1].subject == "")
        #expect(commits[1].files.map(\.path) == [".secrets/old.yaml", ".secrets/new one.env"])
        #expect(commits[1].files[0].blob == nil && commits[1].files[0].parents == ["aaaaaaa"])
        #expect(commits[1].files[1].blob == "ddddddd" && commits[1].files[1].parents == [nil])
    }

    @Test func environmentPathsAndRendering() {
        #expect(KeyHistory.isEnvironmentPath(".secrets/production.env"))
        #expect(KeyHistory.isEnvironmentPath(".secrets/a.yml"))
        #expect(!KeyHistory.isEnvironmentPath(".secrets/notes.txt"))
        #expect(!KeyHistory.isEnvironmentPath(".secrets/sub/x.env"))
        #expect(!KeyHistory.isEnvironmentPath(".secrets/.x.env"))
        #expect(KeyHistory.show(.text("a \"b\"\n\u{1}")) == "\"a \\\"b\\\"\\n\\x01\"")
        let commits = [
            KeyHistory.Commit(
                hash: "h", shortHash: "abc1234", author: "Alice", date: "2026-01-01 10:00", subject: "rotate",
                changes: [
                    KeyHistory.Change(env: "production", file: ".secrets/production.env", key: nil, kind: .resealed),
                    KeyHistory.Change(env: "dev", file: ".secrets/dev.env", key: "A", kind: .changed, value: .text("2"), previous: .sealed),
                    KeyHistory.Change(env: "dev", file: ".secrets/dev.env", key: "B", kind: .removed, value: .text("1")),
                ])
        ]
        #expect(
            KeyHistory.render(commits)
                == "abc1234 2026-01-01 10:00 Alice  rotate\n    production  all values re-sealed (new data key)\n"
                + "    dev         changed   A = \"2\" (was <sealed>)\n    dev         removed   B (was \"1\")\n")
    }
}
