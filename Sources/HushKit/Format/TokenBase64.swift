/// Base64url without padding (RFC 4648 §5) for the public parts of a sealed file: token
/// payloads, wrapped data keys and the MAC.
///
/// Why not libsodium's codec: its decoder is constant-time, which costs about 90 instructions
/// a character and was the largest single cost of opening a 10,000-value file. Constant time
/// protects secret text; this text is ciphertext that is committed to git, so a table lookup
/// is safe. Secret material (SSH private keys) still goes through `Sodium.base64Decode`.
///
/// Decoding is strict and accepts exactly what `Sodium.base64Encode(_:)` writes: no padding,
/// no white space, no character outside the alphabet, no length of 1 mod 4, and unused bits
/// of the last character must be zero, so every byte string has one encoding.
enum TokenBase64 {
    private static let invalid: UInt8 = 0xFF

    /// Character to value, `invalid` elsewhere. Allocated once and never freed, so that threads
    /// decoding side by side do not retain and release one shared array for every token.
    nonisolated(unsafe) private static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: invalid, count: 256)
        for (value, char) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8.enumerated() {
            table[Int(char)] = UInt8(value)
        }
        return UnsafePointer(table)
    }()

    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        if let result = text.withContiguousStorageIfAvailable({ decode($0) }) { return result }
        return Array(text).withUnsafeBufferPointer { decode($0) }
    }

    /// The number of bytes `decode` gives, nil where it gives nil, without an array for them:
    /// the same checks, the bytes decoded into scratch space (on the stack when small).
    static func decodedCount(_ text: some Collection<UInt8>) -> Int? {
        if let result = text.withContiguousStorageIfAvailable({ decodedCount($0) }) { return result }
        return Array(text).withUnsafeBufferPointer { decodedCount($0) }
    }

    private static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let outputCount = outputCount(text.count) else { return nil }
        var valid = true
        let out = [UInt8](unsafeUninitializedCapacity: outputCount) { buffer, initialized in
            valid = decode(text, into: buffer)
            initialized = valid ? outputCount : 0
        }
        guard valid, out.count == outputCount else { return nil }
        return out
    }

    private static func decodedCount(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let outputCount = outputCount(text.count) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: outputCount) { decode(text, into: $0) } ? outputCount : nil
    }

    /// The decoded length of `count` characters; nil for a length of 1 mod 4.
    private static func outputCount(_ count: Int) -> Int? {
        let tail = count % 4
        return tail == 1 ? nil : count / 4 * 3 + (tail == 0 ? 0 : tail - 1)
    }

    /// Decodes `text` into `buffer` (room for at least `outputCount` bytes); false for text
    /// that is not canonical base64url.
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let tail = text.count % 4
        var valid = true
        // Four characters make three bytes; `invalid` (0xFF) has the top bits that no
        // alphabet value (< 64) has, so one test per quad catches any bad character.
        var i = 0
        var w = 0
        let full = text.count - tail
        while i < full {
            let a = table[Int(text[i])], b = table[Int(text[i + 1])]
            let c = table[Int(text[i + 2])], d = table[Int(text[i + 3])]
            if (a | b | c | d) & 0xC0 != 0 {
                valid = false
                break
            }
            let n = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
            buffer[w] = UInt8(truncatingIfNeeded: n >> 16)
            buffer[w + 1] = UInt8(truncatingIfNeeded: n >> 8)
            buffer[w + 2] = UInt8(truncatingIfNeeded: n)
            i += 4
            w += 3
        }
        if valid, tail > 0 {
            // 2 characters carry 1 byte and 4 unused bits, 3 carry 2 bytes and 2 unused
            // bits; the unused bits must be zero for the encoding to be canonical.
            let a = table[Int(text[i])], b = table[Int(text[i + 1])]
            let c = tail == 3 ? table[Int(text[i + 2])] : 0
            if (a | b | c) & 0xC0 != 0 {
                valid = false
            } else {
                let n = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
                buffer[w] = UInt8(truncatingIfNeeded: n >> 16)
                w += 1
                if tail == 3 {
                    buffer[w] = UInt8(truncatingIfNeeded: n >> 8)
                    w += 1
                    if n & 0xFF != 0 { valid = false }
                } else if n & 0xFFFF != 0 {
                    valid = false
                }
            }
        }
        return valid && w == outputCount(text.count)
    }

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        Sodium.base64Encode(bytes)
    }
}
