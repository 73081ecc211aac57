import Foundation
import Testing

@testable import HushKit

/// Helpers shared by the git suites: sealing and opening small documents in memory.
enum GitFixtures {
    static let alice = Identity.generate(source: "alice")
    static let bob = Identity.generate(source: "bob")
    static func members(_ identities: [Identity] = [alice]) -> [NamedRecipient] {
        identities.map { NamedRecipient(name: $0.source, recipient: $0.recipient) }
    }

    static func seal(_ text: String, syntax: Syntax = .dotenv, to identities: [Identity] = [alice], exposing: [String] = []) throws -> [UInt8] {
        try Sealer.seal(
            Array(text.utf8), syntax: syntax, file: "t", recipients: members(identities), keys: .random(), previous: nil, exposing: exposing,
            now: "2026-01-01T00:00:00Z")
    }

    static func open(_ bytes: [UInt8], syntax: Syntax = .dotenv, with identities: [Identity] = [alice]) throws -> OpenedFile {
        let file = try SealedFile.parse(bytes, syntax: syntax, file: "t")
        return try file.decrypt(file.unlock(with: identities))
    }

    /// The next version of `bytes` with `text` as its plaintext (minimal diff, or a new data key).
    static func reseal(_ bytes: [UInt8], _ text: String, syntax: Syntax = .dotenv, rotate: Bool = false) throws -> [UInt8] {
        let opened = try open(bytes, syntax: syntax)
        return try opened.signed().reseal(Array(text.utf8), recipients: opened.currentRecipients(), rotate: rotate)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func noKey() throws -> [Identity] { throw HushError(.noKey, "no identity found") }
}

@Suite struct TextConvTests {
    typealias F = GitFixtures

    @Test func keyHolderSeesThePlaintextAndTheRecipients() throws {
        let plaintext = "# db\nA=1\nB=\"two words\"   # note\nC=\n"
        let sealed = try F.seal(plaintext, to: [F.alice, F.bob])
        let out = F.text(TextConv.render(sealed, name: "/tmp/XyZ123_production.env") { [F.bob] })
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(out.hasPrefix(plaintext), "\(out)")
        #expect(lines.contains("#hush: sealed to alice (age \(F.alice.recipient.fingerprint))"))
        #expect(lines.contains("#hush: sealed to bob (age \(F.bob.recipient.fingerprint))"))
        #expect(!out.contains("ENC[") && !out.contains("values hidden"))
        // The summary can be taken neither for content nor for a trailer.
        #expect(throws: HushError.self) { try Trailer.split(Array(out.utf8), file: "x") }
    }

    @Test func withoutAKeyValuesAreSealedAndLayoutStays() throws {
        let sealed = try F.seal("# db\nA=secret-one\nB=\"secret two\"   # note\nC=\n")
        let file = try SealedFile.parse(sealed, syntax: .dotenv, file: "t")
        let out = F.text(TextConv.render(sealed, name: "staging.env", identities: F.noKey))
        let tags = file.outline.leaves.prefix(2).map { TextConv.tag($0.value) }
        #expect(tags.allSatisfy { $0.count == 8 })
        #expect(
            out == "# db\nA=<sealed:\(tags[0])>\nB=<sealed:\(tags[1])>   # note\nC=\n#hush: sealed to alice (age \(F.alice.recipient.fingerprint))\n"
                + "#hush: values hidden: none of your identities opens this file\n", "\(out)")
        #expect(!out.contains("secret"))
        // A key that opens nothing gives the same view.
        #expect(F.text(TextConv.render(sealed, name: "staging.env") { [F.bob] }) == out)
    }

    @Test func aChangedValueIsAChangedLineWithoutAKey() throws {
        let first = try F.seal("A=1\nB=2\nC=3\n")
        let second = try F.reseal(first, "A=1\nB=changed\nC=3\n")
        let before = F.text(TextConv.render(first, name: "p.env", identities: F.noKey))
        let after = F.text(TextConv.render(second, name: "p.env", identities: F.noKey))
        let (removed, added) = lineDiff(before, after)
        #expect(removed.count == 1 && removed[0].hasPrefix("B=<sealed:"), "\(removed)")
        #expect(added.count == 1 && added[0].hasPrefix("B=<sealed:"), "\(added)")
        // With the key, the same change is the plaintext line.
        let keyed = lineDiff(F.text(TextConv.render(first, name: "p.env") { [F.alice] }), F.text(TextConv.render(second, name: "p.env") { [F.alice] }))
        #expect(keyed.removed == ["B=2"] && keyed.added == ["B=changed"])
    }

