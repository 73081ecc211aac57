/// Where `ScanDecoding` decodes: the run of encoded characters around a trigger.
extension ScanDecoding {
    /// The value of a base64 character in either alphabet, or 255.
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (i, c) in standard.enumerated() { table[Int(c)] = UInt8(i) }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Where to decode for a trigger whose literal is `literal` in `bytes`: the windows to try,
    /// in order, and where the run of encoded characters around it ends (to skip the rest of a
    /// run that is not text). A run starts at `done` at the earliest (the end of the segment
    /// decoded before). Nil when the run is shorter than `minimumSegment`.
    ///
    /// Base64 is tried from the start of its run (where a value starts after `key: ` or `"`),
    /// then aligned on the literal's 4-character group when that differs (a name glued to the
    /// value, as in `key_QUtJQ…`, or a run longer than the look-back).
    static func segment(_ bytes: UnsafeBufferPointer<UInt8>, literal: Range<Int>, trigger: Trigger, after done: Int = 0) -> (
        windows: [Range<Int>], runEnd: Int
    )? {
        let floor = max(done, literal.lowerBound - maximumSegment / 4)
        let ceiling = min(bytes.count, literal.upperBound + maximumSegment)
        switch trigger.kind {
        case .base64:
            var start = literal.lowerBound
            while start > floor && values[Int(bytes[start - 1])] != 255 { start -= 1 }
            var end = literal.upperBound
            while end < ceiling && values[Int(bytes[end])] != 255 { end += 1 }
            // Wrapped base64 (as `base64` prints it, 76 to a line) continues on the lines around.
            // Every line but the last has the same width.
            let (lineRun, lineEnd) = (start, end)
            var width: Int?
            var last = lineRun
            while let next = wrappedLine(bytes, from: last, after: end, ceiling: ceiling), width == nil || width == end - last {
                width = end - last
                last = lineRunStart(bytes, before: next, floor: end)
                end = next
            }
            while let previous = wrappedLine(bytes, before: start, floor: floor), width == nil || width == previous.count {
                width = previous.count
                start = previous.lowerBound
            }
            var runEnd = end
            while runEnd < bytes.count && runEnd - end < 2 && bytes[runEnd] == UInt8(ascii: "=") { runEnd += 1 }
            // Tried in order: the whole run; its part on the literal's line; that part aligned
            // on the literal's 4-character group (not when the literal starts the run in a
            // phase that needs characters before it).
            var candidates = [start..<end]
            if start != lineRun || end != lineEnd { candidates.append(lineRun..<lineEnd) }
            let group = literal.lowerBound - trigger.phase
            let aligned = lineRun + ((group - lineRun) % 4 + 4) % 4
            if aligned != lineRun && aligned <= group { candidates.append(aligned..<lineEnd) }
            let windows = candidates.filter { $0.count >= minimumSegment }.map { $0.lowerBound..<min($0.upperBound, $0.lowerBound + maximumSegment) }
            return windows.isEmpty ? nil : (windows, runEnd)
        case .url:
            var start = literal.lowerBound
            while start > floor && isURLByte(bytes[start - 1]) { start -= 1 }
            var end = literal.upperBound
            while end < ceiling && isURLByte(bytes[end]) { end += 1 }
            guard end - start >= minimumSegment else { return nil }
            return ([start..<min(end, start + maximumSegment)], end)
        }
    }

    /// Shortest line of wrapped base64 (`base64` wraps at 76, PEM at 64).
    static let wrappedLineMinimum = 40

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// A run `from ..< end` that fills its line with a multiple of 4 characters, when the next
    /// line (after its indentation) goes on with base64: the end of that line's run.
    static func wrappedLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, after end: Int, ceiling: Int) -> Int? {
        guard end - start >= wrappedLineMinimum, (end - start) % 4 == 0 else { return nil }
        var i = end
        if i < ceiling && bytes[i] == 0x0D { i += 1 }
        guard i < ceiling, bytes[i] == 0x0A else { return nil }
        i += 1
        while i < ceiling && isBlank(bytes[i]) { i += 1 }
        var next = i
        while next < ceiling && values[Int(bytes[next])] != 255 { next += 1 }
        return next > i ? next : nil
    }

    /// When the run starting at `start` begins its line (after indentation) and the line
    /// before ends with a run of a multiple of 4 characters (at least `wrappedLineMinimum`):
    /// that run.
    static func wrappedLine(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int, floor: Int) -> Range<Int>? {
        var i = start
        while i > floor && isBlank(bytes[i - 1]) { i -= 1 }
        guard i > floor, bytes[i - 1] == 0x0A else { return nil }
        i -= 1
        if i > floor && bytes[i - 1] == 0x0D { i -= 1 }
        let end = i
        while i > floor && values[Int(bytes[i - 1])] != 255 { i -= 1 }
        return end - i >= wrappedLineMinimum && (end - i) % 4 == 0 ? i..<end : nil
    }

    /// The start of the run of base64 characters that ends at `end`, not before `floor`.
    static func lineRunStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, floor: Int) -> Int {
        var i = end
        while i > floor && values[Int(bytes[i - 1])] != 255 { i -= 1 }
        return i
    }

    /// Bytes a percent-encoded value is made of: letters, digits and the URL punctuation that
    /// does not end a quoted string, a Markdown link or a sentence's white space.
    static func isURLByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "%"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: ":"),
            UInt8(ascii: "@"), UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "!"), UInt8(ascii: "$"),
            UInt8(ascii: "*"), UInt8(ascii: ","), UInt8(ascii: ";"):
            return true
        default:
            return false
        }
    }
}
