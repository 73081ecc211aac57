/// Splits a sealed file into body and trailer and parses the trailer strictly
/// (docs/format.md §6, checks 1–3 of §11).
extension Trailer {
    /// Where the trailer starts, and its lines (without `\n`).
    static func locate(_ bytes: [UInt8]) -> (start: Int, lines: [ArraySlice<UInt8>])? {
        guard bytes.last == 0x0A else { return nil }
        var start = bytes.count
        var lines: [ArraySlice<UInt8>] = []
        while start > 0 {
            var lineStart = start - 1
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            let line = bytes[lineStart..<(start - 1)]
            guard line.starts(with: linePrefix) else { break }
            lines.append(line)
            start = lineStart
        }
        guard !lines.isEmpty else { return nil }
        return (start, lines.reversed())
    }

    /// The format version a sealed file declares, when it has a trailer whose first line is
    /// `#hush:version N`.
    static func declaredVersion(_ bytes: [UInt8]) -> Int? {
        guard let (_, lines) = locate(bytes), let first = lines.first else { return nil }
        let text = String(decoding: first, as: UTF8.self)
        guard text.hasPrefix("#hush:version ") else { return nil }
        return Int(text.dropFirst("#hush:version ".count))
    }

    /// Splits a sealed file into body and trailer. `file` names it in errors.
    static func split(_ bytes: [UInt8], file: String) throws -> (body: [UInt8], trailer: Trailer) {
        let (bodyEnd, trailer) = try splitPoint(bytes, file: file)
        return (Array(bytes[..<bodyEnd]), trailer)
    }

    /// `split` without copying the body: where it ends (the trailer's first byte).
    static func splitPoint(_ bytes: [UInt8], file: String) throws -> (bodyEnd: Int, trailer: Trailer) {
        do {
            return try splitChecked(bytes, file: file)
        } catch {
            // git's own markers: a merge or rebase ran without the hush merge driver.
            if let line = ConflictMarkup.firstMarker(in: bytes) {
                throw HushError(
                    .integrity, "\(file):\(line): git merge conflict markers: this clone merged .secrets/ without the hush merge driver",
                    hint: "run `git merge --abort` (or `git rebase --abort`), then `hush git setup`, and merge again: the driver merges key by key")
            }
            throw error
        }
    }

    private static func splitChecked(_ bytes: [UInt8], file: String) throws -> (bodyEnd: Int, trailer: Trailer) {
        guard let (start, lines) = locate(bytes) else { throw notHush(file) }
        try checkVersion(lines[0], file: file)
        let trailer = try parse(lines, file: file, firstLine: { lineNumber(bytes, start) })
        // The parsed trailer must be the stored one byte for byte: one spelling per line.
        let rendered = trailer.renderAboveMAC() + trailer.renderSeal()
        guard rendered.count == bytes.count - start, rendered.elementsEqual(bytes[start...]) else {
            throw HushError(
                .integrity, "\(file): the #hush: lines are not in their canonical form (edited by hand?)",
                hint: "restore the file from git (git checkout -- \(file))")
        }
        try rejectMetadataInBody(bytes, end: start, file: file)
        return (start, trailer)
    }

    private static func checkVersion(_ line: ArraySlice<UInt8>, file: String) throws {
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("#hush:version "), let number = Int(text.dropFirst("#hush:version ".count)) else {
            throw HushError(
                .integrity, "\(file): the first #hush: line must be '#hush:version \(supportedVersion)'",
                hint: "the metadata lines were edited by hand or damaged; restore the file from git (git checkout -- \(file))")
        }
        if text == "#hush:version 1" {
            throw HushError(
                .integrity, "\(file) uses Hush format version 1, which this hush no longer reads",
                hint: "run `hush upgrade` once (it checks each file as version 1 and re-seals it as version 2), then commit")
        }
        guard number != supportedVersion || text == "#hush:version \(supportedVersion)" else {
            throw HushError(
                .integrity, "\(file): '\(text)' is not the canonical '#hush:version \(supportedVersion)' (edited by hand?)",
                hint: "restore the file from git (git checkout -- \(file))")
        }
        guard text == "#hush:version \(supportedVersion)" else {
            throw HushError(
                .integrity, "\(file) uses Hush format version \(number); this hush reads version \(supportedVersion)",
                hint: "upgrade hush to a release that supports format version \(number)")
        }
    }

    /// A `#hush:` line above the trailer would be read as metadata by one tool and as a
    /// comment by another: refused (§6).
    private static func rejectMetadataInBody(_ bytes: [UInt8], end: Int, file: String) throws {
        var lineStart = 0
        var line = 1
        while lineStart < end {
            if bytes[lineStart..<end].starts(with: linePrefix) {
                throw HushError(
                    .integrity, "\(file):\(line): a #hush: line above the metadata block (inserted by hand?)",
                    hint: "restore the file from git (git checkout -- \(file))")
            }
            guard let newline = Bytes.firstIndex(of: 0x0A, in: bytes, lineStart..<end) else { break }
            lineStart = newline + 1
            line += 1
        }
    }

