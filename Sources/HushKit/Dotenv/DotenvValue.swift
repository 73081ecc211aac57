/// Writing dotenv values and checking dotenv names.
public enum DotenvValue {
    typealias B = DotenvBytes

    /// The source text for `value` on a `NAME=` line, such that scanning it gives `value` back,
    /// and such that python-dotenv, Node's `util.parseEnv` and docker compose read the same
    /// value wherever their rules allow it (docs/dotenv.md lists where they cannot agree).
    ///
    /// - A non-empty value made only of ASCII letters, digits and `_ - . / : @ + , = % ^ ~` is
    ///   written unquoted. Brackets are not in that set, so a value that looks like a sealed
    ///   token (`ENC[...]`) is quoted and cannot be mistaken for one.
    /// - A value of those characters and backslashes that ends in a backslash is unquoted too:
    ///   python-dotenv misreads a quoted value that ends in one.
    /// - Otherwise single quotes, when the value has no `'`, no line break, no `\\` and does not
    ///   end in `\`: every loader takes the bytes between single quotes as they are (python-dotenv
    ///   decodes `\\` and `\'` there, Node does not, so those stay out), and Hush and docker
    ///   compose expand no `${VAR}` in them.
    /// - Otherwise double quotes, the value on one line: `"` as `\"`, line feed and carriage
    ///   return as `\n` and `\r`, a backslash doubled only where the next character would make
    ///   an escape for some loader (or it ends the value), `${` as `\${` so that it starts no
    ///   reference; tabs, other `$` and non-ASCII text as they are.
    ///
    /// The empty value is `""`, which is explicit where a bare `NAME=` looks like a forgotten value.
    public static func render(_ value: String) -> [UInt8] {
        let utf8 = value.utf8
        if !utf8.isEmpty, utf8.allSatisfy(isSafeUnquoted) {
            return Array(utf8)
        }
        // python-dotenv's quoted-value patterns take a final `\\"` or `\\'` for an escaped quote
        // and read on to the next quote in the file; unquoted, every loader keeps the backslashes.
        if utf8.last == B.backslash, utf8.allSatisfy({ isSafeUnquoted($0) || $0 == B.backslash }) {
            return Array(utf8)
        }
        if !utf8.isEmpty, fitsSingleQuotes(Array(utf8)) {
            return [B.singleQuote] + Array(utf8) + [B.singleQuote]
        }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 2)
        out.append(B.doubleQuote)
        for (i, byte) in bytes.enumerated() {
            let next = i + 1 < bytes.count ? bytes[i + 1] : nil
            switch byte {
            case B.doubleQuote:
                out += [B.backslash, byte]
            case B.lineFeed:
                out += [B.backslash, 0x6E]  // n
            case B.carriageReturn:
                out += [B.backslash, 0x72]  // r
            case B.backslash where next.map(isEscapeLetter) ?? true:
                out += [B.backslash, byte]
            case B.dollar where next == UInt8(ascii: "{"):
                out += [B.backslash, byte]
            default:
                out.append(byte)
            }
        }
        out.append(B.doubleQuote)
        return out
    }

    /// True when `bytes` read the same between single quotes for every loader.
    static func fitsSingleQuotes(_ bytes: [UInt8]) -> Bool {
        if bytes.last == B.backslash { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case B.singleQuote, B.lineFeed, B.carriageReturn: return false
            case B.backslash where previous == B.backslash: return false
            default: break
            }
            previous = byte
        }
        return true
    }

    /// A byte that makes an escape after a backslash in a double-quoted value for Hush, python-
    /// dotenv or docker compose: `\\ ' " $ a b f n r t v`.
    static func isEscapeLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case B.backslash, B.singleQuote, B.doubleQuote, B.dollar, UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "v"):
            return true
        default:
            return false
        }
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
