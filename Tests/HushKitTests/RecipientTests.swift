import Testing

@testable import HushKit

/// Fixed keys shared by the recipient and identity tests.
enum RecipientTestKeys {
    /// The age identity with secret bytes 1...32 and its recipient as `age-keygen -y` prints it.
    static let ageSecret = "AGE-SECRET-KEY-1QYPQXPQ9QCRSSZG2PVXQ6RS0ZQG3YYC5Z5TPWXQERGD3C8G7RUSQGPQYEE"
    static let ageRecipient = "age1q73he0q5yzfu3d64msd3p6rvksnrwjk3d2598mgtmlqt9wrdr37q2vrn72"

    /// RFC 8032 §7.1 test 1: an Ed25519 seed and its public key.
    static let ed25519Seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    static let ed25519Public = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    /// Its OpenSSH public key line (computed independently of Hush).
    static let sshLine = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea"

    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.utf8).map { UInt8(ascii: "0") <= $0 && $0 <= UInt8(ascii: "9") ? $0 - 48 : $0 - 87 }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    /// Expects `body` to throw a `.badInput` `HushError` with a hint, whose message contains
    /// `containing` and starts with `prefix` when given; returns it for further checks.
    ///
    /// Call sites assign the result instead of nesting this call in `#expect(…)`: with Swift
    /// 6.3.1, a closure literal inside `#expect(…)` in a closure (such as a temporary-directory
    /// block) can share its symbol with the next closure there, which then runs the wrong code.
    @discardableResult
    static func badInput(
        containing: String? = nil, prefix: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) -> HushError? {
        let error = #expect(throws: HushError.self, sourceLocation: sourceLocation) { try body() }
        guard let error else { return nil }
        #expect(error.kind == .badInput, sourceLocation: sourceLocation)
        #expect(error.hint != nil, sourceLocation: sourceLocation)
        if let containing {
            #expect(error.message.contains(containing), "\(error.message)", sourceLocation: sourceLocation)
        }
        if let prefix {
            #expect(error.message.hasPrefix(prefix), "\(error.message)", sourceLocation: sourceLocation)
        }
        return error
    }
}

@Suite struct RecipientTests {
    typealias K = RecipientTestKeys

    @Test func parsesAgeRecipient() throws {
        let r = try Recipient.parse("  \(K.ageRecipient)\t\n")
        #expect(r.kind == .x25519)
        #expect(r.text == K.ageRecipient)
        #expect(r.x25519PublicKey == (try Bech32.decode(K.ageRecipient).data))
        #expect(r.description == K.ageRecipient)
    }

    @Test func uppercaseAgeRecipientIsCanonicalisedToLowercase() throws {
        let r = try Recipient.parse(K.ageRecipient.uppercased())
        #expect(r == (try Recipient.parse(K.ageRecipient)))
        #expect(r.text == K.ageRecipient)
    }

    @Test func parsesSSHEd25519AndDropsComment() throws {
        let plain = try Recipient.parse(K.sshLine)
        let commented = try Recipient.parse(K.sshLine + "  alice@laptop  work key")
        #expect(plain.kind == .sshEd25519)
        #expect(plain.text == K.sshLine)
        #expect(commented == plain)
        #expect(plain.x25519PublicKey == (try KeyAgreement.x25519PublicKey(fromEd25519: K.ed25519Public)))
    }

    @Test func fingerprintFollowsTheDocumentedRule() throws {
        let r = try Recipient.parse(K.ageRecipient)
        let expected = "SHA256:" + Sodium.base64Encode(SHA256.hash(r.x25519PublicKey), .original).prefix(16)
        #expect(r.fingerprint == expected)
        #expect(r.fingerprint.count == 7 + 16)
        #expect(try Recipient.parse(K.sshLine).fingerprint != r.fingerprint)
    }

    @Test func refusesPrivateKeysWithoutEchoingThem() {
        for text in [
            K.ageSecret, K.ageSecret.lowercased(), "-----BEGIN OPENSSH PRIVATE KEY-----",
            "-----BEGIN RSA PRIVATE KEY-----", "AGE-PLUGIN-YUBIKEY-1QQQQQQ",
            "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
        ] {
            let error = K.badInput { _ = try Recipient.parse(text) }
            #expect(error?.message.contains("PRIVATE key") == true)
            #expect(error?.description.contains("QYPQXPQ") == false)
            #expect(error?.hint?.contains("ssh-keygen -y") == true)
        }
    }

