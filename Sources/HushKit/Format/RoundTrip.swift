/// The round-trip law of every write (issue 12): a document is sealed only when its sealed form
/// reads back as the same document, so no input can produce a file that later fails to open.
///
/// A full check scans the sealed body again. It is skipped when the write only replaced values
/// of a file that was just read: then every byte outside the values is unchanged, every token
/// stands where a token stood before, and tokens all have one shape, so the structure that was
/// read back before is still the structure. That is `hush set` of an existing key, the hot path.
enum RoundTrip {
    /// Throws a `badInput` error naming the first value whose sealed form would not read back.
    static func check(
        sealedBody body: [UInt8], plaintext: [UInt8], outline: DocumentOutline, syntax: Syntax, file: String, previous: OpenedFile?
    ) throws {
        if let previous, sameSkeleton(plaintext, outline, previous) { return }
        let problem = { (leaf: Leaf?, what: String) -> HushError in
            let place = leaf.map { "\(file):\($0.line):\($0.column): " } ?? "\(file): "
            return HushError(
                .badInput, "\(place)\(what): sealed, this document would not read back the same",
                hint: "write the value differently (quote it, or put a space before a comment after it)")
        }
        let sealed: DocumentOutline
        do {
            sealed = try syntax.scan(body, file: file)
        } catch let error as HushError {
            throw problem(nil, "the sealed form does not parse (\(error.message))")
        }
        guard sealed.leaves.count == outline.leaves.count else {
            throw problem(outline.leaves.first, "the sealed form has \(sealed.leaves.count) values instead of \(outline.leaves.count)")
        }
        guard sealed.sameStructure(as: outline) else {
            throw problem(outline.leaves.first, "the sealed form has another structure (collections, anchors, aliases or tags)")
        }
        for (plain, token) in zip(outline.leaves, sealed.leaves) {
            guard plain.path == token.path, plain.range.isEmpty == token.range.isEmpty else {
                throw problem(plain, "the value of \(KeyPath.display(plain.path)) changes the document's keys once sealed")
            }
            guard plain.range.isEmpty || (Token.looksLikeToken(token.value.utf8) && token.value.utf8.last == UInt8(ascii: "]")) else {
                throw problem(plain, "the value of \(KeyPath.display(plain.path)) does not read back as its sealed token")
            }
        }
    }

    /// True when `plaintext` differs from `previous.plaintext` only inside values, with the same
    /// keys in the same places.
    private static func sameSkeleton(_ plaintext: [UInt8], _ outline: DocumentOutline, _ previous: OpenedFile) -> Bool {
        let old = previous.outline.leaves
        let new = outline.leaves
        guard old.count == new.count else { return false }
        var oldCursor = 0
        var newCursor = 0
        for (a, b) in zip(old, new) {
            guard a.path == b.path, a.inFlow == b.inFlow, a.range.isEmpty == b.range.isEmpty,
                previous.plaintext[oldCursor..<a.range.lowerBound].elementsEqual(plaintext[newCursor..<b.range.lowerBound])
            else { return false }
            oldCursor = a.range.upperBound
            newCursor = b.range.upperBound
        }
        return previous.plaintext[oldCursor...].elementsEqual(plaintext[newCursor...])
    }
}
