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

    @Test func publicKeysMustBeCanonicallyEncoded() throws {
        let normal = KeyAgreement.publicKey(of: KeyAgreement.generateSecretKey())
        #expect(KeyAgreement.isUsablePublicKey(normal))
        var topBit = normal
        topBit[31] |= 0x80
        #expect(!KeyAgreement.isUsablePublicKey(topBit))
        // p = 2^255 - 19 little-endian, then p + 1: encodings of 0 and 1.
        let p: [UInt8] = [0xED] + [UInt8](repeating: 0xFF, count: 30) + [0x7F]
        var pPlusOne = p
        pPlusOne[0] = 0xEE
        #expect(!KeyAgreement.isUsablePublicKey(p) && !KeyAgreement.isUsablePublicKey(pPlusOne))
        // The base point u = 9 is usable; written as 9 + p it is the same point, which only the
        // canonical check refuses (X25519 itself reduces it and is happy).
        let nine: [UInt8] = [9] + [UInt8](repeating: 0, count: 31)
        var ninePlusP = p
        ninePlusP[0] = 0xF6
        #expect(KeyAgreement.isUsablePublicKey(nine) && !KeyAgreement.isUsablePublicKey(ninePlusP))
        var pMinusOne = p
        pMinusOne[0] = 0xEC
        #expect(KeyAgreement.isCanonicalFieldElement(pMinusOne) && !KeyAgreement.isCanonicalFieldElement(p))
        // Ed25519: bit 255 is x's sign, not part of the number; y >= p is refused.
        var signed = pMinusOne
        signed[31] |= 0x80
        #expect(KeyAgreement.isCanonicalFieldElement(signed, signBit: true) && !KeyAgreement.isCanonicalFieldElement(signed))
        #expect(throws: CryptoFailure.badPublicKey) { try KeyAgreement.x25519PublicKey(fromEd25519: p) }
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
