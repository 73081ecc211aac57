/// Changes to a plaintext document by key, done as byte splices so that everything else in the
/// document (comments, order, layout) stays exactly as it was.
enum DocumentEdit {
    /// Sets the value at `parts`, replacing an existing value in place or appending a new entry
    /// (creating intermediate YAML mappings as needed). An existing non-string YAML value keeps
    /// its type when the new text is a valid literal of that type. `outline` is the scan of
    /// `document` (an opened file already has it; scanning again is the costly part of a set).
    /// `raw`, when given, is the value's exact one-line source text (a merge carrying a value
    /// over from another version of the file) and is written instead of rendering `value`.
    static func set(
        _ document: [UInt8], outline: DocumentOutline, syntax: Syntax, file: String, parts: [String], value: String, raw: [UInt8]? = nil
    ) throws -> [UInt8] {
        let display = parts.joined(separator: ".")
        if let leaf = outline.leaves.first(where: { KeyPath.matches($0.path, parts) }) {
            var rendered = raw ?? syntax.render(value: value, type: leaf.type)
            if leaf.inFlow && rendered.contains(0x0A) { rendered = YAMLScalar.render(value, as: .string) }
            // `key:` with no value: the splice needs a separating space.
            if syntax == .yaml, leaf.range.isEmpty, leaf.range.lowerBound > 0, document[leaf.range.lowerBound - 1] != 0x20 {
                rendered.insert(0x20, at: 0)
            }
            // `? key` with no value has no `:` to put it after: write `: value` on the next line,
            // under the `?` (spliced right after the key, the value would become part of it).
            if syntax == .yaml, leaf.range.isEmpty, let indent = explicitKeyIndent(document, before: leaf.range.lowerBound) {
                rendered = [0x0A] + [UInt8](repeating: 0x20, count: indent) + Array(": ".utf8) + rendered.drop { $0 == 0x20 }
            }
            return Array(document[..<leaf.range.lowerBound]) + rendered + Array(document[leaf.range.upperBound...])
        }
        try References.refuseIndirect(outline, syntax: syntax, file: file, parts: parts, verb: "set")
        if syntax == .dotenv {
            guard parts.count == 1, DotenvValue.isValidName(parts[0]) else {
                throw HushError(.badInput, "\"\(display)\" is not a valid dotenv name", hint: "use letters, digits and underscores, not starting with a digit")
            }
            return appending(document, at: document.count, Array("\(parts[0])=".utf8) + (raw ?? DotenvValue.render(value)))
        }
        // YAML: find the deepest existing mapping on the path, then add the missing levels.
        if outline.mappings.contains(where: { KeyPath.matches($0.path, parts) })
            || outline.leaves.contains(where: { $0.path.count > parts.count && KeyPath.matches(Array($0.path.prefix(parts.count)), parts) })
        {
            throw HushError(.badInput, "\(display) is a mapping or sequence, not a value", hint: "set one of its keys, or use `hush edit`")
        }
        var depth = parts.count - 1
        var parent: MappingSpan?
        while depth >= 0 {
            let prefix = Array(parts.prefix(depth))
            if let mapping = outline.mappings.first(where: { KeyPath.matches($0.path, prefix) }) {
                parent = mapping
                break
            }
            if outline.leaves.contains(where: { KeyPath.matches($0.path, prefix) }) {
                throw HushError(
                    .badInput, "\(prefix.joined(separator: ".")) holds a value, so \(display) cannot be added under it",
                    hint: "choose another key, or use `hush edit`")
            }
            depth -= 1
        }
        guard let parent else {
            throw HushError(.badInput, "\(display) lies under a sequence", hint: "use `hush edit` to change sequences")
        }
        guard !parent.isFlow else {
            throw HushError(.badInput, "\(display) would go into a flow mapping ({...})", hint: "use `hush edit` for flow collections")
        }
        let step = indentStep(outline)
        var text: [UInt8] = []
        var column = parent.keyColumn
        if parent.path.isEmpty { column = outline.mappings.first { $0.path.isEmpty }?.keyColumn ?? 0 }
        for (i, part) in parts.enumerated().dropFirst(depth) {
            text += [UInt8](repeating: 0x20, count: column) + YAMLScalar.renderKey(part) + Array(":".utf8)
            if i == parts.count - 1 {
                let rendered = raw ?? YAMLScalar.render(value, as: .string)
                if !rendered.isEmpty { text += [0x20] + rendered }
            }
            text.append(0x0A)
            column += step
        }
        text.removeLast()
        try refuseAfterOpenBlockScalar(document, outline: outline, at: parent.insertionOffset, file: file, display: display)
        return appending(document, at: parent.insertionOffset, text)
    }

