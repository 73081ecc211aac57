/// A key that two merged branches changed differently. The sealed file holds one side's
/// value; the other is kept beside it (docs/format.md §5.2) until `hush edit` resolves it.
struct MergeConflict: Equatable {
    enum Side: String {
        case ours, theirs
    }

    var path: [PathComponent]
    /// The side `alternative` comes from.
    var side: Side
    /// The other side's value (type and raw source text), or nil when that side deleted it.
    var alternative: (type: ValueType, raw: [UInt8])?

    static func == (a: MergeConflict, b: MergeConflict) -> Bool {
        a.path == b.path && a.side == b.side && a.alternative?.type == b.alternative?.type && a.alternative?.raw == b.alternative?.raw
    }
}

extension OpenedFile {
    /// The unresolved merge conflicts recorded in the file, with the other sides' values opened.
    func conflicts() throws -> [MergeConflict] {
        try sealed.trailer.conflicts.map { line in
            guard let leaf = outline.leaves.first(where: { KeyPath.display($0.path) == line.path }),
                let side = MergeConflict.Side(rawValue: line.side)
            else {
                throw HushError(.integrity, "\(file): a merge conflict names \(line.path), which is not in the file", hint: "restore the file from git")
            }
            guard let text = line.alternative else { return MergeConflict(path: leaf.path, side: side, alternative: nil) }
            do {
                let token = try Token.parse(text)
                return MergeConflict(path: leaf.path, side: side, alternative: (token.type, try token.open(path: leaf.path, keys: keys)))
            } catch {
                throw HushError(.integrity, "\(file): the conflicting value of \(line.path) does not open", hint: "restore the file from git")
            }
        }
    }
}
