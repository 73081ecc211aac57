import Testing

@testable import HushKit

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct ProcessHardeningTests {
    /// Hardens the test runner itself: it then writes no core file and cannot be attached to,
    /// which changes nothing for the other tests (their subprocesses exec, which resets it).
    @Test func noCoreFileAndNotDumpable() throws {
        var before = rlimit()
        #expect(getrlimit(Self.coreLimit, &before) == 0)
        ProcessHardening.apply()
        var after = rlimit()
        #expect(getrlimit(Self.coreLimit, &after) == 0)
        #expect(after.rlim_cur == 0)
        // The hard limit stays, so a child can raise its soft limit again.
        #expect(after.rlim_max == before.rlim_max)
        #if os(Linux) && (arch(x86_64) || arch(arm64))
            #expect(ProcessHardening.processControl(ProcessHardening.getDumpable, 0) == 0)
        #endif
    }

    #if canImport(Glibc)
        static let coreLimit = __rlimit_resource_t(RLIMIT_CORE.rawValue)
    #else
        static let coreLimit = RLIMIT_CORE
    #endif
}
