/// Bech32 (BIP-173, the original checksum constant 1, not Bech32m) as age uses it for
/// `age1…` recipients and `AGE-SECRET-KEY-1…` identities.
///
/// Unlike BIP-173 there is no 90-character limit: age dropped it (from v1.1.0) so that plugin
/// recipients and identities, which can be much longer, use the same encoding. The keys Hush
/// itself reads are far below it anyway (an `age1…` recipient is 62 characters, an
/// `AGE-SECRET-KEY-1…` identity 74), so the limit would protect nothing here.
///
/// Decoding works on bytes of the input and wipes its intermediate arrays, because the same
/// code decodes secret keys.
enum Bech32 {
    /// Why a string is not valid Bech32. Descriptions never quote the input, which may be a
    /// secret key.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case mixedCase
        /// No `1` separator, or an empty human-readable part before it.
        case missingSeparator
        case emptyHumanReadablePart
        /// A character outside printable ASCII in the human-readable part (0-based position).
        case invalidHumanReadableCharacter(position: Int)
        /// A character outside the Bech32 alphabet in the data part (0-based position).
        case invalidDataCharacter(position: Int)
        /// Fewer than the 6 checksum characters after the separator.
        case tooShort
        case badChecksum
        /// The data part does not convert to whole bytes (more than 4 padding bits, or non-zero ones).
        case badPadding

