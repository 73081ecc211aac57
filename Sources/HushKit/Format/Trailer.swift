/// The `#hush:` lines at the end of a sealed file (docs/format.md §6). Parsing is strict: the
/// parsed trailer must render back to exactly the stored bytes, so every line has one spelling.
struct Trailer {
    /// One recipient's wrapped copy of the data key.
    struct Wrap: Equatable {
        var name: String
        /// Canonical recipient text (`age1…` or `ssh-ed25519 BASE64`).
        var key: String
        var wrapped: [UInt8]

        var line: String { "#hush:recipient \(name) \(key) \(TokenBase64.encode(wrapped))" }
    }

    /// A value that a former recipient could read: it must be changed at its source. The mark
    /// holds the value itself (sealed, not bound to a path) so that it follows the value (§6.1).
    struct Exposure: Equatable {
        /// When the first of `members` lost access (UTC, as `modified`).
        var since: String
        /// The recipient names that held the data key, sorted, without repeats.
        var members: [String]
        /// The sealed value (token text).
        var value: [UInt8]
        /// Where the value is, or was last (§4 notation).
        var path: String

        var line: String { "#hush:exposed \(since) \(members.joined(separator: ",")) \(String(decoding: value, as: UTF8.self)) \(path)" }
    }

    /// An exposure acknowledged as not secret: a permanent record (§6.2).
    struct Acknowledgement: Equatable {
        var time: String
        var member: String
        var path: String
        var reason: String

        var line: String { "#hush:ack \(time) \(member) \(path) \(reason)" }
    }

    /// A key two merged branches set differently: the file holds one side's value and this
    /// records the other (sealed like a value, bound to the same path), for `hush edit`.
    struct Conflict: Equatable {
        /// The key path (§4 notation).
        var path: String
        /// Which side `alternative` comes from: `ours` or `theirs`.
        var side: String
        /// The other side's token text, or nil when that side deleted the key.
        var alternative: [UInt8]?

        var line: String {
            "#hush:conflict \(side) \(alternative.map { String(decoding: $0, as: UTF8.self) } ?? "-") \(path)"
        }
    }

    /// The writer's signature (§7.2).
    struct Signature: Equatable {
        var name: String
        var publicKey: [UInt8]
        var signature: [UInt8]

        var line: String { "#hush:signature \(name) \(TokenBase64.encode(publicKey)) \(TokenBase64.encode(signature))" }
    }

    static let supportedVersion = 2
    static let linePrefix: [UInt8] = Array("#hush:".utf8)

    var seq: Int
    var modified: String
    var finalNewline: Bool
    var wraps: [Wrap]
    /// Sorted by path, bytewise; one mark per path.
    var exposed: [Exposure] = []
    /// In the order written.
    var acks: [Acknowledgement] = []
    /// Sorted by path, bytewise; one per path.
    var conflicts: [Conflict] = []
    var mac: [UInt8] = []
    var signature: Signature?

    /// Every trailer line above the MAC, in file order: part of what the digest covers.
    var linesAboveMAC: [String] {
        var lines = ["#hush:version \(Self.supportedVersion)", "#hush:seq \(seq)", "#hush:modified \(modified)"]
        if !finalNewline { lines.append("#hush:final-newline no") }
        lines += wraps.map(\.line)
        lines += exposed.map(\.line)
        lines += acks.map(\.line)
        lines += conflicts.map(\.line)
        return lines
    }

    /// The lines above the MAC as bytes, each ending in `\n`.
    func renderAboveMAC() -> [UInt8] {
        var out: [UInt8] = []
        for line in linesAboveMAC {
            out += Array(line.utf8)
            out.append(0x0A)
        }
        return out
    }

    /// The MAC and signature lines.
    func renderSeal() -> [UInt8] {
        var text = "#hush:mac \(TokenBase64.encode(mac))\n"
        if let signature { text += signature.line + "\n" }
        return Array(text.utf8)
    }

    /// Sorts wraps as the format requires: by name, then key, bytewise.
    static func canonicalOrder(_ wraps: [Wrap]) -> [Wrap] {
        wraps.sorted { a, b in
            a.name == b.name
                ? Array(a.key.utf8).lexicographicallyPrecedes(Array(b.key.utf8))
                : Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8))
        }
    }

    /// Recipient names: `[A-Za-z0-9][A-Za-z0-9._-]*`.
    static func isValidName(_ name: some StringProtocol) -> Bool {
        let bytes = Array(name.utf8)
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard let first = bytes.first, alnum(first) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, digits where digits go.
    static func isValidTime(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        let pattern = Array("0000-00-00T00:00:00Z".utf8)
        guard bytes.count == pattern.count else { return false }
        return zip(bytes, pattern).allSatisfy { b, p in p == UInt8(ascii: "0") ? (b >= 0x30 && b <= 0x39) : b == p }
    }
}
