/// How `hush edit` shows unresolved merge conflicts: git's markers around the entry's line(s),
/// once with ours' value and once with theirs', so the user keeps one and deletes the rest.
enum ConflictMarkup {
    static let markers: [[UInt8]] = ["<<<<<<< ", "=======", ">>>>>>> "].map { Array($0.utf8) }

    /// `opened.plaintext` with each conflicting entry expanded into a marked choice. An empty
    /// side means that branch deleted the key.
    static func render(_ opened: OpenedFile, _ conflicts: [MergeConflict]) -> [UInt8] {
        var text = opened.plaintext
        let byPath = Dictionary(conflicts.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for leaf in opened.outline.leaves.reversed() {
            guard let conflict = byPath[leaf.path] else { continue }
            var start = leaf.range.lowerBound
            while start > 0 && text[start - 1] != 0x0A { start -= 1 }
            var end = leaf.range.upperBound
            while end < text.count && text[end] != 0x0A { end += 1 }
            let current = Array(text[start..<end]) + [0x0A]
            var other: [UInt8] = []
            if let alternative = conflict.alternative {
                other = Array(text[start..<leaf.range.lowerBound]) + alternative.raw + Array(text[leaf.range.upperBound..<end]) + [0x0A]
            }
            let (ours, theirs) = conflict.side == .theirs ? (current, other) : (other, current)
            let block = Array("<<<<<<< ours\n".utf8) + ours + Array("=======\n".utf8) + theirs + Array(">>>>>>> theirs\n".utf8)
            text.replaceSubrange(start..<min(end + 1, text.count), with: block)
        }
        return text
    }

    /// The 1-based line of the first conflict marker left in `text`, if any.
    static func firstMarker(in text: [UInt8]) -> Int? {
        var line = 1
        var start = 0
        while start < text.count {
            let rest = text[start...]
            if markers.contains(where: { rest.starts(with: $0) }) { return line }
            guard let newline = rest.firstIndex(of: 0x0A) else { break }
            start = newline + 1
            line += 1
        }
        return nil
    }
}