    @Test func refusesOtherSSHKeyTypes() {
        for type in ["ssh-rsa", "ecdsa-sha2-nistp256", "ssh-dss", "sk-ssh-ed25519@openssh.com"] {
            let error = K.badInput { _ = try Recipient.parse("\(type) AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host") }
            #expect(error?.message.contains("\(type) key type is not supported") == true)
        }
        // An ssh-ed25519 label on a blob of another type is caught too.
        let rsaBlob = Sodium.base64Encode(SSHWire.string(Array("ssh-rsa".utf8)) + SSHWire.string([1, 0, 1]), .original)
        let error = K.badInput { _ = try Recipient.parse("ssh-ed25519 \(rsaBlob)") }
        #expect(error?.message.contains("ssh-rsa key type is not supported") == true)
    }

    @Test func refusesMalformedAgeRecipients() {
        var badChecksum = K.ageRecipient
        badChecksum.removeLast()
        badChecksum += "3"
        K.badInput(containing: "bad checksum") { _ = try Recipient.parse(badChecksum) }
        K.badInput { _ = try Recipient.parse("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqsbogus") }
        K.badInput { _ = try Recipient.parse(String(K.ageRecipient.prefix(40))) }
        let shortKey = Bech32.encode(hrp: "age", data: [UInt8](repeating: 9, count: 31))
        K.badInput(containing: "31 bytes instead of 32") { _ = try Recipient.parse(shortKey) }
        let otherHRP = Bech32.encode(hrp: "agf", data: [UInt8](repeating: 9, count: 32))
        K.badInput { _ = try Recipient.parse(otherHRP) }
        K.badInput(containing: "unexpected text") { _ = try Recipient.parse(K.ageRecipient + " # alice") }
    }

    @Test func refusesAgePluginRecipients() {
        let plugin = Bech32.encode(hrp: "age1yubikey", data: [UInt8](repeating: 7, count: 33))
        K.badInput(containing: "plugin") { _ = try Recipient.parse(plugin) }
    }

    @Test func refusesSmallOrderX25519Points() {
        var one = [UInt8](repeating: 0, count: 32)
        one[0] = 1
        for point in [[UInt8](repeating: 0, count: 32), one] {
            let text = Bech32.encode(hrp: "age", data: point)
            K.badInput(containing: "not a valid curve point") { _ = try Recipient.parse(text) }
        }
    }

    @Test func refusesSmallOrderEd25519Points() {
        var identity = [UInt8](repeating: 0, count: 32)
        identity[0] = 1
        for point in [[UInt8](repeating: 0, count: 32), identity] {
            let line = "ssh-ed25519 " + Sodium.base64Encode(SSHWire.ed25519Blob(publicKey: point), .original)
            K.badInput(containing: "not a valid curve point") { _ = try Recipient.parse(line) }
        }
    }

    @Test func refusesMalformedSSHKeys() {
        K.badInput(containing: "missing") { _ = try Recipient.parse("ssh-ed25519") }
        K.badInput(containing: "base64") { _ = try Recipient.parse("ssh-ed25519 AAAA#C3Nz") }
        // Cut short: a 31-byte key.
        let short = Sodium.base64Encode(SSHWire.string(Array("ssh-ed25519".utf8)) + SSHWire.string(K.ed25519Public.dropLast()), .original)
        K.badInput(containing: "damaged") { _ = try Recipient.parse("ssh-ed25519 \(short)") }
        // Trailing bytes after the key.
        let long = Sodium.base64Encode(SSHWire.ed25519Blob(publicKey: K.ed25519Public) + [0], .original)
        K.badInput { _ = try Recipient.parse("ssh-ed25519 \(long)") }
    }

    @Test func refusesEmptyGarbageAndPEMPublicKeys() {
        K.badInput { _ = try Recipient.parse("   ") }
        K.badInput(containing: "not a recognised public key") { _ = try Recipient.parse("hello world") }
        K.badInput(containing: "PEM") { _ = try Recipient.parse("-----BEGIN PUBLIC KEY-----") }
        K.badInput { _ = try Recipient.parse("---- BEGIN SSH2 PUBLIC KEY ----") }
    }

    @Test func errorsForStandaloneRecipientsSayWhatWasExpected() {
        let error = K.badInput { _ = try Recipient.parse("nope") }
        #expect(error?.message.hasPrefix("invalid recipient: ") == true)
    }
}
