/// Reading a sealed file's structure (docs/format.md §11, checks 1–5): trailer, body and the
/// token of every value, checked without any key.
extension SealedFile {
    /// `readOnly` (a file opened only to be read: `Vault.open`, `hush verify`): token text is
    /// read from the bytes instead of being copied into each leaf (`valuesFromBytes`): for a
    /// dotenv body, of its unquoted values; for a YAML body, of every value, the leaves getting
    /// no value at all (`YAMLOutline.scan(keepingValues:)`), unless one is not a token as
    /// written, which is then reported as the ordinary parse reports it.
    ///
    /// `bytes` is consumed: when the caller passes its last reference (`Vault` passes the file
    /// just read), the body is the same storage with the trailer cut off, not a copy (a copy of
    /// a large file costs a page fault every 4 KiB).
    static func parse(
        _ bytes: consuming [UInt8], syntax: Syntax, file: String, context: FileContext?, readOnly: Bool = false
    ) throws -> SealedFile {
        let (bodyEnd, trailer) = try Trailer.splitPoint(bytes, file: file)
        let above = Array(bytes[bodyEnd...].prefix(trailer.renderAboveMAC().count))
        var body = consume bytes
        body.removeSubrange(bodyEnd...)
        // The file is hashed while it is scanned: two independent passes over all its bytes.
        let scanned = try Parallel.both(parallel: body.count >= Parallel.pairMinimum) {
            try scan(body, syntax: syntax, file: file, keepingText: !readOnly)
        } _: {
            context.map { FileAuth.digest(body, above, context: $0) } ?? []
        }
        var (outline, fromBytes) = (scanned.0, readOnly)
        var tokens = try parseTokens(outline, in: body, syntax: syntax, file: file, fromBytes: fromBytes)
        if tokens == nil {
            // A YAML value that is not a token as written: read again with values, so that the
            // error is the one the ordinary parse gives (or, if it accepts it, its tokens).
            outline = try scan(body, syntax: syntax, file: file, keepingText: true)
            fromBytes = false
            tokens = try parseTokens(outline, in: body, syntax: syntax, file: file, fromBytes: false)
        }
        return SealedFile(
            syntax: syntax, file: file, context: context, body: body, outline: outline, trailer: trailer, tokens: tokens!, digest: scanned.1,
            valuesFromBytes: fromBytes)
    }

    /// The body's outline; without `keepingText`, leaves hold no token text (see `parse`).
    fileprivate static func scan(_ body: [UInt8], syntax: Syntax, file: String, keepingText: Bool) throws -> DocumentOutline {
        do {
            if keepingText { return try syntax.scan(body, file: file) }
            return syntax == .dotenv
                ? try DotenvOutline.scan(body, file: file, keepingUnquotedText: false) : try YAMLOutline.scan(body, file: file, keepingValues: false)
        } catch let error as HushError {
            throw HushError(.integrity, error.message, hint: "the sealed file is damaged; restore it from git or fix the line by hand")
        }
    }

    /// The parsed token of each leaf. Structure is checked without any key: every non-empty
    /// value must be a token, written in the one form §5.2 allows for its place. Nil when a
    /// YAML token read `fromBytes` is not one (the caller reads the values to say why).
    fileprivate static func parseTokens(_ outline: DocumentOutline, in body: [UInt8], syntax: Syntax, file: String, fromBytes: Bool) throws -> [Token?]? {
        let leaves = outline.leaves
        guard fromBytes, syntax == .yaml else {
            return try Parallel.map(leaves.count) { i -> Token? in
                leaves[i].range.isEmpty ? nil : try token(of: leaves[i], in: body, file: file, fromBytes: fromBytes)
            }
        }
        // Checked, but kept without payload: every payload held until the values are open
        // was a seventh of the memory of opening a large file.
        let tokens = try Parallel.map(leaves.count) { i -> Token? in
            leaves[i].range.isEmpty ? nil : yamlToken(fromBytes: leaves[i], in: body, keepingPayload: false)
        }
        return leaves.indices.contains { tokens[$0] == nil && !leaves[$0].range.isEmpty } ? nil : tokens
    }

    /// A YAML token read from its bytes: plain in block context, double-quoted in a flow
    /// collection (`SealedFile.token(of:)`). When the bytes parse, they are the value as YAML
    /// decodes it (a token has no blanks, breaks or backslashes); nil otherwise. Without
    /// `keepingPayload`, only its version and type (see `tokens`).
    static func yamlToken(fromBytes leaf: Leaf, in body: [UInt8], keepingPayload: Bool = true) -> Token? {
        var raw = body[leaf.range]
        if leaf.inFlow {
            guard raw.count >= 2, raw.first == 0x22, raw.last == 0x22 else { return nil }
            raw = raw.dropFirst().dropLast()
        }
        return try? Token.parse(raw, keepingPayload: keepingPayload)
    }

    /// The token of leaf `i` in full (see `tokens`).
    func token(at i: Int) -> Token? {
        guard let token = tokens[i], token.payload.isEmpty else { return tokens[i] }
        return Self.yamlToken(fromBytes: outline.leaves[i], in: body)
    }

    fileprivate static func token(of leaf: Leaf, in body: [UInt8], file: String, fromBytes: Bool) throws -> Token {
        let raw = body[leaf.range]
        // An unquoted dotenv value is its bytes as written (a quoted one always has text).
        if fromBytes, leaf.value.isEmpty {
            do throws(TokenProblem) {
                return try Token.parse(raw)
            } catch {
                throw tokenProblem(error, at: leaf, file: file)
            }
        }
        let value = Array(leaf.value.utf8)
        let written =
            leaf.inFlow
            ? (raw.count == value.count + 2 && raw.first == 0x22 && raw.last == 0x22 && Bytes.equal(raw.dropFirst().dropLast(), value))
            : Bytes.equal(raw, value)
        do throws(TokenProblem) {
            let token = try Token.parse(value)
            guard written else { throw TokenProblem.malformed }
            return token
        } catch {
            throw tokenProblem(error, at: leaf, file: file)
        }
    }

    fileprivate static func tokenProblem(_ problem: TokenProblem, at leaf: Leaf, file: String) -> HushError {
        let where_ = place(leaf, file)
        switch problem {
        case .notAToken:
            return HushError(
                .integrity, "\(where_) is not sealed (plaintext inside a sealed file)", hint: "restore the file from git, or re-seal it with `hush edit`")
        case .unknownVersion(let v):
            return HushError(.integrity, "\(where_) uses token version \(v); this hush reads v2", hint: "restore the file from git")
        case .malformed:
            return HushError(.integrity, "\(where_) is a damaged or wrongly quoted token", hint: "restore the file from git")
        }
    }
}
