/// Rebuilds nested data from leaves (key paths with typed values) and writes it as JSON, for
/// `hush decrypt --format json`.
indirect enum JSONTree {
    case object([(String, JSONTree)])
    case array([JSONTree])
    case scalar(String, ValueType)

    static func build(_ leaves: [Leaf]) -> JSONTree {
        let root = Builder(.object([]))
        for leaf in leaves { root.insert(leaf.path[...], .scalar(leaf.value, leaf.type)) }
        return root.tree()
    }

    /// A mutable node with a key index, so that building from n leaves is linear: inserting into
    /// the enum copied a whole object's entries and searched them for every leaf (a 10,000-key
    /// file took a second).
    private final class Builder {
        var leaf: JSONTree?
        var keys: [String] = []
        var byKey: [String: Builder] = [:]
        var items: [Builder] = []
        let isArray: Bool

        init(_ start: JSONTree) {
            switch start {
            case .object: isArray = false
            case .array: isArray = true
            case .scalar:
                isArray = false
                leaf = start
            }
        }

        /// The same rules as before: a key goes into an object, an index into an array (a new
        /// index is appended), a path that does not fit the node's kind is ignored, and the end
        /// of a path puts the value there.
        func insert(_ path: ArraySlice<PathComponent>, _ value: JSONTree) {
            guard let head = path.first else {
                replace(with: value)
                return
            }
            guard leaf == nil else { return }
            let rest = path.dropFirst()
            switch head {
            case .key(let key) where !isArray:
                if let child = byKey[key] {
                    child.insert(rest, value)
                } else {
                    let child = Builder(Self.start(rest, value))
                    child.insert(rest, value)
                    keys.append(key)
                    byKey[key] = child
                }
            case .index(let index) where isArray:
                if index < items.count {
                    items[index].insert(rest, value)
                } else {
                    let child = Builder(Self.start(rest, value))
                    child.insert(rest, value)
                    items.append(child)
                }
            default:
                break
            }
        }

        private func replace(with value: JSONTree) {
            leaf = value
            keys = []
            byKey = [:]
            items = []
        }

        private static func start(_ rest: ArraySlice<PathComponent>, _ value: JSONTree) -> JSONTree {
            guard let next = rest.first else { return value }
            if case .index = next { return .array([]) }
            return .object([])
        }

        func tree() -> JSONTree {
            if let leaf { return leaf }
            return isArray ? .array(items.map { $0.tree() }) : .object(keys.map { ($0, byKey[$0]!.tree()) })
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
