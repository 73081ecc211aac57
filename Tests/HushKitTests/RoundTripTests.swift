import Testing

@testable import HushKit

/// The round-trip check every write runs (issue 12, item 1).
@Suite struct RoundTripTests {
    static func check(_ plaintext: String, sealed: String, _ syntax: Syntax = .dotenv) throws {
        let bytes = Array(plaintext.utf8)
        try RoundTrip.check(
            sealedBody: Array(sealed.utf8), plaintext: bytes, outline: try syntax.scan(bytes, file: "t"), syntax: syntax, file: "t", previous: nil)
    }

    @Test func acceptsWhatReadsBack() throws {
        try Self.check("A=1\nB=\"x\" # c\nE=\n", sealed: "A=ENC[hush:v2,s,AA]\nB=ENC[hush:v2,s,BB] # c\nE=\n")
        try Self.check("C=\"3\"#note\n", sealed: "C=ENC[hush:v2,s,AA]#note\n")
        try Self.check("a: [x, y]\n", sealed: "a: [\"ENC[hush:v2,s,AA]\", \"ENC[hush:v2,s,BB]\"]\n", .yaml)
    }

    @Test func refusesWhatWouldNotReadBack() {
        // A token that runs into the text after it, a value that turns into two, a sealed form
        // that does not parse: each is refused with the value's line and column.
        for (plain, sealed) in [
            ("A=1\n", "A=ENC[hush:v2,s,AA]x\n"),
            ("A=1\n", "A=ENC[hush:v2,s,AA]\nB=ENC[hush:v2,s,BB]\n"),
            ("A=1\n", "A=ENC[hush:v2,s,AA] 'x\n"),
        ] {
            #expect(throws: HushError.self, "\(sealed)") { try Self.check(plain, sealed: sealed) }
        }
        do {
            try Self.check("A=1\nB=2\n", sealed: "A=ENC[hush:v2,s,AA]\nB=ENC[hush:v2,s,BB]z\n")
            Issue.record("accepted")
        } catch let error as HushError {
            #expect(error.kind == .badInput)
            #expect(error.message.hasPrefix("t:2:3: the value of B"), "\(error.message)")
        } catch {}
    }
}