    /// A block scalar (`|`, `>`, without `-`) that ends the document with no final line break
    /// has no final "\n" in its value; a line added after it would give it one.
    private static func refuseAfterOpenBlockScalar(_ document: [UInt8], outline: DocumentOutline, at offset: Int, file: String, display: String) throws {
        guard offset == document.count, let last = document.last, last != 0x0A, let leaf = outline.leaves.last,
            leaf.range.upperBound == document.count, let first = document[leaf.range].first, first == UInt8(ascii: "|") || first == UInt8(ascii: ">"),
            !YAMLBlockScalar.header(in: document, start: leaf.range.lowerBound).strip
        else { return }
        throw HushError(
            .badInput,
            "\(file): cannot add \(display) after \(KeyPath.display(leaf.path)): its block scalar ends the file without a line break, and a line after it would add one to its value",
            hint: "use `hush edit` to add the key, ending the block scalar's last line with a line break (or use |- if the value must not end with one)")
    }

    /// The column of the `?` when the empty value at `offset` belongs to an explicit key
    /// (`? key` with no `:` after it), else nil.
    private static func explicitKeyIndent(_ document: [UInt8], before offset: Int) -> Int? {
        var i = offset
        while i > 0, document[i - 1] == 0x20 || document[i - 1] == 0x09 { i -= 1 }
        guard i > 0, document[i - 1] != UInt8(ascii: ":"), document[i - 1] != UInt8(ascii: "-") else { return nil }
        var lineStart = i
        while lineStart > 0, document[lineStart - 1] != 0x0A { lineStart -= 1 }
        let indent = document[lineStart..<i].prefix { $0 == 0x20 }.count
        // The line may be only blanks up to the end of the document (`? |` then a value line).
        guard lineStart + indent < document.count else { return nil }
        return document[lineStart + indent] == UInt8(ascii: "?") ? indent : nil
    }

    /// Removes the entry at `parts` (its whole line or lines).
    static func unset(_ document: [UInt8], outline: DocumentOutline, syntax: Syntax, file: String, parts: [String]) throws -> [UInt8] {
        guard let leaf = outline.leaves.first(where: { KeyPath.matches($0.path, parts) }) else {
            try References.refuseIndirect(outline, syntax: syntax, file: file, parts: parts, verb: "unset")
            throw HushError(
                .badInput,
                "\(file) has no key \(parts.joined(separator: "."))\(Suggestion.phrase(parts.joined(separator: "."), outline.leaves.map { KeyPath.display($0.path) }))",
                hint: "`hush keys ENV` lists the keys")
        }
        try References.refuseRemovingAnchor(leaf, outline, file: file)
        guard !leaf.inFlow, case .key = leaf.path.last else {
            throw HushError(.badInput, "\(parts.joined(separator: ".")) is inside a sequence or flow collection", hint: "use `hush edit` to remove it")
        }
        var start = leaf.range.lowerBound
        while start > 0 && document[start - 1] != 0x0A { start -= 1 }
        // The key must be on the value's first line (`key: value`), else the entry spans lines.
        let before = document[start..<leaf.range.lowerBound]
        guard before.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
            throw HushError(.badInput, "\(parts.joined(separator: ".")) is not written as `key: value` on one line", hint: "use `hush edit` to remove it")
        }
        var end = leaf.range.upperBound
        while end < document.count && document[end] != 0x0A { end += 1 }
        if end < document.count { end += 1 }
        return Array(document[..<start]) + Array(document[end...])
    }

    /// Inserts `line` (no newline) at `offset`, making sure it starts and ends on its own line.
    private static func appending(_ document: [UInt8], at offset: Int, _ line: [UInt8]) -> [UInt8] {
        var insert = line + [0x0A]
        if offset > 0 && document[offset - 1] != 0x0A { insert.insert(0x0A, at: 0) }
        return Array(document[..<offset]) + insert + Array(document[offset...])
    }

    /// The document's indentation step: the smallest positive difference between a nested
    /// mapping's key column and its parent's; 2 when there is no nesting.
    private static func indentStep(_ outline: DocumentOutline) -> Int {
        var step = Int.max
        for mapping in outline.mappings where !mapping.path.isEmpty && !mapping.isFlow {
            if let parent = outline.mappings.first(where: { $0.path == Array(mapping.path.dropLast()) }), mapping.keyColumn > parent.keyColumn {
                step = min(step, mapping.keyColumn - parent.keyColumn)
            }
        }
        return step == Int.max ? 2 : step
    }
}
