import Testing

@testable import HushKit

@Suite struct IdentityTests {
    typealias K = RecipientTestKeys

    // MARK: age identities

    @Test func generatedIdentityRoundTripsThroughItsEncoding() throws {
        let identity = Identity.generate(source: "test")
        #expect(identity.recipient.kind == .x25519)
        #expect(identity.source == "test")
        let secret = try #require(identity.encodedSecret)
        #expect(secret.hasPrefix("AGE-SECRET-KEY-1") && secret == secret.uppercased() && secret.count == 74)
        let parsed = try Identity.parseAll(secret, source: "file")
        #expect(parsed.count == 1)
        #expect(parsed[0].recipient == identity.recipient)
        #expect(parsed[0].secretKey.isEqual(to: identity.secretKey))
        #expect(parsed[0].source == "file")
        #expect(identity.recipient.text.count == 62)
    }

    @Test func fixedVectorMatchesAge() throws {
        let identity = try #require(try Identity.parseAll(K.ageSecret, source: "vector").first)
        #expect(identity.recipient.text == K.ageRecipient)
        #expect(identity.encodedSecret == K.ageSecret)
        // Lowercase is accepted too (Bech32 is case-insensitive as a whole).
        #expect(try Identity.parseAll(K.ageSecret.lowercased(), source: "v")[0].recipient.text == K.ageRecipient)
    }

    @Test func fileTextLooksLikeAgeKeygenAndParsesBack() throws {
        let identity = try Identity.parseAll(K.ageSecret, source: "v")[0]
        #expect(
            identity.fileText(created: "2024-05-01T12:00:00Z") == """
                # created: 2024-05-01T12:00:00Z
                # public key: \(K.ageRecipient)
                \(K.ageSecret)

                """)
        #expect(identity.fileText() == "# public key: \(K.ageRecipient)\n\(K.ageSecret)\n")
        #expect(try Identity.parseAll(identity.fileText(), source: "v")[0].recipient == identity.recipient)
    }

    @Test func parsesSeveralKeysWithCommentsAndCRLF() throws {
        let second = Identity.generate(source: "x")
        let text = "# created: 2024-05-01T12:00:00Z\r\n# public key: \(K.ageRecipient)\r\n\(K.ageSecret)\r\n\r\n  \(second.encodedSecret!)  \r\n"
        let identities = try Identity.parseAll(text, source: "keys.txt")
        #expect(identities.map(\.recipient) == [try Recipient.parse(K.ageRecipient), second.recipient])
    }

    @Test func descriptionShowsNoSecret() throws {
        let identity = try Identity.parseAll(K.ageSecret, source: "~/.config/hush/identity")[0]
        #expect(identity.description == "\(K.ageRecipient) (\(identity.recipient.fingerprint)) from ~/.config/hush/identity")
        #expect(!String(describing: identity).contains("QYPQXPQ"))
        #expect(!String(reflecting: identity).contains("QYPQXPQ"))
    }

    @Test func refusesBadAgeIdentityFiles() {
        var badChecksum = K.ageSecret
        badChecksum.removeLast()
        badChecksum += "F"
        let cases: [(String, String)] = [
            ("# only a comment\n", "id: no identity found"),
            ("", "id: no identity found"),
            ("# c\n\(badChecksum)\n", "id:2:1: not a valid age secret key: it has a bad checksum"),
            ("\(K.ageSecret) extra", "id:1:1: unexpected text after the secret key"),
            ("\(K.ageRecipient)\n", "id:1:1: this is a public key"),
            ("\(K.sshLine) me@host\n", "id:1:1: this is a public key"),
            ("AGE-PLUGIN-YUBIKEY-1QQQQQQQQQQ\n", "id:1:1: age plugin keys are not supported"),
            ("\(K.ageSecret)\nhello\n", "id:2:1: not an identity"),
            (Bech32.encode(hrp: "AGE-SECRET-KEY-", data: [1, 2, 3]), "id:1:1: not a valid age secret key: it does not hold a 32-byte key"),
            ("-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n", "id: passphrase-protected age identity files"),
            ("age-encryption.org/v1\n-> scrypt abc 18\n", "id: passphrase-protected age identity files"),
            ("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n", "id: this private key format is not supported"),
            ("-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----\n", "id: this is a public key"),
        ]
        for (text, prefix) in cases {
            let error = K.badInput { _ = try Identity.parseAll(text, source: "id") }
            #expect(error?.message.hasPrefix(prefix) == true, "\(error?.message ?? "no error") for \(prefix)")
            #expect(error?.description.contains("QYPQXPQ") == false)
        }
    }

    // MARK: OpenSSH identities (synthetic keys built from the RFC 8032 test key)

    @Test func parsesAnOpenSSHEd25519Key() throws {
        let text = OpenSSHKeyBuilder().armored()
        let identity = try #require(try Identity.parseAll(text, source: "~/.ssh/id_ed25519").first)
        #expect(identity.recipient.kind == .sshEd25519)
        #expect(identity.recipient.text == K.sshLine)
        #expect(identity.recipient == (try Recipient.parse(K.sshLine + " test@example")))
        #expect(identity.encodedSecret == nil)
        #expect(identity.source == "~/.ssh/id_ed25519")
        #expect(KeyAgreement.publicKey(of: identity.secretKey) == identity.recipient.x25519PublicKey)

        let message = KeyDerivation.randomDataKey()
        let box = try KeyAgreement.seal(message, to: identity.recipient.x25519PublicKey)
        let opened = try KeyAgreement.open(box, publicKey: identity.recipient.x25519PublicKey, secretKey: identity.secretKey)
        #expect(opened.isEqual(to: message))
    }

    @Test func refusesPassphraseProtectedOpenSSHKey() {
        var key = OpenSSHKeyBuilder()
        key.cipher = "aes256-ctr"
        key.kdf = "bcrypt"
        let error = K.badInput { _ = try Identity.parseAll(key.armored(), source: "~/.ssh/id_ed25519") }
        #expect(error?.message == "~/.ssh/id_ed25519: this SSH key is protected by a passphrase")
        #expect(error?.hint?.contains("hush keygen") == true && error?.hint?.contains("ssh-keygen -p") == true)
    }

    @Test func refusesOtherOpenSSHKeyTypes() {
        for type in ["ssh-rsa", "ecdsa-sha2-nistp256"] {
            var key = OpenSSHKeyBuilder()
            key.type = type
            let error = K.badInput { _ = try Identity.parseAll(key.armored(), source: "k") }
            #expect(error?.message == "k: \(type) key type is not supported; use ssh-ed25519 or age")
        }
    }

    @Test func refusesDamagedOpenSSHKeys() {
        var builders: [(OpenSSHKeyBuilder, String)] = []
        var b = OpenSSHKeyBuilder()
        b.keyCount = 2
        builders.append((b, "holds 2 keys"))
        b = OpenSSHKeyBuilder()
        b.check2 ^= 1
        builders.append((b, "check numbers differ"))
        b = OpenSSHKeyBuilder()
        b.padding = [2]
        builders.append((b, "padding is wrong"))
        b = OpenSSHKeyBuilder()
        b.magic = Array("openssh-key-v2\0".utf8)
        builders.append((b, "not an openssh-key-v1 key"))
        b = OpenSSHKeyBuilder()
        b.trailing = [0]
        builders.append((b, "length is wrong"))
        b = OpenSSHKeyBuilder()
        b.truncate = 20
        builders.append((b, "truncated"))
        b = OpenSSHKeyBuilder()
        b.privatePublicKey = RecipientTestKeys.hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
        builders.append((b, "does not match its public key"))
        // A consistent file whose stored public key is not the seed's (RFC 8032 test 2 key).
        b = OpenSSHKeyBuilder()
        b.publicKey = RecipientTestKeys.hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
        builders.append((b, "private and public parts do not belong together"))
        for (builder, why) in builders {
            let error = K.badInput { _ = try Identity.parseAll(builder.armored(), source: "k") }
            #expect(error?.message.contains(why) == true, "\(error?.message ?? "no error"), expected \(why)")
        }
        let armor = OpenSSHKeyBuilder().armored()
        K.badInput(containing: "after") { _ = try Identity.parseAll(armor + "extra\n", source: "k") }
        K.badInput(containing: "missing") { _ = try Identity.parseAll(String(armor.dropLast(36)), source: "k") }
        let corrupted = armor.replacingFirst("AAAA", with: "AA*A")
        K.badInput(containing: "base64") { _ = try Identity.parseAll(corrupted, source: "k") }
    }
}

