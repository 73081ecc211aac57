/// Writing scalars into YAML source, and reading the type of plain scalars.
public enum YAMLScalar {
    /// Source text for `value` placed on one line after `key: ` or `- ` in block context, or
    /// as an item or value of a flow collection when `inFlow` is true.
    ///
    /// A `.string` is written plain when that is safe and reads back as the same string,
    /// otherwise double-quoted with escapes. Other types are written plain when `value` is a
    /// literal of that type (`.null` with an empty value gives empty text, so the caller may
    /// drop the space after the colon); otherwise the value falls back to a quoted string.
    public static func render(_ value: String, as type: ValueType, inFlow: Bool = false) -> [UInt8] {
        if type == .string {
            return isPlainSafe(value, inFlow: inFlow) ? Array(value.utf8) : doubleQuoted(value)
        }
        return resolve(plain: value.utf8) == type ? Array(value.utf8) : doubleQuoted(value)
    }

    /// Source text for a mapping key: plain when safe and read back as the same string,
    /// otherwise double-quoted. YAML limits implicit keys to 1024 characters.
    public static func renderKey(_ key: String) -> [UInt8] {
        // `<<` is a merge key for YAML 1.1 readers, which would not see it as a plain key.
        isPlainSafe(key) && key != "<<" ? Array(key.utf8) : doubleQuoted(key)
    }

    /// True when `text` can be written as a plain scalar that every common YAML reader
    /// (1.2 core schema and 1.1) reads back as this same string.
    static func isPlainSafe(_ text: String, inFlow: Bool = false) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        // Indicators cannot start a plain scalar (or change its meaning), and leading or
        // trailing spaces would be trimmed; a final `:` would turn it into a key.
        if indicators.contains(first) || first == UInt8(ascii: " ") { return false }
        if last == UInt8(ascii: " ") || last == UInt8(ascii: ":") { return false }
        if resolve(plain: utf8) != .string || looksLikeYAML11Literal(utf8) { return false }
        // A sealed value must never be mistaken for a token, nor a key for a document marker.
        for prefix in ["ENC[hush:", "---", "..."] where text.hasPrefix(prefix) { return false }
        var previous: UInt8 = 0
        for b in utf8 {
            // In a flow collection these end the scalar.
            if inFlow && flowIndicators.contains(b) { return false }
            // `: ` starts a mapping value and ` #` a comment.
            if previous == UInt8(ascii: ":") && b == UInt8(ascii: " ") { return false }
            if previous == UInt8(ascii: " ") && b == UInt8(ascii: "#") { return false }
            previous = b
        }
        return text.unicodeScalars.allSatisfy { !needsEscape($0) }
    }

    /// Words and numbers YAML 1.1 readers (PyYAML, older Ruby) would not read as strings:
    /// yes/no/on/off/y/n booleans, and anything number-like such as `0777`, `1_000`, `1:30`.
    private static func looksLikeYAML11Literal(_ utf8: String.UTF8View) -> Bool {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        var iterator = utf8.makeIterator()
        let first = iterator.next()!
        if digits.contains(first) { return true }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".") {
            if let second = iterator.next(), digits.contains(second) || second == UInt8(ascii: ".") { return true }
        }
        return yaml11Words.contains(String(decoding: utf8, as: UTF8.self))
    }

    private static let yaml11Words: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF", "=",
    ]

    /// Characters that start a YAML token or are reserved, and so cannot start a plain scalar.
    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    private static let flowIndicators: Set<UInt8> = Set(",[]{}".utf8)

    /// Characters a double-quoted scalar must escape: quote, backslash, and everything
    /// libyaml does not accept raw or would read as a line break.
    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x5C: true
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// `text` as a double-quoted scalar on one line.
    static func doubleQuoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                UTF8.encode(scalar) { out.append($0) }
                continue
            }
            switch scalar {
            case "\"": out.append(contentsOf: #"\""#.utf8)
            case "\\": out.append(contentsOf: #"\\"#.utf8)
            case "\n": out.append(contentsOf: #"\n"#.utf8)
            case "\t": out.append(contentsOf: #"\t"#.utf8)
            default: out.append(contentsOf: unicodeEscape(scalar.value))
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = Array(#"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
        return out
    }
}
