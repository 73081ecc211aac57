/// Just enough of git's config syntax to tell which `section.subsection.key` names are set to a
/// non-empty value: `[section "sub"]` and the old `[section.sub]` headers, `key = value` (also
/// after a header on the same line), `#`/`;` comments, quoted values, and continuation lines
/// (a value ending in `\`). `include` files are not followed.
enum ConfigScan {
    static func keys(in bytes: [UInt8]) -> Set<String> {
        var result = Set<String>()
        var section = ""
        var continuing = false
        for rawLine in String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let wasContinuing = continuing
            continuing = rawLine.hasSuffix("\\") && !rawLine.hasSuffix("\\\\")
            if wasContinuing { continue }
            var line = Substring(GitSetup.trimmed(rawLine))
            if line.hasPrefix("[") {
                guard let close = closingBracket(line) else { continue }
                section = sectionName(line[line.index(after: line.startIndex)..<close])
                line = Substring(GitSetup.trimmed(line[line.index(after: close)...]))
            }
            guard let first = line.first, first != "#", first != ";" else { continue }
            let name: Substring
            let value: Substring
            if let equals = line.firstIndex(of: "=") {
                name = line[..<equals]
                value = line[line.index(after: equals)...]
            } else {
                name = line
                value = "true"
            }
            let key = GitSetup.trimmed(name).lowercased()
            guard !key.isEmpty, !section.isEmpty else { continue }
            let full = section + "." + key
            if meaningful(value) { result.insert(full) } else { result.remove(full) }
        }
        return result
    }

    /// The `]` that ends a header, skipping a quoted subsection.
    private static func closingBracket(_ line: Substring) -> Substring.Index? {
        var quoted = false
        var escaped = false
        for index in line.indices {
            let ch = line[index]
            if escaped {
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                quoted.toggle()
            } else if ch == "]" && !quoted {
                return index
            }
        }
        return nil
    }

    /// `diff "hush"` → `diff.hush` (subsection as written); `diff.hush` → `diff.hush` (lower case).
    private static func sectionName(_ header: Substring) -> String {
        let text = GitSetup.trimmed(header)
        guard let quote = text.firstIndex(of: "\"") else { return text.lowercased() }
        let name = GitSetup.trimmed(text[..<quote]).lowercased()
        var sub = ""
        var escaped = false
        for ch in text[text.index(after: quote)...] {
            if escaped {
                sub.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                break
            } else {
                sub.append(ch)
            }
        }
        return name + "." + sub
    }

    /// False for an empty value (`key =`, `key = ""`, or only a comment).
    private static func meaningful(_ value: Substring) -> Bool {
        var text = GitSetup.trimmed(value)
        if let hash = text.firstIndex(where: { $0 == "#" || $0 == ";" }), !text[..<hash].contains("\"") {
            text = GitSetup.trimmed(text[..<hash])
        }
        return !text.isEmpty && text != "\"\""
    }
}
