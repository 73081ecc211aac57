import Testing

@testable import HushKit

/// `Parallel.map` must behave exactly like the sequential map it replaces on large files.
@Suite struct ParallelTests {
    struct Failure: Error, Equatable { var index: Int }

    @Test(arguments: [0, 1, 100, 2047, 2048, 10_000, 100_003])
    func keepsOrder(count: Int) throws {
        let out = try Parallel.map(count) { $0 * 3 }
        #expect(out == (0..<count).map { $0 * 3 })
    }

    /// Several chunks fail: the error of the lowest index wins, whatever the timing.
    @Test func rethrowsTheFirstErrorInOrder() throws {
        for _ in 0..<20 {
            #expect(throws: Failure(index: 3_001)) {
                _ = try Parallel.map(20_000) { i -> Int in
                    if i == 3_001 || i == 9_000 || i == 19_999 { throw Failure(index: i) }
                    return i
                }
            }
        }
    }

    /// Of two damaged tokens far into a large file, the first is the one reported, as before.
    @Test func largeFileErrorsNameTheFirstBadValue() throws {
        var text = ""
        for i in 0..<5_000 { text += "KEY_\(i)=value-\(i)\n" }
        let sealed = try Sealer.seal(
            Array(text.utf8), syntax: .dotenv, file: "t.env", recipients: [NamedRecipient(name: "w", recipient: TestSigning.writer.recipient)],
            keys: .random(), previous: nil)
        var lines = String(decoding: sealed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in [3_999, 1_199] { lines[line] = lines[line].replacingOccurrences(of: "ENC[hush:v2,s,", with: "ENC[hush:v2,s,!") }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let error = #expect(throws: HushError.self) { _ = try SealedFile.parse(bytes, syntax: .dotenv, file: "t.env") }
        #expect(error?.message.contains("t.env:1200:") == true, "\(error?.message ?? "")")
    }
}

/// `Parallel.both` and the worker threads behind both helpers.
@Suite struct ParallelBothTests {
    struct Failure: Error, Equatable {}

    /// Both closures run exactly once, in parallel or not, and give their own results.
    @Test(arguments: [false, true])
    func runsEachOnce(parallel: Bool) throws {
        for _ in 0..<50 {
            let (a, b) = try Parallel.both(parallel: parallel) {
                (0..<10_000).reduce(0, +)
            } _: {
                (0..<5_000).map { $0 * 2 }.count
            }
            #expect(a == 49_995_000 && b == 5_000)
        }
    }

    /// An error of the first closure is rethrown, after the second has finished.
    @Test func rethrowsTheFirstClosuresError() {
        for _ in 0..<20 {
            let finished = WorkCounter(1)
            #expect(throws: Failure()) {
                _ = try Parallel.both(parallel: true) { () throws -> Int in
                    throw Failure()
                } _: {
                    _ = finished.next()
                }
            }
            #expect(finished.next() == nil, "the second closure ran to its end before the error came back")
        }
    }

    @Test func workerThreadRunsAndJoins() {
        let counter = WorkCounter(1_000)
        let workers = (0..<4).compactMap { _ in WorkerThread { while counter.next() != nil {} } }
        #expect(workers.count == 4)
        for worker in workers { worker.join() }
        #expect(counter.next() == nil)
    }
}
