#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps decrypted values from leaving the process through a crash or a debugger: no core
/// file, and on Linux no `ptrace` attach by other processes of the same user.
public enum ProcessHardening {
    /// Turns off core dumps and, on Linux, marks the process not dumpable. Costs two or three
    /// system calls, so `hush` does it at start-up for every command rather than deciding which
    /// ones will see plaintext. Failures are ignored: hardening is a safety net, and a command
    /// must not fail because, say, a sandbox forbids `prctl`.
    ///
    /// What children get: `posix_spawn` and `hush exec` end in `execve`, which resets the
    /// dumpable flag, so an editor, git or the user's command can be debugged as usual. The
    /// core-size limit is inherited across `execve`; only the soft limit is lowered, so a child
    /// that wants core files can raise it again up to the unchanged hard limit.
    public static func apply() {
        var limit = rlimit()
        if getrlimit(coreLimit, &limit) == 0 {
            limit.rlim_cur = 0
            _ = setrlimit(coreLimit, &limit)
        }
        #if os(Linux)
            _ = processControl(setDumpable, 0)
        #endif
    }

    #if os(Linux)
        /// `PR_GET_DUMPABLE` and `PR_SET_DUMPABLE` from `<linux/prctl.h>` (part of the kernel
        /// ABI), which the Glibc module does not export.
        static let getDumpable: Int32 = 3
        static let setDumpable: Int32 = 4

        /// The prototype `prctl` is called through: every argument an integer in a register.
        private typealias PrctlFunction = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

        /// `prctl`, looked up once. Swift cannot call C variadic functions and the Glibc module
        /// leaves `<sys/prctl.h>` out, so it is found with `dlsym` and called with a fixed
        /// prototype. That is only sound where integer variadic arguments travel exactly like
        /// fixed ones (x86-64 and AArch64 Linux); elsewhere it is left nil and the dumpable
        /// flag is not touched.
        private static let prctlFunction: PrctlFunction? = {
            #if arch(x86_64) || arch(arm64)
                Platform.cFunction("prctl", as: PrctlFunction.self)
            #else
                return nil
            #endif
        }()

        /// `prctl(option, argument, 0, 0, 0)`; -1 when it fails or cannot be called.
        static func processControl(_ option: Int32, _ argument: UInt) -> Int32 {
            prctlFunction?(option, argument, 0, 0, 0) ?? -1
        }
    #endif

    #if canImport(Glibc)
        /// `RLIMIT_CORE`, which Glibc imports as an enum case and the other C libraries as an integer.
        private static let coreLimit = __rlimit_resource_t(RLIMIT_CORE.rawValue)
    #else
        private static let coreLimit = RLIMIT_CORE
    #endif
}
