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
    func decrypt(_ keys: FileKeys, known: OpenedFile? = nil, decodeValues: Bool = true, keepTokens: Bool = true) throws -> OpenedFile {
        let reuse = known.map { $0.keys.dek.isEqual(to: keys.dek) } ?? false
        // A file opened only to be read (`keepTokens` false) never re-seals, so it needs no map
        // from key to old token: building and freeing one was a fifth of opening 10,000 values.
        let keep = keepTokens || !decodeValues
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(body.count)
        var previous: [[PathComponent]: OpenedFile.Sealed] = [:]
        if keep { previous.reserveCapacity(tokens.count) }
        let leaves = outline.leaves
        let tokens = tokens
        let file = file
        // The key's bytes are taken out once: retaining its one shared object for every value
        // from two threads cost more than the decryption.
        let raws = try keys.valueKey.withBytes { valueKey in
            try Parallel.map(leaves.count) { i -> [UInt8]? in
                guard let token = tokens[i] else { return nil }
                let leaf = leaves[i]
                if reuse, keep, let old = known!.previous[leaf.path], Bytes.equal(old.token[...], tokenText(leaf)) { return old.raw }
                do {
                    return try token.open(.path(leaf.path), valueKey: valueKey)
                } catch {
                    throw HushError(
                        .integrity, "\(Self.place(leaf, file)) does not open (altered, or moved from another key)", hint: "restore the file from git")
                }
            }
        }
        var cursor = 0
        for (i, leaf) in leaves.enumerated() {
            guard let token = tokens[i], let raw = raws[i] else { continue }
            let tokenText = keep ? tokenText(leaf) : []
            plaintext += body[cursor..<leaf.range.lowerBound]
            plaintext += raw
            cursor = leaf.range.upperBound
            if keep { previous[leaf.path] = OpenedFile.Sealed(type: token.type, raw: raw, token: tokenText) }
        }
        plaintext += body[cursor...]
        if !trailer.finalNewline, plaintext.last == 0x0A { plaintext.removeLast() }
        if !decodeValues {
            return OpenedFile(
                sealed: self, keys: keys, plaintext: plaintext, outline: shiftedOutline(previous), previous: previous, marks: try openMarks(keys))
        }
        let plainOutline: DocumentOutline
        do {
            // A dotenv plaintext may assign a name twice here only if its names differ from the
            // sealed body's, which were unique: the comparison below refuses that.
            plainOutline =
                syntax == .dotenv
                ? try DotenvOutline.scan(plaintext, file: file, keepingUnquotedText: true, refusingDuplicates: false)
                : try syntax.scan(plaintext, file: file)
        } catch {
            throw HushError(.integrity, "\(file): the decrypted values do not form a valid document", hint: "restore the file from git")
        }
        guard plainOutline.leaves.count == outline.leaves.count,
            zip(plainOutline.leaves, tokens).allSatisfy({ $1 == nil || $0.type == $1!.type }),
            plainOutline.samePaths(as: outline), plainOutline.sameStructure(as: outline)
        else {
            throw HushError(.integrity, "\(file): a decrypted value changed the document's structure or type", hint: "restore the file from git")
        }
        return OpenedFile(sealed: self, keys: keys, plaintext: plaintext, outline: plainOutline, previous: previous, marks: try openMarks(keys))
    }

    /// The token text of a sealed leaf, as written.
    private func tokenText(_ leaf: Leaf) -> [UInt8] {
        valuesFromBytes && leaf.value.isEmpty ? Array(body[leaf.range]) : Array(leaf.value.utf8)
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
