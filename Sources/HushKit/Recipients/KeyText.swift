/// Line handling shared by recipient and identity files, and the recognisers that let every
/// parser spot a private key before it could end up quoted or stored somewhere public.
enum KeyText {
    /// One line of a key file with surrounding white space removed.
    struct Line {
        /// 1-based line number.
        var number: Int
        /// 1-based byte column where `text` starts, for `HushError.syntax`.
        var column: Int
        var text: Substring

        /// Blank lines and `#` comment lines carry no key.
        var isBlankOrComment: Bool { text.isEmpty || text.first == "#" }
    }

    /// The lines of `text`, trimmed. Splits on `\n` bytes rather than Characters because Swift
    /// treats `\r\n` as one Character, and files written on Windows must still split.
    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        for (index, raw) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            // A byte order mark some editors add at the start of the file is not content.
            if index == 0, line.first == "\u{FEFF}" { line = line.dropFirst() }
            let leading = line.prefix { $0.isWhitespace }
            let column = text.utf8.distance(from: line.startIndex, to: leading.endIndex) + 1
            result.append(Line(number: index + 1, column: column, text: trimmed(line)))
        }
        return result
    }

    static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return text[text.endIndex...] }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        return text[first...last]
    }

    /// Space- or tab-separated fields of a trimmed line.
    static func fields(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// Whether `text` starts like a private key or contains one: an age identity (also a
    /// plugin's), a PEM or OpenSSH private key block, or the body of an OpenSSH private key
    /// pasted without its armor (base64 of `openssh-key-v1`). Used to refuse such text without
    /// echoing it, even inside comments of a file that is meant to be public.
    static func looksLikePrivateKey(_ text: Substring) -> Bool {
        let head = text.prefix(20).uppercased()
        if head.hasPrefix("AGE-SECRET-KEY-") || head.hasPrefix("AGE-PLUGIN-") { return true }
        if text.hasPrefix("b3BlbnNzaC1rZXktdjE") { return true }
        return containsPrivateKeyMarker(text)
    }

    /// Whether `text` holds an age secret key or a private key armor anywhere, case
    /// insensitively. Comments are checked too: a commented-out secret is still published.
    /// A bare mention such as `AGE-SECRET-KEY-1…` is not a key: at least 10 Bech32 characters
    /// must follow.
    static func containsPrivateKeyMarker(_ text: Substring) -> Bool {
        let upper = text.uppercased()
        if upper.contains("PRIVATE KEY-----") || text.contains("b3BlbnNzaC1rZXktdjE") { return true }
        let bech32Upper = Set("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")
        return upper.ranges(of: "AGE-SECRET-KEY-1").contains { range in
            upper[range.upperBound...].prefix(10).filter { bech32Upper.contains($0) }.count == 10
        }
    }
}
