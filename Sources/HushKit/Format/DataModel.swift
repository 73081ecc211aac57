/// A document's data as YAML loaders (PyYAML, ruamel.yaml) construct it: aliases resolved, YAML
/// 1.1 merge keys (`<<`) applied, tags applied to scalars, empty collections kept. This is what
/// `exec`, `export`, `get`, `keys` and `decrypt --format json|dotenv|shell` read; the sealed
/// file keeps the document as written (docs/format.md §8).
public indirect enum DataValue: Sendable {
    case mapping([DataEntry])
    case sequence([DataValue])
    case scalar(DataScalar)
}

/// One entry of a mapping in the data model.
public struct DataEntry: Sendable {
    public var key: String
    public var value: DataValue
}

/// A scalar in the data model.
public struct DataScalar: Sendable {
    public enum Kind: Sendable {
        case string, int, float, bool, null, binary, timestamp
    }

    public var kind: Kind
    /// The decoded text as written (escapes resolved, block scalars folded); for `!!binary`
    /// the canonical base64 text of its bytes (no white space, padded).
    public var text: String
    /// `!!binary`: the decoded bytes.
    public var bytes: [UInt8]?
    /// The leaf the value is written at, or nil for the text of a key used through an alias.
    public var origin: Int?
}

enum DataModel {
    /// Builds the data model of a scanned document. `typed` false (a sealed body, whose values
    /// are tokens) skips what needs the values: tags are not applied and every scalar is a string.
    static func build(_ outline: DocumentOutline, syntax: Syntax, file: String, typed: Bool = true) throws -> DataValue {
        if syntax == .dotenv {
            return .mapping(
                outline.leaves.enumerated().map { i, leaf in
                    DataEntry(key: Self.key(leaf.path), value: .scalar(DataScalar(kind: .string, text: leaf.value, origin: i)))
                })
        }
        var builder = Builder(outline: outline, file: file, typed: typed)
        return try builder.run()
    }

    /// What a tag makes of a scalar's decoded value.
    enum TagResult: Equatable {
        case kind(DataScalar.Kind)
        /// The value does not fit the tag: what it should be.
        case invalid(String)
        /// A standard tag Hush does not give a meaning to (`!!set`, `!!foo`).
        case unsupported
    }

    /// Applies the tag `tag` to the decoded scalar `value` (docs/format.md §8.3). Shared by the
    /// scanner, which refuses a plaintext value that does not fit its tag, and the data model.
    static func applying(_ tag: String, to value: String) -> TagResult {
        let plain = YAMLScalar.resolve(plain: value.utf8)
        switch tag {
        case YAMLTag.str: return .kind(.string)
        case YAMLTag.int: return plain == .int ? .kind(.int) : .invalid("a YAML 1.2 integer")
        case YAMLTag.float:
            return plain == .float || (plain == .int && Builder.isDecimal(value)) ? .kind(.float) : .invalid("a YAML 1.2 number")
        case YAMLTag.bool: return plain == .bool ? .kind(.bool) : .invalid("true or false")
        case YAMLTag.null: return plain == .null ? .kind(.null) : .invalid("null")
        case YAMLTag.binary: return Builder.base64(value) != nil ? .kind(.binary) : .invalid("base64")
        case YAMLTag.timestamp: return Builder.isTimestamp(value) ? .kind(.timestamp) : .invalid("a YAML timestamp")
        case _ where YAMLTag.isStandard(tag): return .unsupported
        // An application tag (`!Ref`, `!vault`) or the non-specific `!`: a string.
        default: return .kind(.string)
        }
    }

    static func invalidTag(_ tag: String, _ what: String, leaf: Leaf, file: String) -> HushError {
        HushError.syntax(
            file, line: leaf.line, column: leaf.column,
            "the value of \(KeyPath.display(leaf.path)) is tagged \(YAMLTag.display(tag)) but is not \(what)",
            hint: "fix the value, or remove the tag")
    }

