import Testing

@testable import HushKit

@Suite struct RecipientsFileTests {
    typealias K = RecipientTestKeys

    @Test func parsesCommentsBlankLinesAndSeveralKeys() throws {
        let other = Identity.generate(source: "test").recipient
        let text = """
            # Alice: laptop and CI

              \(K.ageRecipient)  
            \(K.sshLine) alice@laptop
            #   \(other.text) (retired)
            \(other.text)

            """
        let recipients = try RecipientsFile.parse(text, name: "alice")
        #expect(recipients.map(\.text) == [K.ageRecipient, K.sshLine, other.text])
        #expect(recipients.map(\.kind) == [.x25519, .sshEd25519, .x25519])
    }

    @Test func acceptsWindowsLineEndingsAndByteOrderMark() throws {
        let text = "\u{FEFF}# team\r\n\(K.ageRecipient)\r\n\(K.sshLine) bob@host\r\n"
        #expect(try RecipientsFile.parse(text, name: "team").count == 2)
        K.badInput(prefix: "recipients/bom.pub:1:1: ") { _ = try RecipientsFile.parse("\u{FEFF}nonsense\r\n", name: "bom") }
    }

    @Test func keepsEachKeyOnce() throws {
        let text = "\(K.ageRecipient)\n\(K.ageRecipient.uppercased())\n\(K.sshLine) a\n\(K.sshLine) b\n"
        #expect(try RecipientsFile.parse(text, name: "dup").map(\.text) == [K.ageRecipient, K.sshLine])
    }

    @Test func refusesAPastedPrivateKeyNamingOnlyFileAndLine() {
        let text = "# bob\n\(K.ageRecipient)\n\(K.ageSecret)\n"
        let error = K.badInput { _ = try RecipientsFile.parse(text, name: "bob") }
        #expect(error?.message.hasPrefix("recipients/bob.pub:3:1: ") == true)
        #expect(error?.message.contains("PRIVATE key") == true)
        #expect(error?.description.contains("QYPQXPQ") == false)
    }

    @Test func refusesAPrivateKeyEvenInACommentOrAfterAnotherError() {
        let commented = "\(K.ageRecipient)\n  # \(K.ageSecret)\n"
        K.badInput(prefix: "recipients/c.pub:2:3: ") { _ = try RecipientsFile.parse(commented, name: "c") }
        let afterGarbage = "garbage\nssh-rsa AAAA\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
        K.badInput(prefix: "recipients/d.pub:3:1: ") { _ = try RecipientsFile.parse(afterGarbage, name: "d") }
    }

    @Test func aCommentMerelyMentioningSecretKeysIsFine() throws {
        let text = "# never paste an AGE-SECRET-KEY-1… line here\n\(K.ageRecipient)\n"
        #expect(try RecipientsFile.parse(text, name: "ok").count == 1)
    }

    @Test func reportsTheFirstBadLine() {
        let text = "\(K.ageRecipient)\n\n   ssh-rsa AAAAB3NzaC1yc2E user@host\n"
        let error = K.badInput { _ = try RecipientsFile.parse(text, name: "ops") }
        #expect(error?.message.hasPrefix("recipients/ops.pub:3:4: ssh-rsa key type is not supported") == true)
    }

    @Test func needsAtLeastOneKey() {
        for text in ["", "\n\n", "# nobody yet\n"] {
            let error = K.badInput { _ = try RecipientsFile.parse(text, name: "empty") }
            #expect(error?.message == "recipients/empty.pub: no public key found")
        }
    }

    @Test func renderRoundTrips() throws {
        let recipients = [try Recipient.parse(K.ageRecipient), try Recipient.parse(K.sshLine + " alice@laptop")]
        let text = RecipientsFile.render(recipients, comment: "Alice\n\nadded by hush")
        #expect(text == "# Alice\n#\n# added by hush\n\(K.ageRecipient)\n\(K.sshLine)\n")
        #expect(try RecipientsFile.parse(text, name: "alice") == recipients)
        #expect(RecipientsFile.render(recipients, comment: nil) == "\(K.ageRecipient)\n\(K.sshLine)\n")
    }
}
