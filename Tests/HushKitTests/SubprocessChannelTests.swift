import Foundation
import Testing

@testable import HushKit

/// `Subprocess.Channel` reads a program's output in lines and in counted blocks (`git
/// cat-file --batch`): a block larger than what is buffered is read straight into its own
/// array, after the part already buffered, and what follows it must still come out in order.
@Suite struct SubprocessChannelTests {
    /// 300,000 bytes in a pattern that shows any byte out of place.
    static let block = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }

    /// A channel to `cat` of a file holding a header line, `block`, a line break and two more
    /// lines (`cat` writes large chunks, so the first read holds the header and part of the
    /// block), and the file, for the caller to remove once the output is read.
    static func channel() throws -> (Subprocess.Channel, String) {
        let path = NSTemporaryDirectory() + "hush-channel-\(UUID().uuidString)"
        try Data(Array("head\n".utf8) + block + Array("\nnext\nlast".utf8)).write(to: URL(fileURLWithPath: path))
        return (try Subprocess.Channel(["cat", path]), path)
    }

    @Test func aLargeBlockBetweenLines() throws {
        let (channel, path) = try Self.channel()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try channel.readLine() == Array("head".utf8))
        #expect(try channel.readExactly(300_000) == Self.block)
        #expect(try channel.readExactly(1) == [0x0A])
        #expect(try channel.readLine() == Array("next".utf8))
        #expect(try channel.readExactly(4) == Array("last".utf8))
        #expect(try channel.readLine() == nil)
        #expect(channel.finish() == 0)
    }

    @Test func aBlockLongerThanTheOutputFails() throws {
        let (channel, path) = try Self.channel()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try channel.readLine()
        #expect(throws: HushError.self) { try channel.readExactly(400_000) }
    }
}
