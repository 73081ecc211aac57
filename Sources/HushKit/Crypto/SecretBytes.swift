internal import CSodium

/// Secret key material held in memory that libsodium guards and zeroes when freed.
///
/// Data keys, derived subkeys and identity secret keys live here instead of in `[UInt8]`, so
/// that no copy is left behind in freed heap memory: the buffer comes from `sodium_malloc`
/// (guard pages, `mlock` where allowed) and `sodium_free` zeroes it on release.
public final class SecretBytes: @unchecked Sendable {
    // Never mutated after init, so sharing across threads is safe.
    let pointer: UnsafeMutableRawBufferPointer

    /// Allocates `count` bytes and lets `fill` write them.
    init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        Sodium.ensureInitialized()
        guard let raw = sodium_malloc(count) else {
            fatalError("hush: out of memory allocating secret buffer")
        }
        pointer = UnsafeMutableRawBufferPointer(start: raw, count: count)
        do {
            try fill(pointer)
        } catch {
            sodium_free(raw)
            throw error
        }
    }

    /// Copies `bytes` in and zeroes the caller's array.
    convenience init(consuming bytes: inout [UInt8]) {
        // Read `bytes` in place: a second reference (`let source = bytes`) would make the
        // buffer shared, and `Sodium.wipe` would then zero a copy-on-write copy instead.
        self.init(count: bytes.count) { buffer in
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        }
        Sodium.wipe(&bytes)
    }

    deinit {
        sodium_free(pointer.baseAddress)
    }

    /// The number of bytes.
    public var count: Int { pointer.count }

    /// Read access to the secret bytes; do not let them escape the closure.
    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(pointer))
    }

    /// Constant-time comparison.
    public func isEqual(to other: SecretBytes) -> Bool {
        count == other.count && sodium_memcmp(pointer.baseAddress, other.pointer.baseAddress, count) == 0
    }

    /// A fresh copy of these bytes in an ordinary array; the caller must `Sodium.wipe` it.
    func copyBytes() -> [UInt8] {
        Array(UnsafeRawBufferPointer(pointer))
    }
}
