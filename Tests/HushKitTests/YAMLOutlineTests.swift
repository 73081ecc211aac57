import HushKit
import Testing

/// What the YAML scanner reports for each leaf. Decoded string values were checked against
/// PyYAML 6.0 (`yaml.safe_load`) during development; types follow the YAML 1.2 core schema.
@Suite struct YAMLOutlineTests {
    @Test func nestedMappingsSequencesAndTypes() throws {
        let text = """
            db:
              host: localhost  # inline
              port: 5432
              password: "p\\u00e4ss\\n\\"q\\""
              ratio: 0.75
              enabled: true
              nothing: ~
              empty:
            list:
              - one
              - 'it''s'
              - nested:
                  deep: x

            """
        #expect(
            try YAMLTest.triples(text) == [
                YAMLTriple("db.host", "localhost", .string),
                YAMLTriple("db.port", "5432", .int),
                YAMLTriple("db.password", "päss\n\"q\"", .string),
                YAMLTriple("db.ratio", "0.75", .float),
                YAMLTriple("db.enabled", "true", .bool),
                YAMLTriple("db.nothing", "~", .null),
                YAMLTriple("db.empty", "", .null),
                YAMLTriple("list.0", "one", .string),
                YAMLTriple("list.1", "it's", .string),
                YAMLTriple("list.2.nested.deep", "x", .string),
            ])
    }

    @Test func rangesCoverTheRawValueOnly() throws {
        let text = "a: plain  # comment\nb: \"quoted\\n\"\nc: 'single'\nd:\n"
        let outline = try YAMLTest.scan(text)
        #expect(outline.leaves.map { YAMLTest.raw(text, $0) } == ["plain", "\"quoted\\n\"", "'single'", ""])
        #expect(outline.leaves.map(\.line) == [1, 2, 3, 4])
        #expect(outline.leaves.map(\.column) == [4, 4, 4, 3])
    }

    @Test func blockScalarsKeepTheirIndicatorAndChomping() throws {
        let text = "cert: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n\n  c\nkeep: |+\n  kept\n\nnext: 1\n"
        #expect(
            try YAMLTest.triples(text) == [
                YAMLTriple("cert", "line one\nline two\n", .string),
                YAMLTriple("folded", "a b\nc", .string),
                YAMLTriple("keep", "kept\n\n", .string),
                YAMLTriple("next", "1", .int),
            ])
        let raws = try YAMLTest.scan(text).leaves.map { YAMLTest.raw(text, $0) }
        // The range stops before the line break that ends the last line; `|+` keeps its blank lines.
        #expect(raws == ["|\n  line one\n  line two", ">-\n  a\n  b\n\n  c", "|+\n  kept\n", "1"])
    }

    @Test func flowCollectionsAreMarked() throws {
        let text = "tags: [a, \"b c\", 3]\nmap: {k: v, n: 2}\nplain: x\n"
        let outline = try YAMLTest.scan(text)
        #expect(
            outline.leaves.map { YAMLTriple(YAMLTest.dotted($0.path), $0.value, $0.type) } == [
                YAMLTriple("tags.0", "a", .string),
                YAMLTriple("tags.1", "b c", .string),
                YAMLTriple("tags.2", "3", .int),
                YAMLTriple("map.k", "v", .string),
                YAMLTriple("map.n", "2", .int),
                YAMLTriple("plain", "x", .string),
            ])
        #expect(outline.leaves.map(\.inFlow) == [true, true, true, true, true, false])
        #expect(outline.mappings.first { $0.path == [.key("map")] }?.isFlow == true)
    }

    @Test func unicodeKeysAndValuesWithByteColumns() throws {
        let text = "grüße: \"☃ snow\"\nemoji: 😀 plain\n"
        let outline = try YAMLTest.scan(text)
        #expect(
            outline.leaves.map { YAMLTriple(YAMLTest.dotted($0.path), $0.value, $0.type) } == [
                YAMLTriple("grüße", "☃ snow", .string),
                YAMLTriple("emoji", "😀 plain", .string),
            ])
        // "grüße: " is 9 bytes (ü and ß take two each), so the value starts at byte column 10.
        #expect(outline.leaves[0].column == 10)
        #expect(outline.leaves.map { YAMLTest.raw(text, $0) } == ["\"☃ snow\"", "😀 plain"])
    }

    @Test func multiLinePlainScalarsFold() throws {
        let text = "long: this is\n  a folded plain\n  scalar\nafter: z\n"
        #expect(
            try YAMLTest.triples(text) == [
                YAMLTriple("long", "this is a folded plain scalar", .string),
                YAMLTriple("after", "z", .string),
            ])
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}a: 1\r\nb: two\r\n"
        let outline = try YAMLTest.scan(text)
        #expect(outline.leaves.map { YAMLTest.raw(text, $0) } == ["1", "two"])
        #expect(outline.leaves.map(\.line) == [1, 2])
    }

    @Test func mappingsGiveInsertionPoints() throws {
        let text = "top: 1\ndb:\n  host: h\n  port: 2\n# trailing comment\n"
        let outline = try YAMLTest.scan(text)
        let bytes = Array(text.utf8)
        let root = try #require(outline.mappings.first)
        #expect(root.path == [])
        #expect(root.keyColumn == 0)
        let db = try #require(outline.mappings.first { $0.path == [.key("db")] })
        #expect(db.keyColumn == 2)
        // New db entries go right after "  port: 2\n", before the comment.
        #expect(String(decoding: bytes[..<db.insertionOffset], as: UTF8.self).hasSuffix("port: 2\n"))
    }

    @Test func emptyDocumentHasAnEmptyTopLevelMapping() throws {
        for text in ["", "# only a comment\n", "---\n"] {
            let outline = try YAMLTest.scan(text)
            #expect(outline.leaves.isEmpty)
            #expect(outline.mappings.map(\.path) == [[]])
        }
    }

    @Test func keysThatNeedQuotingDecode() throws {
        let text = "\"a.b\": 1\n'x y': 2\n\"\": 3\n"
        #expect(
            try YAMLTest.scan(text).leaves.map(\.path) == [[.key("a.b")], [.key("x y")], [.key("")]])
    }
}