/// Builds `openssh-key-v1` files from the RFC 8032 test key, with knobs to damage them.
struct OpenSSHKeyBuilder {
    var magic = Array("openssh-key-v1".utf8) + [0]
    var cipher = "none"
    var kdf = "none"
    var keyCount: UInt32 = 1
    var type = "ssh-ed25519"
    var publicKey = RecipientTestKeys.ed25519Public
    var privatePublicKey: [UInt8]? = nil
    var check2: UInt32 = 0x5EC2_E7A1
    var padding: [UInt8]? = nil
    var trailing: [UInt8] = []
    var truncate = 0

    func binary() -> [UInt8] {
        let pk = privatePublicKey ?? publicKey
        var section = uint32(0x5EC2_E7A1) + uint32(check2)
        section += SSHWire.string(Array(type.utf8)) + SSHWire.string(pk)
        section += SSHWire.string(RecipientTestKeys.ed25519Seed + pk) + SSHWire.string(Array("test@example".utf8))
        section += padding ?? (0..<((8 - section.count % 8) % 8)).map { UInt8($0 + 1) }
        var out = magic + SSHWire.string(Array(cipher.utf8)) + SSHWire.string(Array(kdf.utf8)) + SSHWire.string([UInt8]())
        out += uint32(keyCount) + SSHWire.string(SSHWire.string(Array(type.utf8)) + SSHWire.string(publicKey))
        out += SSHWire.string(section) + trailing
        return Array(out.dropLast(truncate))
    }

    func armored() -> String {
        let body = Array(Sodium.base64Encode(binary(), .original))
        var text = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        for start in stride(from: 0, to: body.count, by: 70) {
            text += String(body[start..<min(start + 70, body.count)]) + "\n"
        }
        return text + "-----END OPENSSH PRIVATE KEY-----\n"
    }

    private func uint32(_ n: UInt32) -> [UInt8] {
        [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
    }
}
