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

    private static let table: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, char) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8.enumerated() {
            table[Int(char)] = UInt8(value)
        }
        return table
    }()

    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        if let result = text.withContiguousStorageIfAvailable({ decode($0) }) { return result }
        return Array(text).withUnsafeBufferPointer { decode($0) }
    }

    private static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 != 1 else { return nil }
        let outputCount = text.count * 3 / 4
        var valid = true
        var leftover: UInt32 = 0
        let out = [UInt8](unsafeUninitializedCapacity: outputCount) { buffer, initialized in
            table.withUnsafeBufferPointer { table in
                var accumulator: UInt32 = 0
                var bits: UInt32 = 0
                var written = 0
                for char in text {
                    let value = table[Int(char)]
                    if value == invalid {
                        valid = false
                        break
                    }
                    accumulator = (accumulator << 6) | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        buffer[written] = UInt8(truncatingIfNeeded: accumulator >> bits)
                        written += 1
                    }
                }
                // Leftover bits (2 or 4) must be zero for the encoding to be canonical.
                leftover = accumulator & ((1 << bits) - 1)
                initialized = written
            }
        }
        guard valid, leftover == 0, out.count == outputCount else { return nil }
        return out
    }

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        Sodium.base64Encode(bytes)
    }
}
