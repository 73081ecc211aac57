#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One revision of a sealed file, reduced to what history needs: the key path of every value
/// and where its token is. Tokens are compared as bytes: Hush keeps an unchanged value's token
/// byte for byte (docs/format.md §4.4), so a token changes exactly when its plaintext does, or
/// when the data key is replaced.
final class FileRevision {
    /// One leaf: its path and its token's place, as a line and a byte range within that line
    /// (quotes around a token excluded; empty for an unsealed empty value).
    struct Slot {
        var path: [PathComponent]
        var line: Int
        var offset: Int
        var length: Int
    }

    let bytes: [UInt8]
    let syntax: Syntax
    /// The environment this revision is read as (its MAC binds the name).
    var environment = ""
    /// nil when the revision is not a readable sealed file (see `problem`).
    let trailer: Trailer?
    /// Start offset of each body line, then the end of the body.
    let lineStarts: [Int]
    let slots: [Slot]
    /// Why the revision could not be read (not a Hush file, damaged trailer, bad syntax).
    let problem: String?
    /// Filled by the `ValueReader` that first looked at this revision, when values are shown.
    var opened: (reader: ObjectIdentifier, access: ValueReader.Access)?

    private init(bytes: [UInt8], syntax: Syntax, trailer: Trailer?, lineStarts: [Int], slots: [Slot], problem: String?) {
        self.bytes = bytes
        self.syntax = syntax
        self.trailer = trailer
        self.lineStarts = lineStarts
        self.slots = slots
        self.problem = problem
    }

    /// The token text of slot `index` (empty for an empty value).
    func token(_ index: Int) -> ArraySlice<UInt8> {
        let slot = slots[index]
        let start = lineStarts[slot.line] + slot.offset
        return bytes[start..<(start + slot.length)]
    }

    /// Reads a revision from scratch: trailer, then a full scan of the body.
    static func scan(_ bytes: [UInt8], syntax: Syntax, file: String) -> FileRevision {
        do {
            let (body, trailer) = try Trailer.split(bytes, file: file)
            let outline = try syntax.scan(body, file: file)
            let starts = lineStarts(bytes, end: body.count)
            let slots = self.slots(outline.leaves, at: 0, in: bytes, lines: starts)
            return FileRevision(bytes: bytes, syntax: syntax, trailer: trailer, lineStarts: starts, slots: slots, problem: nil)
        } catch let error as HushError {
            return unreadable(bytes, syntax: syntax, error.message)
        } catch {
            return unreadable(bytes, syntax: syntax, "\(error)")
        }
    }

    /// Slots for `leaves` found in a part of `bytes` that starts at offset `base`.
    private static func slots(_ leaves: [Leaf], at base: Int, in bytes: [UInt8], lines starts: [Int]) -> [Slot] {
        leaves.map { leaf -> Slot in
            var start = base + leaf.range.lowerBound
            var length = leaf.range.count
            if length >= 2, bytes[start] == 0x22 || bytes[start] == 0x27, bytes[start + length - 1] == bytes[start] {
                start += 1
                length -= 2
            }
            let line = lineIndex(of: start, in: starts)
            return Slot(path: leaf.path, line: line, offset: start - starts[line], length: length)
        }
    }

    private static func unreadable(_ bytes: [UInt8], syntax: Syntax, _ problem: String) -> FileRevision {
        FileRevision(bytes: bytes, syntax: syntax, trailer: nil, lineStarts: [0], slots: [], problem: problem)
    }

    /// The next revision, derived from this one with as little parsing as it can.
    ///
    /// When the two bodies have the same lines except for token text (each differing line
    /// holds exactly one value of this revision, and differs only in that value's token), every
    /// key path is unchanged and the differing lines are exactly the changed values: their slot
    /// indices are returned and nothing is parsed. Otherwise, in a dotenv file (where a line's
    /// key does not depend on the lines around it and a sealed value is one line), only the
    /// lines between the unchanged first and last lines are scanned, and `changed` is nil.
    /// Returns nil when neither applies (YAML keys added, removed or renamed, comments edited),
    /// and the caller scans the revision in full.
    func successor(_ next: [UInt8], file: String) -> (revision: FileRevision, changed: [Int]?)? {
        // The trailer alone is split (it is short), so the body is not copied or counted.
        guard problem == nil, let bodyEnd = Self.trailerStart(next), let (_, trailer) = try? Trailer.split(Array(next[bodyEnd...]), file: file)
        else { return nil }
        let starts = Self.lineStarts(next, end: bodyEnd)
        if let same = sameLines(next, starts, trailer) { return (same.revision, same.changed) }
        guard syntax == .dotenv, let spliced = splice(next, starts, trailer, file: file) else { return nil }
        return (spliced, nil)
    }

