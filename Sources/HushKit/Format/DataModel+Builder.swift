/// The walk over a document's outline nodes that builds its data model.
extension DataModel {
    struct Frame {
        var isMapping: Bool
        var entries: [DataEntry] = []
        var items: [DataValue] = []
        var merges: [(value: DataValue, line: Int)] = []
        var pendingKey: String?
        var pendingMergeLine: Int?
        var node: OutlineNode
    }

    struct Builder {
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
