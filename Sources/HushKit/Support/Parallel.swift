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

    /// `(0..<count).map(body)` on up to `threads` threads. `body` must be safe to call
    /// concurrently (read-only captures). When calls throw, the error of the lowest index is
    /// rethrown, as the sequential map would, so messages do not depend on timing.
    ///
    /// The indexes are handed out in slices of about a sixteenth of a thread's share, so a
    /// thread that starts late does less instead of leaving its whole half to be waited for
    /// (with one slice per thread, opening 10,000 values took 4 or 7.5 ms depending on when
    /// the second thread first ran).
    static func map<T>(_ count: Int, minimum: Int = 2048, _ body: (Int) throws -> T) throws -> [T] {
        let workers = count >= minimum ? min(threads, count / (minimum / 2)) : 1
        guard workers > 1 else { return try (0..<count).map(body) }
        let sliceSize = max(1, count / (workers * 16))
        let slices = (count + sliceSize - 1) / sliceSize
        let next = WorkCounter(slices)
        var results = [T?](repeating: nil, count: count)
        var failures = [(index: Int, error: any Error)?](repeating: nil, count: slices)
        try withoutActuallyEscaping(body) { body in
            results.withUnsafeMutableBufferPointer { out in
                failures.withUnsafeMutableBufferPointer { failed in
                    // Each slice writes only its own entries of `out` and of `failed`.
                    let shared = Unchecked((out, failed, body))
                    let work: @Sendable () -> Void = {
                        let (out, failed, body) = shared.value
                        while let slice = next.next() {
                            for i in (slice * sliceSize)..<min(count, (slice + 1) * sliceSize) {
                                do {
                                    out[i] = try body(i)
                                } catch {
                                    failed[slice] = (i, error)
                                    break
                                }
                            }
                        }
                    }
                    let helpers = (1..<workers).compactMap { _ in WorkerThread(work) }
                    work()
                    for helper in helpers { helper.join() }
                }
            }
            if let first = failures.lazy.compactMap({ $0 }).first { throw first.error }
        }
        return results.map { $0! }
    }

    /// Bytes from which `both` is worth a thread for two passes over a file: hashing 128 KiB
    /// takes about as long as starting the thread (~0.1 ms).
    static let pairMinimum = 128 * 1024

    /// `(first(), second())`, `second` on another thread when `parallel` and there is more than
    /// one CPU: for two independent passes over a large file (scanning it while hashing it).
    /// `first` stays on the calling thread, so what it allocates comes from the calling
    /// thread's malloc arena, as the rest of the command's memory does (on a worker, a scan's
    /// 10,000 small allocations faulted in a fresh arena and cost more than the overlap saved).
    /// `second` should allocate little. An error of `first` is rethrown after `second` is done.
    ///
    /// `second` is claimed by whichever thread gets to it first: the scheduler may keep a new
    /// thread off the CPU until the creating one blocks, and then the calling thread runs
    /// `second` itself instead of waiting for a thread that has not started.
    static func both<A, B>(parallel: Bool, _ first: () throws -> A, _ second: () -> B) throws -> (A, B) {
        guard parallel, threads > 1 else { return (try first(), second()) }
        var b: B?
        let a = withoutActuallyEscaping(second) { second in
            withUnsafeMutablePointer(to: &b) { b in
                let claim = WorkCounter(1)
                let shared = Unchecked((b, second))
                let worker = WorkerThread {
                    if claim.next() != nil { shared.value.0.pointee = shared.value.1() }
                }
                let a = Result { try first() }
                if claim.next() != nil { b.pointee = second() }
                worker?.join()
                return a
            }
        }
        return (try a.get(), b!)
    }
}

/// One POSIX thread running one closure, joined before anything it writes is read.
final class WorkerThread {
    // glibc's `pthread_t` is an integer; musl's and Darwin's are (optional) pointers.
    #if canImport(Glibc)
        private var thread = pthread_t()
    #else
        private var thread: pthread_t?
    #endif

    /// Starts `body`; nil when the system has no thread to give (the caller runs it itself).
    init?(_ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        let placed = Placement.elsewhere(&attributes)
        let run: @Sendable () -> Void = {
            if placed { Placement.release() }
            body()
        }
        let context = Unmanaged.passRetained(Box(run)).toOpaque()
        guard pthread_create(&thread, &attributes, WorkerThread.start, context) == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
    }

    func join() {
        #if canImport(Glibc)
            pthread_join(thread, nil)
        #else
            if let thread { pthread_join(thread, nil) }
        #endif
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    #if canImport(Glibc) || canImport(Musl)
        private static let start: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { context in
            Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }
    #else
        private static let start: @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? = { context in
            Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }
    #endif
}

/// Where a worker thread starts. Linux puts a new thread on its creator's CPU and moves it
/// only at the next load balancing, a millisecond or more later: longer than the work it was
/// made for (measured here: a thread created with 0.8 ms of work left for its creator started
/// after that work in 9 runs of 10). So a worker is created allowed only on the CPUs the
/// creator is not on, and its first act is to allow every CPU the process may use again, so
/// that from then on the scheduler places it freely. A hint only: where the functions are
/// missing (not glibc), threads start where the system puts them.
private enum Placement {
    #if canImport(Glibc)
        /// `cpu_set_t`: 1,024 bits.
        private static let setSize = 128
        private typealias GetCPU = @convention(c) () -> Int32
        private typealias Affinity = @convention(c) (Int32, Int, UnsafeMutableRawPointer) -> Int32
        private typealias AttributeAffinity = @convention(c) (UnsafeMutableRawPointer, Int, UnsafeRawPointer) -> Int32
        private static let getCPU = Platform.cFunction("sched_getcpu", as: GetCPU.self)
        private static let getAffinity = Platform.cFunction("sched_getaffinity", as: Affinity.self)
        private static let setAffinity = Platform.cFunction("sched_setaffinity", as: Affinity.self)
        private static let attributeAffinity = Platform.cFunction("pthread_attr_setaffinity_np", as: AttributeAffinity.self)
        /// The CPUs the process may use, read once.
        private static let allowed: [UInt64]? = {
            guard let getAffinity else { return nil }
            var mask = [UInt64](repeating: 0, count: setSize / 8)
            return mask.withUnsafeMutableBytes { getAffinity(0, setSize, $0.baseAddress!) } == 0 ? mask : nil
        }()
    #endif

    /// Restricts `attributes` to the allowed CPUs but the current one; false when it did not.
    static func elsewhere(_ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Bool {
        #if canImport(Glibc)
            guard var mask = allowed, let getCPU, let attributeAffinity, setAffinity != nil else { return false }
            let cpu = Int(getCPU())
            guard cpu >= 0, cpu < setSize * 8 else { return false }
            mask[cpu / 64] &= ~(1 << UInt64(cpu % 64))
            guard mask.contains(where: { $0 != 0 }) else { return false }
            return mask.withUnsafeBytes { attributeAffinity(UnsafeMutableRawPointer(attributes), setSize, $0.baseAddress!) } == 0
        #else
            return false
        #endif
    }

    /// In the new thread: every allowed CPU again.
    static func release() {
        #if canImport(Glibc)
            guard var mask = allowed, let setAffinity else { return }
            _ = mask.withUnsafeMutableBytes { setAffinity(0, setSize, $0.baseAddress!) }
        #endif
    }
}

/// Carries values into a closure run on several threads, whose thread safety the caller ensures.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Hands out item indexes (or slices, or a one-time claim) to threads.
final class WorkCounter: @unchecked Sendable {
    private var value = 0
    private let limit: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(_ limit: Int) {
        self.limit = limit
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func next() -> Int? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
