#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a folder, held while a writer reads, changes and
/// replaces files in it. Locking the folder rather than the file matters: a write replaces the
/// file by `rename`, so a lock on the old inode would not stop a second writer.
final class FolderLock {
    private let fd: Int32

    /// Blocks until the lock on `folder` is held.
    init(_ folder: String) throws {
        fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HushError(.system, "cannot open \(folder) to lock it: \(Platform.errorText())") }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let text = Platform.errorText()
            close(fd)
            throw HushError(.system, "cannot lock \(folder): \(text)")
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
