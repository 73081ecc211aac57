import HushKit
import Testing

/// A malformed document, where its error must be reported, and a fragment of the message.
struct DotenvErrorCase: Sendable, CustomTestStringConvertible {
    var source: String
    var line: Int
    var column: Int
    var what: String
    var testDescription: String { source.debugDescription }
}

/// Every document holds the secret `s3cr3t`, which must never appear in the error.
let dotenvErrorCases: [DotenvErrorCase] = [
    // Quotes inside unquoted values.
    DotenvErrorCase(source: "A=s3cr3t\"x\n", line: 1, column: 9, what: "quote character inside an unquoted value"),
    DotenvErrorCase(source: "# c\nA = s3cr3t's\n", line: 2, column: 11, what: "quote character inside an unquoted value"),
    // Unterminated quotes are reported at the opening quote.
    DotenvErrorCase(source: "A='s3cr3t\n", line: 1, column: 3, what: "unterminated single-quoted value"),
    DotenvErrorCase(source: "A='s3cr3t", line: 1, column: 3, what: "unterminated single-quoted value"),
    DotenvErrorCase(source: "X=1\n  A = 's3cr3t\nmore'\n", line: 2, column: 7, what: "unterminated single-quoted value"),
    DotenvErrorCase(source: "A='s3cr3t\r\n'", line: 1, column: 3, what: "unterminated single-quoted value"),
    DotenvErrorCase(source: "X=1\nA=\"s3cr3t\nmore\nlines\n", line: 2, column: 3, what: "unterminated double-quoted value"),
    DotenvErrorCase(source: "A=\"s3cr3t\\\"", line: 1, column: 3, what: "unterminated double-quoted value"),
    DotenvErrorCase(source: "A=\"s3cr3t\\", line: 1, column: 3, what: "unterminated double-quoted value"),
    // Text after a closing quote.
    DotenvErrorCase(source: "A=\"s3cr3t\"x\n", line: 1, column: 11, what: "unexpected text after the closing quote"),
    DotenvErrorCase(source: "A='s3cr3t' s3cr3t\n", line: 1, column: 12, what: "unexpected text after the closing quote"),
    DotenvErrorCase(source: "A=\"s3\ncr3t\" x\n", line: 2, column: 7, what: "unexpected text after the closing quote"),
    DotenvErrorCase(source: "A=\"s3cr3t\"\"more\"\n", line: 1, column: 11, what: "unexpected text after the closing quote"),
    // Lines that are not assignments, comments or blank.
    DotenvErrorCase(source: "s3cr3t\n", line: 1, column: 7, what: "missing = after the name"),
    DotenvErrorCase(source: "export A\n", line: 1, column: 9, what: "missing = after the name"),
    DotenvErrorCase(source: "A=1\n  9A=s3cr3t\n", line: 2, column: 3, what: "expected an assignment, a comment or a blank line"),
    DotenvErrorCase(source: "\"A\"=s3cr3t\n", line: 1, column: 1, what: "expected an assignment, a comment or a blank line"),
    DotenvErrorCase(source: "-s3cr3t\n", line: 1, column: 1, what: "expected an assignment, a comment or a blank line"),
    DotenvErrorCase(source: "\u{00C4}=s3cr3t\n", line: 1, column: 1, what: "expected an assignment, a comment or a blank line"),
    DotenvErrorCase(source: "A-B=s3cr3t\n", line: 1, column: 2, what: "invalid character in a name"),
    DotenvErrorCase(source: "A: s3cr3t\n", line: 1, column: 2, what: "invalid character in a name"),
    DotenvErrorCase(source: "A B=s3cr3t\n", line: 1, column: 3, what: "expected = after the name"),
    // Limits: a name of at most 1,024 characters.
    DotenvErrorCase(
        source: "A=1\n  export " + String(repeating: "N", count: 1025) + "=s3cr3t\n", line: 2, column: 10,
        what: "a name longer than 1024 characters (the most Hush reads)"),
    DotenvErrorCase(source: "export A B=s3cr3t\n", line: 1, column: 10, what: "expected = after the name"),
    // Carriage returns that are not part of CRLF.
    DotenvErrorCase(source: "A=s3cr3t\rB=1\n", line: 1, column: 9, what: "carriage return not followed by a line feed"),
    DotenvErrorCase(source: "A=\"s3cr3t\rx\"\n", line: 1, column: 10, what: "carriage return not followed by a line feed"),
    DotenvErrorCase(source: "A='s3cr3t\rx'\n", line: 1, column: 10, what: "carriage return not followed by a line feed"),
    DotenvErrorCase(source: "\r\n  \rA=s3cr3t\n", line: 2, column: 3, what: "carriage return not followed by a line feed"),
    // Duplicate names, reported at the second one with both lines.
    DotenvErrorCase(source: "A=s3cr3t\n# c\n  A=other\n", line: 3, column: 3, what: "duplicate name A: assigned on line 1 and again on line 3"),
    DotenvErrorCase(source: "export A=s3cr3t\nexport A=\"s3cr3t\"\n", line: 2, column: 8, what: "duplicate name A: assigned on line 1 and again on line 2"),
]

@Suite struct DotenvOutlineErrorTests {
    @Test(arguments: dotenvErrorCases)
    func reportsLineColumnAndNoSecret(_ testCase: DotenvErrorCase) throws {
        let error = try #require(DotenvTest.error(testCase.source, file: "app.env"))
        #expect(error.kind == .badInput)
        #expect(error.message == "app.env:\(testCase.line):\(testCase.column): \(testCase.what)")
        #expect(error.hint != nil)
        #expect(!error.description.contains("s3cr3t"))
    }

    @Test func invalidUTF8InAValue() throws {
        let cases: [([UInt8], Int, Int)] = [
            (Array("A=ok".utf8) + [0xFF] + Array("\n".utf8), 1, 3),
            (Array("A=\"ok".utf8) + [0xC3] + Array("\"\n".utf8), 1, 3),
            (Array("A=\"ok\\n\n".utf8) + [0xE2, 0x82] + Array("\"\n".utf8), 1, 3),
            (Array("X=1\nA='".utf8) + [0xC0, 0xAF] + Array("'\n".utf8), 2, 3),
        ]
        for (bytes, line, column) in cases {
            let error = try #require(DotenvTest.error(bytes, file: "f"))
            #expect(error.message == "f:\(line):\(column): value is not valid UTF-8")
        }
    }

    @Test func invalidUTF8InACommentIsAllowed() throws {
        let bytes = Array("# ".utf8) + [0xFF, 0xFE] + Array("\nA=1 # ".utf8) + [0xC3] + Array("\n".utf8)
        #expect(try DotenvOutline.scan(bytes, file: "f").leaves.map(\.value) == ["1"])
    }

    /// python-dotenv ends a line at a lone CR, so `# a\rB=evil` would set B for it: refused
    /// in comments too, with the line and column (format.md §9).
    @Test func strayCarriageReturnInACommentIsRefused() throws {
        #expect(throws: HushError.self) { try DotenvTest.pairs("# a\rB=evil\nA=1\n") }
        #expect(throws: HushError.self) { try DotenvTest.pairs("A=1 # a\rB=evil\n") }
        #expect(try DotenvTest.pairs("# a\r\nA=1\n").map(\.value) == ["1"])
    }
}
