import Foundation
import Testing

@testable import HushKit

/// YAML documents covering every construct Hush keeps byte for byte: the files of
/// Tests/YAMLCorpus in name order (the differential test reads them too).
let yamlCorpus: [String] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("YAMLCorpus")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map {
        String(decoding: (try? Data(contentsOf: folder.appendingPathComponent($0))) ?? Data(), as: UTF8.self)
    }
}()

@Suite struct YAMLRoundTripTests {
    static let identity = Identity.generate(source: "test")
    static var recipients: [NamedRecipient] { [NamedRecipient(name: "test", recipient: identity.recipient)] }

    static func seal(_ text: String, keys: FileKeys = .random(), previous: OpenedFile? = nil) throws -> [UInt8] {
        try Sealer.seal(
            Array(text.utf8), syntax: .yaml, file: "t.yaml", recipients: recipients, keys: keys, previous: previous,
            now: "2026-01-01T00:00:00Z")
    }

    static func open(_ sealed: [UInt8]) throws -> OpenedFile {
        let file = try SealedFile.parse(sealed, syntax: .yaml, file: "t.yaml")
        let keys = try file.unlock(with: [identity])
        try file.verifyMAC(keys)
        return try file.decrypt(keys)
    }

    @Test func theCorpusIsRead() {
        #expect(yamlCorpus.count >= 19)
    }

    @Test(arguments: yamlCorpus)
    func decryptGivesBackTheExactBytes(_ text: String) throws {
        let opened = try Self.open(try Self.seal(text))
        #expect(opened.plaintext == Array(text.utf8))
    }

    /// The sealed body is still YAML with the same keys; every non-empty value is a token and
    /// no other byte of the document moved.
    @Test(arguments: yamlCorpus)
    func sealedBodyKeepsLayout(_ text: String) throws {
        let sealed = try SealedFile.parse(try Self.seal(text), syntax: .yaml, file: "t.yaml")
        let plain = try YAMLTest.scan(text)
        #expect(sealed.outline.leaves.map(\.path) == plain.leaves.map(\.path))
        for (leaf, token) in zip(sealed.outline.leaves, sealed.tokens) {
            #expect(leaf.range.isEmpty == (token == nil))
            if token != nil { #expect(leaf.value.hasPrefix("ENC[hush:v2,")) }
        }
        var body = Array(text.utf8)
        if !body.isEmpty, body.last != 0x0A { body.append(0x0A) }
        var gaps: [[UInt8]] = []
        var cursor = 0
        for leaf in plain.leaves {
            gaps.append(Array(body[cursor..<leaf.range.lowerBound]))
            cursor = leaf.range.upperBound
        }
        var sealedGaps: [[UInt8]] = []
        cursor = 0
        for leaf in sealed.outline.leaves {
            // In flow collections the token is quoted, and the quotes are part of its range.
            sealedGaps.append(Array(sealed.body[cursor..<leaf.range.lowerBound]))
            cursor = leaf.range.upperBound
        }
        #expect(sealedGaps == gaps)
    }

    @Test func resealingUnchangedIsByteIdentical() throws {
        let text = yamlCorpus[3]
        let first = try Self.seal(text)
        let opened = try Self.open(first)
        let again = try Self.seal(text, keys: opened.keys, previous: opened)
        #expect(again == first)
    }

    @Test func changingOneValueChangesItsLineAndTheSequenceTimestampMACAndSignatureOnly() throws {
        let text = yamlCorpus[3]
        let first = try Self.seal(text)
        let opened = try Self.open(first)
        let edited = text.replacingAll("port: 5432", with: "port: 6543")
        let second = try Sealer.seal(
            Array(edited.utf8), syntax: .yaml, file: "t.yaml", recipients: Self.recipients, keys: opened.keys,
            previous: opened, now: "2026-02-02T00:00:00Z")
        let before = String(decoding: first, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let after = String(decoding: second, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }.map { String($0.1) }
        #expect(changed.count == 5)
        #expect(changed.contains { $0.hasPrefix("  port: ENC[hush:v2,i,") })
        #expect(changed.contains { $0 == "#hush:seq 2" })
        #expect(changed.contains { $0.hasPrefix("#hush:signature ") })
        #expect(changed.contains { $0.hasPrefix("#hush:modified 2026-02-02") })
        #expect(changed.contains { $0.hasPrefix("#hush:mac ") })
    }
}
