/// Key paths: their binary encoding (bound into every token and the MAC), the dotted form used
/// on the command line, and the environment-variable name `hush exec` gives them.
public enum KeyPath {
    /// `path(p)` of docs/format.md §4.1: per component a kind byte and a length-prefixed string.
    static func encode(_ path: [PathComponent]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encodedCount(path))
        encode(path, into: &out)
        return out
    }

    /// Appends `encode(path)` to `out` (one allocation for a whole associated data).
    static func encode(_ path: [PathComponent], into out: inout [UInt8]) {
        for component in path {
            let (kind, text): (UInt8, String) =
                switch component {
                case .key(let k): (0x6B, k)
                case .index(let i): (0x69, String(i))
                }
            let n = UInt32(text.utf8.count)
            out.append(kind)
            out.append(UInt8(n >> 24))
            out.append(UInt8(n >> 16 & 0xFF))
            out.append(UInt8(n >> 8 & 0xFF))
            out.append(UInt8(n & 0xFF))
            out.append(contentsOf: text.utf8)
        }
    }

    /// The length of `encode(path)`.
    static func encodedCount(_ path: [PathComponent]) -> Int {
        path.reduce(0) { total, component in
            switch component {
            case .key(let k): total + 5 + k.utf8.count
            case .index(let i): total + 5 + String(i).utf8.count
            }
        }
    }

    /// Splits a command-line key like `database.password` into its parts, in the notation of
    /// docs/format.md §4: `\.`, `\\`, `\[`, `\"` and `\xHH` escapes, `""` for the empty key and
    /// `[N]` for a sequence index (a bare `N` also matches an index, see `matches`).
    public static func parseDotted(_ text: String) throws -> [String] {
        try parseNotation(text).map { component in
            switch component {
            case .key(let k): k
            case .index(let i): "[\(i)]"
            }
        }
    }

    /// Parses the path notation of docs/format.md §4. It is lenient where that cannot change
    /// the meaning (an unescaped space, `[` or `"` inside a key is taken as written); trailer
    /// readers require the one canonical form by rendering the result again (`display`). A
    /// component that is exactly `[N]` is an index and exactly `""` the empty key.
    static func parseNotation(_ text: String) throws -> [PathComponent] {
        func problem(_ what: String) -> HushError {
            HushError(
                .badInput, "\(what) in key \"\(text)\"",
                hint: "separate keys with dots; write a literal dot as \\., a backslash as \\\\, the empty key as \"\" and an index as [0]")
        }
        var result: [PathComponent] = []
        var scalars = Array(text.unicodeScalars)[...]
        while true {
            let end = scalars.firstIndex(of: ".").map { $0 } ?? scalars.endIndex
            let whole = String(String.UnicodeScalarView(scalars[..<end]))
            if whole == "\"\"" {
                result.append(.key(""))
                scalars = scalars[end...]
            } else if whole.hasPrefix("["), whole.hasSuffix("]"), let index = Int(whole.dropFirst().dropLast()), "[\(index)]" == whole,
                index >= 0
            {
                result.append(.index(index))
                scalars = scalars[end...]
            } else {
                var key = String.UnicodeScalarView()
                while let scalar = scalars.first, scalar != "." {
                    scalars.removeFirst()
                    guard scalar == "\\" else {
                        key.append(scalar)
                        continue
                    }
                    switch scalars.popFirst() {
                    case "."?: key.append(".")
                    case "\\"?: key.append("\\")
                    case "["?: key.append("[")
                    case "\""?: key.append("\"")
                    case "x"?:
                        guard let high = scalars.popFirst().flatMap(hexValue), let low = scalars.popFirst().flatMap(hexValue) else {
                            throw problem("an invalid \\x escape")
                        }
                        key.append(Unicode.Scalar(UInt8(high * 16 + low)))
                    case nil: throw problem("a lone backslash at the end")
                    case let other?: throw problem("an invalid escape \\\(other)")
                    }
                }
                guard !key.isEmpty else { throw problem("an empty part") }
                result.append(.key(String(key)))
            }
            guard scalars.popFirst() != nil else { return result }
        }
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0x41...0x46: Int(scalar.value - 0x41 + 10)
        case 0x61...0x66: Int(scalar.value - 0x61 + 10)
        default: nil
        }
    }

    /// The one text form of a path (docs/format.md §4): keys with `\ . [ "` escaped and
    /// U+0000–U+0020 and U+007F as `\xHH`, the empty key as `""`, an index as `[N]`. It has no
    /// spaces and is always one line of printable text.
    public static func display(_ path: [PathComponent]) -> String {
        text(path, escaping: ["\\", ".", "[", "\""], hexUpTo: 0x20, index: { "[\($0)]" }, emptyKey: "\"\"")
    }

    /// The dotted form of format version 1 (`.` and `\` escaped, controls as `\xHH`, an index
    /// as its digits), which version 1 exposed marks used: only `hush upgrade` needs it.
    static func displayV1(_ path: [PathComponent]) -> String {
        text(path, escaping: ["\\", "."], hexUpTo: 0x1F, index: { String($0) }, emptyKey: "")
    }

    private static func text(
        _ path: [PathComponent], escaping: Set<Unicode.Scalar>, hexUpTo: UInt32, index: (Int) -> String, emptyKey: String
    ) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        return path.map { component -> String in
            switch component {
            case .index(let i): return index(i)
            case .key(let k):
                if k.isEmpty { return emptyKey }
                var out = String.UnicodeScalarView()
                for scalar in k.unicodeScalars {
                    if escaping.contains(scalar) {
                        out.append("\\")
                    } else if scalar.value <= hexUpTo || scalar.value == 0x7F {
                        out.append(contentsOf: ["\\", "x", hex[Int(scalar.value >> 4)], hex[Int(scalar.value & 0xF)]])
                        continue
                    }
                    out.append(scalar)
                }
                return String(out)
            }
        }.joined(separator: ".")
    }

    /// True when `path` is addressed by the dotted `parts` (an index matches `[N]`, and its
    /// bare decimal text too, since a sequence has no keys to confuse it with).
    static func matches(_ path: [PathComponent], _ parts: [String]) -> Bool {
        guard path.count == parts.count else { return false }
        for (component, part) in zip(path, parts) {
            switch component {
            case .key(let k): if k != part { return false }
            case .index(let i): if String(i) != part && "[\(i)]" != part { return false }
            }
        }
        return true
    }

    /// The environment-variable name for a path: parts joined by `_`, ASCII letters upper-cased
    /// for YAML (`database.url` → `DATABASE_URL`, `hosts.0` → `HOSTS_0`); dotenv names are kept
    /// as written. Throws when the result is not `[A-Za-z_][A-Za-z0-9_]*`.
    static func variableName(_ path: [PathComponent], uppercase: Bool) throws -> String {
        // A dotenv key is one component that becomes itself: no joining (10,000 keys per `exec`).
        let joined: String
        if path.count == 1, !uppercase, case .key(let key) = path[0] {
            joined = key
        } else {
            joined = joinedName(path, uppercase: uppercase)
        }
        let valid =
            (joined.utf8.first.map { !($0 >= 0x30 && $0 <= 0x39) } ?? false)
            && joined.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        guard valid else {
            throw HushError(
                .badInput, "key \(display(path)) does not make a valid environment variable name (\(joined))",
                hint: "rename the key to letters, digits and underscores, or read it with `hush get`")
        }
        return joined
    }

    private static func joinedName(_ path: [PathComponent], uppercase: Bool) -> String {
        path.map { component -> String in
            switch component {
            case .key(let k): return uppercase ? String(k.map { $0.isASCII ? Character($0.uppercased()) : $0 }) : k
            case .index(let i): return String(i)
            }
        }.joined(separator: "_")
    }
}
