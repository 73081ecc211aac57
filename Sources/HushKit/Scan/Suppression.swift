#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inline suppression markers: on the finding's line `hush:allow`, `gitleaks:allow` or
/// `pragma: allowlist secret` (detect-secrets); on the line before, `hush:allow-next-line` or
/// `pragma: allowlist nextline secret`.
enum Suppression {
    private static let sameLine = ["gitleaks:allow", "pragma: allowlist secret"].map { Array($0.utf8) }
    private static let nextLine = ["hush:allow-next-line", "pragma: allowlist nextline secret"].map { Array($0.utf8) }
    private static let allow = Array("hush:allow".utf8)
    private static let nextSuffix = Array("-next-line".utf8)

    static func applies(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let start = ScanEngine.lineStart(bytes, before: offset)
        let end = ScanEngine.lineEnd(bytes, from: offset)
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if sameLine.contains(where: { find($0, in: line) != nil }) { return true }
        // `hush:allow`, but not as the start of `hush:allow-next-line`.
        var from = 0
        while let at = find(allow, in: UnsafeBufferPointer(rebasing: line[from...])) {
            let after = from + at + allow.count
            if !ScanEngine.equal(line, at: after, nextSuffix) { return true }
            from = after
        }
        guard start > 0 else { return false }
        let previousStart = ScanEngine.lineStart(bytes, before: start - 1)
        let previous = UnsafeBufferPointer(rebasing: bytes[previousStart..<(start - 1)])
        return nextLine.contains { find($0, in: previous) != nil }
    }

    /// Offset of `needle` (not empty) in `haystack`.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first, haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
            i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if ScanEngine.equal(haystack, at: i, needle) { return i }
            i += 1
        }
        return nil
    }
}
