/// Tunes glibc's allocator for a short-lived command that reads a whole file, opens it and
/// exits.
///
/// By default glibc serves each allocation over 128 KiB (a file's bytes, its body, the list of
/// its values, the plaintext) with a fresh `mmap` and gives it back with `munmap`, and trims the
/// heap top as soon as 128 KiB are free, so the same memory is faulted in again and again:
/// opening 10,000 values took about 4,400 page faults and a third of the run in the kernel.
/// Keeping freed memory in the heap for the process's short life cuts both. The process never
/// grows beyond what it used at its peak; its memory is returned when it exits.
package enum Allocator {
    /// Call once, first thing in `main`. A no-op where the C library is not glibc.
    package static func tuneForShortRuns() {
        #if canImport(Glibc)
            guard let mallopt = malloptFunction else { return }
            _ = mallopt(mmapThreshold, 256 << 20)  // allocations below 256 MiB come from the heap
            _ = mallopt(trimThreshold, 256 << 20)  // free memory at the heap top is kept
            _ = mallopt(topPad, 8 << 20)  // the heap grows 8 MiB at a time (fewer `brk` calls)
        #endif
    }

    #if canImport(Glibc)
        /// `M_TRIM_THRESHOLD`, `M_TOP_PAD` and `M_MMAP_THRESHOLD` from `<malloc.h>` (glibc's
        /// stable ABI), which the Glibc module does not import, nor `mallopt` itself: it is
        /// looked up by name (`Platform.cFunction`), like `prctl` in `ProcessHardening`.
        private static let trimThreshold: Int32 = -1
        private static let topPad: Int32 = -2
        private static let mmapThreshold: Int32 = -3

        private typealias MalloptFunction = @convention(c) (Int32, Int32) -> Int32
        private static let malloptFunction = Platform.cFunction("mallopt", as: MalloptFunction.self)
    #endif
}
