/// Text made safe to show people: Unicode bidirectional controls written out as `\u{202E}`.
///
/// A key name (or any text from a sealed file) with U+202E RIGHT-TO-LEFT OVERRIDE or its
/// relatives reorders what a terminal, a diff view or a review tool displays, so that a line
/// reads differently from what it is ("Trojan Source"). Escaping them where text is printed for
/// people keeps every character visible. Output that other programs read back (decrypt, export,
/// the trailer) is never passed through here.
public enum TerminalSafe {
    /// U+061C ARABIC LETTER MARK, U+200E/U+200F LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK,
    /// U+202A–U+202E (embeddings, overrides, POP DIRECTIONAL FORMATTING) and U+2066–U+2069
    /// (isolates, POP DIRECTIONAL ISOLATE).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with each bidirectional control written as `\u{XXXX}` (four upper-case hex digits).
    public static func escape(_ text: String) -> String {
        // Every such control is encoded in UTF-8 starting with D8 or E2: most text has neither.
        guard text.utf8.contains(where: { $0 == 0xD8 || $0 == 0xE2 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) {
                out.append(contentsOf: escaped(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `escape` for bytes that are mostly, but maybe not entirely, UTF-8 (a document shown by
    /// `hush git textconv`): the controls' UTF-8 sequences are replaced and every other byte,
    /// invalid sequences included, is kept as it is.
    public static func escape(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 == 0xD8 || $0 == 0xE2 }) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            if let (scalar, length) = bidiControl(in: bytes, at: i) {
                out += Array(escaped(scalar).utf8)
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// The bidirectional control whose UTF-8 encoding starts at `i`, and that encoding's length.
    private static func bidiControl(in bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[i]
        if lead == 0xD8, i + 1 < bytes.count, bytes[i + 1] == 0x9C { return ("\u{061C}", 2) }
        guard lead == 0xE2, i + 2 < bytes.count, bytes[i + 1] & 0xFE == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { return nil }
        let value = 0x2000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        guard let scalar = Unicode.Scalar(value), isBidiControl(scalar) else { return nil }
        return (scalar, 3)
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
    }
}
