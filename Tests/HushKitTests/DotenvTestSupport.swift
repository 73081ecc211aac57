import HushKit
import Testing

/// Helpers shared by the dotenv tests.
enum DotenvTest {
    static func scan(_ text: String, file: String = "test.env") throws -> DocumentOutline {
        try DotenvOutline.scan(Array(text.utf8), file: file)
    }

    /// The raw source text of a leaf.
    static func raw(_ text: String, _ leaf: Leaf) -> String {
        String(decoding: Array(text.utf8)[leaf.range], as: UTF8.self)
    }

    /// The names of the leaves, in order.
    static func names(_ outline: DocumentOutline) -> [String] {
        outline.leaves.map { leaf in
            guard case .key(let name)? = leaf.path.first, leaf.path.count == 1 else { return "<bad path>" }
            return name
        }
    }

    /// (name, decoded value) pairs, in order.
    static func pairs(_ text: String) throws -> [DotenvPair] {
        let outline = try scan(text)
        return zip(names(outline), outline.leaves.map(\.value)).map { DotenvPair(name: $0, value: $1) }
    }

    /// The error scanning `text` throws, or nil when it scans.
    static func error(_ text: String, file: String = "test.env") -> HushError? {
        error(Array(text.utf8), file: file)
    }

    static func error(_ bytes: [UInt8], file: String = "test.env") -> HushError? {
        do {
            _ = try DotenvOutline.scan(bytes, file: file)
            return nil
        } catch let error as HushError {
            return error
        } catch {
            Issue.record("unexpected error type \(error)")
            return nil
        }
    }
}

struct DotenvPair: Equatable, CustomStringConvertible {
    var name: String
    var value: String
    var description: String { "\(name)=\(value.debugDescription)" }
}
