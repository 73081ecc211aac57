import Testing

@testable import HushKit

@Suite struct DotenvValueTests {
    /// Values that are hard to write: each must come back unchanged through `render` and `scan`.
    static let trickyValues: [String] = [
        "", " ", "  leading and trailing  ", "two words", "#", "a #b", "a#b", "#start",
        "\"", "'", "it's", "say \"hi\"", "'single'", "\"double\"", "\\", "\\\\", "C:\\path\\n", "end\\",
        "$HOME", "${HOME}", "\\$HOME", "$", "line1\nline2", "\n", "\r\n", "cr\ronly", "tab\there", "\t",
        "grüße", "☃ 😀", "ENC[hush:v1,s,AAAA]", "ENC[hush:v1,s,AbCd-_09]", "=", "==x", "a=b",
        "\u{0}nul", "\u{1B}[31m", "\u{7F}", "`cmd`", "x;y", "a|b&c", "*?[]", "{a,b}", "~/x", "%20",
        "user@host:22/path+x,y=z%^~", "\u{FEFF}bom", "\\\"\\$\\n",
    ]

    @Test(arguments: trickyValues)
    func renderRoundTripsThroughScan(_ value: String) throws {
        let document = Array("X=1\nNAME=".utf8) + DotenvValue.render(value) + Array(" # comment\nY=2\n".utf8)
        let outline = try DotenvOutline.scan(document, file: "render.env")
        #expect(outline.leaves.count == 3)
        #expect(outline.leaves[1].value == value)
        #expect(outline.leaves[2].line == 3)
        // Also at the end of a file without a final line break.
        let last = try DotenvOutline.scan(Array("NAME=".utf8) + DotenvValue.render(value), file: "render.env")
        #expect(last.leaves.map(\.value) == [value])
    }

    @Test(arguments: trickyValues)
    func renderStaysOnOneLine(_ value: String) {
        let rendered = DotenvValue.render(value)
        #expect(!rendered.contains(0x0A) && !rendered.contains(0x0D))
    }

    @Test func safeValuesAreUnquoted() {
        for value in ["abc", "ABC_123", "user@host:22/path", "a-b.c", "x+y,z=w", "50%", "^~", "postgres://u:p@h/db"] {
            #expect(DotenvValue.render(value) == Array(value.utf8), "\(value)")
        }
    }

    /// Issue 13: single quotes where every loader reads the bytes as they are, double quotes
    /// with escapes otherwise; never `\$` before anything but `{`.
    @Test func otherValuesAreSingleOrDoubleQuoted() {
        let cases: [(String, String)] = [
            ("", #""""#),
            ("a b", "'a b'"),
            ("a#b", "'a#b'"),
            ("$HOME", "'$HOME'"),
            ("${HOME}", "'${HOME}'"),
            ("say \"hi\"", #"'say "hi"'"#),
            ("back\\slash", #"'back\slash'"#),
            ("C:\\path\\n", #"'C:\path\n'"#),
            ("ENC[hush:v1,s,AAAA]", "'ENC[hush:v1,s,AAAA]'"),
            ("grüße", "'grüße'"),
            ("`x`", "'`x`'"),
            ("  pad  ", "'  pad  '"),
            ("it's", #""it's""#),
            ("it's $HOME", #""it's $HOME""#),
            ("it's ${HOME}", #""it's \${HOME}""#),
            ("l1\nl2\r\tx", "\"l1\\nl2\\r\tx\""),
            ("two\\\\back", #""two\\\\back""#),
            ("end\\", #"end\"#),
            ("a b\\", #""a b\\""#),
            ("q\\'", #""q\\'""#),
            ("\\q'x", #""\q'x""#),
            ("say \"it's\"", #""say \"it's\"""#),
        ]
        for (value, expected) in cases {
            #expect(String(decoding: DotenvValue.render(value), as: UTF8.self) == expected, "\(value)")
        }
    }

    /// What `render` writes is also what `hush exec` gives: no reference is expanded in it.
    @Test(arguments: trickyValues + ["it's ${A}", "${A:-x}\n", "\\${A}'", "$${A}'"])
    func renderedValuesExpandToThemselves(_ value: String) throws {
        let document = Array("A=1\nNAME=".utf8) + DotenvValue.render(value)
        let outline = try DotenvOutline.scan(document, file: "render.env")
        let expanded = DotenvExpansion(environment: { _ in "env" }).expand(outline.leaves, in: document)
        #expect(expanded.last?.value == value)
    }

    @Test func validNames() {
        for name in ["A", "a", "_", "_1", "DB_PASSWORD", "export", "x9_Y"] {
            #expect(DotenvValue.isValidName(name), "\(name)")
        }
    }

    @Test func invalidNames() {
        for name in ["", "1A", "A-B", "A B", "A=", " A", "A ", "Ä", "a.b", "$A", "A\n", "é"] {
            #expect(!DotenvValue.isValidName(name), "\(name)")
        }
    }

    @Test func validNamesScanAsNames() throws {
        for name in ["A", "_", "DB_PASSWORD", "export", "x9_Y"] {
            #expect(try DotenvTest.pairs("\(name)=v\n").map(\.name) == [name])
        }
    }
}
