/// The data model as JSON text (`--format json`).
extension DataValue {
    /// JSON text: mappings as objects (in order), sequences as arrays, typed scalars as JSON
    /// literals where JSON has them. Non-finite floats and timestamps are strings (their text),
    /// `!!binary` is its base64 text.
    func json() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    private func render(into out: inout String) {
        switch self {
        case .mapping(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                out += JSONTree.quote(entry.key) + ":"
                entry.value.render(into: &out)
            }
            out += "}"
        case .sequence(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.render(into: &out)
            }
            out += "]"
        case .scalar(let s):
            out += s.jsonLiteral()
        }
    }
}

extension DataScalar {
    /// The scalar as a JSON literal.
    func jsonLiteral() -> String {
        switch kind {
        case .null: return "null"
        case .bool: return text.lowercased() == "true" ? "true" : "false"
        case .int: return Self.decimal(text).map { $0 } ?? JSONTree.quote(text)
        case .float:
            if let d = Double(text), d.isFinite { return Self.floatText(d) }
            return JSONTree.quote(text)
        case .string, .timestamp, .binary: return JSONTree.quote(text)
        }
    }

    /// A finite double as JSON: the shortest text that reads back as it, always with a
    /// fraction or exponent so that it stays a float.
    private static func floatText(_ d: Double) -> String {
        let text = String(d)
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// The decimal text of a YAML 1.2 core-schema integer of any size (`0x`, `0o`, sign).
    static func decimal(_ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix: UInt32 = 10
        if bytes.starts(with: Array("0x".utf8)) {
            radix = 16
            bytes = bytes.dropFirst(2)
        } else if bytes.starts(with: Array("0o".utf8)) {
            radix = 8
            bytes = bytes.dropFirst(2)
        }
        guard !bytes.isEmpty else { return nil }
        // Little-endian limbs of 10^9.
        var limbs: [UInt32] = [0]
        for b in bytes {
            guard let digit = Character(Unicode.Scalar(b)).hexDigitValue, UInt32(digit) < radix else { return nil }
            var carry = UInt64(digit)
            for i in limbs.indices {
                let v = UInt64(limbs[i]) * UInt64(radix) + carry
                limbs[i] = UInt32(v % 1_000_000_000)
                carry = v / 1_000_000_000
            }
            while carry > 0 {
                limbs.append(UInt32(carry % 1_000_000_000))
                carry /= 1_000_000_000
            }
        }
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        var out = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            out += String(repeating: "0", count: 9 - part.count) + part
        }
        return negative && out != "0" ? "-" + out : out
    }
}
