import HushKit
import Testing

/// Helpers shared by the YAML tests.
enum YAMLTest {
    static func scan(_ text: String, file: String = "test.yaml") throws -> DocumentOutline {
        try YAMLOutline.scan(Array(text.utf8), file: file)
    }

    /// The raw source text of a leaf.
    static func raw(_ text: String, _ leaf: Leaf) -> String {
        String(decoding: Array(text.utf8)[leaf.range], as: UTF8.self)
    }

    /// A path written the way the CLI addresses keys: `a.b.0.c`.
    static func dotted(_ path: [PathComponent]) -> String {
        path.map { component in
            switch component {
            case .key(let key): return key
            case .index(let index): return String(index)
            }
        }.joined(separator: ".")
    }

    /// (dotted path, decoded value, type) for every leaf, in document order.
    static func triples(_ text: String) throws -> [YAMLTriple] {
        try scan(text).leaves.map { YAMLTriple(dotted($0.path), $0.value, $0.type) }
    }

    /// The error scanning `text` throws, or nil when it scans.
    static func error(_ text: String, file: String = "test.yaml") -> HushError? {
        do {
            _ = try YAMLOutline.scan(Array(text.utf8), file: file)
            return nil
        } catch let error as HushError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }
}

/// One leaf as the tests compare it.
struct YAMLTriple: Equatable, CustomStringConvertible {
    var path: String
    var value: String
    var type: ValueType

    init(_ path: String, _ value: String, _ type: ValueType) {
        self.path = path
        self.value = value
        self.type = type
    }

    var description: String { "\(path)=\(value.debugDescription):\(type)" }
}
