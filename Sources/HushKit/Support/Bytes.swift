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

    /// True when `bytes` starts with the UTF-8 of `prefix`. A static string is used where several
    /// threads compare the same prefix: unlike a `static let` array, it is not reference counted.
    static func starts(_ bytes: ArraySlice<UInt8>, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, prefix.utf8Start, count) == 0 }
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

    /// The index of the first `byte` in `buffer[start...]`, or nil.
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress else { return nil }
        return memchr(base + start, Int32(byte), buffer.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
    }

    /// True when `text` holds `byte` (`memchr` over the UTF-8 of a native string; the generic
    /// `utf8.contains` costs a call per byte, which showed in `hush exec` of 10,000 values).
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? text.utf8.contains(byte)
    }

    /// True when `text` holds `first` directly followed by `second`.
    static func contains(_ first: UInt8, followedBy second: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { buffer in
            guard var at = buffer.baseAddress else { return false }
            let end = at + buffer.count
            while at < end, let hit = memchr(at, Int32(first), end - at) {
                let next = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
                if next < end, next.pointee == second { return true }
                at = next
            }
            return false
        } ?? zip(text.utf8, text.utf8.dropFirst()).contains { $0 == (first, second) }
    }

    /// Copies the UTF-8 of `text` to `destination`; returns the number of bytes.
    static func copy(_ text: String, to destination: UnsafeMutablePointer<CChar>) -> Int {
        if let count = text.utf8.withContiguousStorageIfAvailable({ buffer -> Int in
            if let base = buffer.baseAddress { memcpy(destination, base, buffer.count) }
            return buffer.count
        }) {
            return count
        }
        var count = 0
        for byte in text.utf8 {
            destination[count] = CChar(bitPattern: byte)
            count += 1
        }
        return count
    }
}
