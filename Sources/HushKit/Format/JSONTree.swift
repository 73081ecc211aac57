/// Rebuilds nested data from leaves (key paths with typed values) and writes it as JSON, for
/// `hush decrypt --format json`.
indirect enum JSONTree {
    case object([(String, JSONTree)])
    case array([JSONTree])
    case scalar(String, ValueType)

    static func build(_ leaves: [Leaf]) -> JSONTree {
        var root = JSONTree.object([])
        for leaf in leaves { root.insert(leaf.path[...], .scalar(leaf.value, leaf.type)) }
        return root
    }

    private mutating func insert(_ path: ArraySlice<PathComponent>, _ value: JSONTree) {
        guard let head = path.first else {
            self = value
            return
        }
        let rest = path.dropFirst()
        switch (self, head) {
        case (.object(var entries), .key(let key)):
            if let i = entries.firstIndex(where: { $0.0 == key }) {
                entries[i].1.insert(rest, value)
            } else {
                var child = rest.first.map { if case .index = $0 { JSONTree.array([]) } else { JSONTree.object([]) } } ?? value
                child.insert(rest, value)
                entries.append((key, child))
            }
            self = .object(entries)
        case (.array(var items), .index(let index)):
            if index < items.count {
                items[index].insert(rest, value)
            } else {
                var child = rest.first.map { if case .index = $0 { JSONTree.array([]) } else { JSONTree.object([]) } } ?? value
                child.insert(rest, value)
                items.append(child)
            }
            self = .array(items)
        default:
            break
        }
    }

    func render() -> String {
        switch self {
        case .object(let entries):
            return "{" + entries.map { "\(Self.quote($0.0)):\($0.1.render())" }.joined(separator: ",") + "}"
        case .array(let items):
            return "[" + items.map { $0.render() }.joined(separator: ",") + "]"
        case .scalar(let text, let type):
            return Self.literal(text, type)
        }
    }

    /// Typed YAML scalars become JSON literals where JSON can express them; anything else
    /// (hex ints, infinities) stays a string rather than becoming invalid JSON.
    private static func literal(_ text: String, _ type: ValueType) -> String {
        switch type {
        case .null: return "null"
        case .bool: return text.lowercased() == "true" ? "true" : "false"
        case .int:
            if let n = Int(text) { return String(n) }
            if text.hasPrefix("0x"), let n = Int(text.dropFirst(2), radix: 16) { return String(n) }
            if text.hasPrefix("0o"), let n = Int(text.dropFirst(2), radix: 8) { return String(n) }
            return quote(text)
        case .float:
            if let d = Double(text), d.isFinite { return String(d) }
            return quote(text)
        case .string: return quote(text)
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
