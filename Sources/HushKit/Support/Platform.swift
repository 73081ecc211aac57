#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin helpers over the C library, so the rest of HushKit needs no Foundation (which would
/// cost start-up time on every `hush exec`).
enum Platform {
    /// The text of the current `errno`.
    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// A C library function that the platform module does not import (`prctl`, `mallopt`),
    /// looked up by name in the running process and called through the fixed prototype `F`.
    /// Nil when the C library does not have it.
    static func cFunction<F>(_ name: String, as type: F.Type) -> F? {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// An environment variable, or nil when unset.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`. `HUSH_TEST_NOW` (tests only) fixes it.
    static func utcTimestamp() -> String {
        if let fixed = environment("HUSH_TEST_NOW") { return fixed }
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// True when file descriptor `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The current working directory.
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The user's home folder: `$HOME`, else the password database.
    static func homeDirectory() -> String {
        if let home = environment("HOME"), !home.isEmpty { return home }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    /// Writes all of `bytes` to `fd`, retrying on short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>) throws {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let n = array.withUnsafeBytes { write(fd, $0.baseAddress! + offset, array.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw HushError(.system, "cannot write: \(errorText())")
            }
            offset += n
        }
    }
}

/// Standard output and error as byte sinks.
public enum Console {
    /// Why standard output failed (a full disk, a closed pipe), if it did: the CLI turns it into
    /// an error when the command ends, so that `hush keygen --output - > /dev/full` does not
    /// exit 0 with the key gone.
    nonisolated(unsafe) public private(set) static var outputFailure: String?

    public static func out(_ text: String) {
        do {
            try Platform.writeAll(1, Array(text.utf8))
        } catch {
            outputFailure = outputFailure ?? (error as? HushError)?.message ?? "\(error)"
        }
    }

    public static func out(bytes: [UInt8]) throws {
        do {
            try Platform.writeAll(1, bytes)
        } catch {
            outputFailure = outputFailure ?? (error as? HushError)?.message ?? "\(error)"
            throw error
        }
    }

    public static func err(_ text: String) { try? Platform.writeAll(2, Array(text.utf8)) }
}
