/// The repository's scan settings, from `.hush.yaml` at its root:
///
/// ```yaml
/// scan:
///   exclude:            # paths hush scan leaves out, gitignore-style globs
///     - vendor/
///     - "*.min.js"
///     - docs/examples/**
///   baseline: .hush-baseline.json   # used when --baseline is not given (and by the hook)
/// ```
///
/// Other top-level keys are left to other features; an unknown key under `scan:` is an error
/// (a misspelt `exclude` would otherwise silently exclude nothing).
public struct ScanConfig: Sendable, Equatable {
    public static let fileName = ".hush.yaml"

    public var excludes: [PathGlob] = []
    /// A baseline file, relative to the repository root.
    public var baseline: String?

    public init(excludes: [PathGlob] = [], baseline: String? = nil) {
        self.excludes = excludes
        self.baseline = baseline
    }

    /// Reads `ROOT/.hush.yaml`; no file is an empty configuration.
    public static func load(root: String) throws -> ScanConfig {
        let path = Paths.join(root, fileName)
        guard FileSystem.exists(path) else { return ScanConfig() }
        return try parse(FileSystem.read(path), file: fileName)
    }

    static func parse(_ bytes: [UInt8], file: String) throws -> ScanConfig {
        let root = try YAMLNode.parse(bytes, file: file)
        guard case .mapping(let top, _) = root else {
            throw HushError.syntax(file, line: root.line, column: 1, "expected a mapping at the top", hint: "see docs/scan.md, Configuration")
        }
        guard let scan = top.first(where: { $0.key == "scan" }) else { return ScanConfig() }
        guard case .mapping(let entries, _) = scan.value else {
            throw HushError.syntax(file, line: scan.line, column: 1, "`scan` must be a mapping", hint: "see docs/scan.md, Configuration")
        }
        var config = ScanConfig()
        for entry in entries {
            switch entry.key {
            case "exclude":
                let items: [YAMLNode]
                switch entry.value {
                case .sequence(let list, _): items = list
                case .scalar: items = [entry.value]
                case .mapping: items = []
                }
                for item in items {
                    guard case .scalar(let text, _) = item, !text.isEmpty else {
                        throw HushError.syntax(file, line: item.line, column: 1, "`scan.exclude` items must be glob strings")
                    }
                    config.excludes.append(PathGlob(text))
                }
            case "baseline":
                guard case .scalar(let text, _) = entry.value, !text.isEmpty else {
                    throw HushError.syntax(file, line: entry.line, column: 1, "`scan.baseline` must be a file name")
                }
                config.baseline = text
            default:
                throw HushError.syntax(
                    file, line: entry.line, column: 1, "unknown setting `scan.\(entry.key)`",
                    hint: "`scan` knows `exclude` and `baseline` (docs/scan.md, Configuration)")
            }
        }
        return config
    }

    /// Whether any exclude matches `path` (relative to the repository root, `/`-separated).
    public func excludes(_ path: String) -> Bool {
        excludes.contains { $0.matches(path) }
    }
}

/// A gitignore-style path glob: `*` and `?` stay within one path component, `**` crosses
/// components, `[abc]`/`[a-z]`/`[!a]` are byte classes. A glob without a `/` (other than a
/// trailing one) matches a file or folder name at any depth; with one, it is anchored at the
/// repository root (a leading `/` only anchors). A trailing `/` matches folders only. Matching
/// a folder excludes everything under it.
public struct PathGlob: Sendable, Equatable {
    public let text: String
    private let pattern: [UInt8]
    private let anchored: Bool
    private let folderOnly: Bool

    public init(_ text: String) {
        self.text = text
        var body = Array(text.utf8)
        folderOnly = body.last == UInt8(ascii: "/")
        while body.last == UInt8(ascii: "/") { body.removeLast() }
        anchored = body.contains(UInt8(ascii: "/"))
        if body.first == UInt8(ascii: "/") { body.removeFirst() }
        pattern = body
    }

    public func matches(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        // Each prefix that ends at a component boundary names a folder (or the file itself).
        var ends: [Int] = []
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") { ends.append(i) }
        if !folderOnly { ends.append(bytes.count) }
        for end in ends {
            let prefix = bytes[..<end]
            if anchored {
                if Self.match(pattern[...], prefix) { return true }
            } else {
                let start = prefix.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
                if Self.match(pattern[...], bytes[start..<end]) { return true }
            }
        }
        return false
    }

    /// Backtracking glob match of a whole subject.
    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var p = p
        var s = s
        while let c = p.first {
            switch c {
            case UInt8(ascii: "*"):
                let double = p.dropFirst().first == UInt8(ascii: "*")
                var rest = p.dropFirst(double ? 2 : 1)
                if double && rest.first == UInt8(ascii: "/") {
                    // `**/` also matches no folder at all.
                    if match(rest.dropFirst(), s) { return true }
                    rest = p.dropFirst(2)
                }
                var i = s.startIndex
                while true {
                    if match(rest, s[i...]) { return true }
                    guard i < s.endIndex, double || s[i] != UInt8(ascii: "/") else { return false }
                    i += 1
                }
            case UInt8(ascii: "?"):
                guard let first = s.first, first != UInt8(ascii: "/") else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            case UInt8(ascii: "["):
                guard let first = s.first, first != UInt8(ascii: "/"), let (matched, after) = matchClass(p, first) else {
                    if s.first == UInt8(ascii: "[") && p.dropFirst().firstIndex(of: UInt8(ascii: "]")) == nil {
                        p = p.dropFirst()
                        s = s.dropFirst()
                        continue
                    }
                    return false
                }
                guard matched else { return false }
                p = after
                s = s.dropFirst()
            case UInt8(ascii: "\\") where p.count > 1:
                guard s.first == p[p.startIndex + 1] else { return false }
                p = p.dropFirst(2)
                s = s.dropFirst()
            default:
                guard s.first == c else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            }
        }
        return s.isEmpty
    }

    /// Matches `byte` against the class opening `p`; nil when the class is not closed.
    private static func matchClass(_ p: ArraySlice<UInt8>, _ byte: UInt8) -> (Bool, ArraySlice<UInt8>)? {
        var i = p.startIndex + 1
        let negated = i < p.endIndex && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^"))
        if negated { i += 1 }
        var matched = false
        var first = true
        while i < p.endIndex {
            let c = p[i]
            if c == UInt8(ascii: "]") && !first { return (matched != negated, p[(i + 1)...]) }
            first = false
            if i + 2 < p.endIndex, p[i + 1] == UInt8(ascii: "-"), p[i + 2] != UInt8(ascii: "]") {
                if c <= byte && byte <= p[i + 2] { matched = true }
                i += 3
            } else {
                if c == byte { matched = true }
                i += 1
            }
        }
        return nil
    }
}
