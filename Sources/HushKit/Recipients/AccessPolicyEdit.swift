extension AccessPolicy {
    /// The policy text without `name` in any list (environments and groups), every other byte
    /// kept, so that offboarding shows in review as removed names only.
    ///
    /// Refuses when a list would become empty: an environment that names nobody would be read
    /// by nobody, and a group left empty is almost certainly a mistake.
    static func removing(_ name: String, from bytes: [UInt8], file: String) throws -> [UInt8] {
        let outline = try YAMLOutline.scan(bytes, file: file)
        var text = bytes
        // A list is `section.entry.[i]`, or `environments.ENV.read|write.[i]` in the long form.
        func listPath(_ leaf: Leaf) -> [PathComponent]? {
            guard case .key(let section) = leaf.path.first, section == "environments" || section == "groups", case .index = leaf.path.last,
                leaf.path.count == 3 || (leaf.path.count == 4 && section == "environments")
            else { return nil }
            return Array(leaf.path.dropLast())
        }
        let hits = outline.leaves.filter { listPath($0) != nil && $0.value == name }
        for list in Set(hits.compactMap(listPath)) {
            // Every list must keep a name: in the long form that includes `write:`.
            let scope = list
            let items = outline.leaves.filter { listPath($0) == scope }
            if items.allSatisfy({ $0.value == name }) {
                throw HushError(
                    .refused, "\(file):\(items[0].line): \(KeyPath.display(scope)) would list nobody without \(name)",
                    hint: "add another member to it first, or remove the entry")
            }
        }
        // Back to front, so earlier offsets stay valid.
        for leaf in hits.reversed() {
            text = leaf.inFlow ? removeFlowItem(leaf.range, from: text) : removeBlockItem(leaf.range, from: text)
        }
        return text
    }

    /// `[a, NAME, b]` → `[a, b]`; `[NAME, b]` → `[b]`; `[a, NAME]` → `[a]`.
    private static func removeFlowItem(_ range: Range<Int>, from text: [UInt8]) -> [UInt8] {
        var start = range.lowerBound
        var end = range.upperBound
        var after = end
        while after < text.count, text[after] == 0x20 || text[after] == 0x09 { after += 1 }
        if after < text.count, text[after] == UInt8(ascii: ",") {
            end = after + 1
            while end < text.count, text[end] == 0x20 || text[end] == 0x09 { end += 1 }
        } else {
            var before = start
            while before > 0, text[before - 1] == 0x20 || text[before - 1] == 0x09 { before -= 1 }
            if before > 0, text[before - 1] == UInt8(ascii: ",") { start = before - 1 }
        }
        return Array(text[..<start] + text[end...])
    }

    /// Removes the whole `- NAME` line.
    private static func removeBlockItem(_ range: Range<Int>, from text: [UInt8]) -> [UInt8] {
        var start = range.lowerBound
        while start > 0, text[start - 1] != 0x0A { start -= 1 }
        var end = range.upperBound
        while end < text.count, text[end] != 0x0A { end += 1 }
        if end < text.count { end += 1 }
        return Array(text[..<start] + text[end...])
    }
}