    @Test func yamlFlowTokensAndNesting() throws {
        let plaintext = "db:\n  host: example.org   # primary\n  port: 5432\nhosts: [a, \"b\"]\nempty:\n"
        let sealed = try F.seal(plaintext, syntax: .yaml)
        #expect(F.text(TextConv.render(sealed, name: "x_dev.yaml") { [F.alice] }).hasPrefix(plaintext))
        let out = F.text(TextConv.render(sealed, name: "x_dev.yml", identities: F.noKey))
        let body = out.split(separator: "\n").map(String.init)
        #expect(body[0] == "db:")
        #expect(body[1].hasPrefix("  host: <sealed:") && body[1].hasSuffix(">   # primary"))
        #expect(body[3].hasPrefix("hosts: [<sealed:") && body[3].contains(">, <sealed:"), "\(body[3])")
        #expect(body[4] == "empty:")
        #expect(!out.contains("example.org") && !out.contains("5432"))
    }

    @Test func exposedMarksAndMissingFinalNewlineAreSummarised() throws {
        let sealed = try F.seal("A=1\nB=2", exposing: ["carol", "dave"])
        let out = F.text(TextConv.render(sealed, name: "p.env") { [F.alice] })
        #expect(
            out == "A=1\nB=2\n#hush: sealed to alice (age \(F.alice.recipient.fingerprint))\n"
                + "#hush: exposed A (since 2026-01-01T00:00:00Z, to carol, dave)\n#hush: exposed B (since 2026-01-01T00:00:00Z, to carol, dave)\n"
                + "#hush: no newline at end of the document\n", "\(out)")
    }

    @Test func otherFilesArePrintedAsTheyAre() throws {
        let sealed = try F.seal("A=1\n")
        for (bytes, name) in [
            (Array("A=plain\n".utf8), "p.env"), (Array("".utf8), "p.env"), (Array("key: value\n#hush:version 1\n".utf8), "p.yaml"),
            (sealed, "README"), (Array(sealed.dropLast(3)), "p.env"), ([0xFF, 0xFE, 0x00, 0x0A], "p.env"),
        ] {
            #expect(TextConv.render(bytes, name: name) { [F.alice] } == bytes)
        }
        // A value turned into plaintext inside a sealed file: not a valid sealed file, as it is.
        let planted = Array(F.text(sealed).replacingOccurrences(of: "A=ENC[", with: "A=x").utf8)
        #expect(TextConv.render(planted, name: "p.env") { [F.alice] } == planted)
    }

    @Test func aFileFailingItsMACShowsNoValues() throws {
        let sealed = F.text(try F.seal("A=secret\n"))
        let tampered = Array(sealed.replacingOccurrences(of: "#hush:modified 2026-01-01T00:00:00Z", with: "#hush:modified 2027-01-01T00:00:00Z").utf8)
        let out = F.text(TextConv.render(tampered, name: "p.env") { [F.alice] })
        #expect(out.hasPrefix("A=<sealed:") && !out.contains("secret"))
        #expect(out.hasSuffix("#hush: values hidden: the file failed its integrity check (`hush verify`)\n"))
        // An identity that cannot be loaded: its problem, and still no values.
        let unloadable = F.text(TextConv.render(Array(sealed.utf8), name: "p.env") { throw HushError(.badInput, "HUSH_IDENTITY: not a key") })
        #expect(unloadable.hasPrefix("A=<sealed:") && unloadable.hasSuffix("#hush: values hidden: HUSH_IDENTITY: not a key\n"), "\(unloadable)")
    }

    @Test func readsTheNamedFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hush-textconv-\(UUID().uuidString).env").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("PLAIN=1\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try TextConv.render(file: path, identityFiles: []) == Array("PLAIN=1\n".utf8))
        #expect(throws: HushError.self) { try TextConv.render(file: path + ".missing", identityFiles: []) }
    }

    func lineDiff(_ a: String, _ b: String) -> (removed: [String], added: [String]) {
        let diff = b.split(separator: "\n").map(String.init).difference(from: a.split(separator: "\n").map(String.init))
        var removed: [String] = [], added: [String] = []
        for change in diff {
            switch change {
            case .remove(_, let line, _): removed.append(line)
            case .insert(_, let line, _): added.append(line)
            }
        }
        return (removed, added)
    }
}

@Suite struct KeyDiffTests {
    typealias F = GitFixtures

    func version(_ bytes: [UInt8], _ file: String = ".secrets/p.env") -> KeyDiff.Version { (file: file, bytes: bytes, label: file) }

