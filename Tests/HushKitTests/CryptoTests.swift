import Testing

@testable import HushKit

@Suite struct CryptoTests {
    @Test func aeadRoundTripAndTamper() throws {
        let key = KeyDerivation.randomDataKey()
        let nonce = Sodium.randomBytes(ValueCipher.nonceLength)
        let sealed = ValueCipher.seal(Array("hello".utf8), associatedData: [1, 2], nonce: nonce, key: key)
        #expect(try ValueCipher.open(sealed, associatedData: [1, 2], nonce: nonce, key: key) == Array("hello".utf8))
        #expect(throws: CryptoFailure.authentication) { try ValueCipher.open(sealed, associatedData: [1, 3], nonce: nonce, key: key) }
        var flipped = sealed
        flipped[0] ^= 1
        #expect(throws: CryptoFailure.authentication) { try ValueCipher.open(flipped, associatedData: [1, 2], nonce: nonce, key: key) }
    }

    @Test func sealedBoxOnlyOpensForRecipient() throws {
        let alice = KeyAgreement.generateSecretKey()
        let bob = KeyAgreement.generateSecretKey()
        let dek = KeyDerivation.randomDataKey()
        let box = try KeyAgreement.seal(dek, to: KeyAgreement.publicKey(of: alice))
        let opened = try KeyAgreement.open(box, publicKey: KeyAgreement.publicKey(of: alice), secretKey: alice)
        #expect(opened.isEqual(to: dek))
        #expect(throws: CryptoFailure.notARecipient) {
            try KeyAgreement.open(box, publicKey: KeyAgreement.publicKey(of: bob), secretKey: bob)
        }
    }

    @Test func paddingAndBase64() throws {
        for n in [0, 1, 15, 16, 17, 100] {
            let bytes = [UInt8](repeating: 7, count: n)
            let padded = Sodium.pad(bytes, blockSize: 16)
            #expect(padded.count % 16 == 0 && padded.count > n)
            #expect(try Sodium.unpad(padded, blockSize: 16) == bytes)
            #expect(try Sodium.base64Decode(Array(Sodium.base64Encode(bytes).utf8)) == bytes)
        }
        #expect(throws: CryptoFailure.badEncoding) { try Sodium.base64Decode(Array("a b".utf8)) }
    }

    @Test func keyedHashDependsOnKeyAndFraming() {
        let k = KeyDerivation.randomDataKey()
        var h1 = KeyedHash(key: k)
        h1.updateLengthPrefixed(Array("ab".utf8)); h1.updateLengthPrefixed(Array("c".utf8))
        var h2 = KeyedHash(key: k)
        h2.updateLengthPrefixed(Array("a".utf8)); h2.updateLengthPrefixed(Array("bc".utf8))
        let d1 = h1.finalize()
        let d2 = h2.finalize()
        #expect(d1 != d2)
    }
}
