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
