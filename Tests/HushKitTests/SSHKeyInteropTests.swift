import Testing

@testable import HushKit

/// Hush's reading of OpenSSH keys against keys made by the real `ssh-keygen`.
@Suite(.enabled(if: KeyTools.hasSSHKeygen, "needs ssh-keygen on PATH"))
struct SSHKeyInteropTests {
    private func keygen(_ dir: String, _ arguments: [String]) throws -> (key: String, pub: String) {
        let file = dir + "/id"
        try KeyTools.run(KeyTools.sshKeygen, ["-q", "-C", "user@host", "-f", file] + arguments)
        return (try KeyTools.read(file), try KeyTools.read(file + ".pub"))
    }

    @Test func ed25519KeyPairAgreesWithItsPubFile() throws {
        try KeyTools.withTemporaryDirectory { dir in
            let (key, pub) = try keygen(dir, ["-t", "ed25519", "-N", ""])
            let identity = try #require(try Identity.parseAll(key, source: dir + "/id").first)
            let recipient = try Recipient.parse(pub)
            #expect(identity.recipient.x25519PublicKey == recipient.x25519PublicKey)
            #expect(identity.recipient == recipient)
            #expect(pub.hasPrefix(recipient.text + " user@host"))
            #expect(try RecipientsFile.parse(pub, name: "user") == [recipient])

            let message = KeyDerivation.randomDataKey()
            let box = try KeyAgreement.seal(message, to: recipient.x25519PublicKey)
            let opened = try KeyAgreement.open(box, publicKey: identity.recipient.x25519PublicKey, secretKey: identity.secretKey)
            #expect(opened.isEqual(to: message))
        }
    }

    @Test func passphraseProtectedKeyIsRefusedClearly() throws {
        try KeyTools.withTemporaryDirectory { dir in
            let (key, pub) = try keygen(dir, ["-t", "ed25519", "-N", "secret"])
            let error = RecipientTestKeys.badInput { _ = try Identity.parseAll(key, source: "~/.ssh/id_ed25519") }
            #expect(error?.message == "~/.ssh/id_ed25519: this SSH key is protected by a passphrase")
            #expect(error?.hint?.contains("ssh-keygen -p") == true)
            // Its public key is still a fine recipient.
            #expect(try Recipient.parse(pub).kind == .sshEd25519)
        }
    }

    @Test(arguments: [
        (["-t", "rsa", "-b", "2048"], "ssh-rsa"),
        (["-t", "ecdsa"], "ecdsa-sha2-nistp256"),
    ])
    func otherKeyTypesAreUnsupported(_ arguments: [String], _ type: String) throws {
        try KeyTools.withTemporaryDirectory { dir in
            let (key, pub) = try keygen(dir, arguments + ["-N", ""])
            let keyError = RecipientTestKeys.badInput { _ = try Identity.parseAll(key, source: "k") }
            #expect(keyError?.message == "k: \(type) key type is not supported; use ssh-ed25519 or age")
            let pubError = RecipientTestKeys.badInput { _ = try Recipient.parse(pub) }
            #expect(pubError?.message == "invalid recipient: \(type) key type is not supported; use ssh-ed25519 or age")
        }
    }

    @Test func pemFormatKeyIsUnsupported() throws {
        try KeyTools.withTemporaryDirectory { dir in
            let (key, _) = try keygen(dir, ["-t", "rsa", "-b", "2048", "-m", "PEM", "-N", ""])
            #expect(key.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
            let error = RecipientTestKeys.badInput { _ = try Identity.parseAll(key, source: "k") }
            #expect(error?.message.hasPrefix("k: this private key format is not supported") == true)
        }
    }

    @Test func pubFileIsRefusedAsIdentityAndKeyAsRecipient() throws {
        try KeyTools.withTemporaryDirectory { dir in
            let (key, pub) = try keygen(dir, ["-t", "ed25519", "-N", ""])
            RecipientTestKeys.badInput(containing: "public key") { _ = try Identity.parseAll(pub, source: "p") }
            let error = RecipientTestKeys.badInput { _ = try RecipientsFile.parse(key, name: "oops") }
            #expect(error?.message.hasPrefix("recipients/oops.pub:1:1: ") == true)
            let body = key.split(separator: "\n")[1]
            #expect(error?.description.contains(body.prefix(40)) == false)
        }
    }
}
