/// Opening a sealed file's values: the plaintext put back together, checked against the sealed
/// structure (docs/format.md §11, checks 10 and 11).
extension SealedFile {
    /// Opens every token and rebuilds the plaintext document. Tokens that `known` (another
    /// version of the file under the same data key) already opened at the same path are
    /// taken from it instead of being decrypted again.
    ///
    /// With `decodeValues` false (the merge driver, which compares raw text only), the
    /// plaintext is not scanned again: leaf ranges and insertion points are the sealed ones
    /// shifted by each value's change in length, and leaf values are left empty.
    ///
    /// With `keepTokens` false (a file opened only to be read, never re-sealed), body, tokens
    /// and sealed leaves, which only a re-seal reads again, are dropped once the values are
    /// open, before the plaintext is scanned; the result's `sealed` keeps its trailer, syntax,
    /// name and context (`release`). The file is consumed so that this frees memory: a caller
    /// that keeps its own copy frees nothing.
    consuming func decrypt(_ keys: FileKeys, known: OpenedFile? = nil, decodeValues: Bool = true, keepTokens: Bool = true) throws -> OpenedFile {
        // A file opened only to be read (`keepTokens` false) never re-seals, so it needs no map
        // from key to old token: building and freeing one was a fifth of opening 10,000 values.
        let keep = keepTokens || !decodeValues
        let (plaintext, previous) = assemble(try openValues(keys, known: known, keep: keep), keep: keep)
        if !decodeValues {
            return OpenedFile(
                sealed: self, keys: keys, plaintext: plaintext, outline: shiftedOutline(previous), previous: previous, marks: try openMarks(keys))
        }
        // What the plaintext is checked against; its outline shares the sealed key paths, and
        // the sealed nodes too when they are the same (no value spans several lines).
        let types = tokens.map { $0?.type }
        let paths = outline.leaves.indices.map { outline.leaves[$0].path }
        let nodes = outline.nodes
        if !keep { release() }
        let plainOutline: DocumentOutline
        do {
            // A dotenv plaintext may assign a name twice here only if its names differ from the
            // sealed body's, which were unique: the comparison below refuses that.
            plainOutline =
                syntax == .dotenv
                ? try DotenvOutline.scan(plaintext, file: file, keepingUnquotedText: true, refusingDuplicates: false)
                : try YAMLOutline.scan(plaintext, file: file, sharingPaths: paths, sharingNodes: nodes)
        } catch {
            throw HushError(.integrity, "\(file): the decrypted values do not form a valid document", hint: "restore the file from git")
        }
        guard plainOutline.leaves.count == paths.count,
            types.indices.allSatisfy({ types[$0] == nil || plainOutline.leaves[$0].type == types[$0] }),
            plainOutline.samePaths(as: paths), plainOutline.sameStructure(as: nodes)
        else {
            throw HushError(.integrity, "\(file): a decrypted value changed the document's structure or type", hint: "restore the file from git")
        }
        return OpenedFile(sealed: self, keys: keys, plaintext: plaintext, outline: plainOutline, previous: previous, marks: try openMarks(keys))
    }

    /// The raw text of every leaf's value (nil for an unsealed empty leaf), opened on several
    /// threads; reused from `known` where it holds the same token at the same path.
    private func openValues(_ keys: FileKeys, known: OpenedFile?, keep: Bool) throws -> [[UInt8]?] {
        let reuse = known.map { $0.keys.dek.isEqual(to: keys.dek) } ?? false
        let leaves = outline.leaves
        let tokens = tokens
        let body = body
        let file = file
        // The key's bytes are taken out once: retaining its one shared object for every value
        // from two threads cost more than the decryption.
        return try keys.valueKey.withBytes { valueKey in
            try Parallel.map(leaves.count) { i -> [UInt8]? in
                guard var token = tokens[i] else { return nil }
                let leaf = leaves[i]
                if reuse, keep, let old = known!.previous[leaf.path], Bytes.equal(old.token[...], tokenText(leaf)) { return old.raw }
                // Kept without payload by a read-only parse, which checked that it parses.
                if token.payload.isEmpty, let full = Self.yamlToken(fromBytes: leaf, in: body) { token = full }
                do {
                    return try token.open(.path(leaf.path), valueKey: valueKey)
                } catch {
                    throw HushError(
                        .integrity, "\(Self.place(leaf, file)) does not open (altered, or moved from another key)", hint: "restore the file from git")
                }
            }
        }
    }

