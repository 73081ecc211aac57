import HushKit
import HushTestSupport
import Testing

/// Documents exercising every construct of the grammar together.
let dotenvCorpus: [String] = [
    "",
    "A=1",
    "A=1\n",
    "# only a comment\n\n",
    """
    # Database
    DB_HOST=localhost
    DB_PORT = 5432   # default port
    export DB_PASSWORD='p@ss w0rd # not a comment'
    DB_URL="postgres://u:p@h/db?x=1\\n"

    # Keys
    PRIVATE_KEY="-----BEGIN KEY-----
    MIIB\\tabc
    -----END KEY-----"   # multi-line
    EMPTY=
    EMPTY_COMMENT=   # nothing here
    EMPTY_QUOTED=""
    \tINDENTED=\tvalue with spaces\t
    HASHY=a#b
    PATH_LIKE=$HOME/bin:${PATH}
    UNICODE=grüße ☃
    export\tTABBED="tab\\there"

    """,
    "\u{FEFF}A=bom\r\nB=\"crlf\r\nvalue\"\r\nC=''\r\n# c\r\nD=\r\n",
    "A=\"only\\\\\" # escaped backslash\nB='\\' # literal backslash\nexport=keyword as name\n",
    "X=\"\\\"\"\nY=\"a\\\"b\"\nZ=x y z",
]

@Suite struct DotenvRoundTripTests {
    static let token = "ENC[hush:v1,s,AAAA]"

    /// Replacing each non-empty value by a token, the way a sealed file is written, keeps the
    /// names, makes the tokens the values, and leaves every other byte as it was.
    @Test(arguments: dotenvCorpus)
    func sealingKeepsEverythingButValues(_ text: String) throws {
        let original = Array(text.utf8)
        let plain = try DotenvOutline.scan(original, file: "plain.env")

        var sealed = original
        for leaf in plain.leaves.reversed() where !leaf.range.isEmpty {
            sealed.replaceSubrange(leaf.range, with: Array(Self.token.utf8))
        }
        let sealedOutline = try DotenvOutline.scan(sealed, file: "sealed.env")

        #expect(DotenvTest.names(sealedOutline) == DotenvTest.names(plain))
        #expect(sealedOutline.leaves.count == plain.leaves.count)
        for (before, after) in zip(plain.leaves, sealedOutline.leaves) {
            let expected = before.range.isEmpty ? "" : Self.token
            #expect(after.value == expected)
            #expect(String(decoding: sealed[after.range], as: UTF8.self) == expected)
        }

        // The bytes between values are the same in both documents.
        var plainEnd = 0
        var sealedEnd = 0
        for (before, after) in zip(plain.leaves, sealedOutline.leaves) {
            #expect(original[plainEnd..<before.range.lowerBound] == sealed[sealedEnd..<after.range.lowerBound])
            plainEnd = before.range.upperBound
            sealedEnd = after.range.upperBound
        }
        #expect(original[plainEnd...] == sealed[sealedEnd...])

        // Opening puts the raw text back and gives the original document and values.
        var opened = sealed
        for (before, after) in zip(plain.leaves, sealedOutline.leaves).reversed() {
            opened.replaceSubrange(after.range, with: original[before.range])
        }
        #expect(opened == original)
        let reopened = try DotenvOutline.scan(opened, file: "opened.env")
        #expect(reopened.leaves == plain.leaves)
        #expect(sealedOutline.mappings[0].insertionOffset == sealed.count)
    }

    @Test func corpusScansToTheExpectedValues() throws {
        let pairs = try DotenvTest.pairs(dotenvCorpus[4])
        let expected: [(String, String)] = [
            ("DB_HOST", "localhost"),
            ("DB_PORT", "5432"),
            ("DB_PASSWORD", "p@ss w0rd # not a comment"),
            ("DB_URL", "postgres://u:p@h/db?x=1\n"),
            ("PRIVATE_KEY", "-----BEGIN KEY-----\nMIIB\tabc\n-----END KEY-----"),
            ("EMPTY", ""),
            ("EMPTY_COMMENT", ""),
            ("EMPTY_QUOTED", ""),
            ("INDENTED", "value with spaces"),
            ("HASHY", "a#b"),
            ("PATH_LIKE", "$HOME/bin:${PATH}"),
            ("UNICODE", "grüße ☃"),
            ("TABBED", "tab\there"),
        ]
        #expect(pairs == expected.map { DotenvPair(name: $0.0, value: $0.1) })

        #expect(try DotenvTest.pairs(dotenvCorpus[5]).map(\.value) == ["bom", "crlf\nvalue", "", ""])
        #expect(try DotenvTest.pairs(dotenvCorpus[6]).map(\.value) == ["only\\", "\\", "keyword as name"])
        #expect(try DotenvTest.pairs(dotenvCorpus[7]).map(\.value) == ["\"", "a\"b", "x y z"])
    }

    /// Random documents built from the bytes that matter to the grammar: whatever scans must
    /// seal and open back to the same bytes, and nothing may crash.
    @Test func randomDocumentsScanOrFailCleanly() throws {
        let alphabet = Array("AB_x=  \t\t#'\"\\$\n\r\n\nexport é".utf8) + [0xFF]
        var random = SeededGenerator(seed: 0x5EED)
        var scanned = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<40, using: &random)
            var bytes = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
            if Bool.random(using: &random) { bytes = Array("A=".utf8) + bytes }
            guard let plain = try? DotenvOutline.scan(bytes, file: "r") else { continue }
            scanned += 1
            var previousEnd = 0
            for leaf in plain.leaves {
                #expect(leaf.range.lowerBound >= previousEnd && leaf.range.upperBound <= bytes.count)
                previousEnd = leaf.range.upperBound
            }
            var sealed = bytes
            for leaf in plain.leaves.reversed() where !leaf.range.isEmpty {
                sealed.replaceSubrange(leaf.range, with: Array(Self.token.utf8))
            }
            let sealedOutline = try DotenvOutline.scan(sealed, file: "s")
            #expect(DotenvTest.names(sealedOutline) == DotenvTest.names(plain))
            var opened = sealed
            for (before, after) in zip(plain.leaves, sealedOutline.leaves).reversed() {
                opened.replaceSubrange(after.range, with: bytes[before.range])
            }
            #expect(opened == bytes)
        }
        #expect(scanned > 1_000)
    }
}
