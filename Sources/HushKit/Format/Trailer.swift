/// The `#hush:` lines at the end of a sealed file (docs/format.md §5).
struct Trailer {
    /// One recipient's wrapped copy of the data key.
    struct Wrap: Equatable {
        var name: String
        /// Recipient text as written (`age1…` or `ssh-ed25519 BASE64`).
        var key: String
        var wrapped: [UInt8]

        var line: String { "#hush:recipient \(name) \(key) \(TokenBase64.encode(wrapped))" }
    }

    /// A value that a former recipient could read: it must be changed at its source.
    /// `hush set` of a new value (any change of its plaintext) clears the mark.
    struct Exposure: Equatable {
        /// The value's key path in `KeyPath.display` form (one line, printable).
        var path: String
        /// When the first of `members` lost access (UTC, as `modified`).
        var since: String
        /// The recipient names that held the data key, sorted, without repeats.
        var members: [String]

        var line: String { "#hush:exposed \(since) \(members.joined(separator: ",")) \(path)" }
    }

    /// A key two merged branches set differently: the file holds one side's value and this
    /// records the other (sealed like a value, bound to the same path), for `hush edit`.
    struct Conflict: Equatable {
        /// The key path in `KeyPath.display` form.
        var path: String
        /// Which side `alternative` comes from: `ours` or `theirs`.
        var side: String
        /// The other side's token text, or nil when that side deleted the key.
        var alternative: [UInt8]?

        var line: String {
            "#hush:conflict \(side) \(alternative.map { String(decoding: $0, as: UTF8.self) } ?? "-") \(path)"
        }
    }

    static let supportedVersion = 1
    static let linePrefix: [UInt8] = Array("#hush:".utf8)

    var modified: String
    var finalNewline: Bool
    var wraps: [Wrap]
    /// Sorted by path, bytewise; one mark per path.
    var exposed: [Exposure] = []
    /// Sorted by path, bytewise; one per path.
    var conflicts: [Conflict] = []
    var mac: [UInt8]

    /// Every trailer line except the MAC line, in file order: what the MAC covers.
    var authenticatedLines: [String] {
        var lines = ["#hush:version \(Self.supportedVersion)", "#hush:modified \(modified)"]
        if !finalNewline { lines.append("#hush:final-newline no") }
        lines += wraps.map(\.line)
        lines += exposed.map(\.line)
        lines += conflicts.map(\.line)
        return lines
    }

    func render() -> [UInt8] {
        var out: [UInt8] = []
        for line in authenticatedLines + ["#hush:mac \(TokenBase64.encode(mac))"] {
            out += Array(line.utf8)
            out.append(0x0A)
        }
        return out
    }

