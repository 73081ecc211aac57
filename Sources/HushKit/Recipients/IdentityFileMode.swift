#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The warning, as ssh gives it, for an identity file that other users can read: the key still
/// works (refusing it would break a CI job over a checkout's umask), but the user is told how
/// to fix it. Only regular files are checked; a pipe such as `--identity <(pass show key)` has
/// no meaningful mode.
enum IdentityFileMode {
    /// Files already warned about in this process, so a command that loads identities more
    /// than once (`git diff` runs one textconv per file, `init` then a rewrap) says it once.
    /// Unguarded because identities are only loaded on the thread that runs the command:
    /// `Vault` is not `Sendable`, and scan's worker threads get the literals, never the keys.
    nonisolated(unsafe) private static var warned: Set<String> = []

    /// Writes `hush: warning: identity file PATH is readable by others (mode 0644); run chmod
    /// 600 PATH` to stderr when `path` is a regular file readable by its group or others, once
    /// per path per run.
    static func warnIfReadableByOthers(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_mode & 0o044 != 0 else { return }
        guard warned.insert(path).inserted else { return }
        Console.err(message(path, mode: st.st_mode))
    }

    /// The warning line for `path` with permission bits `mode`.
    static func message(_ path: String, mode: mode_t) -> String {
        let octal = String(mode & 0o7777, radix: 8)
        let padded = String(repeating: "0", count: max(0, 4 - octal.count)) + octal
        return "hush: warning: identity file \(path) is readable by others (mode \(padded)); run chmod 600 \(GitSetup.shellQuoted(path))\n"
    }
}