    /// Scans only the lines of `next` that differ from this revision's, keeping the slots of
    /// the equal lines at both ends (dotenv only).
    private func splice(_ next: [UInt8], _ starts: [Int], _ trailer: Trailer, file: String) -> FileRevision? {
        let oldCount = lineStarts.count - 1, newCount = starts.count - 1
        func equal(_ i: Int, _ j: Int) -> Bool {
            let a = lineStarts[i]..<lineStarts[i + 1], b = starts[j]..<starts[j + 1]
            return a.count == b.count
                && bytes.withUnsafeBufferPointer { old in
                    next.withUnsafeBufferPointer { memcmp(old.baseAddress! + a.lowerBound, $0.baseAddress! + b.lowerBound, a.count) == 0 }
                }
        }
        var head = 0
        while head < oldCount && head < newCount && equal(head, head) { head += 1 }
        var tail = 0
        while tail < oldCount - head && tail < newCount - head && equal(oldCount - 1 - tail, newCount - 1 - tail) { tail += 1 }
        let region = Array(next[starts[head]..<starts[newCount - tail]])
        // A byte order mark is skipped only at the very start of a file.
        guard head > 0 || !region.starts(with: [0xEF, 0xBB, 0xBF]), let outline = try? DotenvOutline.scan(region, file: file) else { return nil }
        let shift = newCount - oldCount
        var slots = self.slots.filter { $0.line < head }
        slots += Self.slots(outline.leaves, at: starts[head], in: next, lines: starts)
        slots += self.slots.filter { $0.line >= oldCount - tail }.map { slot in
            var moved = slot
            moved.line += shift
            return moved
        }
        return FileRevision(bytes: next, syntax: syntax, trailer: trailer, lineStarts: starts, slots: slots, problem: nil)
    }

    /// The shortcut for bodies that differ only in token text.
    private func sameLines(_ next: [UInt8], _ starts: [Int], _ trailer: Trailer) -> (revision: FileRevision, changed: [Int])? {
        guard starts.count == lineStarts.count else { return nil }
        var slots = self.slots
        var changed: [Int] = []
        var cursor = 0
        let same = bytes.withUnsafeBufferPointer { old in
            next.withUnsafeBufferPointer { new in
                for line in 0..<(starts.count - 1) {
                    let a = lineStarts[line], aCount = lineStarts[line + 1] - a
                    let b = starts[line], bCount = starts[line + 1] - b
                    while cursor < slots.count && slots[cursor].line < line { cursor += 1 }
                    if aCount == bCount && memcmp(old.baseAddress! + a, new.baseAddress! + b, aCount) == 0 { continue }
                    // One non-empty value on this line, and only its token differs.
                    guard cursor < slots.count, slots[cursor].line == line, slots[cursor].length > 0,
                        cursor + 1 == slots.count || slots[cursor + 1].line != line
                    else { return false }
                    let prefix = slots[cursor].offset
                    let suffix = aCount - prefix - slots[cursor].length
                    let length = bCount - prefix - suffix
                    guard length > 0, memcmp(old.baseAddress! + a, new.baseAddress! + b, prefix) == 0,
                        memcmp(old.baseAddress! + a + prefix + slots[cursor].length, new.baseAddress! + b + prefix + length, suffix) == 0,
                        Self.isTokenText(UnsafeBufferPointer(rebasing: new[(b + prefix)..<(b + prefix + length)]))
                    else { return false }
                    slots[cursor].length = length
                    changed.append(cursor)
                }
                return true
            }
        }
        guard same else { return nil }
        return (FileRevision(bytes: next, syntax: syntax, trailer: trailer, lineStarts: starts, slots: slots, problem: nil), changed)
    }

    /// `ENC[hush:…]` made only of characters a token uses, none of which (no space, quote or
    /// `#`) can change how the line around it parses.
    private static func isTokenText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.starts(with: Token.prefix), text.last == UInt8(ascii: "]") else { return false }
        return text.allSatisfy { byte in
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: ":"),
                UInt8(ascii: "["), UInt8(ascii: "]"):
                return true
            default:
                return false
            }
        }
    }

    /// Where the trailer starts: the first of the lines at the end that begin with `#hush:`.
    static func trailerStart(_ bytes: [UInt8]) -> Int? {
        guard bytes.last == 0x0A else { return nil }
        var start = bytes.count
        while start > 0 {
            var lineStart = start - 1
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            guard bytes[lineStart..<(start - 1)].starts(with: Trailer.linePrefix) else { break }
            start = lineStart
        }
        return start < bytes.count ? start : nil
    }

    /// Start offsets of the lines of `bytes[..<end]`, then `end`.
    static func lineStarts(_ bytes: [UInt8], end: Int) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < end, let found = memchr(base + offset, 0x0A, end - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        if starts.last != end { starts.append(end) }
        return starts
    }

    /// The line holding byte `offset`.
    private static func lineIndex(of offset: Int, in starts: [Int]) -> Int {
        var low = 0, high = starts.count - 2
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return max(low, 0)
    }
}