    static func unsupportedTag(_ tag: String, leaf: Leaf, file: String) -> HushError {
        HushError.syntax(
            file, line: leaf.line, column: leaf.column, "the tag \(YAMLTag.display(tag)) on \(KeyPath.display(leaf.path)) is not supported",
            hint: "use !!str, !!int, !!float, !!bool, !!null, !!binary, !!timestamp, or an application tag such as !Ref")
    }

    private static func key(_ path: [PathComponent]) -> String {
        if case .key(let k)? = path.last { return k }
        return ""
    }

    private struct Frame {
        var isMapping: Bool
        var entries: [DataEntry] = []
        var items: [DataValue] = []
        var merges: [(value: DataValue, line: Int)] = []
        var pendingKey: String?
        var pendingMergeLine: Int?
        var node: OutlineNode
    }

    private struct Builder {
        let outline: DocumentOutline
        let file: String
        let typed: Bool
        var anchors: [String: DataValue] = [:]
        var stack: [Frame] = []
        var root: DataValue?

        init(outline: DocumentOutline, file: String, typed: Bool) {
            self.outline = outline
            self.file = file
            self.typed = typed
        }

        mutating func run() throws -> DataValue {
            for node in outline.nodes {
                switch node.kind {
                case .mapping: stack.append(Frame(isMapping: true, node: node))
                case .sequence: stack.append(Frame(isMapping: false, node: node))
                case .key(let key):
                    stack[stack.count - 1].pendingKey = key
                    if let anchor = node.anchor { anchors[anchor] = .scalar(DataScalar(kind: .string, text: key)) }
                case .mergeKey:
                    stack[stack.count - 1].pendingMergeLine = node.line
                case .scalar(let index):
                    let value = DataValue.scalar(try scalar(index, tag: node.tag))
                    if let anchor = node.anchor { anchors[anchor] = value }
                    attach(value)
                case .alias(let name):
                    // The outline refuses undefined and recursive aliases.
                    attach(anchors[name] ?? .scalar(DataScalar(kind: .null, text: "")))
                case .end:
                    let frame = stack.removeLast()
                    let value = try finish(frame)
                    if let anchor = frame.node.anchor { anchors[anchor] = value }
                    attach(value)
                }
            }
            return root ?? .mapping([])
        }

        private mutating func attach(_ value: DataValue) {
            guard !stack.isEmpty else {
                root = value
                return
            }
            let top = stack.count - 1
            if !stack[top].isMapping {
                stack[top].items.append(value)
            } else if let line = stack[top].pendingMergeLine {
                stack[top].merges.append((value, line))
                stack[top].pendingMergeLine = nil
            } else {
                stack[top].entries.append(DataEntry(key: stack[top].pendingKey ?? "", value: value))
                stack[top].pendingKey = nil
            }
        }

        private func finish(_ frame: Frame) throws -> DataValue {
            if typed, let tag = frame.node.tag, YAMLTag.isStandard(tag), tag != (frame.isMapping ? YAMLTag.map : YAMLTag.seq) {
                throw problem(frame.node.line, "the tag \(YAMLTag.display(tag)) cannot be applied to a \(frame.isMapping ? "mapping" : "sequence")")
            }
            guard frame.isMapping else { return .sequence(frame.items) }
            guard !frame.merges.isEmpty else { return .mapping(frame.entries) }
            // As PyYAML and ruamel.yaml: merged entries first (of a list, later mappings first so
            // that earlier ones win), then the mapping's own; a key keeps its first position and
            // takes its last value.
            var merged: [DataEntry] = []
            for (value, line) in frame.merges {
                switch value {
                case .mapping(let entries): merged += entries
                case .sequence(let items):
                    var parts: [[DataEntry]] = []
                    for item in items {
                        guard case .mapping(let entries) = item else { throw mergeProblem(line) }
                        parts.append(entries)
                    }
                    for entries in parts.reversed() { merged += entries }
                case .scalar: throw mergeProblem(line)
                }
            }
            var result: [DataEntry] = []
            var position: [String: Int] = [:]
            for entry in merged + frame.entries {
                if let i = position[entry.key] {
                    result[i].value = entry.value
                } else {
                    position[entry.key] = result.count
                    result.append(entry)
                }
            }
            return .mapping(result)
        }