    /// `firstLine` is only computed for an error message: counting lines costs a pass over the body.
    private static func parse(_ lines: [ArraySlice<UInt8>], file: String, firstLine: () -> Int) throws -> Trailer {
        var index = 1
        func fields(_ i: Int) -> (String, [Substring]) {
            let text = String(decoding: lines[i].dropFirst(linePrefix.count), as: UTF8.self)
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            return (String(parts.first ?? ""), Array(parts.dropFirst()))
        }
        func next(_ name: String) -> [Substring]? {
            guard index < lines.count, case let (found, value) = fields(index), found == name else { return nil }
            index += 1
            return value
        }
        func corrupt(_ what: String) -> HushError {
            HushError(
                .integrity, "\(file):\(firstLine() + index): \(what)",
                hint: "the metadata lines were edited by hand or damaged; restore the file from git (git checkout -- \(file))")
        }
        guard let seqField = next("seq"), seqField.count == 1, let seq = Int(seqField[0]), seq >= 1, seq < 1 << 53 else {
            throw corrupt("expected '#hush:seq N'")
        }
        guard let modified = next("modified"), modified.count == 1, isValidTime(modified[0]) else {
            throw corrupt("expected '#hush:modified TIME'")
        }
        var finalNewline = true
        if let value = next("final-newline") {
            guard value == ["no"] else { throw corrupt("expected '#hush:final-newline no'") }
            finalNewline = false
        }
        var wraps: [Wrap] = []
        while let value = next("recipient") {
            let isSSH = value.count == 4 && value[1] == "ssh-ed25519"
            guard value.count == 3 || isSSH, isValidName(value[0]),
                let wrapped = TokenBase64.decode(value[value.count - 1].utf8),
                wrapped.count == KeyDerivation.keyLength + KeyAgreement.sealOverhead
            else { throw corrupt("malformed '#hush:recipient NAME KEY WRAP' line") }
            let key = value[1..<(value.count - 1)].joined(separator: " ")
            guard Recipient.isCanonicalText(key) else { throw corrupt("the recipient key of \(value[0]) is not a valid, canonical key") }
            wraps.append(Wrap(name: String(value[0]), key: key, wrapped: wrapped))
        }
        guard !wraps.isEmpty else { throw corrupt("expected at least one '#hush:recipient' line") }
        guard wraps == canonicalOrder(wraps), Set(wraps.map { $0.name + " " + $0.key }).count == wraps.count else {
            throw corrupt("recipient lines are out of order or repeated")
        }
        var exposed: [Exposure] = []
        while let value = next("exposed") {
            let members = value.count == 4 ? value[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
            guard value.count == 4, isValidTime(value[0]), !members.isEmpty, members.allSatisfy(isValidName),
                members == Array(Set(members)).sorted(), (try? Token.parse(Array(value[2].utf8))) != nil, isCanonicalPath(value[3])
            else { throw corrupt("malformed '#hush:exposed TIME NAMES VALUE PATH' line") }
            exposed.append(Exposure(since: String(value[0]), members: members, value: Array(value[2].utf8), path: String(value[3])))
        }
        guard isSortedAndUnique(exposed.map(\.path)) else { throw corrupt("exposed lines are out of order or repeated") }
        var acks: [Acknowledgement] = []
        while let value = next("ack") {
            let reason = value.count >= 4 ? value[3...].joined(separator: " ") : ""
            guard value.count >= 4, isValidTime(value[0]), isValidName(value[1]), isCanonicalPath(value[2]), isValidReason(reason) else {
                throw corrupt("malformed '#hush:ack TIME NAME PATH REASON' line")
            }
            acks.append(Acknowledgement(time: String(value[0]), member: String(value[1]), path: String(value[2]), reason: reason))
        }
        var conflicts: [Conflict] = []
        while let value = next("conflict") {
            guard value.count == 3, value[0] == "ours" || value[0] == "theirs", value[1] == "-" || (try? Token.parse(Array(value[1].utf8))) != nil,
                isCanonicalPath(value[2])
            else { throw corrupt("malformed '#hush:conflict SIDE TOKEN PATH' line") }
            conflicts.append(Conflict(path: String(value[2]), side: String(value[0]), alternative: value[1] == "-" ? nil : Array(value[1].utf8)))
        }
        guard isSortedAndUnique(conflicts.map(\.path)) else { throw corrupt("conflict lines are out of order or repeated") }
        guard let macField = next("mac"), macField.count == 1, let mac = TokenBase64.decode(macField[0].utf8), mac.count == KeyedHash.outputLength
        else { throw corrupt("expected '#hush:mac MAC' after the other lines") }
        guard let sig = next("signature"), sig.count == 3, isValidName(sig[0]), let key = TokenBase64.decode(sig[1].utf8),
            key.count == Signing.publicKeyLength, let signature = TokenBase64.decode(sig[2].utf8), signature.count == Signing.signatureLength
        else { throw corrupt("expected '#hush:signature NAME KEY SIG' after the MAC: the file is unsigned") }
        guard index == lines.count else { throw corrupt("unexpected line after the signature") }
        return Trailer(
            seq: seq, modified: String(modified[0]), finalNewline: finalNewline, wraps: wraps, exposed: exposed, acks: acks, conflicts: conflicts,
            mac: mac, signature: Signature(name: String(sig[0]), publicKey: key, signature: signature))
    }

    static func isCanonicalPath(_ text: some StringProtocol) -> Bool {
        guard let path = try? KeyPath.parseNotation(String(text)) else { return false }
        return KeyPath.display(path) == text
    }

    /// An acknowledgement's reason: 1–200 bytes of UTF-8 without control characters.
    static func isValidReason(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 200 && !text.hasPrefix(" ") && !text.hasSuffix(" ")
            && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }

    private static func isSortedAndUnique(_ paths: [String]) -> Bool {
        zip(paths, paths.dropFirst()).allSatisfy { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func notHush(_ file: String) -> HushError {
        HushError(
            .integrity, "\(file) is not a sealed Hush file (no #hush: metadata at its end)",
            hint: "if it holds plaintext, import it with `hush encrypt FILE --env ENV`; if it was truncated, restore it from git")
    }

    private static func lineNumber(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
