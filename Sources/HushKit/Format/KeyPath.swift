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
    /// written `\.`, a literal backslash `\\`, and a control character `\xHH`; empty parts are
    /// an error.
    public static func parseDotted(_ text: String) throws -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        func invalid(_ what: String) -> HushError {
            HushError(.badInput, "\(what) in key \"\(text)\"", hint: "write a literal dot as \\., a backslash as \\\\ and a control character as \\xHH")
        }
        while let scalar = scalars.next() {
            switch scalar {
            case "\\":
                switch scalars.next() {
                case ".": current.append(".")
                case "\\": current.append("\\")
                case "x":
                    guard let high = scalars.next().flatMap({ hexValue($0) }), let low = scalars.next().flatMap({ hexValue($0) }) else {
                        throw invalid("invalid \\x escape")
                    }
                    current.append(Unicode.Scalar(UInt8(high * 16 + low)))
                case nil: throw invalid("a lone backslash at the end")
                case let other?: throw invalid("invalid escape \\\(other)")
                }
            case ".":
                parts.append(String(current))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        parts.append(String(current))
        guard !parts.contains(where: \.isEmpty) else {
            throw HushError(.badInput, "key \"\(text)\" has an empty part", hint: "use dots only between key names, e.g. database.password")
        }
        return parts
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0x41...0x46: Int(scalar.value - 0x41 + 10)
        case 0x61...0x66: Int(scalar.value - 0x61 + 10)
        default: nil
        }
    }

    /// The dotted display form of a path, escaping dots and backslashes inside keys, and
    /// control characters as `\xHH` so that a path is always one line of printable text.
    public static func display(_ path: [PathComponent]) -> String {
        path.map { component -> String in
            switch component {
            case .index(let i): return String(i)
            case .key(let k):
                var out = String.UnicodeScalarView()
                for scalar in k.unicodeScalars {
                    if scalar == "." || scalar == "\\" {
                        out.append("\\")
                    } else if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = Array("0123456789ABCDEF".unicodeScalars)
                        out.append(contentsOf: ["\\", "x", hex[Int(scalar.value >> 4)], hex[Int(scalar.value & 0xF)]])
                        continue
                    }
                    out.append(scalar)
                }
                return String(out)
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