    @Test func kindsByValueWithAKey() throws {
        let old = try F.seal("A=1\nB=2\nC=3\n")
        let new = try F.reseal(old, "A=1\nB=22\nD=4\n")
        let diff = try #require(try KeyDiff.compare(env: "p", old: version(old), new: version(new), identities: { [F.alice] }, values: false))
        #expect(diff.byValue && diff.status == .modified)
        #expect(diff.changes.map { "\($0.kind) \($0.key)" } == ["changed B", "added D", "removed C"])
        #expect(diff.changes.allSatisfy { $0.old == nil && $0.new == nil })
        let valued = try #require(try KeyDiff.compare(env: "p", old: version(old), new: version(new), identities: { [F.alice] }, values: true))
        #expect(
            valued.changes == [
                .init(kind: .changed, key: "B", old: "2", new: "22"), .init(kind: .added, key: "D", new: "4"), .init(kind: .removed, key: "C", old: "3"),
            ])
        let report = KeyDiff.Report(revision: "HEAD", files: [valued], values: true)
        #expect(
            report.render()
                == "p: .secrets/p.env (HEAD → work tree)\n~ B (changed): \"2\" → \"22\"\n+ D (added): \"4\"\n- C (removed): \"3\"\n")
    }

    @Test func withoutAKeyTokensAreCompared() throws {
        let old = try F.seal("A=1\nB=2\nC=3\n")
        let new = try F.reseal(old, "A=1\nB=22\nD=4\n")
        let diff = try #require(try KeyDiff.compare(env: "p", old: version(old), new: version(new), identities: { [F.bob] }, values: false))
        #expect(!diff.byValue)
        #expect(diff.changes.map { "\($0.kind) \($0.key)" } == ["changed B", "added D", "removed C"])
        #expect(
            KeyDiff.Report(revision: "main", files: [diff], values: false).render().hasPrefix("p: .secrets/p.env (main → work tree), compared by sealed text"))
        // --values without a key for this file: compared by sealed text, said in the header.
        let unreadable = try #require(try KeyDiff.compare(env: "p", old: version(old), new: version(new), identities: { [] }, values: true))
        #expect(!unreadable.byValue && unreadable.changes.allSatisfy { $0.old == nil && $0.new == nil })
        #expect(KeyDiff.Report(revision: "main", files: [unreadable], values: true).render().contains("values not shown: not readable with your keys"))
        // An unchanged file is not opened at all.
        #expect(try KeyDiff.compare(env: "p", old: version(old), new: version(old), identities: { [] }, values: true) == nil)
    }

    @Test func aRekeyChangesNothingForAKeyHolder() throws {
        let old = try F.seal("A=1\nB=2\n")
        let new = try F.reseal(old, "A=1\nB=2\n", rotate: true)
        let keyed = try #require(try KeyDiff.compare(env: "p", old: version(old), new: version(new), identities: { [F.alice] }, values: false))
        #expect(keyed.changes.isEmpty)
        let keyless = try #require(try KeyDiff.compare(env: "p", old: version(old), new: version(new), identities: { [] }, values: false))
        #expect(keyless.changes.map(\.kind) == [.changed, .changed])
    }

    @Test func typeAndEmptyValuesCount() throws {
        let old = try F.seal("a: 1\nb: x\nc:\n", syntax: .yaml)
        let new = try F.reseal(old, "a: \"1\"\nb: x\nc: now\n", syntax: .yaml)
        let diff = try #require(
            try KeyDiff.compare(env: "p", old: version(old, "p.yaml"), new: version(new, "p.yaml"), identities: { [F.alice] }, values: true))
        #expect(diff.changes == [.init(kind: .changed, key: "a", old: "1", new: "1"), .init(kind: .changed, key: "c", old: "", new: "now")])
    }

    @Test func addedAndDeletedFiles() throws {
        let bytes = try F.seal("A=1\nB=2\n")
        let added = try #require(try KeyDiff.compare(env: "p", old: nil, new: version(bytes), identities: { [] }, values: false))
        #expect(added.status == .added && added.changes.map(\.kind) == [.added, .added])
        let deleted = try #require(try KeyDiff.compare(env: "p", old: version(bytes), new: nil, identities: { [F.alice] }, values: true))
        #expect(deleted.status == .deleted && deleted.changes == [.init(kind: .removed, key: "A", old: "1"), .init(kind: .removed, key: "B", old: "2")])
        #expect(
            KeyDiff.Report(revision: "HEAD", files: [added, deleted], values: false).render()
                == "p: .secrets/p.env (new, not at HEAD)\n+ A (added)\n+ B (added)\n\np: .secrets/p.env (deleted, only at HEAD)\n- A (removed)\n- B (removed)\n"
        )
        #expect(try KeyDiff.compare(env: "p", old: nil, new: nil, identities: { [] }, values: false) == nil)
    }

    @Test func valuesAreQuotedOnOneLine() {
        #expect(KeyDiff.quoted("plain") == "\"plain\"")
        #expect(KeyDiff.quoted("a \"b\" \\ c\nd\te\u{1}") == "\"a \\\"b\\\" \\\\ c\\nd\\te\\x01\"")
        #expect(KeyDiff.quoted("") == "\"\"")
    }
}

