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

/// `NameFilter` may say "maybe" for a name it never saw, never "no" for one it saw.
@Suite struct NameFilterTests {
    @Test func neverMissesAnInsertedName() {
        var filter = NameFilter()
        let names = ["PATH", "HOME", "A", "", "é", String(repeating: "L", count: 300), "KEY_00001"]
        for name in names { filter.insert(name) }
        for name in names { #expect(filter.mayContain(name), "\(name)") }
        #expect(!filter.mayContain("PATHS"))  // a length no inserted name starting with P has
        #expect(!filter.mayContain("ZZZZ"))  // a first byte no inserted name has
        #expect(filter.mayContain(String(repeating: "L", count: 200)))  // long names share a slot
    }
}
