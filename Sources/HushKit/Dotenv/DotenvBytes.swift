/// The byte classes of the dotenv grammar.
///
/// The scanner works on UTF-8 bytes rather than `Character`s: every byte that matters to the
/// grammar is ASCII, and a multi-byte UTF-8 sequence never contains an ASCII byte, so values in
/// any script pass through untouched and scanning stays linear and allocation-free.
enum DotenvBytes {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let singleQuote: UInt8 = 0x27
    static let equals: UInt8 = 0x3D
    static let backslash: UInt8 = 0x5C
    static let underscore: UInt8 = 0x5F

    /// The UTF-8 byte order mark some Windows editors put at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes of the `export` keyword, compared without building a `String`.
    static let export: [UInt8] = Array("export".utf8)

    /// Space or tab: the only white space inside a line. Other control characters are not
    /// white space, so a stray form feed is reported instead of silently skipped.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// First byte of a name: `[A-Za-z_]`.
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == underscore
    }

    /// Any later byte of a name: `[A-Za-z0-9_]`.
    @inline(__always)
    static func isNameContinue(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore
    }

    @inline(__always)
    static func isQuote(_ byte: UInt8) -> Bool {
        byte == singleQuote || byte == doubleQuote
    }
}
