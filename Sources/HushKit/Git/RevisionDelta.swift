/// The differences between two revisions of one file.
struct RevisionDelta {
    enum Kind { case added, changed, removed }

    /// Slot indices in the new and the old revision.
    struct Item {
        var kind: Kind
        var new: Int?
        var old: Int?
    }

    var items: [Item] = []
    /// The data key was replaced: no wrap of the old revision is in the new one.
    var rotated = false

    /// Compares `old` and `new` (nil: the file does not exist there). `changed`, from
    /// `FileRevision.successor`, lists the changed slots when the two share their structure;
    /// nil compares the slots.
    init(old: FileRevision?, new: FileRevision?, changed: [Int]? = nil) {
        let old = old?.problem == nil ? old : nil
        guard let new, new.problem == nil else {
            items = old.map { $0.slots.indices.map { Item(kind: .removed, new: nil, old: $0) } } ?? []
            return
        }
        guard let old else {
            items = new.slots.indices.map { Item(kind: .added, new: $0, old: nil) }
            return
        }
        if let oldWraps = old.trailer?.wraps, let newWraps = new.trailer?.wraps {
            let kept = Set(oldWraps.map(\.wrapped))
            rotated = !newWraps.contains { kept.contains($0.wrapped) }
        }
        if let changed {
            items = changed.map { Item(kind: .changed, new: $0, old: $0) }
            return
        }
        items = Self.compare(old, new)
    }

    /// Matches slots by path: first the runs at both ends where the paths line up (usually
    /// nearly all of them), then what is left in between through a dictionary. Paths are
    /// unique within a revision, so a path at the ends is in neither middle.
    private static func compare(_ old: FileRevision, _ new: FileRevision) -> [Item] {
        let a = old.slots, b = new.slots
        var items: [Item] = []
        var head = 0
        while head < a.count && head < b.count && a[head].path == b[head].path {
            if old.token(head) != new.token(head) { items.append(Item(kind: .changed, new: head, old: head)) }
            head += 1
        }
        var tail = 0
        var tailItems: [Item] = []
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail].path == b[b.count - 1 - tail].path {
            let i = a.count - 1 - tail, j = b.count - 1 - tail
            if old.token(i) != new.token(j) { tailItems.append(Item(kind: .changed, new: j, old: i)) }
            tail += 1
        }
        var oldIndex: [[PathComponent]: Int] = [:]
        for index in head..<(a.count - tail) { oldIndex[a[index].path] = index }
        for index in head..<(b.count - tail) {
            guard let previous = oldIndex.removeValue(forKey: b[index].path) else {
                items.append(Item(kind: .added, new: index, old: nil))
                continue
            }
            if old.token(previous) != new.token(index) { items.append(Item(kind: .changed, new: index, old: previous)) }
        }
        items += tailItems.reversed()
        let gone = Set(oldIndex.values)
        items += (head..<(a.count - tail)).filter(gone.contains).map { Item(kind: .removed, new: nil, old: $0) }
        return items
    }
}
