import Testing

@testable import HushKit

@Suite struct Bech32Tests {
    /// BIP-173 "valid Bech32" test vectors.
    static let bip173Valid = [
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl",
    ]

    /// BIP-173 "invalid Bech32" test vectors (except the length-limit one, tested apart) and the
    /// failure each must give.
    static let bip173Invalid: [(String, Bech32.Failure)] = [
        ("\u{20}1nwldj5", .invalidHumanReadableCharacter(position: 0)),  // HRP character out of range
        ("\u{7F}1axkwrx", .invalidHumanReadableCharacter(position: 0)),
        ("\u{80}1eym55h", .invalidHumanReadableCharacter(position: 0)),
        ("pzry9x0s0muk", .missingSeparator),
        ("1pzry9x0s0muk", .emptyHumanReadablePart),
        ("x1b4n0q5v", .invalidDataCharacter(position: 2)),  // 'b'
        ("li1dgmt3", .tooShort),  // checksum too short
        ("de1lg7wt\u{FF}", .invalidDataCharacter(position: 8)),  // invalid character in checksum
        ("A1G7SGD8", .badChecksum),  // checksum computed with the uppercase HRP
        ("10a06t8", .emptyHumanReadablePart),
        ("1qzzfhee", .emptyHumanReadablePart),
    ]

    @Test(arguments: bip173Valid)
    func bip173ValidVectorsDecodeAndReencode(_ vector: String) throws {
        let (hrp, words) = try Bech32.decodeWords(vector)
        #expect(hrp == hrp.lowercased())
        #expect(Bech32.encode(hrp: hrp, words: words) == vector.lowercased())
    }

    @Test(arguments: bip173Valid)
    func bip173ValidVectorsFailWhenAnyDataCharacterChanges(_ vector: String) throws {
        let chars = Array(vector.lowercased())
        let separator = chars.lastIndex(of: "1")!
        for i in (separator + 1)..<chars.count {
            var mutated = chars
            mutated[i] = mutated[i] == "q" ? "p" : "q"
            #expect(throws: Bech32.Failure.badChecksum) { try Bech32.decodeWords(String(mutated)) }
        }
    }

    @Test func bip173InvalidVectorsAreRejected() {
        for (vector, failure) in Self.bip173Invalid {
            let scalars = vector.unicodeScalars.map(\.value)
            #expect(throws: failure, "\(scalars)") { try Bech32.decodeWords(vector) }
        }
    }

    /// BIP-173 lists this as invalid only because it exceeds 90 characters. age, and so Hush,
    /// does not apply that limit: the checksum is valid and it decodes.
    @Test func lengthLimitVectorDecodesBecauseAgeHasNoLimit() throws {
        let vector = "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx"
        #expect(vector.count == 91)
        let (hrp, words) = try Bech32.decodeWords(vector)
        #expect(hrp.count == 84 && words.isEmpty)
    }

    @Test func mixedCaseIsRejected() {
        #expect(throws: Bech32.Failure.mixedCase) { try Bech32.decodeWords("A12uEL5L") }
        #expect(throws: Bech32.Failure.mixedCase) { try Bech32.decode("age1Qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq") }
    }

    @Test func bytesRoundTripIncludingLongStrings() throws {
        for length in [0, 1, 2, 5, 31, 32, 33, 64, 100, 300] {
            let data = Sodium.randomBytes(length)
            let text = Bech32.encode(hrp: "test", data: data)
            let decoded = try Bech32.decode(text)
            #expect(decoded.hrp == "test" && decoded.data == data)
            // Decoding ignores case as a whole.
            #expect(try Bech32.decode(text.uppercased()).data == data)
        }
    }

    @Test func uppercaseHRPGivesUppercaseStringWithLowercaseChecksum() throws {
        let upper = Bech32.encode(hrp: "ABC", data: [1, 2, 3])
        #expect(upper == upper.uppercased())
        #expect(upper.lowercased() == Bech32.encode(hrp: "abc", data: [1, 2, 3]))
        #expect(try Bech32.decode(upper).hrp == "abc")
    }

    @Test func paddingMustBeShortAndZero() throws {
        // Two words are 10 bits: one byte and 2 padding bits, which must be zero.
        #expect(try Bech32.decode(Bech32.encode(hrp: "a", words: [0, 0])).data == [0])
        #expect(throws: Bech32.Failure.badPadding) { try Bech32.decode(Bech32.encode(hrp: "a", words: [0, 1])) }
        // One word is 5 bits: no whole byte, and 5 padding bits is more than 4.
        #expect(throws: Bech32.Failure.badPadding) { try Bech32.decode(Bech32.encode(hrp: "a", words: [0])) }
    }

    /// Computed with an independent Bech32 implementation; `age-keygen -y` on it prints
    /// `age1q73he0q5yzfu3d64msd3p6rvksnrwjk3d2598mgtmlqt9wrdr37q2vrn72` (checked in IdentityTests).
    @Test func ageSecretKeyVector() throws {
        let secret = (1...32).map(UInt8.init)
        let text = Bech32.encode(hrp: "AGE-SECRET-KEY-", data: secret)
        #expect(text == "AGE-SECRET-KEY-1QYPQXPQ9QCRSSZG2PVXQ6RS0ZQG3YYC5Z5TPWXQERGD3C8G7RUSQGPQYEE")
        #expect(text.count == 74)
        #expect(try Bech32.decode(text).data == secret)
    }

    @Test func failureDescriptionsNeverQuoteTheInput() {
        let secretish = "AGE-SECRET-KEY-1QYPQXPQ9QCRSSZG2PVXQ6RS0ZQG3YYC5Z5TPWXQERGD3C8G7RUSQGPQYEF"
        do {
            _ = try Bech32.decode(secretish)
            Issue.record("expected a checksum failure")
        } catch {
            #expect(error == .badChecksum)
            #expect(!error.description.contains("QYPQ"))
        }
    }
}
