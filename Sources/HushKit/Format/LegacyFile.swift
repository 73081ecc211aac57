/// Reads a format version 1 file, only so that `hush upgrade` can re-seal it as version 2.
/// Version 1 (the previous docs/format.md, in git history) authenticated each value's key path
/// and token and the trailer lines under one MAC; this reader checks exactly that, against the
/// lines as stored.
enum LegacyFile {
    /// What a version 1 file held.
    struct Contents {
        var plaintext: [UInt8]
        var wraps: [Trailer.Wrap]
        /// Exposed marks: (v1 dotted path, since, names).
        var marks: [(path: String, since: String, members: [String])]
        var outline: DocumentOutline
    }

    private static let macLabel: [UInt8] = Array("hush:v1:mac".utf8)

    /// Opens a version 1 file with `identities`. Any doubt about it is an integrity error.
    static func open(_ bytes: [UInt8], syntax: Syntax, file: String, identities: [Identity]) throws -> Contents {
        func damaged(_ what: String) -> HushError {
            HushError(.integrity, "\(file) (format version 1): \(what)", hint: "restore the file from git before upgrading it")
        }
        guard let (start, lineSlices) = Trailer.locate(bytes) else { throw Trailer.notHush(file) }
        let lines = lineSlices.map { String(decoding: $0, as: UTF8.self) }
        guard lines.first == "#hush:version 1", lines.count >= 4, lines.last!.hasPrefix("#hush:mac ") else { throw damaged("malformed metadata") }
        var wraps: [Trailer.Wrap] = []
        var marks: [(path: String, since: String, members: [String])] = []
        var finalNewline = true
        for line in lines.dropFirst().dropLast() {
            let fields = line.dropFirst(6).split(separator: " ", omittingEmptySubsequences: false)
            switch fields.first {
            case "modified": continue
            case "final-newline": finalNewline = false
            case "recipient":
                guard fields.count == 4 || fields.count == 5, let wrapped = TokenBase64.decode(fields.last!.utf8) else { throw damaged("a bad recipient line") }
                wraps.append(Trailer.Wrap(name: String(fields[1]), key: fields[2..<(fields.count - 1)].joined(separator: " "), wrapped: wrapped))
            case "exposed":
                guard fields.count >= 4 else { throw damaged("a bad exposed line") }
                marks.append((fields[3...].joined(separator: " "), String(fields[1]), fields[2].split(separator: ",").map(String.init)))
            case "conflict":
                throw HushError(
                    .refused, "\(file) has an unresolved merge conflict", hint: "resolve it with the hush release that wrote it (`hush edit`), then upgrade")
            default: throw damaged("an unknown line \(fields.first ?? "")")
            }
        }
        guard let mac = TokenBase64.decode(lines.last!.dropFirst("#hush:mac ".count).utf8) else { throw damaged("a bad MAC line") }
        let body = Array(bytes[..<start])
        let outline = try syntax.scan(body, file: file)
        var keys: FileKeys?
        search: for identity in identities {
            for wrap in wraps where wrap.key == identity.recipient.text {
                if let dek = try? KeyAgreement.open(wrap.wrapped, publicKey: identity.recipient.x25519PublicKey, secretKey: identity.secretKey),
                    dek.count == KeyDerivation.keyLength
                {
                    keys = FileKeys(dek: dek)
                    break search
                }
            }
        }
        guard let keys else {
            throw HushError(
                .noKey, "none of your identities opens \(file) (format version 1)", hint: "a member who can read it runs `hush upgrade \(file)`")
        }
        var hash = KeyedHash(key: keys.macKey)
        hash.updateLengthPrefixed(macLabel)
        hash.update(BigEndian.u32(outline.leaves.count))
        for leaf in outline.leaves {
            hash.updateLengthPrefixed(KeyPath.encode(leaf.path))
            hash.updateLengthPrefixed(leaf.range.isEmpty ? [] : Array(leaf.value.utf8))
        }
        hash.update(BigEndian.u32(lines.count - 1))
        for line in lines.dropLast() { hash.updateLengthPrefixed(Array(line.utf8)) }
        guard Sodium.constantTimeEqual(hash.finalize(), mac) else { throw damaged("MAC mismatch: it was changed without its key") }
        var plaintext: [UInt8] = []
        var cursor = 0
        for leaf in outline.leaves where !leaf.range.isEmpty {
            guard let token = try? Token.parse(Array(leaf.value.utf8), version: .v1), let raw = try? token.open(path: leaf.path, keys: keys) else {
                throw damaged("the value of \(KeyPath.display(leaf.path)) does not open")
            }
            plaintext += body[cursor..<leaf.range.lowerBound] + raw
            cursor = leaf.range.upperBound
        }
        plaintext += body[cursor...]
        if !finalNewline, plaintext.last == 0x0A { plaintext.removeLast() }
        let plainOutline = try syntax.scan(plaintext, file: file)
        return Contents(plaintext: plaintext, wraps: wraps, marks: marks, outline: plainOutline)
    }
}
