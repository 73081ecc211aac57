import HushKit
import Testing

@Suite struct DotenvOutlineTests {
    typealias T = DotenvTest

    // MARK: Layout

    @Test func blankLinesAndCommentsHaveNoLeaves() throws {
        let text = "\n   \n\t\n# comment\n   # indented\n\t#tab\n#\n"
        let outline = try T.scan(text)
        #expect(outline.leaves.isEmpty)
        #expect(outline.mappings == [MappingSpan(path: [], insertionOffset: text.utf8.count, keyColumn: 0, isFlow: false)])
    }

    @Test func emptyDocument() throws {
        let outline = try T.scan("")
        #expect(outline.leaves.isEmpty)
        #expect(outline.mappings == [MappingSpan(path: [], insertionOffset: 0, keyColumn: 0, isFlow: false)])
    }

    @Test func mappingInsertsAtEndWithOrWithoutFinalNewline() throws {
        for text in ["A=1\nB=2\n", "A=1\nB=2", "A=1\n# trailing comment"] {
            let outline = try T.scan(text)
            #expect(outline.mappings.count == 1)
            #expect(outline.mappings[0].insertionOffset == text.utf8.count)
            #expect(outline.mappings[0].path.isEmpty && outline.mappings[0].keyColumn == 0 && !outline.mappings[0].isFlow)
        }
    }

    @Test func leafFields() throws {
        let text = "# c\nNAME=value\n"
        let leaf = try #require(try T.scan(text).leaves.first)
        #expect(leaf.path == [.key("NAME")])
        #expect(leaf.range == 9..<14)
        #expect(leaf.type == .string)
        #expect(leaf.value == "value")
        #expect(leaf.line == 2 && leaf.column == 6)
        #expect(leaf.inFlow == false)
    }

    @Test func leavesComeInDocumentOrder() throws {
        let outline = try T.scan("Z=1\nA=2\nM=3\n")
        #expect(T.names(outline) == ["Z", "A", "M"])
    }

    // MARK: Names and export

    @Test func exportPrefix() throws {
        let text = "export A=1\nexport\tB=2\nexport  \t C = 3\n  export D=4\n"
        let outline = try T.scan(text)
        #expect(T.names(outline) == ["A", "B", "C", "D"])
        #expect(outline.leaves.map(\.value) == ["1", "2", "3", "4"])
        #expect(outline.leaves[2].column == 15)
    }

    @Test func exportAsAName() throws {
        #expect(try T.pairs("export=1\n") == [DotenvPair(name: "export", value: "1")])
        #expect(try T.pairs("export =1\n") == [DotenvPair(name: "export", value: "1")])
        #expect(try T.pairs("export\t= x\n") == [DotenvPair(name: "export", value: "x")])
        #expect(try T.pairs("exportA=1\n") == [DotenvPair(name: "exportA", value: "1")])
        #expect(try T.pairs("export export=1\n") == [DotenvPair(name: "export", value: "1")])
    }

    @Test func namesAreCaseSensitiveAndMayUseUnderscoresAndDigits() throws {
        let pairs = try T.pairs("a=1\nA=2\n_=3\n_x9=4\nX_1_Y=5\n")
        #expect(pairs.map(\.name) == ["a", "A", "_", "_x9", "X_1_Y"])
    }

    @Test func blanksAroundEquals() throws {
        let text = "  A = 1\n\tB\t=\t2\t\nC =3\nD= 4\n"
        let outline = try T.scan(text)
        #expect(outline.leaves.map(\.value) == ["1", "2", "3", "4"])
        #expect(outline.leaves.map { T.raw(text, $0) } == ["1", "2", "3", "4"])
        #expect(outline.leaves.map(\.column) == [7, 6, 4, 4])
    }

    // MARK: Unquoted values

    @Test func unquotedValueExcludesBlanksAndComment() throws {
        let text = "A=  two words \t# comment \"with' quotes\n"
        let leaf = try T.scan(text).leaves[0]
        #expect(leaf.value == "two words")
        #expect(T.raw(text, leaf) == "two words")
        #expect(leaf.column == 5)
    }

    @Test func hashWithoutBlankBeforeItIsPartOfTheValue() throws {
        #expect(try T.pairs("A=a#b\n").map(\.value) == ["a#b"])
        #expect(try T.pairs("A=#x\n").map(\.value) == ["#x"])
        #expect(try T.pairs("A=a\t#b\n").map(\.value) == ["a"])
    }

