import Dispatch

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Order-preserving parallel map for the per-value work of opening a large file (parsing and
/// decrypting 10,000 tokens), which is independent per value. Small inputs stay on the calling
/// thread: below `minimum` items, starting threads costs more than it saves.
enum Parallel {
    /// Online CPUs, at most 8 (the work is memory-light; more threads only add start-up).
    static let threads: Int = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    /// `(0..<count).map(body)`, in contiguous chunks on up to `threads` threads. `body` must be
    /// safe to call concurrently (read-only captures). When calls throw, the error of the lowest
    /// index is rethrown, as the sequential map would, so messages do not depend on timing.
    static func map<T>(_ count: Int, minimum: Int = 2048, _ body: (Int) throws -> T) throws -> [T] {
        let chunks = count >= minimum ? min(threads, count / (minimum / 2)) : 1
        guard chunks > 1 else { return try (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        var failures = [(index: Int, error: any Error)?](repeating: nil, count: chunks)
        try withoutActuallyEscaping(body) { body in
            results.withUnsafeMutableBufferPointer { out in
                failures.withUnsafeMutableBufferPointer { failed in
                    // Each chunk writes only its own slots of `out` and its own `failed` entry.
                    let shared = Unchecked((out, failed, body))
                    DispatchQueue.concurrentPerform(iterations: chunks) { c in
                        let (out, failed, body) = shared.value
                        for i in (count * c / chunks)..<(count * (c + 1) / chunks) {
                            do {
                                out[i] = try body(i)
                            } catch {
                                failed[c] = (i, error)
                                return
                            }
                        }
                    }
                }
            }
            if let first = failures.compactMap({ $0 }).min(by: { $0.index < $1.index }) { throw first.error }
        }
        return results.map { $0! }
    }
}
