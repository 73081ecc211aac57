import Testing

@testable import HushKit

@Suite struct TerminalSafeTests {
    @Test func bidiControlsAreWrittenOut() {
        #expect(TerminalSafe.escape("plain.key_1") == "plain.key_1")
        #expect(TerminalSafe.escape("a\u{202E}b") == "a\\u{202E}b")
        let all: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for value in all {
            let scalar = Unicode.Scalar(value)!
            let hex = String(value, radix: 16, uppercase: true)
            let expected = "x\\u{" + (hex.count < 4 ? "0" : "") + hex + "}y"
            #expect(TerminalSafe.escape("x\(Character(scalar))y") == expected)
            #expect(TerminalSafe.escape(Array("x\(Character(scalar))y".utf8)) == Array(expected.utf8))
        }
        // Neighbours of the ranges, and other text sharing their lead bytes, stay as they are.
        let kept = "\u{2029}\u{202F}\u{2065}\u{206A}\u{200D}\u{2010}\u{061B}\u{061D}é€…日本"
        #expect(TerminalSafe.escape(kept) == kept)
        #expect(TerminalSafe.escape(Array(kept.utf8)) == Array(kept.utf8))
    }

    @Test func bytesThatAreNotUTF8AreKept() {
        // A truncated sequence at the end, a lone lead byte, and invalid bytes around a control.
        let bytes: [UInt8] = [0xFF, 0xE2, 0x80, 0xAE, 0xFE, 0xE2, 0x80, 0xD8, 0xE2, 0x80]
        #expect(TerminalSafe.escape(bytes) == [0xFF] + Array("\\u{202E}".utf8) + [0xFE, 0xE2, 0x80, 0xD8, 0xE2, 0x80])
    }
}