        private func mergeProblem(_ line: Int) -> HushError {
            problem(line, "a merge key (<<) takes a mapping, an alias of one (*name), or a list of them")
        }

        private func problem(_ line: Int, _ what: String) -> HushError {
            HushError.syntax(file, line: line, column: 1, what, hint: "fix the value or its tag, or remove the tag")
        }

        private func scalar(_ index: Int, tag: String?) throws -> DataScalar {
            let leaf = outline.leaves[index]
            var result = DataScalar(kind: Self.kind(leaf.type), text: leaf.value, origin: index)
            guard typed else {
                result.kind = .string
                return result
            }
            guard let tag else { return result }
            switch DataModel.applying(tag, to: leaf.value) {
            case .kind(let kind):
                result.kind = kind
                if kind == .binary, let (text, bytes) = Self.base64(leaf.value) {
                    result.text = text
                    result.bytes = bytes
                }
            case .invalid(let what):
                throw DataModel.invalidTag(tag, what, leaf: leaf, file: file)
            case .unsupported:
                throw DataModel.unsupportedTag(tag, leaf: leaf, file: file)
            }
            return result
        }

        private static func kind(_ type: ValueType) -> DataScalar.Kind {
            switch type {
            case .string: .string
            case .int: .int
            case .float: .float
            case .bool: .bool
            case .null: .null
            }
        }

        static func isDecimal(_ text: String) -> Bool {
            let body = text.utf8.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
            return !body.isEmpty && body.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }

        /// Standard base64 with padding; spaces, tabs and line breaks are ignored.
        static func base64(_ text: String) -> (String, [UInt8])? {
            let compact = String(decoding: text.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
            guard compact.utf8.count % 4 == 0, let bytes = try? Sodium.base64Decode(compact.utf8, .original) else { return nil }
            // The canonical text of the bytes, as any base64 encoder writes it.
            return (Sodium.base64Encode(bytes, .original), bytes)
        }

        /// The YAML timestamp forms (yaml.org/type/timestamp).
        static func isTimestamp(_ text: String) -> Bool {
            let b = Array(text.utf8)
            var i = 0
            func digits(_ min: Int, _ max: Int) -> Bool {
                var n = 0
                while i < b.count, n < max, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) {
                    i += 1
                    n += 1
                }
                return n >= min
            }
            func take(_ c: Character) -> Bool {
                guard i < b.count, b[i] == c.asciiValue! else { return false }
                i += 1
                return true
            }
            guard digits(4, 4), take("-") else { return false }
            let start = i
            if digits(2, 2), take("-"), digits(2, 2), i == b.count { return true }
            i = start
            guard digits(1, 2), take("-"), digits(1, 2) else { return false }
            if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") {
                i += 1
            } else {
                guard i < b.count, b[i] == 0x20 || b[i] == 0x09 else { return false }
                while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            }
            guard digits(1, 2), take(":"), digits(2, 2), take(":"), digits(2, 2) else { return false }
            if take(".") { _ = digits(0, Int.max) }
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            if i == b.count { return true }
            if take("Z") { return i == b.count }
            guard i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
            i += 1
            guard digits(1, 2) else { return false }
            if take(":") { guard digits(2, 2) else { return false } }
            return i == b.count
        }
    }
}