    /// Sorts wraps as the format requires: by name, then key, bytewise.
    static func canonicalOrder(_ wraps: [Wrap]) -> [Wrap] {
        wraps.sorted { a, b in
            a.name == b.name
                ? Array(a.key.utf8).lexicographicallyPrecedes(Array(b.key.utf8))
                : Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8))
        }
    }

    /// Splits a sealed file into body and trailer. `file` names it in errors.
    static func split(_ bytes: [UInt8], file: String) throws -> (body: [UInt8], trailer: Trailer) {
        // Walk back over whole lines that start with "#hush:".
        guard bytes.last == 0x0A else { throw notHush(file) }
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
        guard !lines.isEmpty else { throw notHush(file) }
        lines.reverse()
        return (Array(bytes[..<start]), try parse(lines, file: file, firstLine: { lineNumber(bytes, start) }))
    }

    /// `firstLine` is only computed for an error message: counting lines costs a pass over the body.
    private static func parse(_ lines: [ArraySlice<UInt8>], file: String, firstLine: () -> Int) throws -> Trailer {
        var index = 0
        func fields(_ i: Int) -> (String, [Substring]) {
            let text = String(decoding: lines[i].dropFirst(linePrefix.count), as: UTF8.self)
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            return (String(parts.first ?? ""), Array(parts.dropFirst()))
        }
        func corrupt(_ what: String) -> HushError {
            HushError(
                .integrity, "\(file):\(firstLine() + index): \(what)",
                hint: "the metadata lines were edited by hand or damaged; restore the file from git (git checkout -- \(file))")
        }
        let (first, version) = fields(0)
        guard first == "version", version.count == 1, let number = Int(version[0]) else { throw corrupt("the first #hush: line must be '#hush:version 1'") }
        guard number == supportedVersion else {
            throw HushError(
                .integrity, "\(file) uses Hush format version \(number); this hush reads version \(supportedVersion)",
                hint: "upgrade hush to a release that supports format version \(number)")
        }
        index = 1
        guard index < lines.count, case let (name, value) = fields(index), name == "modified", value.count == 1 else {
            throw corrupt("expected '#hush:modified TIME'")
        }
        let modified = String(value[0])
        index += 1
        var finalNewline = true
        if index < lines.count, case let (name, value) = fields(index), name == "final-newline" {
            guard value == ["no"] else { throw corrupt("expected '#hush:final-newline no'") }
            finalNewline = false
            index += 1
        }
        var wraps: [Wrap] = []
        while index < lines.count, case let (name, value) = fields(index), name == "recipient" {
            guard value.count == 3 || value.count == 4, isValidName(value[0]),
                let wrapped = TokenBase64.decode(value[value.count - 1].utf8),
                wrapped.count == KeyDerivation.keyLength + KeyAgreement.sealOverhead
            else { throw corrupt("malformed '#hush:recipient NAME KEY WRAP' line") }
            wraps.append(Wrap(name: String(value[0]), key: value[1..<(value.count - 1)].joined(separator: " "), wrapped: wrapped))
            index += 1
        }
        guard !wraps.isEmpty else { throw corrupt("expected at least one '#hush:recipient' line") }
        guard wraps == canonicalOrder(wraps), Set(wraps.map { $0.name + " " + $0.key }).count == wraps.count else {
            throw corrupt("recipient lines are out of order or repeated")
        }
        var exposed: [Exposure] = []
        while index < lines.count, case let (name, value) = fields(index), name == "exposed" {
            let members = value.count >= 3 ? value[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
            guard value.count >= 3, !value[0].isEmpty, !members.isEmpty, members.allSatisfy(isValidName), members == Array(Set(members)).sorted(),
                case let path = value[2...].joined(separator: " "), !path.isEmpty
            else { throw corrupt("malformed '#hush:exposed SINCE MEMBERS KEY' line") }
            exposed.append(Exposure(path: path, since: String(value[0]), members: members))
            index += 1
        }
        guard zip(exposed, exposed.dropFirst()).allSatisfy({ Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }) else {
            throw corrupt("exposed lines are out of order or repeated")
        }
        var conflicts: [Conflict] = []
        while index < lines.count, case let (name, value) = fields(index), name == "conflict" {
            guard value.count >= 3, value[0] == "ours" || value[0] == "theirs", value[1] == "-" || value[1].hasPrefix("ENC["),
                case let path = value[2...].joined(separator: " "), !path.isEmpty
            else { throw corrupt("malformed '#hush:conflict SIDE TOKEN KEY' line") }
            conflicts.append(Conflict(path: path, side: String(value[0]), alternative: value[1] == "-" ? nil : Array(value[1].utf8)))
            index += 1
        }
        guard zip(conflicts, conflicts.dropFirst()).allSatisfy({ Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }) else {
            throw corrupt("conflict lines are out of order or repeated")
        }
        guard index == lines.count - 1, case let (name, value) = fields(index), name == "mac", value.count == 1,
            let mac = TokenBase64.decode(value[0].utf8), mac.count == KeyedHash.outputLength
        else { throw corrupt("expected '#hush:mac MAC' as the last line") }
        return Trailer(modified: modified, finalNewline: finalNewline, wraps: wraps, exposed: exposed, conflicts: conflicts, mac: mac)
    }

    /// Recipient names: `[A-Za-z0-9][A-Za-z0-9._-]*`.
    static func isValidName(_ name: some StringProtocol) -> Bool {
        let bytes = Array(name.utf8)
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard let first = bytes.first, alnum(first) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    private static func notHush(_ file: String) -> HushError {
        HushError(
            .integrity, "\(file) is not a sealed Hush file (no #hush: metadata at its end)",
            hint: "if it holds plaintext, import it with `hush encrypt FILE --env ENV`; if it was truncated, restore it from git")
    }

    private static func lineNumber(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
