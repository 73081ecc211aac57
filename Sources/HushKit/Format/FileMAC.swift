/// The file MAC of docs/format.md §6: keyed BLAKE2b over the version label, every leaf's key path
/// and token in document order, and every trailer line but the MAC itself.
enum FileMAC {
    private static let label: [UInt8] = Array("hush:v1:mac".utf8)

    static func compute(leaves: [(path: [PathComponent], token: [UInt8])], lines: [String], keys: FileKeys) -> [UInt8] {
        var hash = KeyedHash(key: keys.macKey)
        hash.updateLengthPrefixed(label)
        hash.update(bigEndian(UInt32(leaves.count)))
        for leaf in leaves {
            hash.updateLengthPrefixed(KeyPath.encode(leaf.path))
            hash.updateLengthPrefixed(leaf.token)
        }
        hash.update(bigEndian(UInt32(lines.count)))
        for line in lines { hash.updateLengthPrefixed(Array(line.utf8)) }
        return hash.finalize()
    }

    private static func bigEndian(_ n: UInt32) -> [UInt8] {
        [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
    }
}
