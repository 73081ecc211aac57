/// Writing dotenv values and checking dotenv names.
public enum DotenvValue {
    typealias B = DotenvBytes

    /// The source text for `value` on a `NAME=` line, such that scanning it gives `value` back.
    ///
    /// A non-empty value made only of ASCII letters, digits and `_ - . / : @ + , = % ^ ~` is
    /// written unquoted. Anything else is double-quoted, with `\`, `"` and `$` escaped and line
    /// feeds, carriage returns and tabs written as `\n`, `\r` and `\t`, so the value stays on
    /// one line, and `$` cannot start an expansion in tools that expand variables. Other
    /// characters, including non-ASCII text, are written as they are. The empty value is `""`,
    /// which is explicit where a bare `NAME=` looks like a forgotten value.
    ///
    /// Brackets are not in the unquoted set, so a value that looks like a sealed token
    /// (`ENC[...]`) is quoted and cannot be mistaken for one.
    public static func render(_ value: String) -> [UInt8] {
        let utf8 = value.utf8
        if !utf8.isEmpty, utf8.allSatisfy(isSafeUnquoted) {
            return Array(utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 2)
        out.append(B.doubleQuote)
        for byte in utf8 {
            switch byte {
            case B.backslash, B.doubleQuote, B.dollar:
                out.append(B.backslash)
                out.append(byte)
            case B.lineFeed:
                out.append(B.backslash)
                out.append(0x6E)  // n
            case B.carriageReturn:
                out.append(B.backslash)
                out.append(0x72)  // r
            case B.tab:
                out.append(B.backslash)
                out.append(0x74)  // t
            default:
                out.append(byte)
            }
        }
        out.append(B.doubleQuote)
        return out
    }

    /// Whether `name` can be assigned in a dotenv file: an ASCII letter or `_`, then ASCII
    /// letters, digits and `_` (`[A-Za-z_][A-Za-z0-9_]*`), which is also what shells accept.
    public static func isValidName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard let first = utf8.first, B.isNameStart(first) else { return false }
        return utf8.dropFirst().allSatisfy(B.isNameContinue)
    }

    /// Bytes that are written unquoted. The set is small on purpose: nothing the grammar treats
    /// specially (blanks, `#`, quotes, backslash), no `$`, no brackets (tokens use them), none
    /// of the characters shells glob or split on, and no control or non-ASCII bytes.
    static func isSafeUnquoted(_ byte: UInt8) -> Bool {
        if B.isLetter(byte) || B.isDigit(byte) { return true }
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"),
            UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: ","),
            UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: "^"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