@Suite struct GitSetupTests {
    @Test func attributeLinesAreAddedOnceKeepingContent() throws {
        let fresh = try #require(GitSetup.addingAttributeLines(to: []))
        #expect(GitFixtures.text(fresh) == GitSetup.attributesComment + "\n" + GitSetup.attributeLines.joined(separator: "\n") + "\n")
        #expect(GitSetup.addingAttributeLines(to: fresh) == nil)
        let existing = Array("*.png binary".utf8)
        let kept = GitFixtures.text(try #require(GitSetup.addingAttributeLines(to: existing)))
        #expect(kept.hasPrefix("*.png binary\n\n# hush:") && kept.hasSuffix(".secrets/*.env diff=hush merge=hush\n"))
        let partial = Array("  .secrets/*.yaml diff=hush merge=hush  \n".utf8)
        let completed = GitFixtures.text(try #require(GitSetup.addingAttributeLines(to: partial)))
        #expect(completed.components(separatedBy: "*.yaml").count == 2 && completed.contains(".secrets/*.yml diff=hush merge=hush\n"))
    }

    @Test func attributesMentioningHush() {
        #expect(GitSetup.mentionsHush(Array(".secrets/*.env diff=hush merge=hush\n".utf8)))
        #expect(GitSetup.mentionsHush(Array("*.png binary\nsecrets/* merge=hush\n".utf8)))
        #expect(!GitSetup.mentionsHush(Array("# .secrets/* diff=hush\n*.png binary\n".utf8)))
        #expect(!GitSetup.mentionsHush(Array("diff=hush\n*.txt diff=hushed\n".utf8)))
        #expect(GitSetup.mentionsHush(Array("*.png binary\r\n.secrets/*.env\tdiff=hush\r\n".utf8)))
        let crlf = Array((GitSetup.attributeLines.joined(separator: "\r\n") + "\r\n").utf8)
        #expect(GitSetup.addingAttributeLines(to: crlf) == nil)
    }

    @Test func configScanFindsDriversInEveryForm() {
        func keys(_ text: String) -> Set<String> { ConfigScan.keys(in: Array(text.utf8)) }
        let usual = keys(
            "[core]\n\tbare = false\n[diff \"hush\"]\n\ttextconv = /x/hush git textconv\n\tcachetextconv = false\n[merge \"hush\"]\n\tdriver = h %O\n")
        #expect(usual.isSuperset(of: ["diff.hush.textconv", "merge.hush.driver", "core.bare"]))
        #expect(keys("[DIFF \"hush\"] TextConv = x\n[Merge.HUSH]\nDriver=y").isSuperset(of: ["diff.hush.textconv", "merge.hush.driver"]))
        #expect(!keys("[diff \"Hush\"]\ntextconv = x\n").contains("diff.hush.textconv"))
        #expect(!keys("[diff \"hush\"]\ntextconv =\ndriver = \"\"\n").contains("diff.hush.textconv"))
        #expect(!keys("[diff \"hush\"]\n# textconv = x\n; textconv = y\n").contains("diff.hush.textconv"))
        #expect(!keys("[diff \"hush\"]\ntextconv = x\ntextconv =\n").contains("diff.hush.textconv"))
        #expect(!keys("[alias]\n\tx = !echo \\\n[diff \"hush\"]\n").contains("diff.hush.textconv"))
        #expect(!keys("[alias]\n\tx = a \\\n\ttextconv = b\n").contains("alias.textconv"))
        #expect(!keys("textconv = x\n").contains("textconv"))
        #expect(keys("[diff \"hush\"]\r\n\ttextconv = x\r\n[merge \"hush\"]\r\n\tdriver = y\r\n").isSuperset(of: ["diff.hush.textconv", "merge.hush.driver"]))
    }

    @Test func quotingAndNormalising() {
        #expect(GitSetup.shellQuoted("/usr/local/bin/hush") == "/usr/local/bin/hush")
        #expect(GitSetup.shellQuoted("/Users/a b/it's/hush") == "'/Users/a b/it'\\''s/hush'")
        #expect(GitSetup.normalized("/a/./b/../c//hush") == "/a/c/hush")
        #expect(
            GitSetup.configValues(program: "/x/hush").map(\.value) == [
                "/x/hush git textconv", "false", "Hush per-key merge", "/x/hush merge-driver %O %A %B %P",
            ])
    }

    @Test func quietCommandsGetNoNote() {
        for arguments in [
            ["hush"], ["hush", "git", "setup"], ["hush", "git", "textconv", "f"], ["hush", "merge-driver"], ["hush", "init"], ["hush", "help"],
            ["hush", "--help"],
            ["hush", "keys", "-h"], ["hush", "--version"],
        ] {
            #expect(GitSetup.pendingNote(arguments: arguments) == nil)
        }
    }

    /// A folder tree for the note: `repo/.git/`, `repo/.gitattributes`, `repo/sub/`.
    final class Tree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hush-gitsetup-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: root + "/repo/.git", withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: root) }
        func write(_ path: String, _ text: String) throws {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + path) }
        func note(from path: String, globals: [String] = []) -> String? {
            GitSetup.pendingNote(from: root + "/" + path, globalFiles: globals.map { root + "/" + $0 })
        }
    }

    static let drivers = "[diff \"hush\"]\n\ttextconv = hush git textconv\n[merge \"hush\"]\n\tdriver = hush merge-driver %O %A %B %P\n"

    @Test func theNoteAppearsOncePerCloneThatLacksTheDrivers() throws {
        let tree = try Tree()
        try tree.write("repo/.git/config", "[core]\n\tbare = false\n")
        try FileManager.default.createDirectory(atPath: tree.root + "/repo/sub/deeper", withIntermediateDirectories: true)
        #expect(tree.note(from: "repo/sub/deeper") == nil, "no hush lines in .gitattributes")
        try tree.write("repo/.gitattributes", "*.png binary\n" + GitSetup.attributeLines.joined(separator: "\n") + "\n")
        #expect(tree.note(from: "repo/sub/deeper") == GitSetup.note)
        #expect(tree.exists("repo/.git/" + GitSetup.markerName))
        #expect(tree.note(from: "repo") == nil, "once per clone")
    }

    @Test func configuredClonesGetNoNote() throws {
        let tree = try Tree()
        try tree.write("repo/sub/.gitattributes", ".secrets/*.env diff=hush merge=hush\n")
        try tree.write("repo/.git/config", Self.drivers)
        #expect(tree.note(from: "repo/sub") == nil)
        // Only one of the two drivers: the note.
        try tree.write("repo/.git/config", "[diff \"hush\"]\n\ttextconv = hush git textconv\n")
        try tree.write("home/.gitconfig", "[merge \"hush\"]\n\tdriver = hush merge-driver %O %A %B %P\n")
        #expect(tree.note(from: "repo/sub", globals: ["home/.gitconfig"]) == nil, "the global configuration counts")
        #expect(tree.note(from: "repo/sub") == GitSetup.note)
        #expect(!tree.exists("repo/sub/.git"))
    }

    @Test func linkedWorkTreesUseTheCommonGitFolder() throws {
        let tree = try Tree()
        try tree.write("repo/.git/config", "[core]\n")
        try tree.write("repo/.git/worktrees/wt/commondir", "../..\n")
        try tree.write("wt/.git", "gitdir: \(tree.root)/repo/.git/worktrees/wt\n")
        try tree.write("wt/.gitattributes", ".secrets/*.env diff=hush merge=hush\n")
        #expect(tree.note(from: "wt") == GitSetup.note)
        #expect(tree.exists("repo/.git/worktrees/wt/../../" + GitSetup.markerName))
        #expect(tree.note(from: "wt") == nil)
        // A submodule-style relative gitdir without commondir, configured: no note.
        try tree.write("sm/.git", "gitdir: ../repo/.git/modules/sm\n")
        try tree.write("repo/.git/modules/sm/config", Self.drivers)
        try tree.write("sm/.gitattributes", ".secrets/*.env diff=hush merge=hush\n")
        #expect(tree.note(from: "sm") == nil)
        // A .git file that points nowhere: no check.
        try tree.write("broken/.git", "gitdir: /nonexistent/place\n")
        try tree.write("broken/.gitattributes", ".secrets/*.env diff=hush merge=hush\n")
        #expect(tree.note(from: "broken") == nil)
    }
}
