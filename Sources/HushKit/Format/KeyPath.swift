/// Key paths: their binary encoding (bound into every token and the MAC), the dotted form used
/// on the command line, and the environment-variable name `hush exec` gives them.
public enum KeyPath {
    /// `path(p)` of docs/format.md §4.1: per component a kind byte and a length-prefixed string.
    static func encode(_ path: [PathComponent]) -> [UInt8] {
        var out: [UInt8] = []
        for component in path {
            let (kind, text): (UInt8, String) =
                switch component {
                case .key(let k): (0x6B, k)
                case .index(let i): (0x69, String(i))
                }
            let bytes = Array(text.utf8)
            let n = UInt32(bytes.count)
            out.append(kind)
            out += [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            out += bytes
        }
        return out
    }

    /// Splits a command-line key like `database.password` into its parts. A literal dot is
    /// written `\.` and a literal backslash `\\`; empty parts are an error.
    public static func parseDotted(_ text: String) throws -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for ch in text {
            if escaping {
                guard ch == "." || ch == "\\" else {
                    throw HushError(.badInput, "invalid escape \\\(ch) in key \"\(text)\"", hint: "write a literal dot as \\. and a backslash as \\\\")
                }
                current.append(ch)
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else if ch == "." {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        guard !escaping else { throw HushError(.badInput, "key \"\(text)\" ends with a lone backslash", hint: "write a literal backslash as \\\\") }
        parts.append(current)
        guard !parts.contains(where: \.isEmpty) else {
            throw HushError(.badInput, "key \"\(text)\" has an empty part", hint: "use dots only between key names, e.g. database.password")
        }
        return parts
    }

    /// The dotted display form of a path, escaping dots and backslashes inside keys.
    public static func display(_ path: [PathComponent]) -> String {
        path.map { component -> String in
            switch component {
            case .index(let i): return String(i)
            case .key(let k):
                var out = ""
                for ch in k {
                    if ch == "." || ch == "\\" { out.append("\\") }
                    out.append(ch)
                }
                return out
            }
        }.joined(separator: ".")
    }

    /// True when `path` is addressed by the dotted `parts` (an index matches its decimal text).
    static func matches(_ path: [PathComponent], _ parts: [String]) -> Bool {
        guard path.count == parts.count else { return false }
        for (component, part) in zip(path, parts) {
            switch component {
            case .key(let k): if k != part { return false }
            case .index(let i): if String(i) != part { return false }
            }
        }
        return true
    }

    /// The environment-variable name for a path: parts joined by `_`, ASCII letters upper-cased
    /// for YAML (`database.url` → `DATABASE_URL`, `hosts.0` → `HOSTS_0`); dotenv names are kept
    /// as written. Throws when the result is not `[A-Za-z_][A-Za-z0-9_]*`.
    static func variableName(_ path: [PathComponent], uppercase: Bool) throws -> String {
        let joined = path.map { component -> String in
            switch component {
            case .key(let k): return uppercase ? String(k.map { $0.isASCII ? Character($0.uppercased()) : $0 }) : k
            case .index(let i): return String(i)
            }
        }.joined(separator: "_")
        let bytes = Array(joined.utf8)
        let valid =
            !bytes.isEmpty && !(bytes[0] >= 0x30 && bytes[0] <= 0x39)
            && bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        guard valid else {
            throw HushError(
                .badInput, "key \(display(path)) does not make a valid environment variable name (\(joined))",
                hint: "rename the key to letters, digits and underscores, or read it with `hush get`")
        }
        return joined
    }
}
