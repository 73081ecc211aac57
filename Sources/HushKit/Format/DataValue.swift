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
    ///
    /// `leaves`: the outline the model was built from. A scalar at the path of the leaf it was
    /// written at (`origin`) takes that leaf's path array instead of a copy of its own.
    func flattened(sharingPathsOf leaves: [Leaf] = []) -> [(path: [PathComponent], scalar: DataScalar?)] {
        var out: [(path: [PathComponent], scalar: DataScalar?)] = []
        var path: [PathComponent] = []
        func walk(_ node: DataValue) {
            switch node {
            case .scalar(let s):
                if let origin = s.origin, origin < leaves.count, leaves[origin].path == path {
                    out.append((leaves[origin].path, s))
                } else {
                    out.append((path, s))
                }
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
}
