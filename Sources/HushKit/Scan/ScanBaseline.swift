/// A baseline: findings accepted as they are, keyed by fingerprint (a hash of rule id and
/// secret, never the secret), so entries survive lines moving and files being renamed.
///
/// ```json
/// {
///   "version": 1,
///   "tool": "hush scan",
///   "findings": [
///     {"fingerprint": "3f1c…", "rule": "github-classic-token", "file": "config/app.js", "line": 12}
///   ]
/// }
/// ```
/// Only `fingerprint` is used for matching; `rule`, `file` and `line` are there for people.
public struct ScanBaseline: Sendable, Equatable {
    public var fingerprints: Set<String>

    public init(fingerprints: Set<String> = []) { self.fingerprints = fingerprints }

    public static func load(_ path: String) throws -> ScanBaseline {
        try parse(FileSystem.read(path), file: path)
    }

    static func parse(_ bytes: [UInt8], file: String) throws -> ScanBaseline {
        let value: JSONValue
        do {
            var reader = JSONReader(bytes)
            value = try reader.document()
        } catch {
            throw HushError(.badInput, "\(file): not valid JSON (\(error.what) at byte \(error.offset))", hint: "write it again with --write-baseline")
        }
        guard case .object(let top) = value, case .array(let entries)? = top["findings"] else {
            throw HushError(.badInput, "\(file): not a hush scan baseline (no \"findings\" list)", hint: "write one with --write-baseline")
        }
        var fingerprints = Set<String>()
        for entry in entries {
            guard case .object(let fields) = entry, case .string(let fingerprint)? = fields["fingerprint"] else {
                throw HushError(.badInput, "\(file): a baseline entry has no \"fingerprint\"", hint: "write it again with --write-baseline")
            }
            fingerprints.insert(fingerprint)
        }
        return ScanBaseline(fingerprints: fingerprints)
    }

    /// The baseline of `findings`, one entry per fingerprint, sorted for stable diffs.
    public static func render(_ findings: [ScanFinding]) -> String {
        var seen = Set<String>()
        let unique = findings.filter { seen.insert($0.fingerprint).inserted }.sorted {
            ($0.path, $0.line, $0.rule, $0.fingerprint) < ($1.path, $1.line, $1.rule, $1.fingerprint)
        }
        let lines = unique.map {
            "    {\"fingerprint\": \(JSONTree.quote($0.fingerprint)), \"rule\": \(JSONTree.quote($0.rule)), \"file\": \(JSONTree.quote($0.path)), \"line\": \($0.line)}"
        }
        return "{\n  \"version\": 1,\n  \"tool\": \"hush scan\",\n  \"findings\": [\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n")
            + "  ]\n}\n"
    }
}

/// A parsed JSON value (for reading baselines; HushKit does not use Foundation).
enum JSONValue: Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
}

/// A strict RFC 8259 JSON reader over bytes.
struct JSONReader {
    struct Failure: Error {
        var what: String
        var offset: Int
    }

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// One value and nothing after it but white space.
    mutating func document() throws(Failure) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        let result = try value()
        skipSpace()
        guard i == bytes.count else { throw Failure(what: "unexpected text after the value", offset: i) }
        return result
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard i < bytes.count else { throw Failure(what: "unexpected end", offset: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth < 256 else { throw Failure(what: "nested too deeply", offset: i) }
            defer { depth -= 1 }
            i += 1
            var fields: [String: JSONValue] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .object(fields)
            }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Failure(what: "expected a string key", offset: i) }
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                fields[key] = try value()
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return .object(fields)
            }
        case UInt8(ascii: "["):
            depth += 1
            guard depth < 256 else { throw Failure(what: "nested too deeply", offset: i) }
            defer { depth -= 1 }
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                items.append(try value())
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return .array(items)
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return .number(try number())
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard i < bytes.count, bytes[i] == byte else { throw Failure(what: "expected '\(Character(Unicode.Scalar(byte)))'", offset: i) }
        i += 1
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard bytes[i...].starts(with: w) else { throw Failure(what: "unexpected text", offset: i) }
        i += w.count
    }

    private mutating func number() throws(Failure) -> Double {
        let start = i
        while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
        guard i > start, let value = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
            throw Failure(what: "unexpected text", offset: start)
        }
        return value
    }

    private mutating func string() throws(Failure) -> String {
        i += 1  // the opening quote
        var out: [UInt8] = []
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { break }
                let escape = bytes[i]
                i += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), bytes[i...].starts(with: Array("\\u".utf8)) {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Failure(what: "bad surrogate pair", offset: i) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Failure(what: "bad \\u escape", offset: i) }
                    out += Array(String(Character(unicode)).utf8)
                default:
                    throw Failure(what: "bad escape", offset: i - 1)
                }
            case 0..<0x20:
                throw Failure(what: "control character in a string", offset: i - 1)
            default:
                out.append(byte)
            }
        }
        throw Failure(what: "unterminated string", offset: i)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
            throw Failure(what: "bad \\u escape", offset: i)
        }
        i += 4
        return value
    }
}
