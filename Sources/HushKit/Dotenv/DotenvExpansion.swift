/// Variable references in dotenv values, expanded the way python-dotenv's `dotenv_values()`
/// does, for the commands that hand values to a program (`hush exec`, `hush export`,
/// `hush decrypt --format json|shell|yaml`). The dotenv text itself (`hush decrypt`, `hush get`)
/// stays as written.
///
/// The rules (docs/dotenv.md has the table):
/// - `${NAME}` is the value of `NAME`; `${NAME:-default}` is `default` when `NAME` is not
///   defined. `NAME` is any text without `}` and `:`; `default` any text without `}`.
/// - `NAME` is looked up among the keys *before* this one in the file (their expanded values),
///   then in the process environment; undefined is the empty value. A later key is not seen,
///   and `A=${A}` reads `A` from the process environment.
/// - The default is used only when `NAME` is undefined, not when it is defined but empty, and
///   it is not expanded itself (`${A:-${B}}` gives `${B}` when `A` is undefined, and the value
///   of `A` followed by `}` otherwise), as python-dotenv does; docker compose differs on both.
/// - `$NAME` without braces stays as written (docker compose expands it).
/// - Unquoted and double-quoted values are expanded, single-quoted values are not (as in
///   docker compose; python-dotenv expands those too).
/// - In a double-quoted value `\$` is a literal `$` that starts no reference (as in docker
///   compose; python-dotenv keeps the backslash and expands what follows).
/// - Anything that does not complete a reference (`${A`, `${A:x}`) stays as written.
///
/// Expansion never fails, so no value can reach an error message through it.
struct DotenvExpansion: Sendable {
    /// The process environment, as seen by the expansion.
    let environment: @Sendable (String) -> String?
    /// True: an earlier key of the file wins over a process variable of the same name
    /// (`dotenv_values()`, `hush exec`). False: the process variable wins, as when
    /// `hush exec --no-override` keeps it for the command.
    let fileFirst: Bool

    init(fileFirst: Bool = true, environment: @escaping @Sendable (String) -> String?) {
        self.fileFirst = fileFirst
        self.environment = environment
    }

    /// The real process environment without `hiding` (the identity variables: a reference
    /// must not copy a private key into a value).
    static func process(hiding: Set<String>, fileFirst: Bool = true) -> DotenvExpansion {
        DotenvExpansion(fileFirst: fileFirst) { name in
            // `getenv` would match `A=B` against a variable `A` whose value starts with `B=`.
            guard !hiding.contains(name), !name.utf8.contains(UInt8(ascii: "=")), !name.utf8.contains(0) else { return nil }
            return Platform.environment(name)
        }
    }

    /// `leaves` (the leaves of the dotenv document `plaintext`) with their values expanded.
    func expand(_ leaves: [Leaf], in plaintext: [UInt8]) -> [Leaf] {
        // Most files hold no reference: then no table of earlier values is built.
        guard leaves.contains(where: { Self.mayReference($0.value) }) else { return leaves }
        var defined: [String: String] = [:]
        defined.reserveCapacity(leaves.count)
        var result = leaves
        for i in result.indices {
            let leaf = result[i]
            let value = expand(leaf, in: plaintext) { name in
                fileFirst ? defined[name] ?? environment(name) : environment(name) ?? defined[name]
            }
            result[i].value = value
            if case .key(let name)? = leaf.path.first { defined[name] = value }
        }
        return result
    }

    private func expand(_ leaf: Leaf, in plaintext: [UInt8], lookup: (String) -> String?) -> String {
        // Most values hold no reference: checked on the decoded text, which has every `${` the
        // raw text can produce.
        guard Self.mayReference(leaf.value) else { return leaf.value }
        let first = leaf.range.isEmpty ? nil : plaintext[leaf.range.lowerBound]
        switch first {
        case DotenvBytes.singleQuote:
            return leaf.value
        case DotenvBytes.doubleQuote:
            let content = plaintext[(leaf.range.lowerBound + 1)..<(leaf.range.upperBound - 1)]
            let (decoded, escaped) = Self.decodeDoubleQuoted(content)
            // The scanner decoded the same bytes; if the two ever disagreed, the scanner's
            // value wins and no `$` counts as escaped.
            guard decoded.elementsEqual(leaf.value.utf8) else { return Self.substitute(Array(leaf.value.utf8), escaped: [], lookup) }
            return Self.substitute(decoded, escaped: escaped, lookup)
        default:
            return Self.substitute(Array(leaf.value.utf8), escaped: [], lookup)
        }
    }

    /// True when `value` contains `${`.
    static func mayReference(_ value: String) -> Bool {
        Bytes.contains(UInt8(ascii: "$"), followedBy: UInt8(ascii: "{"), in: value)
    }

    /// The content of a double-quoted value decoded as `DotenvScanner` decodes it, with the
    /// offsets (in the decoded bytes) of each `$` written as `\$`.
    static func decodeDoubleQuoted(_ raw: ArraySlice<UInt8>) -> (bytes: [UInt8], escaped: Set<Int>) {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var escaped = Set<Int>()
        var i = raw.startIndex
        while i < raw.endIndex {
            let byte = raw[i]
            let next = i + 1 < raw.endIndex ? raw[i + 1] : nil
            if byte == DotenvBytes.backslash, let next, let replacement = DotenvScanner.escape(next) {
                if next == DotenvBytes.dollar { escaped.insert(out.count) }
                out.append(replacement)
                i += 2
            } else if byte == DotenvBytes.carriageReturn, next == DotenvBytes.lineFeed {
                out.append(DotenvBytes.lineFeed)
                i += 2
            } else {
                out.append(byte)
                i += 1
            }
        }
        return (out, escaped)
    }

    /// Replaces every reference in `text` (UTF-8) that does not start at an `escaped` offset,
    /// scanning left to right like python-dotenv's `re.finditer`.
    static func substitute(_ text: [UInt8], escaped: Set<Int>, _ lookup: (String) -> String?) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == UInt8(ascii: "$"), !escaped.contains(i), let reference = reference(in: text, at: i) {
                let name = String(decoding: text[reference.name], as: UTF8.self)
                if let value = lookup(name) {
                    out.append(contentsOf: value.utf8)
                } else if let fallback = reference.fallback {
                    out.append(contentsOf: text[fallback])
                }
                i = reference.end
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference `${NAME}` or `${NAME:-default}` starting at `start`, if one does:
    /// python-dotenv's pattern `\$\{([^}:]*)(?::-([^}]*))?\}`.
    static func reference(in text: [UInt8], at start: Int) -> (name: Range<Int>, fallback: Range<Int>?, end: Int)? {
        guard start + 1 < text.count, text[start + 1] == UInt8(ascii: "{") else { return nil }
        let nameStart = start + 2
        var i = nameStart
        while i < text.count, text[i] != UInt8(ascii: "}"), text[i] != UInt8(ascii: ":") { i += 1 }
        guard i < text.count else { return nil }
        if text[i] == UInt8(ascii: "}") { return (nameStart..<i, nil, i + 1) }
        // `:` must begin `:-`; the name cannot hold a `:`, so nothing else can match here.
        guard i + 1 < text.count, text[i + 1] == UInt8(ascii: "-") else { return nil }
        let fallbackStart = i + 2
        var j = fallbackStart
        while j < text.count, text[j] != UInt8(ascii: "}") { j += 1 }
        guard j < text.count else { return nil }
        return (nameStart..<i, fallbackStart..<j, j + 1)
    }
}
