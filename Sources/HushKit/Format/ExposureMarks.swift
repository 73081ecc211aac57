/// How exposed marks carry over from one version of a file to the next (docs/format.md §6.1):
/// a mark belongs to a value, not to a key, so it follows the value through renames and
/// unset-then-set, and goes only when the key that held it gets another value, or by an
/// acknowledgement.
struct ExposureMarks {
    /// A mark being carried: the value it is about, and the token it had (kept when possible).
    struct Entry {
        var since: String
        var members: Set<String>
        var type: ValueType
        var raw: [UInt8]
        var path: String
        var token: [UInt8]?
    }

    private(set) var entries: [Entry] = []

    /// Carries the marks of `previous` onto a document whose non-empty leaves are `values`
    /// ((display path, type, raw) in document order) and whose leaf paths (empty ones included)
    /// are `paths`.
    init(previous: [OpenedFile.Mark], values: [(path: String, type: ValueType, raw: [UInt8])], paths: Set<String>) {
        var firstHolder: [ValueKey: String] = [:]
        for value in values where firstHolder[ValueKey(value.type, value.raw)] == nil {
            firstHolder[ValueKey(value.type, value.raw)] = value.path
        }
        var byValue: [ValueKey: Int] = [:]
        for mark in previous {
            let key = ValueKey(mark.type, mark.raw)
            var path = mark.exposure.path
            if let holder = firstHolder[key] {
                path = holder
            } else if paths.contains(path) {
                continue  // the key that held the value now holds another: changed at its source
            }
            let entry = Entry(
                since: mark.exposure.since, members: Set(mark.exposure.members), type: mark.type, raw: mark.raw, path: path, token: mark.exposure.value)
            if let i = byValue[key] {
                entries[i].members.formUnion(entry.members)
                entries[i].since = min(entries[i].since, entry.since)
            } else {
                byValue[key] = entries.count
                entries.append(entry)
            }
        }
        index = byValue
    }

    private var index: [ValueKey: Int]

    /// Marks the value `raw` (held first at `path`) as readable by `names` since `now`; a value
    /// already marked keeps its time and gains the names.
    mutating func expose(path: String, type: ValueType, raw: [UInt8], names: [String], now: String) {
        let key = ValueKey(type, raw)
        if let i = index[key] {
            entries[i].members.formUnion(names)
            entries[i].token = nil
        } else {
            index[key] = entries.count
            entries.append(Entry(since: now, members: Set(names), type: type, raw: raw, path: path, token: nil))
        }
    }

    /// Removes the mark of the value `raw`; returns false when it was not marked.
    mutating func acknowledge(type: ValueType, raw: [UInt8]) -> Bool {
        guard let i = index[ValueKey(type, raw)] else { return false }
        entries.remove(at: i)
        index = [:]
        for (n, entry) in entries.enumerated() { index[ValueKey(entry.type, entry.raw)] = n }
        return true
    }

    /// The trailer lines: sealed under `keys` (a mark's token is kept when `reuse` and it did not
    /// change), sorted by path, one per path.
    func lines(keys: FileKeys, reuse: Bool, nonce: (() -> [UInt8])?) -> [Trailer.Exposure] {
        var seen = Set<String>()
        return entries.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }.compactMap { entry in
            guard seen.insert(entry.path).inserted else { return nil }
            let token =
                (reuse ? entry.token : nil)
                ?? Array(Token.seal(raw: entry.raw, type: entry.type, binding: .exposed, keys: keys, nonce: nonce?()).text.utf8)
            return Trailer.Exposure(since: entry.since, members: entry.members.sorted(), value: token, path: entry.path)
        }
    }

    /// A value's identity: its type letter and raw text.
    private struct ValueKey: Hashable {
        var type: UInt8
        var raw: [UInt8]
        init(_ type: ValueType, _ raw: [UInt8]) {
            self.type = type.rawValue
            self.raw = raw
        }
    }
}
