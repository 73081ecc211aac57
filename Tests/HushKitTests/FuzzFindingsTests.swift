import Foundation
import Testing

@testable import HushKit

/// What the fuzzers of docs/robustness.md (`scripts/fuzz`) found, one test per finding, and a
/// check that the committed seed corpus still does its job.
///
/// A finding not fixed yet is wrapped in `withKnownIssue` (and let through by `FuzzEntry.known`
/// so that fuzzing goes on looking for new ones). Once it is fixed, the test reports that the
/// known issue no longer happens: remove the wrapper here and its case in `FuzzEntry.known`.
@Suite struct FuzzFindingsTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "Fuzz/Corpus")

    static func seeds(_ target: FuzzEntry.Target) throws -> [(name: String, bytes: [UInt8])] {
        let folder = corpus.appendingPathComponent(target.rawValue)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    static func roundTrip(_ text: String) -> String? {
        FuzzEntry.run(.roundtrip, Array(text.utf8))
    }

    // MARK: The seed corpus

    @Test(arguments: FuzzEntry.Target.allCases)
    func seedsRunClean(_ target: FuzzEntry.Target) throws {
        let seeds = try Self.seeds(target)
        #expect(seeds.count >= 5)
        for seed in seeds {
            #expect(FuzzEntry.run(target, seed.bytes) == nil, "\(target.rawValue)/\(seed.name)")
        }
    }

    /// The sealed seeds open with the fuzz team's key, so the fuzzer starts from files that pass
    /// every check. After a format change: `scripts/fuzz seeds` writes them again.
    @Test func sealedSeedsOpen() throws {
        for seed in try Self.seeds(.sealed) {
            let syntax: Syntax = seed.name.hasSuffix(".env") ? .dotenv : .yaml
            let file = try SealedFile.parse(seed.bytes, syntax: syntax, file: seed.name, context: FuzzEntry.context)
            try file.checkSignature(FuzzEntry.team)
            let opened = try file.decrypt(file.unlock(with: [FuzzEntry.identity]))
            #expect(opened.plaintext.count > 0 || seed.bytes.count > 0, "\(seed.name)")
        }
    }

    /// The law itself holds on the examples it was written for, and the checks are not vacuous.
    @Test func roundTripLaw() throws {
        #expect(Self.roundTrip("A=1\nC=\"3\"#note\nE=\n") == nil)
        #expect(Self.roundTrip("a: [x, \"y\"]\nb: |\n  two\n  lines\nc:\n") == nil)
        #expect(Self.roundTrip("#hush:version 2\n") == nil, "a documented refusal is not a finding")
        #expect(FuzzEntry.run(.dotenv, Array("A=1\nA=2\n".utf8)) == nil, "an error for bad input is not a finding")
    }

    // MARK: Findings

    /// Finding 1 (roundtrip, YAML): an explicit key without a value (`? key`) followed by
    /// blanks at the very end of a document without a final line break. Its empty value is
    /// placed after the blanks (5..<5 in `? a  `); with a line break after them it is right after
    /// the key (3..<3). The sealer adds that line break, so the merge driver's outline
    /// (`decrypt(decodeValues: false)`) puts the value elsewhere than a scan of the plaintext.
    /// Cause: `YAMLOutlineBuilder.emptyValuePosition` goes back to the previous content only
    /// when libyaml's position starts a line of blanks, not when it is after blanks on the
    /// same line (which libyaml does at the end of the input).
    @Test func finding1EmptyExplicitValueAtEndOfInput() throws {
        withKnownIssue("fuzz finding 1, not fixed yet") {
            let withoutBreak = try YAMLOutline.scan(Array("? a  ".utf8), file: "t").leaves.map(\.range)
            let withBreak = try YAMLOutline.scan(Array("? a  \n".utf8), file: "t").leaves.map(\.range)
            #expect(withoutBreak == withBreak)
            #expect(Self.roundTrip("# ;ppa:\n?  = .nanl  ") == nil)
        }
    }

    /// Finding 2 (roundtrip, YAML): a block scalar whose `|` or `>` begins a line of its own at
    /// its key's column (`a:\n|\n x\n`) or at its sequence's `-` (`l:\n-\n|\n x\n`). This is
    /// valid YAML (`{a: "x\n"}`, as PyYAML reads it too) and the reader accepts it, but its token
    /// in that place is a plain scalar, which reads as the next key (`could not find expected
    /// ':'`): sealing refuses the document (`RoundTrip.check`; before it, the sealed file would
    /// not have opened). Quoted and flow values there are already refused by the reader. Either
    /// the reader refuses these block scalars too, or the sealer writes the token where a plain
    /// scalar may stand.
    @Test(arguments: [
        "a:\n|\n x\n", "a:\n>-\n x\n", "a:\n| #c\n   x\n", "b:\n  a:\n  |\n   x\n", "l:\n-\n|\n x\n", "a:\n  -\n  |\n   x\n",
    ])
    func finding2BlockScalarAtKeyColumn(_ text: String) throws {
        _ = try YAMLOutline.scan(Array(text.utf8), file: "t")
        withKnownIssue("fuzz finding 2, not fixed yet") {
            #expect(Self.roundTrip(text) == nil)
        }
    }

    /// Finding 4, fixed (roundtrip, YAML): the reader accepted a document whose data model the
    /// sealer then refused: a merge key without a mapping (`<<:`), a tag that does not fit its
    /// value (`a: !!int x`, `a: !!binary "@@"`). The reader now refuses them itself, with the
    /// line and column (docs/format.md §8.3): merge values by their shape, standard tags by the
    /// plaintext value (a sealed body's tokens are checked once decrypted).
    @Test(arguments: ["<<:", "a: !!int x\n", "a: !!binary \"@@\"\n", "a: &s 1\nb:\n  <<: *s\n", "a: !!set {x}\n"])
    func finding4DataModelRefusedOnlyWhenSealing(_ text: String) throws {
        #expect(throws: HushError.self) { try YAMLOutline.scan(Array(text.utf8), file: "t") }
        #expect(Self.roundTrip(text) == nil)
    }

    /// Finding 5 (roundtrip, YAML): an explicit block scalar key with keep chomping followed by
    /// a last line of spaces without a line break, `?\n|+\n ` (also with CR line breaks). The
    /// key reads as "" (the blank line is not ended), but the line break the sealer adds makes
    /// it a kept blank line and the key "\n": sealing refuses ("the sealed form has another
    /// structure"). The fix of 3c591ee (`YAMLOutlineBuilder`, `blockScalarKeyAtEnd`) only looks
    /// at a key that ends exactly at the end of the document; here only blanks follow it.
    @Test(arguments: ["?\n|+\n ", "?\r|+\r "])
    func finding5KeepBlockScalarKeyBeforeBlankLastLine(_ text: String) throws {
        withKnownIssue("fuzz finding 5, not fixed yet") {
            if (try? YAMLOutline.scan(Array(text.utf8), file: "t")) != nil {
                #expect(Self.roundTrip(text) == nil)
            }
        }
    }

    /// Finding 3, fixed (seen while minimising finding 1; no fuzz target edits documents): setting
    /// the value of an explicit key that has none, `? a`, splices the value right after the
    /// key, giving `? a "v"`: the key `a` is gone and a key `a "v"` with no value appears
    /// (`DocumentEdit.set` puts a leaf's new text at its empty range, which for `? key` has no
    /// `:` before it). So `hush set ENV a v` would rename the key instead of setting it.
    @Test(arguments: ["? a\n", "? a\nb: 1\n"])
    func finding3SetExplicitKeyWithoutValue(_ text: String) throws {
        let document = Array(text.utf8)
        let edited = try DocumentEdit.set(
            document, outline: try YAMLOutline.scan(document, file: "t"), syntax: .yaml, file: "t", parts: ["a"], value: "v")
        let leaves = try YAMLOutline.scan(edited, file: "t").leaves
        #expect(leaves.first.map { KeyPath.display($0.path) } == "a")
        #expect(leaves.first?.value == "v")
    }
}