extension DataValue {
    /// The value at dotted `parts` (a sequence index as `N` or `[N]`), or nil.
    func lookup(_ parts: [String]) -> DataValue? {
        var node = self
        for part in parts {
            switch node {
            case .mapping(let entries):
                guard let entry = entries.first(where: { $0.key == part }) else { return nil }
                node = entry.value
            case .sequence(let items):
                let digits = part.hasPrefix("[") && part.hasSuffix("]") ? String(part.dropFirst().dropLast()) : part
                guard let index = Int(digits), String(index) == digits, items.indices.contains(index) else { return nil }
                node = items[index]
            case .scalar:
                return nil
            }
        }
        return node
    }

    /// Every scalar and every empty collection with its path, in order: what flat targets
    /// (`exec`, dotenv, shell, CI formats) hold. An empty collection is nil: it becomes an empty
    /// value. The top level itself is never a value.
    func flattened() -> [(path: [PathComponent], scalar: DataScalar?)] {
        var out: [(path: [PathComponent], scalar: DataScalar?)] = []
        var path: [PathComponent] = []
        func walk(_ node: DataValue) {
            switch node {
            case .scalar(let s): out.append((path, s))
            case .mapping(let entries):
                if entries.isEmpty && !path.isEmpty { out.append((path, nil)) }
                for entry in entries {
                    path.append(.key(entry.key))
                    walk(entry.value)
                    path.removeLast()
                }
            case .sequence(let items):
                if items.isEmpty && !path.isEmpty { out.append((path, nil)) }
                for (i, item) in items.enumerated() {
                    path.append(.index(i))
                    walk(item)
                    path.removeLast()
                }
            }
        }
        walk(self)
        return out
    }

    /// JSON text: mappings as objects (in order), sequences as arrays, typed scalars as JSON
    /// literals where JSON has them. Non-finite floats and timestamps are strings (their text),
    /// `!!binary` is its base64 text.
    func json() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    private func render(into out: inout String) {
        switch self {
        case .mapping(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                out += JSONTree.quote(entry.key) + ":"
                entry.value.render(into: &out)
            }
            out += "}"
        case .sequence(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.render(into: &out)
            }
            out += "]"
        case .scalar(let s):
            out += s.jsonLiteral()
        }
    }
}

extension DataScalar {
    /// The scalar as a JSON literal.
    func jsonLiteral() -> String {
        switch kind {
        case .null: return "null"
        case .bool: return text.lowercased() == "true" ? "true" : "false"
        case .int: return Self.decimal(text).map { $0 } ?? JSONTree.quote(text)
        case .float:
            if let d = Double(text), d.isFinite { return Self.floatText(d) }
            return JSONTree.quote(text)
        case .string, .timestamp, .binary: return JSONTree.quote(text)
        }
    }

    /// A finite double as JSON: the shortest text that reads back as it, always with a
    /// fraction or exponent so that it stays a float.
    private static func floatText(_ d: Double) -> String {
        let text = String(d)
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// The decimal text of a YAML 1.2 core-schema integer of any size (`0x`, `0o`, sign).
    static func decimal(_ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix: UInt32 = 10
        if bytes.starts(with: Array("0x".utf8)) {
            radix = 16
            bytes = bytes.dropFirst(2)
        } else if bytes.starts(with: Array("0o".utf8)) {
            radix = 8
            bytes = bytes.dropFirst(2)
        }
        guard !bytes.isEmpty else { return nil }
        // Little-endian limbs of 10^9.
        var limbs: [UInt32] = [0]
        for b in bytes {
            guard let digit = Character(Unicode.Scalar(b)).hexDigitValue, UInt32(digit) < radix else { return nil }
            var carry = UInt64(digit)
            for i in limbs.indices {
                let v = UInt64(limbs[i]) * UInt64(radix) + carry
                limbs[i] = UInt32(v % 1_000_000_000)
                carry = v / 1_000_000_000
            }
            while carry > 0 {
                limbs.append(UInt32(carry % 1_000_000_000))
                carry /= 1_000_000_000
            }
        }
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        var out = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            out += String(repeating: "0", count: 9 - part.count) + part
        }
        return negative && out != "0" ? "-" + out : out
    }
}
