import HushKit
import Testing

/// Malformed and unsupported YAML: one `badInput` error naming file, line and column.
@Suite struct YAMLErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var location: String
        var mentions: String
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "a: 1\nb: &anchor 2\n", location: "test.yaml:2:4:", mentions: "anchor"),
        Case(source: "a: 1\nb: *ref\n", location: "test.yaml:2:4:", mentions: "alias"),
        Case(source: "a: !!str 1\n", location: "test.yaml:1:4:", mentions: "tag"),
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
        for source in ["a: &x \(secret)\n", "a: \"\(secret)\nb: [\n", "a: !t \(secret)\n"] {
            let error = try #require(YAMLTest.error(source))
            #expect(!error.description.contains(secret), "\(error.description)")
        }
    }
}
