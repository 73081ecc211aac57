import HushKit
import Testing

/// Writing scalars back into YAML: whatever `render` produces reads back as the same value.
@Suite struct YAMLScalarTests {
    static let awkward: [String] = [
        "plain", "two words", "", " leading", "trailing ", "ends with colon:", "a: b", "a #b", "a#b",
        "- dash", "? q", "[x]", "{y}", "x, y", "&anchor", "*alias", "!tag", "|", ">", "'s'", "\"d\"",
        "%directive", "@at", "`tick", "true", "False", "null", "~", "yes", "no", "on", "off", "y", "n",
        "0777", "1_000", "1:30", "12", "-1", "+1", ".5", "1e3", ".inf", ".NaN", "0x1F", "0o17",
        "line\nbreak", "tab\there", "back\\slash", "quote\"inside", "bell\u{07}", "del\u{7F}",
        "nel\u{85}", "ls\u{2028}", "bom\u{FEFF}", "grüße ☃", "emoji 😀", "ENC[hush:v1,s,AAAA]", "---", "...",
        "--- not a marker?", "=", "<<",
    ]

    @Test(arguments: awkward)
    func renderedStringsReadBackUnchanged(_ value: String) throws {
        for inFlow in [false, true] {
            let rendered = String(decoding: YAMLScalar.render(value, as: .string, inFlow: inFlow), as: UTF8.self)
            let doc = inFlow ? "k: [\(rendered)]\n" : "k: \(rendered)\n"
            let leaves = try YAMLTest.scan(doc).leaves
            #expect(leaves.count == 1, "\(doc.debugDescription)")
            #expect(leaves.first?.value == value, "\(doc.debugDescription)")
            #expect(leaves.first?.type == .string, "\(doc.debugDescription)")
            #expect(!rendered.contains("\n"))
        }
    }

    @Test(arguments: awkward)
    func renderedKeysReadBackUnchanged(_ key: String) throws {
        let doc = String(decoding: YAMLScalar.renderKey(key), as: UTF8.self) + ": 1\n"
        let leaves = try YAMLTest.scan(doc).leaves
        #expect(leaves.map(\.path) == [[.key(key)]], "\(doc.debugDescription)")
    }

    @Test func typedValuesStayPlainWhenTheyAreLiterals() {
        let cases: [(String, ValueType, String)] = [
            ("5432", .int, "5432"), ("-0x1F", .string, "\"-0x1F\""), ("0.75", .float, "0.75"),
            ("true", .bool, "true"), ("", .null, ""), ("~", .null, "~"),
            ("not a number", .int, "\"not a number\""), ("maybe", .bool, "\"maybe\""),
            ("12", .string, "\"12\""), ("yes", .string, "\"yes\""),
        ]
        for (value, type, expected) in cases {
            #expect(String(decoding: YAMLScalar.render(value, as: type), as: UTF8.self) == expected, "\(value) as \(type)")
        }
    }

    @Test func coreSchemaTypes() {
        let cases: [(String, ValueType)] = [
            ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", .string),
            ("true", .bool), ("TRUE", .bool), ("tRUE", .string), ("yes", .string),
            ("0", .int), ("-12", .int), ("+7", .int), ("0o17", .int), ("0x1f", .int), ("0x", .string), ("1_000", .string),
            ("1.5", .float), ("-.5", .float), ("1e3", .float), ("1.", .float), (".inf", .float), ("-.Inf", .float),
            (".NAN", .float), (".nan", .float), ("1.2.3", .string), ("+", .string), (".", .string), ("e3", .string),
        ]
        for (text, type) in cases {
            #expect(YAMLScalar.resolve(plain: Array(text.utf8)) == type, "\(text)")
        }
    }
}
