import HushKit
import Testing

/// Malformed and unsupported YAML: one `badInput` error naming file, line and column.
/// Each level holds ten aliases of the one before: 10^9 values once expanded.
/// 250 levels deep, then 8,000 values: 2 million path parts in 16 KB.
let deepAndWide =
    "a: " + String(repeating: "[", count: 250) + Array(repeating: "x", count: 8000).joined(separator: ",")
    + String(repeating: "]", count: 250) + "\n"

let billionLaughs = (1...9).reduce("a: &a0 [lol]\n") { text, level in
    text + "a\(level): &a\(level) [" + [String](repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
}

@Suite struct YAMLErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var location: String
        var mentions: String
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "a: 1\nb: *ref\n", location: "test.yaml:2:4:", mentions: "no anchor &ref"),
        Case(source: "a: &x [1, *x]\n", location: "test.yaml:1:11:", mentions: "contain itself"),
        Case(source: "a: &x 1\n*x : 2\n", location: "test.yaml:2:1:", mentions: "cannot be a mapping key"),
        Case(source: "a: &x [&x 1]\n", location: "test.yaml:1:8:", mentions: "defined again"),
        Case(source: "a: { ?foo: bar }\n", location: "test.yaml:1:6:", mentions: "YAML 1.2"),
        Case(source: "a: {? :x}\n", location: "test.yaml:1:7:", mentions: "YAML 1.2"),
        Case(source: billionLaughs, location: "test.yaml:6:", mentions: "billion laughs"),
        // Found by the roundtrip fuzzer: libyaml ends the anchor at `:`, YAML 1.2 does not, and
        // a token right after `&x` would have made the anchor `xENC`.
        Case(source: "a: &x:y z\n", location: "test.yaml:1:4:", mentions: "not followed by a space"),
        // Found by the roundtrip fuzzer: the sealed body's final line break would change the key.
        Case(source: "? |\n xc", location: "test.yaml:1:3:", mentions: "block scalar key"),
        // Fuzz finding 5: a last line of blanks would become a kept blank line of the key.
        Case(source: "?\n|+\n ", location: "test.yaml:2:1:", mentions: "block scalar key"),
        // Fuzz finding 2: the token of a block scalar at its key's column would read as a key.
        Case(source: "a:\n|\n x\n", location: "test.yaml:2:1:", mentions: "indented more than its key"),
        Case(source: "l:\n  -\n  >-\n   x\n", location: "test.yaml:3:3:", mentions: "indented more than its key"),
        // Limits: keys of at most 1,024 characters, also where libyaml reports something else.
        Case(source: "b:\n  " + String(repeating: "k", count: 1025) + ": 1\n", location: "test.yaml:2:3:", mentions: "key longer than 1024"),
        Case(source: String(repeating: "k", count: 1025) + ": 1\n", location: "test.yaml:1:1:", mentions: "key longer than 1024"),
        Case(source: "a: {x: 1, " + String(repeating: "k", count: 1025) + ": 1}\n", location: "test.yaml:1:11:", mentions: "key longer"),
        Case(source: "? " + String(repeating: "\u{00E9}", count: 1025) + "\n: 1\n", location: "test.yaml:1:3:", mentions: "key longer"),
        // Limits: values × depth (a 1 MB document like this took 4.4 GB): 2^20 + 16 per byte.
        Case(source: deepAndWide, location: "test.yaml:1:", mentions: "parts in all (values × nesting depth)"),
        Case(source: "a: 1\n---\nb: 2\n", location: "test.yaml:2:1:", mentions: "document"),
        Case(source: "a: 1\na: 2\n", location: "test.yaml:2:1:", mentions: "duplicate"),
        Case(source: "? [a, b]\n: 1\n", location: "test.yaml:1:3:", mentions: "key"),
        Case(source: "- a\n- b\n", location: "test.yaml:1:1:", mentions: "mapping"),
        Case(source: "a: \"unterminated\nb: 2\n", location: "test.yaml:3:1:", mentions: "invalid YAML"),
        Case(source: "a:\n  b: 1\n c: 2\n", location: "test.yaml:3:2:", mentions: "invalid YAML"),
        Case(source: "a: [1, 2\n", location: "test.yaml:2:1:", mentions: "invalid YAML"),
        Case(source: "a: b: c\n", location: "test.yaml:1:5:", mentions: "invalid YAML"),
        Case(source: "a:\tb\n\tc: 1\n", location: "test.yaml:2:1:", mentions: "invalid YAML"),
    ]

    @Test(arguments: cases)
    func rejectedWithLineAndColumn(_ testCase: Case) throws {
        let error = try #require(YAMLTest.error(testCase.source))
        #expect(error.kind == .badInput)
        #expect(error.message.hasPrefix(testCase.location), "\(error.message)")
        #expect(error.message.contains(testCase.mentions), "\(error.message)")
        #expect(!error.message.contains("\n"))
        #expect(error.hint != nil)
    }

    @Test func utf16IsRefused() throws {
        let error = try #require(
            {
                do {
                    _ = try YAMLOutline.scan([0xFF, 0xFE, 0x61, 0x00], file: "w.yaml")
                    return nil
                } catch let error as HushError { return error } catch { return nil }
            }() as HushError?)
        #expect(error.message.hasPrefix("w.yaml:1:1:"))
        #expect(error.message.contains("UTF-16"))
    }

    @Test func errorsNeverQuoteTheValue() throws {
        let secret = "hunter2-very-secret"
        for source in ["a: &x [*x, \(secret)]\n", "a: \"\(secret)\nb: [\n", "a: { ?\(secret): 1 }\n"] {
            let error = try #require(YAMLTest.error(source))
            #expect(!error.description.contains(secret), "\(error.description)")
        }
    }
}
