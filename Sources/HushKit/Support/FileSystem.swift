#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations on paths, over the C library. Every write that replaces a file is atomic:
/// a temporary file in the same folder, `fsync`, `rename`, then `fsync` of the folder, so a
/// crash or `kill -9` at any point leaves either the old or the new file, never a mix.
enum FileSystem {
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// True for a file (not a folder) this process may execute.
    static func isExecutableFile(_ path: String) -> Bool {
        access(path, X_OK) == 0 && !isDirectory(path)
    }

    /// What `path` points to when it is itself a symbolic link (one `lstat`, plus a `readlink`
    /// only for a link); nil when it is anything else or does not exist.
    static func symbolicLinkTarget(_ path: String) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return "?" }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The largest document, sealed file or value Hush reads (64 MiB; `HUSH_MAX_INPUT_MB`
    /// raises it): checked while reading, so `--file /dev/zero` stops instead of growing.
    static let inputLimit: Int = {
        if let text = Platform.environment("HUSH_MAX_INPUT_MB"), let mb = Int(text), mb > 0 { return mb << 20 }
        return 64 << 20
    }()

    /// `read` with the input limit: for documents, sealed files and values.
    static func readInput(_ path: String, display: String? = nil) throws -> [UInt8] {
        try read(path, limit: inputLimit, display: display)
    }

    static func tooLarge(_ what: String) -> HushError {
        HushError(
            .badInput, "\(what) is larger than \(inputLimit >> 20) MiB, the most Hush reads",
            hint: "store large files elsewhere and keep their key here; HUSH_MAX_INPUT_MB raises the limit")
    }

    /// The whole file, read with large `read` calls; more than `limit` bytes is an error.
    static func read(_ path: String, limit: Int? = nil, display: String? = nil) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw HushError(code == ENOENT ? .badInput : .system, "cannot read \(path): \(Platform.errorText(code))")
        }
        defer { close(fd) }
        var st = stat()
        let size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        if let limit, size > limit { throw tooLarge(display ?? path) }
        // Straight into the result, one byte more than the size so that a file that grew since
        // `fstat` shows it; then in chunks (a growing file, a pipe, /dev/zero). Reading into a
        // zeroed chunk and copying it out touched every page twice (1.45 MB: 1.1 ms).
        var result = try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            while count < buffer.count {
                let n = systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw HushError(.system, "cannot read \(path): \(Platform.errorText())")
                }
                if n == 0 { break }
                count += n
            }
        }
        guard result.count > size else { return result }
        try readRest(fd, into: &result, limit: limit, name: path, display: display ?? path)
        return result
    }

    /// Everything readable from an open descriptor (standard input).
    static func readDescriptor(_ fd: Int32, limit: Int? = inputLimit) throws -> [UInt8] {
        var result: [UInt8] = []
        try readRest(fd, into: &result, limit: limit, name: "standard input", display: "standard input")
        return result
    }

    /// Appends what is left to read from `fd` to `result`, in 64 KiB chunks, up to `limit`.
    private static func readRest(_ fd: Int32, into result: inout [UInt8], limit: Int?, name: String, display: String) throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let limit, result.count > limit { throw tooLarge(display) }
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw HushError(.system, "cannot read \(name): \(Platform.errorText())")
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        if let limit, result.count > limit { throw tooLarge(display) }
    }

    /// Replaces (or creates) `path` atomically with `bytes`, with permission `mode` for a new file
    /// (an existing file keeps its mode).
    static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
        let folder = Paths.folder(of: path)
        var st = stat()
        let finalMode = stat(path, &st) == 0 ? st.st_mode & 0o7777 : mode
        let temp = "\(folder)/.\(Paths.fileName(of: path)).\(Sodium.base64Encode(Sodium.randomBytes(6))).hush-tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HushError(.system, "cannot create a temporary file in \(folder): \(Platform.errorText())") }
        do {
            try Platform.writeAll(fd, bytes)
            guard fchmod(fd, finalMode) == 0, fsync(fd) == 0 else {
                throw HushError(.system, "cannot write \(temp): \(Platform.errorText())")
            }
            close(fd)
            guard systemRename(temp, path) == 0 else { throw HushError(.system, "cannot replace \(path): \(Platform.errorText())") }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        syncFolder(folder)
    }

    /// Creates a new file that must not exist yet (`O_EXCL`), with `mode`, for plaintext the user
    /// asked to be written.
    static func createNew(_ path: String, _ bytes: [UInt8], mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST {
                throw HushError(.refused, "\(path) already exists", hint: "choose another file name or remove it first")
            }
            throw HushError(.system, "cannot create \(path): \(Platform.errorText(code))")
        }
        defer { close(fd) }
        try Platform.writeAll(fd, bytes)
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { throw HushError(.system, "cannot write \(path): \(Platform.errorText())") }
    }

    /// `mkdir -p` with `mode` for the folders it creates.
    static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws {
        if isDirectory(path) { return }
        let parent = Paths.folder(of: path)
        if parent != path && !parent.isEmpty { try makeDirectories(parent, mode: mode) }
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw HushError(.system, "cannot create folder \(path): \(Platform.errorText())")
        }
    }

    /// Names in a folder (no `.` or `..`), sorted bytewise; empty when it does not exist.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func remove(_ path: String) { unlink(path) }

    /// Removes a folder and everything in it (editor backups and swap files included).
    static func removeTree(_ path: String) {
        for name in list(path) {
            let child = path + "/" + name
            var st = stat()
            if lstat(child, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { removeTree(child) } else { unlink(child) }
        }
        rmdir(path)
    }

    /// Renames `path` to `target` in the same folder and syncs the folder; throws when it stays.
    static func rename(_ path: String, to target: String, display: String) throws {
        guard systemRename(path, target) == 0 else {
            throw HushError(
                .system, "cannot delete \(display): \(Platform.errorText())", hint: "check the file's and its folder's permissions, then run the command again")
        }
        syncFolder(Paths.folder(of: path))
    }

    /// Deletes the file at `path` (a missing file is fine) and syncs its folder; throws when the
    /// file stays (immutable, read-only folder), since callers rely on it being gone.
    static func delete(_ path: String, display: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw HushError(
                .system, "cannot delete \(display): \(Platform.errorText())", hint: "check the file's and its folder's permissions, then run the command again")
        }
        syncFolder(Paths.folder(of: path))
    }

    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}

/// String path helpers (no Foundation).
enum Paths {
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func join(_ a: String, _ b: String) -> String {
        b.hasPrefix("/") ? b : (a.hasSuffix("/") ? a + b : a + "/" + b)
    }

    /// `path` relative to `base` when it lies inside it, for shorter messages.
    static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// `read(2)`, named apart from `FileSystem.read` so the static method does not shadow it.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// The C library's `rename`, which `FileSystem.rename(_:to:display:)` shadows inside the type.
private func systemRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
