/// A sealed file parsed into body, leaves and trailer, not yet opened.
struct SealedFile {
    let syntax: Syntax
    /// How the file is named in messages (repository-relative path).
    let file: String
    let body: [UInt8]
    let outline: DocumentOutline
    let trailer: Trailer
    /// The parsed token of each leaf (nil for an unsealed empty leaf), aligned with `outline.leaves`.
    let tokens: [Token?]

    static func parse(_ bytes: [UInt8], syntax: Syntax, file: String) throws -> SealedFile {
        let (body, trailer) = try Trailer.split(bytes, file: file)
        let outline: DocumentOutline
        do {
            outline = try syntax.scan(body, file: file)
        } catch let error as HushError {
            throw HushError(.integrity, error.message, hint: "the sealed file is damaged; restore it from git or fix the line by hand")
        }
        // Structure is checked without any key: every non-empty value must be a token.
        let tokens = try outline.leaves.map { leaf -> Token? in
            leaf.range.isEmpty ? nil : try token(of: leaf, file: file)
        }
        return SealedFile(syntax: syntax, file: file, body: body, outline: outline, trailer: trailer, tokens: tokens)
    }

    private static func token(of leaf: Leaf, file: String) throws -> Token {
        do {
            return try Token.parse(Array(leaf.value.utf8))
        } catch {
            throw tokenProblem(error, at: leaf, file: file)
        }
    }

    /// Where a leaf is, for messages: built only on failure, since it is costly for every value.
    private static func place(_ leaf: Leaf, _ file: String) -> String {
        "\(file):\(leaf.line): value of \(KeyPath.display(leaf.path))"
    }

    private static func tokenProblem(_ problem: TokenProblem, at leaf: Leaf, file: String) -> HushError {
        let where_ = place(leaf, file)
        switch problem {
        case .notAToken:
            return HushError(
                .integrity, "\(where_) is not sealed (plaintext inside a sealed file)", hint: "restore the file from git, or re-seal it with `hush edit`")
        case .unknownVersion(let v):
            return HushError(.integrity, "\(where_) uses token version \(v); this hush reads v1", hint: "upgrade hush")
        case .malformed:
            return HushError(.integrity, "\(where_) is a damaged token", hint: "restore the file from git")
        }
    }

    /// The names of the recipients the file is sealed to, each once, in file order.
    var recipientNames: [String] {
        var seen = Set<String>()
        return trailer.wraps.map(\.name).filter { seen.insert($0).inserted }
    }

    /// Each leaf's token text as the MAC sees it (empty for an unsealed empty leaf).
    func macLeaves() -> [(path: [PathComponent], token: [UInt8])] {
        outline.leaves.map { ($0.path, $0.range.isEmpty ? [] : Array($0.value.utf8)) }
    }

    /// Finds a wrap one of `identities` opens, then checks the MAC with that data key. A wrap
    /// made for one of the identities that does not open is reported as damage, not as "no key".
    func unlock(with identities: [Identity]) throws -> FileKeys {
        var damaged: String?
        for identity in identities {
            for wrap in trailer.wraps where wrap.key == identity.recipient.text {
                guard let dek = try? KeyAgreement.open(wrap.wrapped, publicKey: identity.recipient.x25519PublicKey, secretKey: identity.secretKey),
                    dek.count == KeyDerivation.keyLength
                else {
                    damaged = damaged ?? wrap.name
                    continue
                }
                let keys = FileKeys(dek: dek)
                try verifyMAC(keys)
                return keys
            }
        }
        if let damaged {
            throw HushError(
                .integrity, "\(file): the data key wrapped for \(damaged) (your key) does not open: the recipient line is damaged",
                hint: "restore the file from git, or ask another recipient to run `hush recipients add \(damaged) KEY`")
        }
        throw noKeyError(identities)
    }

    func verifyMAC(_ keys: FileKeys) throws {
        let expected = FileMAC.compute(leaves: macLeaves(), lines: trailer.authenticatedLines, keys: keys)
        guard Sodium.constantTimeEqual(expected, trailer.mac) else {
            throw HushError(
                .integrity, "\(file) failed its integrity check (MAC mismatch): it was changed without its key, or is corrupt",
                hint: "inspect `git diff -- \(file)` and restore the file from git; a recipient or value edited by hand is rejected")
        }
    }

    /// Opens every token and rebuilds the plaintext document. Tokens that `known` (another
    /// version of the file under the same data key) already opened at the same path are
    /// taken from it instead of being decrypted again.
    ///
    /// With `decodeValues` false (the merge driver, which compares raw text only), the
    /// plaintext is not scanned again: leaf ranges and insertion points are the sealed ones
    /// shifted by each value's change in length, and leaf values are left empty.
    func decrypt(_ keys: FileKeys, known: OpenedFile? = nil, decodeValues: Bool = true) throws -> OpenedFile {
        let reuse = known.map { $0.keys.dek.isEqual(to: keys.dek) } ?? false
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(body.count)
        var previous: [[PathComponent]: OpenedFile.Sealed] = [:]
        var cursor = 0
        for (leaf, token) in zip(outline.leaves, tokens) {
            guard let token else { continue }
            let tokenText = Array(leaf.value.utf8)
            let raw: [UInt8]
            if reuse, let old = known!.previous[leaf.path], old.token == tokenText {
                raw = old.raw
            } else {
                do {
                    raw = try token.open(path: leaf.path, keys: keys)
                } catch {
                    throw HushError(
                        .integrity, "\(Self.place(leaf, file)) does not open (altered, or moved from another key)", hint: "restore the file from git")
                }
            }
            plaintext += body[cursor..<leaf.range.lowerBound]
            plaintext += raw
            cursor = leaf.range.upperBound
            previous[leaf.path] = OpenedFile.Sealed(type: token.type, raw: raw, token: tokenText)
        }
        plaintext += body[cursor...]
        if !trailer.finalNewline, plaintext.last == 0x0A { plaintext.removeLast() }
        if !decodeValues {
            return OpenedFile(sealed: self, keys: keys, plaintext: plaintext, outline: shiftedOutline(previous), previous: previous)
        }
        let plainOutline: DocumentOutline
        do {
            plainOutline = try syntax.scan(plaintext, file: file)
        } catch {
            throw HushError(.integrity, "\(file): the decrypted values do not form a valid document", hint: "restore the file from git")
        }
        guard plainOutline.leaves.map(\.path) == outline.leaves.map(\.path) else {
            throw HushError(.integrity, "\(file): a decrypted value changed the document's structure", hint: "restore the file from git")
        }
        return OpenedFile(sealed: self, keys: keys, plaintext: plaintext, outline: plainOutline, previous: previous)
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

    private func noKeyError(_ identities: [Identity]) -> HushError {
        let mine =
            identities.isEmpty
            ? "no identity found"
            : identities.map { "\($0.recipient.fingerprint) (\($0.source))" }.joined(separator: ", ")
        return HushError(
            .noKey, "none of your identities opens \(file); it is sealed to: \(recipientNames.joined(separator: ", ")); yours: \(mine)",
            hint: "ask one of them to add your recipient (`hush whoami` prints it) with `hush recipients add NAME KEY`, or pass --identity FILE")
    }
}
