extension YAMLScalar {
    /// The type a plain (unquoted) scalar has under the YAML 1.2 core schema.
    ///
    /// - null: empty, `~`, `null`, `Null`, `NULL`
    /// - bool: `true`, `True`, `TRUE`, `false`, `False`, `FALSE`
    /// - int: decimal digits with an optional sign, `0o` octal, `0x` hexadecimal
    /// - float: decimal with a fraction and/or exponent, `.inf`/`-.inf`/`+.inf` and `.nan`
    ///   in lower, capitalized and upper case
    /// - string: everything else
    ///
    /// Quoted and block scalars are always strings; this applies only to plain ones.
    public static func resolve(plain: some Collection<UInt8>) -> ValueType {
        if let type = plain.withContiguousStorageIfAvailable({ resolve($0) }) { return type }
        return Array(plain).withUnsafeBufferPointer { resolve($0) }
    }

    private static func resolve(_ s: UnsafeBufferPointer<UInt8>) -> ValueType {
        guard let first = s.first else { return .null }
        // Every non-string literal starts with one of these, so most strings exit here.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return resolveNumber(s)
        case UInt8(ascii: "~"):
            return s.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return matchesWord(s, "null") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matchesWord(s, "true") ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matchesWord(s, "false") ? .bool : .string
        default:
            return .string
        }
    }

    /// True for `word`, its capitalized form, or all upper case (the core schema's spellings).
    private static func matchesWord(_ s: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard s.count == word.utf8CodeUnitCount else { return false }
        let lower = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let upperFirst = s[0] == lower[0] &- 0x20
        guard s[0] == lower[0] || upperFirst else { return false }
        let allUpper = upperFirst && s.dropFirst().elementsEqual(lower.dropFirst().map { $0 &- 0x20 })
        return allUpper || s.dropFirst().elementsEqual(lower.dropFirst())
    }

    private static func resolveNumber(_ s: UnsafeBufferPointer<UInt8>) -> ValueType {
        var i = 0
        let n = s.count
        // 0o and 0x forms take no sign in the core schema.
        if n > 2, s[0] == UInt8(ascii: "0"), s[1] == UInt8(ascii: "o") {
            return s[2...].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) } ? .int : .string
        }
        if n > 2, s[0] == UInt8(ascii: "0"), s[1] == UInt8(ascii: "x") {
            return s[2...].allSatisfy(isHexDigit) ? .int : .string
        }
        if s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-") { i = 1 }
        let body = UnsafeBufferPointer(rebasing: s[i...])
        if body.count == 4, body[0] == UInt8(ascii: "."), matchesWord(UnsafeBufferPointer(rebasing: body[1...]), "inf") {
            return .float
        }
        if i == 0, n == 4, s[0] == UInt8(ascii: "."), matchesNaN(UnsafeBufferPointer(rebasing: s[1...])) {
            return .float
        }
        // [0-9]+ as int; otherwise ( \.[0-9]+ | [0-9]+(\.[0-9]*)? ) ([eE][-+]?[0-9]+)? as float.
        let intDigits = countDigits(s, from: &i)
        if i == n { return intDigits > 0 ? .int : .string }
        var fractionDigits = 0
        if s[i] == UInt8(ascii: ".") {
            i += 1
            fractionDigits = countDigits(s, from: &i)
        }
        guard intDigits > 0 || fractionDigits > 0 else { return .string }
        if i < n, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard countDigits(s, from: &i) > 0 else { return .string }
        }
        return i == n ? .float : .string
    }

    /// `nan`, `NaN` or `NAN` (the core schema's spellings, which differ from `matchesWord`).
    private static func matchesNaN(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        s.elementsEqual("nan".utf8) || s.elementsEqual("NaN".utf8) || s.elementsEqual("NAN".utf8)
    }

    private static func countDigits(_ s: UnsafeBufferPointer<UInt8>, from i: inout Int) -> Int {
        let start = i
        while i < s.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[i]) { i += 1 }
        return i - start
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }
}