    /// The body with every token replaced by its raw value (the final line break dropped when
    /// the file records none), and with `keep` what each leaf held (for a re-seal to keep
    /// unchanged tokens).
    private func assemble(_ raws: [[UInt8]?], keep: Bool) -> (plaintext: [UInt8], previous: [[PathComponent]: OpenedFile.Sealed]) {
        let leaves = outline.leaves
        var size = body.count
        for i in leaves.indices { size += (raws[i]?.count ?? leaves[i].range.count) - leaves[i].range.count }
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(size)
        var previous: [[PathComponent]: OpenedFile.Sealed] = [:]
        if keep { previous.reserveCapacity(tokens.count) }
        var cursor = 0
        // By index: a read-only open copies no leaf (each copy retains its path and text).
        for i in leaves.indices {
            guard let raw = raws[i] else { continue }
            let range = leaves[i].range
            plaintext += body[cursor..<range.lowerBound]
            plaintext += raw
            cursor = range.upperBound
            if keep, let token = tokens[i] {
                previous[leaves[i].path] = OpenedFile.Sealed(type: token.type, raw: raw, token: tokenText(leaves[i]))
            }
        }
        plaintext += body[cursor...]
        if !trailer.finalNewline, plaintext.last == 0x0A { plaintext.removeLast() }
        return (plaintext, previous)
    }

    /// The token text of a sealed leaf, as written (without the quotes of a YAML flow item).
    private func tokenText(_ leaf: Leaf) -> [UInt8] {
        guard valuesFromBytes, leaf.value.isEmpty else { return Array(leaf.value.utf8) }
        return leaf.inFlow && !leaf.range.isEmpty ? Array(body[leaf.range].dropFirst().dropLast()) : Array(body[leaf.range])
    }

    /// The sealed outline moved onto the plaintext: each token's range becomes its raw value's.
    private func shiftedOutline(_ values: [[PathComponent]: OpenedFile.Sealed]) -> DocumentOutline {
        var leaves: [Leaf] = []
        leaves.reserveCapacity(outline.leaves.count)
        var shifts: [(at: Int, delta: Int)] = []
        var delta = 0
        for leaf in outline.leaves {
            var moved = leaf
            moved.value = ""
            let start = leaf.range.lowerBound + delta
            if let sealed = values[leaf.path], !leaf.range.isEmpty {
                moved.type = sealed.type
                moved.range = start..<(start + sealed.raw.count)
                delta += sealed.raw.count - leaf.range.count
                shifts.append((leaf.range.upperBound, delta))
            } else {
                moved.range = start..<(start + leaf.range.count)
            }
            leaves.append(moved)
        }
        let mappings = outline.mappings.map { mapping -> MappingSpan in
            var moved = mapping
            moved.insertionOffset += shifts.last { $0.at <= mapping.insertionOffset }?.delta ?? 0
            return moved
        }
        return DocumentOutline(leaves: leaves, mappings: mappings)
    }

    /// Opens the value of every exposed mark (check 10).
    func openMarks(_ keys: FileKeys) throws -> [OpenedFile.Mark] {
        try trailer.exposed.map { mark in
            guard let token = try? Token.parse(mark.value), let raw = try? token.open(.exposed, keys: keys) else {
                throw HushError(.integrity, "\(file): the exposed mark at \(mark.path) does not open", hint: "restore the file from git")
            }
            return OpenedFile.Mark(exposure: mark, type: token.type, raw: raw)
        }
    }
}
