import Testing

@testable import HushKit

/// The `memchr`/`memcpy` helpers must agree with the generic code they replace, for small
/// (inline) strings, heap strings and strings with multi-byte characters.
@Suite struct BytesTests {
    static let texts = [
        "", "$", "{", "${", "$ {", "x$", "$$", "$${", "a${b}", "{$", "ünï${cøde}", "plain value",
        String(repeating: "$", count: 40) + "{", String(repeating: "x", count: 100) + "$", "nul\u{0}inside",
    ]

    @Test func containsAgreesWithTheGenericScan() {
        for text in Self.texts {
            for byte: UInt8 in [0, 0x24, 0x7B, 0x78, 0xBC] {
                #expect(Bytes.contains(byte, in: text) == text.utf8.contains(byte), "\(text.debugDescription) \(byte)")
            }
            let pair = zip(text.utf8, text.utf8.dropFirst()).contains { $0 == (0x24, 0x7B) }
            #expect(Bytes.contains(0x24, followedBy: 0x7B, in: text) == pair, "\(text.debugDescription)")
            #expect(DotenvExpansion.mayReference(text) == pair)
        }
    }

    @Test func copyWritesTheUTF8() {
        for text in Self.texts {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: text.utf8.count + 1)
            defer { buffer.deallocate() }
            let count = Bytes.copy(text, to: buffer)
            #expect(count == text.utf8.count)
            #expect((0..<count).map { UInt8(bitPattern: buffer[$0]) } == Array(text.utf8))
        }
    }
}
