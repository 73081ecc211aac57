/// The per-key three-way merge of one environment's plaintext, as the git merge driver does it.
///
/// Values are compared as (type, raw source text), the same identity that decides whether a
/// token is kept. The result starts from ours' text, so its layout and comments are ours';
/// theirs' changes are spliced in. A key changed on one side only takes that side's value;
/// a key changed on both sides to different values is a conflict: the result holds ours' value
/// (theirs' when ours deleted it) and the other side's is recorded for `hush edit`.
struct ThreeWayMerge {
    typealias Value = (type: ValueType, raw: [UInt8])

    /// The merged plaintext, and its scan.
    var plaintext: [UInt8]
    var outline: DocumentOutline
    var conflicts: [MergeConflict] = []
    /// Paths whose value came from theirs (for token reuse and exposure).
    var fromTheirs: Set<[PathComponent]> = []

    /// Merges the three plaintexts. Throws `badInput` when a change cannot be placed without
    /// guessing (a key added inside a YAML sequence, a multi-line entry removed).
    init(base: OpenedFile?, ours: OpenedFile, theirs: OpenedFile) throws {
        let syntax = ours.syntax
        let file = ours.file
        // The result starts from ours' text, so anchors, aliases, merge keys and tags are ours',
        // like comments; a change of theirs to them would be lost (a value replaced by an alias
        // would even merge as a deletion), so it is left to a merge by hand.
        let theirReferences = References.skeleton(theirs.outline)
        if theirReferences != References.skeleton(ours.outline), theirReferences != base.map({ References.skeleton($0.outline) }) ?? [] {
            throw HushError(
                .badInput, "\(file): the other branch changes anchors, aliases, merge keys or tags, which are merged by hand",
                hint: "merge this file by hand: `hush edit` it")
        }
        // Usually the three versions hold the same keys in the same order: then only the few
        // positions whose values differ are looked at, without hashing every path.
        let (oLeaves, tLeaves, bLeaves) = (ours.outline.leaves, theirs.outline.leaves, base?.outline.leaves)
        let aligned =
            oLeaves.count == tLeaves.count && (bLeaves?.count ?? oLeaves.count) == oLeaves.count
            && oLeaves.indices.allSatisfy { oLeaves[$0].path == tLeaves[$0].path && (bLeaves == nil || bLeaves![$0].path == oLeaves[$0].path) }
        func differs(_ a: OpenedFile, _ x: Leaf, _ b: OpenedFile, _ y: Leaf) -> Bool {
            x.type != y.type || !a.plaintext[x.range].elementsEqual(b.plaintext[y.range])
        }
        let positions: [Int]? =
            aligned
            ? oLeaves.indices.filter { i in
                differs(ours, oLeaves[i], theirs, tLeaves[i]) || (base.map { differs(ours, oLeaves[i], $0, bLeaves![i]) } ?? true)
            } : nil
        func values(_ opened: OpenedFile?) -> [[PathComponent]: Value] {
            var map: [[PathComponent]: Value] = [:]
            guard let opened else { return map }
            if let positions {
                for i in positions {
                    let leaf = opened.outline.leaves[i]
                    map[leaf.path] = (leaf.type, Array(opened.plaintext[leaf.range]))
                }
            } else {
                for leaf in opened.outline.leaves { map[leaf.path] = (leaf.type, Array(opened.plaintext[leaf.range])) }
            }
            return map
        }
        func same(_ a: Value?, _ b: Value?) -> Bool { a?.type == b?.type && a?.raw == b?.raw }
        let b = values(base)
        let o = values(ours)
        let t = values(theirs)
        let theirLeaves = Dictionary(
            (positions?.map { tLeaves[$0] } ?? tLeaves).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })

        var replace: [[PathComponent]: Value] = [:]
        var remove: [[PathComponent]] = []
        var add: [Leaf] = []
        var order: [[PathComponent]]
        if let positions {
            order = positions.map { oLeaves[$0].path }
        } else {
            order = oLeaves.map(\.path)
            order += tLeaves.map(\.path).filter { o[$0] == nil }
            order += (bLeaves?.map(\.path) ?? []).filter { o[$0] == nil && t[$0] == nil }
        }
        for path in order {
            let (bv, ov, tv) = (b[path], o[path], t[path])
            if same(ov, tv) || same(tv, bv) { continue }
            if same(ov, bv) {
                // Only theirs changed it.
                if let tv {
                    if ov == nil { add.append(theirLeaves[path]!) } else { replace[path] = tv }
                    fromTheirs.insert(path)
                } else {
                    remove.append(path)
                }
                continue
            }
            // Both changed it, differently.
            if ov != nil {
                conflicts.append(MergeConflict(path: path, side: .theirs, alternative: tv))
            } else if tv != nil {
                // Ours deleted it, theirs changed it: keep the value, flag the choice.
                add.append(theirLeaves[path]!)
                fromTheirs.insert(path)
                conflicts.append(MergeConflict(path: path, side: .ours, alternative: nil))
            }
        }

        // Replacements first, back to front so offsets stay valid; then removals and additions,
        // each on a fresh scan.
        var text = ours.plaintext
        for leaf in ours.outline.leaves.reversed() {
            guard let value = replace[leaf.path] else { continue }
            text.replaceSubrange(leaf.range, with: value.raw)
        }
        for path in remove {
            let outline = try syntax.scan(text, file: file)
            text = try DocumentEdit.unset(text, outline: outline, syntax: syntax, file: file, parts: Self.parts(path))
        }
        for leaf in add {
            let outline = try syntax.scan(text, file: file)
            // Theirs' exact source text (a multi-line value lands at the same depth as in theirs).
            text = try DocumentEdit.set(
                text, outline: outline, syntax: syntax, file: file, parts: Self.parts(leaf.path), value: leaf.value, raw: t[leaf.path]!.raw)
        }
        plaintext = text

        // The merged text must hold exactly the merged keys with the merged values.
        let merged = try syntax.scan(plaintext, file: file)
        outline = merged
        let got = merged.leaves
        let valid: Bool
        if positions != nil {
            // Same keys in the same order; only replaced values may differ from ours.
            valid =
                got.count == oLeaves.count
                && got.indices.allSatisfy { i in
                    got[i].path == oLeaves[i].path
                        && plaintext[got[i].range].elementsEqual(replace[got[i].path]?.raw ?? Array(ours.plaintext[oLeaves[i].range]))
                }
        } else {
            var expected = Dictionary(oLeaves.map { ($0.path, Array(ours.plaintext[$0.range])) }, uniquingKeysWith: { a, _ in a })
            for (path, value) in replace { expected[path] = value.raw }
            for path in remove { expected[path] = nil }
            for leaf in add { expected[leaf.path] = t[leaf.path]!.raw }
            let found = Dictionary(got.map { ($0.path, Array(plaintext[$0.range])) }, uniquingKeysWith: { a, _ in a })
            valid = found == expected
        }
        guard valid else {
            throw HushError(.badInput, "\(file): the changes of both branches cannot be combined by key", hint: "merge this file by hand: `hush edit` it")
        }
    }

    static func parts(_ path: [PathComponent]) -> [String] {
        path.map {
            switch $0 {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }
    }
}
