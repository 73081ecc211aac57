#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-string helpers for hot paths (opening a 10,000-value file), where the generic
/// `elementsEqual` and `firstIndex(of:)` on an `ArraySlice` cost several instructions a byte;
/// these use the C library's vectorised `memcmp` and `memchr`.
enum Bytes {
    /// True when `a` and `b` hold the same bytes. Not constant-time: for public text only
    /// (token text, file structure), never for comparing secrets or MACs (those are compared
    /// in constant time in Crypto/).
    static func equal(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !b.isEmpty else { return true }
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    /// The index of the first `byte` in `bytes[range]`, or nil.
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress! + range.lowerBound
            guard let hit = memchr(base, Int32(byte), range.count) else { return nil }
            return range.lowerBound + (UnsafeRawPointer(hit) - UnsafeRawPointer(base))
        }
    }
}
