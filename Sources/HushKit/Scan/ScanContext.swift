/// Context checks the engine applies to every rule's match, after the rule's own checks.
///
/// - A match whose secret is a reference to a value kept elsewhere (`${DB_PASSWORD}`,
///   `$TOKEN`, `{{ .Values.token }}`, `%API_KEY%`, `$(cat key)`, `#{secret}`, `<%= … %>`) is
///   not a finding: there is no literal to leak.
/// - In documentation (Markdown, reStructuredText, AsciiDoc), a secret inside a URL
///   (`https://example.com/docs?token=…`, a link target) is lowered one confidence level: such
///   URLs are mostly examples, but a real token pasted into a link is still worth a look.
///   A `low` finding there is dropped.
enum ScanContext {
    /// File name endings of documentation formats (compared case-insensitively).
    static let documentationSuffixes = [".md", ".markdown", ".mdown", ".mkd", ".mdx", ".rst", ".rest", ".adoc", ".asciidoc"]

    static func isDocumentation(_ path: String) -> Bool {
        let lower = path.lowercased()
        return documentationSuffixes.contains { lower.hasSuffix($0) }
    }

    /// True when `secret` is a reference: an interpolation (`${…}`, `{{…}}`, `$(…)`, `#{…}`,
    /// `%(…)`, `<%…%>`) or a sigil and an identifier (`$NAME`, `%NAME%`).
    static func isReference(_ secret: UnsafeBufferPointer<UInt8>) -> Bool {
        guard secret.count >= 2 else { return false }
        let (a, b) = (secret[0], secret[1])
        switch (a, b) {
        case (UInt8(ascii: "$"), UInt8(ascii: "{")), (UInt8(ascii: "$"), UInt8(ascii: "(")), (UInt8(ascii: "{"), UInt8(ascii: "{")),
            (UInt8(ascii: "#"), UInt8(ascii: "{")), (UInt8(ascii: "%"), UInt8(ascii: "(")), (UInt8(ascii: "<"), UInt8(ascii: "%")):
            return true
        default: break
        }
        guard a == UInt8(ascii: "$") || a == UInt8(ascii: "%") else { return false }
        var name = UnsafeBufferPointer(rebasing: secret[1...])
        if a == UInt8(ascii: "%") {
            guard name.last == UInt8(ascii: "%") else { return false }
            name = UnsafeBufferPointer(rebasing: name[..<(name.count - 1)])
        }
        guard let first = name.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }
    }

    private static let schemeSeparator = Array("://".utf8)

    /// True when the byte at `offset` is part of a URL: walking back on its line, `://` comes
    /// before any space, quote, bracket or angle bracket (the characters that end a URL in
    /// prose, Markdown links and reStructuredText or AsciiDoc link syntax).
    static func insideURL(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var i = min(offset, bytes.count)
        let floor = max(0, offset - 2048)
        while i > floor {
            let byte = bytes[i - 1]
            switch byte {
            case 0x0A, 0x0D, 0x09, 0x20, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"):
                return false
            case UInt8(ascii: "/"):
                if i >= 3, ScanEngine.equal(bytes, at: i - 3, schemeSeparator) { return true }
            default: break
            }
            i -= 1
        }
        return false
    }

    /// The confidence of a match of a rule with `confidence` at `offset` (for a decoded secret,
    /// its encoded segment's start; `inURL`: it was inside a URL in the decoded text): lowered
    /// one level inside a URL when the file is documentation; nil when that leaves nothing to report.
    static func confidence(
        _ confidence: ScanConfidence, documentation: Bool, bytes: UnsafeBufferPointer<UInt8>, at offset: Int, inURL: Bool = false
    ) -> ScanConfidence? {
        guard documentation, inURL || insideURL(bytes, at: offset) else { return confidence }
        return confidence == .low ? nil : confidence.lowered
    }
}
