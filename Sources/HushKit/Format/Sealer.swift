/// Turns a plaintext document into sealed file bytes (docs/format.md §5–7).
enum Sealer {
    private static let trailerMarker: [UInt8] = Array("#hush:".utf8)

    /// An exposure acknowledged by the writer: the mark of the value at `path` goes, and an
    /// `#hush:ack` line records why (§6.2).
    struct Acknowledging {
        var path: [PathComponent]
        var reason: String
    }

    /// Seals `plaintext` for `context`, signed by `signer` with sequence number `seq`. With
    /// `previous`, unchanged values keep their tokens when `keys` is its data key (not when
    /// rotating), unchanged recipients keep their wraps, and `modified` moves only when
    /// something changed.
    ///
    /// Exposed marks of `previous` follow their values (`ExposureMarks`); `exposing` (names
    /// that lost the data key) marks every non-empty value; `exposingPaths` does the same for
    /// single values (a merge taking a value from a branch whose data key others held).
    /// `conflicts` are written as `#hush:conflict` lines (§6.3). `carrying` gives the marks of
    /// a new file that continues another (an upgraded version 1 file).
    static func seal(
        _ plaintext: [UInt8], syntax: Syntax, file: String, context: FileContext, recipients: [NamedRecipient], keys: FileKeys,
        signer: Signer, seq: Int, previous: OpenedFile?, exposing: [String] = [], exposingPaths: [[PathComponent]: [String]] = [:],
        conflicts: [MergeConflict] = [], acknowledging: Acknowledging? = nil, carrying: [OpenedFile.Mark] = [], rewrite: Bool = false,
        outline scanned: DocumentOutline? = nil,
        nonces: (() -> [UInt8])? = nil, now: String? = nil
    ) throws -> [UInt8] {
        try rejectTrailerLines(plaintext, file: file)
        guard !recipients.isEmpty else {
            throw HushError(.badInput, "\(file) would have no recipients", hint: "add one with `hush init` or `hush recipients add NAME KEY`")
        }
        // A caller that has just scanned `plaintext` passes the result (a merge of large files).
        let outline = try scanned ?? syntax.scan(plaintext, file: file)
        // Tags must fit their values and merge keys take mappings: checked where the values are
        // known, so that a sealed file always has a data model (docs/format.md §8).
        if outline.hasReferences { _ = try DataModel.build(outline, syntax: syntax, file: file) }
        let timestamp = now ?? Platform.utcTimestamp()
        let sameKeys = previous.map { $0.keys.dek.isEqual(to: keys.dek) } ?? false
        // Marks cost display paths and value copies: only when there are any.
        let oldMarks = previous?.marks ?? carrying
        let tracksMarks = !oldMarks.isEmpty || !exposing.isEmpty || !exposingPaths.isEmpty || acknowledging != nil
        var markValues: [(path: String, type: ValueType, raw: [UInt8])] = []
        var body: [UInt8] = []
        body.reserveCapacity(plaintext.count + outline.leaves.count * 64)
        var changed = !sameKeys || previous!.outline.leaves.count != outline.leaves.count
        var cursor = 0
        for leaf in outline.leaves {
            let old = previous?.previous[leaf.path]
            guard !leaf.range.isEmpty else {
                if let old, !old.raw.isEmpty { changed = true }
                continue
            }
            var raw = Array(plaintext[leaf.range])
            defer { Sodium.wipe(&raw) }
            let unchanged = old.map { $0.type == leaf.type && $0.raw == raw } ?? false
            let token: [UInt8]
            if unchanged && sameKeys {
                token = old!.token
            } else {
                token = Array(Token.seal(raw: raw, type: leaf.type, path: leaf.path, keys: keys, nonce: nonces?()).text.utf8)
                changed = true
            }
            if tracksMarks { markValues.append((KeyPath.display(leaf.path), leaf.type, raw)) }
            body += plaintext[cursor..<leaf.range.lowerBound]
            if leaf.inFlow { body.append(0x22) }
            body += token
            if leaf.inFlow { body.append(0x22) }
            cursor = leaf.range.upperBound
        }
        body += plaintext[cursor...]
        let finalNewline = plaintext.isEmpty || plaintext.last == 0x0A
        if !finalNewline { body.append(0x0A) }
        // Tokens are longer than the values they hold (base64, nonce, MAC): a document within
        // the input limit can seal into a file over it, which no command would read again.
        if body.count > FileSystem.inputLimit { throw tooLargeOnceSealed(file, size: body.count) }
        try RoundTrip.check(sealedBody: body, plaintext: plaintext, outline: outline, syntax: syntax, file: file, previous: previous)
        if let previous, Set(previous.previous.keys) != Set(outline.leaves.filter { !$0.range.isEmpty }.map(\.path)) {
            changed = true
        }
        var acks = previous?.sealed.trailer.acks ?? []
        var marks: [Trailer.Exposure] = []
        if tracksMarks {
            var carried = ExposureMarks(previous: oldMarks, values: markValues, paths: Set(outline.leaves.map { KeyPath.display($0.path) }))
            let byPath = Dictionary(markValues.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            for value in markValues where !exposing.isEmpty {
                carried.expose(path: value.path, type: value.type, raw: value.raw, names: exposing, now: timestamp)
            }
            for (path, names) in exposingPaths {
                if let value = byPath[KeyPath.display(path)] {
                    carried.expose(path: value.path, type: value.type, raw: value.raw, names: names, now: timestamp)
                }
            }
            if let acknowledging {
                let path = KeyPath.display(acknowledging.path)
                guard let value = byPath[path], carried.acknowledge(type: value.type, raw: value.raw) else {
                    throw HushError(.badInput, "\(file): the value of \(path) is not marked exposed", hint: "`hush status` lists the exposed values")
                }
                acks.append(Trailer.Acknowledgement(time: timestamp, member: signer.name, path: path, reason: acknowledging.reason))
            }
            marks = carried.lines(keys: keys, reuse: sameKeys, nonce: nonces)
        }
        if marks != previous?.sealed.trailer.exposed ?? [] || acks.count != previous?.sealed.trailer.acks.count ?? 0 { changed = true }
        var conflictLines: [Trailer.Conflict] = []
        for conflict in conflicts {
            var token: [UInt8]?
            if let (type, raw) = conflict.alternative {
                token = Array(Token.seal(raw: raw, type: type, path: conflict.path, keys: keys, nonce: nonces?()).text.utf8)
            }
            conflictLines.append(Trailer.Conflict(path: KeyPath.display(conflict.path), side: conflict.side.rawValue, alternative: token))
        }
        conflictLines.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        if !conflictLines.isEmpty || !(previous?.sealed.trailer.conflicts.isEmpty ?? true) { changed = true }
        let wraps = try wraps(for: recipients, keys: keys, previous: sameKeys ? previous : nil, file: file)
        // Nothing to write: the file stays as it is (same sequence number and signature). The
        // body is compared too: a merge takes tokens from two versions, none of them "changed".
        // A new recipient is a write, but not a change of any value (`modified` stays).
        if let previous, !rewrite, !changed, body == previous.sealed.body, wraps == previous.sealed.trailer.wraps { return previous.sealed.bytes }
        var trailer = Trailer(
            seq: seq, modified: changed ? timestamp : previous!.sealed.trailer.modified, finalNewline: finalNewline, wraps: wraps, exposed: marks,
            acks: acks, conflicts: conflictLines)
        let sealed = FileAuth.seal(body: body, trailer: &trailer, keys: keys, context: context, signer: signer)
        if sealed.count > FileSystem.inputLimit { throw tooLargeOnceSealed(file, size: sealed.count) }
        return sealed
    }

    /// The refusal of a write whose sealed file would be over the input limit that every read
    /// of it obeys (docs/robustness.md, "Limits").
    private static func tooLargeOnceSealed(_ file: String, size: Int) -> HushError {
        HushError(
            .badInput, "\(file): sealed, this document would take more than \(FileSystem.inputLimit >> 20) MiB (the most Hush reads)",
            hint: "keep large values out of the vault (store their key or checksum here); HUSH_MAX_INPUT_MB raises the limit for everyone")
    }

    /// One wrap per distinct (name, key); an unchanged one is kept as it was.
    private static func wraps(for recipients: [NamedRecipient], keys: FileKeys, previous: OpenedFile?, file: String) throws -> [Trailer.Wrap] {
        var result: [Trailer.Wrap] = []
        var seen = Set<String>()
        for member in recipients where seen.insert(member.name + " " + member.recipient.text).inserted {
            guard Trailer.isValidName(member.name) else {
                throw HushError(
                    .badInput, "invalid recipient name \"\(member.name)\"", hint: "use letters, digits, '.', '_' and '-', starting with a letter or digit")
            }
            if let old = previous?.sealed.trailer.wraps.first(where: { $0.name == member.name && $0.key == member.recipient.text }) {
                result.append(old)
            } else {
                let wrapped: [UInt8]
                do {
                    wrapped = try KeyAgreement.seal(keys.dek, to: member.recipient.x25519PublicKey)
                } catch {
                    throw HushError(.badInput, "cannot seal \(file) to \(member.name): invalid public key", hint: "check recipients/\(member.name).pub")
                }
                result.append(Trailer.Wrap(name: member.name, key: member.recipient.text, wrapped: wrapped))
            }
        }
        return Trailer.canonicalOrder(result)
    }

    /// A plaintext line starting with `#hush:` would be read back as metadata.
    private static func rejectTrailerLines(_ plaintext: [UInt8], file: String) throws {
        var lineStart = 0
        var line = 1
        while lineStart < plaintext.count {
            if plaintext[lineStart...].starts(with: trailerMarker) {
                throw HushError(
                    .badInput, "\(file):\(line): lines starting with '#hush:' are reserved for Hush metadata", hint: "add a space after '#' in that comment")
            }
            guard let newline = plaintext[lineStart...].firstIndex(of: 0x0A) else { break }
            lineStart = newline + 1
            line += 1
        }
    }
}
