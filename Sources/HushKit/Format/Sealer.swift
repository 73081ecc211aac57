/// Turns a plaintext document into sealed file bytes (docs/format.md §4-6).
enum Sealer {
    private static let trailerMarker: [UInt8] = Array("#hush:".utf8)

    /// Seals `plaintext`. With `previous` (same data key), unchanged values keep their tokens,
    /// unchanged recipients keep their wraps, and `modified` moves only when a value changed.
    static func seal(
        _ plaintext: [UInt8], syntax: Syntax, file: String, recipients: [NamedRecipient], keys: FileKeys,
        previous: OpenedFile?, nonces: (() -> [UInt8])? = nil, now: String? = nil
    ) throws -> [UInt8] {
        try rejectTrailerLines(plaintext, file: file)
        guard !recipients.isEmpty else {
            throw HushError(.badInput, "\(file) would have no recipients", hint: "add one with `hush init` or `hush recipients add NAME KEY`")
        }
        let outline = try syntax.scan(plaintext, file: file)
        var body: [UInt8] = []
        body.reserveCapacity(plaintext.count + outline.leaves.count * 64)
        var macLeaves: [(path: [PathComponent], token: [UInt8])] = []
        macLeaves.reserveCapacity(outline.leaves.count)
        var changed = previous == nil || previous!.outline.leaves.count != outline.leaves.count
        var cursor = 0
        for leaf in outline.leaves {
            guard !leaf.range.isEmpty else {
                if let old = previous?.previous[leaf.path], !old.raw.isEmpty { changed = true }
                macLeaves.append((leaf.path, []))
                continue
            }
            var raw = Array(plaintext[leaf.range])
            defer { Sodium.wipe(&raw) }
            let token: [UInt8]
            if let old = previous?.previous[leaf.path], old.type == leaf.type, old.raw == raw {
                token = old.token
            } else {
                token = Array(Token.seal(raw: raw, type: leaf.type, path: leaf.path, keys: keys, nonce: nonces?()).text.utf8)
                changed = true
            }
            body += plaintext[cursor..<leaf.range.lowerBound]
            if leaf.inFlow { body.append(0x22) }
            body += token
            if leaf.inFlow { body.append(0x22) }
            cursor = leaf.range.upperBound
            macLeaves.append((leaf.path, token))
        }
        body += plaintext[cursor...]
        let finalNewline = plaintext.isEmpty || plaintext.last == 0x0A
        if !finalNewline { body.append(0x0A) }
        if let previous, Set(previous.previous.keys) != Set(outline.leaves.filter { !$0.range.isEmpty }.map(\.path)) {
            changed = true
        }
        var trailer = Trailer(
            modified: changed ? (now ?? Platform.utcTimestamp()) : previous!.sealed.trailer.modified,
            finalNewline: finalNewline, wraps: try wraps(for: recipients, keys: keys, previous: previous, file: file), mac: [])
        trailer.mac = FileMAC.compute(leaves: macLeaves, lines: trailer.authenticatedLines, keys: keys)
        return body + trailer.render()
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