    @Test func unquotedValueIsLiteral() throws {
        let pairs = try T.pairs("A=C:\\path\\n\nB=$HOME\nC=${USER}-x\nD=a=b=c\nE=ENC[hush:v1,s,AbCd-_09]\n")
        #expect(pairs.map(\.value) == ["C:\\path\\n", "$HOME", "${USER}-x", "a=b=c", "ENC[hush:v1,s,AbCd-_09]"])
    }

    @Test func unquotedUnicode() throws {
        let text = "A=grüße ☃ 😀 # κόσμε\n"
        let leaf = try T.scan(text).leaves[0]
        #expect(leaf.value == "grüße ☃ 😀")
        #expect(T.raw(text, leaf) == "grüße ☃ 😀")
    }

    /// A line of bytes above `'` takes the vectorised path (`plainLineEnd`); one byte at or
    /// below it anywhere in the line sends the line through the byte loop. Both must give the
    /// same leaf: checked for every ASCII byte placed at the start, middle and end of a value.
    @Test func plainLinePathAgreesWithTheByteLoop() throws {
        #expect(try T.pairs("A=(az~\u{7F}é\nB=x").map(\.value) == ["(az~\u{7F}é", "x"])
        for byte in UInt8(0x01)...UInt8(0x7F) where byte != 0x0A {
            for (prefix, suffix) in [("", "tail"), ("mid", "dle"), ("head", "")] {
                let bytes = Array("A=\(prefix)".utf8) + [byte] + Array("\(suffix)\nB=1\n".utf8)
                let scanned = Result { try DotenvOutline.scan(bytes, file: "t.env") }
                var lineEnd = bytes.firstIndex(of: 0x0A)!
                switch scanned {
                case .success(let outline):
                    // The value runs to the line end unless blanks, a comment or a CR cut it.
                    if byte > 0x27 { #expect(outline.leaves[0].range == 2..<lineEnd, "byte \(byte)") }
                    while lineEnd > 2, [0x09, 0x0D, 0x20].contains(bytes[lineEnd - 1]) { lineEnd -= 1 }
                    #expect(outline.leaves[0].range.upperBound <= lineEnd, "byte \(byte)")
                    #expect(outline.leaves.count == 2 && outline.leaves[1].line == 2, "byte \(byte)")
                case .failure:
                    #expect([0x0D, 0x22, 0x27].contains(byte), "byte \(byte) refused")
                }
            }
        }
    }

    // MARK: Empty values

    @Test func emptyValueRanges() throws {
        // (document, expected empty range offset, expected column)
        let cases: [(String, Int, Int)] = [
            ("A=\n", 2, 3),
            ("A=", 2, 3),
            ("A=   \n", 5, 6),
            ("A =\t\n", 4, 5),
            ("A=\r\n", 2, 3),
            ("A= # comment\n", 2, 3),
            ("A=\t\t#c\n", 2, 3),
        ]
        for (text, offset, column) in cases {
            let leaf = try #require(try T.scan(text).leaves.first, "\(text.debugDescription)")
            #expect(leaf.range == offset..<offset, "\(text.debugDescription)")
            #expect(leaf.value == "", "\(text.debugDescription)")
            #expect(leaf.column == column, "\(text.debugDescription)")
        }
    }

    @Test func hashRightAfterEqualsIsAValue() throws {
        // `A=#` has no blank before `#`, so `#` is the value, not a comment.
        let leaf = try T.scan("A=#").leaves[0]
        #expect(leaf.value == "#")
        #expect(leaf.range == 2..<3)
    }

    @Test func emptyValueBeforeCommentTakesTextWithoutJoiningIt() throws {
        // Writing into the empty range must leave the comment a comment.
        let text = "A=  # note\nB=2\n"
        let leaf = try T.scan(text).leaves[0]
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(leaf.range, with: Array("filled".utf8))
        let outline = try DotenvOutline.scan(bytes, file: "t")
        #expect(outline.leaves.map(\.value) == ["filled", "2"])
    }

    @Test func emptyQuotedValuesHaveTheirQuotesAsRange() throws {
        let text = "A=\"\"\nB=''\n"
        let outline = try T.scan(text)
        #expect(outline.leaves.map(\.value) == ["", ""])
        #expect(outline.leaves.map(\.range) == [2..<4, 7..<9])
    }

    // MARK: Single quotes

    @Test func singleQuotedIsLiteral() throws {
        let text = "A='  a # b $HOME ${X} \\n \\\\ \" \\' # comment\n"
        let leaf = try T.scan(text).leaves[0]
        #expect(leaf.value == "  a # b $HOME ${X} \\n \\\\ \" \\")
        // The value ends at the first quote after the opening one: `\'` is not an escape.
        #expect(T.raw(text, leaf) == "'  a # b $HOME ${X} \\n \\\\ \" \\'")
    }

    @Test func singleQuotedRangeIncludesQuotes() throws {
        let text = "A = 'x y'  \n"
        let leaf = try T.scan(text).leaves[0]
        #expect(T.raw(text, leaf) == "'x y'")
        #expect(leaf.value == "x y")
        #expect(leaf.column == 5)
    }

    // MARK: Double quotes

    @Test func doubleQuotedEscapes() throws {
        let text = #"A="n\n r\r t\t bs\\ q\" d\$ end""# + "\n"
        let leaf = try T.scan(text).leaves[0]
        #expect(leaf.value == "n\n r\r t\t bs\\ q\" d$ end")
        #expect(T.raw(text, leaf) == #""n\n r\r t\t bs\\ q\" d\$ end""#)
    }

    @Test func otherBackslashPairsAreKept() throws {
        let text = #"A="\a \' \x41 \u00e9 \0 \ z""# + "\n"
        #expect(try T.pairs(text).map(\.value) == [#"\a \' \x41 \u00e9 \0 \ z"#])
        // A backslash before a line break is kept too, and the line break stays in the value.
        #expect(try T.pairs("A=\"x\\\ny\"\n").map(\.value) == ["x\\\ny"])
    }

    @Test func escapedBackslashBeforeQuoteCloses() throws {
        let text = #"A="a\\"  # c"# + "\nB=2\n"
        #expect(try T.pairs(text) == [DotenvPair(name: "A", value: "a\\"), DotenvPair(name: "B", value: "2")])
    }

    @Test func doubleQuotedKeepsDollarAndHashLiterally() throws {
        #expect(try T.pairs("A=\"$HOME ${X} # not a comment\"\n").map(\.value) == ["$HOME ${X} # not a comment"])
    }

    @Test func multiLineDoubleQuotedValue() throws {
        let text = "A=\"first\n  second\n\nfourth\"  # done\nB=after\n"
        let outline = try T.scan(text)
        #expect(outline.leaves[0].value == "first\n  second\n\nfourth")
        #expect(T.raw(text, outline.leaves[0]) == "\"first\n  second\n\nfourth\"")
        #expect(outline.leaves[0].line == 1)
        #expect(outline.leaves[1].value == "after")
        #expect(outline.leaves[1].line == 5 && outline.leaves[1].column == 3)
    }

    @Test func commentAfterClosingQuoteWithOrWithoutBlank() throws {
        #expect(try T.pairs("A=\"x\"#c\nB='y'\t# c\nC=\"z\"   \n").map(\.value) == ["x", "y", "z"])
    }

    @Test func unicodeInDoubleQuotes() throws {
        #expect(try T.pairs("A=\"é\\t😀\"\n").map(\.value) == ["é\t😀"])
    }

    // MARK: Line endings and byte order mark

    @Test func crlfIsNeverPartOfAValue() throws {
        let text = "# c\r\nA=1\r\nB = two words  \r\nC='x'\r\nD=\"y\" # c\r\nE=\r\n\r\nF=last"
        let outline = try T.scan(text)
        #expect(outline.leaves.map(\.value) == ["1", "two words", "x", "y", "", "last"])
        #expect(outline.leaves.map { T.raw(text, $0) } == ["1", "two words", "'x'", "\"y\"", "", "last"])
        #expect(outline.leaves.map(\.line) == [2, 3, 4, 5, 6, 8])
    }

    @Test func crlfInsideDoubleQuotesReadsAsLineFeed() throws {
        let text = "A=\"one\r\ntwo\"\r\nB=3\r\n"
        let outline = try T.scan(text)
        #expect(outline.leaves[0].value == "one\ntwo")
        #expect(T.raw(text, outline.leaves[0]) == "\"one\r\ntwo\"")
        #expect(outline.leaves[1].line == 3)
    }

    @Test func finalCarriageReturnEndsTheLine() throws {
        #expect(try T.pairs("A=1\r").map(\.value) == ["1"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let text = "\u{FEFF}A=1\nB=2\n"
        let outline = try T.scan(text)
        #expect(T.names(outline) == ["A", "B"])
        #expect(outline.leaves[0].range == 5..<6)
        #expect(outline.leaves[0].column == 3)
        #expect(try T.scan("\u{FEFF}").leaves.isEmpty)
    }
}
