/// The keys of one mapping, to report a duplicate with the place of its first definition.
///
/// Most mappings hold a handful of keys, and comparing against a short list is much
/// cheaper than hashing into a dictionary that grows step by step; larger mappings switch
/// to a dictionary so that scanning stays linear.
struct YAMLKeyTable {
    private static let listLimit = 16
    private var list: [(key: String, offset: Int)] = []
    private var table: [String: Int] = [:]

    /// Records `key` found at byte `offset`; returns the offset of an earlier equal key.
    mutating func insert(_ key: String, at offset: Int) -> Int? {
        if list.count < Self.listLimit {
            for entry in list where entry.key == key { return entry.offset }
            list.append((key, offset))
            return nil
        }
        if table.isEmpty {
            table.reserveCapacity(Self.listLimit * 8)
            for entry in list { table[entry.key] = entry.offset }
        }
        return table.updateValue(offset, forKey: key)
    }
}