        var description: String {
            switch self {
            case .mixedCase: return "mixes upper and lower case"
            case .missingSeparator: return "has no '1' separator"
            case .emptyHumanReadablePart: return "has nothing before the '1' separator"
            case .invalidHumanReadableCharacter(let p): return "has an invalid character at position \(p + 1)"
            case .invalidDataCharacter(let p): return "has a character outside the Bech32 alphabet at position \(p + 1)"
            case .tooShort: return "is too short to hold a checksum"
            case .badChecksum: return "has a bad checksum (mistyped or truncated?)"
            case .badPadding: return "does not decode to whole bytes"
            }
        }
    }

    private static let alphabet = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    /// Reverse of `alphabet` for lowercase ASCII; -1 marks characters outside it.
    private static let alphabetIndex: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, char) in alphabet.enumerated() { table[Int(char)] = Int8(value) }
        return table
    }()

    /// Encodes `data` under `hrp`. An all-uppercase `hrp` gives an all-uppercase string (as age
    /// writes `AGE-SECRET-KEY-1…`); the checksum is always computed over the lowercase form.
    static func encode(hrp: String, data: [UInt8]) -> String {
        var words = convertBits(data, from: 8, to: 5, pad: true)!
        defer { Sodium.wipe(&words) }
        return encode(hrp: hrp, words: words)
    }

    /// Encodes 5-bit `words` (each 0...31) under `hrp`; the BIP-173 test vectors are at this level.
    static func encode(hrp: String, words: [UInt8]) -> String {
        let lowerHRP = Array(hrp.lowercased().utf8)
        precondition(!lowerHRP.isEmpty && lowerHRP.allSatisfy { (33...126).contains($0) }, "invalid Bech32 HRP")
        let upper = hrp == hrp.uppercased() && hrp != hrp.lowercased()
        // Built in one byte array, cased in place and wiped: the words may be a secret key.
        var out = lowerHRP + [UInt8(ascii: "1")]
        out.reserveCapacity(out.count + words.count + 6)
        for word in words { out.append(alphabet[Int(word)]) }
        for word in checksum(hrp: lowerHRP, words: words) { out.append(alphabet[Int(word)]) }
        defer { Sodium.wipe(&out) }
        if upper {
            for i in out.indices where (0x61...0x7A).contains(out[i]) { out[i] &= ~0x20 }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `text` into its lowercase human-readable part and its data bytes.
    static func decode(_ text: some StringProtocol) throws(Failure) -> (hrp: String, data: [UInt8]) {
        var (hrp, words) = try decodeWords(text)
        defer { Sodium.wipe(&words) }
        guard let data = convertBits(words, from: 5, to: 8, pad: false) else { throw .badPadding }
        return (hrp, data)
    }

    /// Decodes `text` into its lowercase human-readable part and 5-bit data words (checksum removed).
    static func decodeWords(_ text: some StringProtocol) throws(Failure) -> (hrp: String, words: [UInt8]) {
        var bytes = Array(text.utf8)
        defer { Sodium.wipe(&bytes) }
        let hasLower = bytes.contains { (0x61...0x7A).contains($0) }
        let hasUpper = bytes.contains { (0x41...0x5A).contains($0) }
        guard !(hasLower && hasUpper) else { throw .mixedCase }
        // Lowercase ASCII letters only; anything else non-printable is rejected below.
        for i in bytes.indices where (0x41...0x5A).contains(bytes[i]) { bytes[i] |= 0x20 }

        guard let separator = bytes.lastIndex(of: UInt8(ascii: "1")) else { throw .missingSeparator }
        guard separator > 0 else { throw .emptyHumanReadablePart }
        let hrp = Array(bytes[..<separator])
        if let bad = hrp.firstIndex(where: { !(33...126).contains($0) }) {
            throw .invalidHumanReadableCharacter(position: bad)
        }
        var words: [UInt8] = []
        words.reserveCapacity(bytes.count - separator - 1)
        for i in (separator + 1)..<bytes.count {
            let c = bytes[i]
            guard c < 128, alphabetIndex[Int(c)] >= 0 else {
                Sodium.wipe(&words)
                throw .invalidDataCharacter(position: i)
            }
            words.append(UInt8(alphabetIndex[Int(c)]))
        }
        guard words.count >= 6 else { Sodium.wipe(&words); throw .tooShort }
        guard polymod(expand(hrp), words) == 1 else { Sodium.wipe(&words); throw .badChecksum }
        words.removeLast(6)
        return (String(decoding: hrp, as: UTF8.self), words)
    }

    // MARK: - BIP-173 internals

    /// The BCH checksum state over `parts` in order; taking parts avoids concatenating
    /// (and so copying) secret words.
    private static func polymod(_ parts: [UInt8]...) -> UInt32 {
        let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var chk: UInt32 = 1
        for part in parts {
            for v in part {
                let top = chk >> 25
                chk = (chk & 0x1ff_ffff) << 5 ^ UInt32(v)
                for i in 0..<5 where (top >> i) & 1 == 1 { chk ^= generator[i] }
            }
        }
        return chk
    }

    /// The HRP's high bits, a zero, then its low bits: what BIP-173 feeds the checksum.
    private static func expand(_ hrp: [UInt8]) -> [UInt8] {
        hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
    }

    private static func checksum(hrp: [UInt8], words: [UInt8]) -> [UInt8] {
        let mod = polymod(expand(hrp), words, [0, 0, 0, 0, 0, 0]) ^ 1
        return (0..<6).map { UInt8((mod >> (5 * (5 - UInt32($0)))) & 31) }
    }

    /// Regroups bits; with `pad == false` (decoding) leftover bits must be fewer than `from`
    /// and all zero, so every byte string has exactly one encoding. Returns nil otherwise.
    private static func convertBits(_ data: [UInt8], from: Int, to: Int, pad: Bool) -> [UInt8]? {
        var acc: UInt32 = 0
        var bits = 0
        let maxValue: UInt32 = (1 << to) - 1
        var out: [UInt8] = []
        out.reserveCapacity(data.count * from / to + 1)
        for value in data {
            acc = (acc << from | UInt32(value)) & 0xFFFF
            bits += from
            while bits >= to {
                bits -= to
                out.append(UInt8((acc >> bits) & maxValue))
            }
        }
        if pad {
            if bits > 0 { out.append(UInt8((acc << (to - bits)) & maxValue)) }
        } else if bits >= from || (acc << (to - bits)) & maxValue != 0 {
            Sodium.wipe(&out)
            return nil
        }
        return out
    }
}
