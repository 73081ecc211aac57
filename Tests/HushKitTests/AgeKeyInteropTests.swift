import Testing

@testable import HushKit

/// Hush's age keys against the real `age` and `age-keygen`: same encodings, same X25519 math.
@Suite(.enabled(if: KeyTools.hasAge, "needs age and age-keygen on PATH"))
struct AgeKeyInteropTests {
    @Test func ageKeygenIdentityParses() throws {
        try KeyTools.withTemporaryDirectory { dir in
            let file = dir + "/key.txt"
            try KeyTools.run(KeyTools.ageKeygen, ["-o", file])
            let text = try KeyTools.read(file)
            let identities = try Identity.parseAll(text, source: file)
            #expect(identities.count == 1)
            let publicLine = text.split(separator: "\n").first { $0.hasPrefix("# public key: ") }
            let printed = try #require(publicLine).dropFirst("# public key: ".count)
            #expect(identities[0].recipient.text == String(printed))
            let derived = try KeyTools.run(KeyTools.ageKeygen, ["-y", file]).stdout
            #expect(identities[0].recipient.text + "\n" == derived)
            let secretLine = try #require(identities[0].encodedSecret) + "\n"
            #expect(text.contains(secretLine))
        }
    }

    @Test func ourIdentityFileGivesOurRecipientInAgeKeygen() throws {
        try KeyTools.withTemporaryDirectory { dir in
            for _ in 0..<3 {
                let identity = Identity.generate(source: "test")
                let file = dir + "/ours.txt"
                try KeyTools.write(identity.fileText(created: "2024-05-01T12:00:00Z"), to: file)
                let derived = try KeyTools.run(KeyTools.ageKeygen, ["-y", file]).stdout
                #expect(derived == identity.recipient.text + "\n")
            }
        }
    }

    @Test func fixedVectorAgreesWithAgeKeygen() throws {
        try KeyTools.withTemporaryDirectory { dir in
            let file = dir + "/fixed.txt"
            try KeyTools.write(RecipientTestKeys.ageSecret + "\n", to: file)
            #expect(try KeyTools.run(KeyTools.ageKeygen, ["-y", file]).stdout == RecipientTestKeys.ageRecipient + "\n")
        }
    }

    @Test func ageEncryptsToOurRecipientAndDecryptsWithOurIdentity() throws {
        try KeyTools.withTemporaryDirectory { dir in
            let identity = Identity.generate(source: "test")
            let keyFile = dir + "/ours.txt"
            try KeyTools.write(identity.fileText(), to: keyFile)
            let plain = "the quick brown fox \(identity.recipient.fingerprint)\n"
            try KeyTools.write(plain, to: dir + "/plain.txt")
            try KeyTools.run(KeyTools.age, ["-r", identity.recipient.text, "-o", dir + "/box.age", dir + "/plain.txt"])
            try KeyTools.run(KeyTools.age, ["-d", "-i", keyFile, "-o", dir + "/out.txt", dir + "/box.age"])
            #expect(try KeyTools.read(dir + "/out.txt") == plain)
            // And a different identity cannot.
            try KeyTools.write(Identity.generate(source: "x").fileText(), to: dir + "/other.txt")
            let refused = try KeyTools.run(KeyTools.age, ["-d", "-i", dir + "/other.txt", dir + "/box.age"], check: false)
            #expect(refused.status != 0)
        }
    }

    @Test func ageAcceptsOurRecipientsFileFormat() throws {
        try KeyTools.withTemporaryDirectory { dir in
            let a = Identity.generate(source: "a")
            let b = Identity.generate(source: "b")
            try KeyTools.write(RecipientsFile.render([a.recipient, b.recipient], comment: "team"), to: dir + "/team.pub")
            try KeyTools.write(b.fileText(), to: dir + "/b.txt")
            try KeyTools.write("hello\n", to: dir + "/plain.txt")
            try KeyTools.run(KeyTools.age, ["-R", dir + "/team.pub", "-o", dir + "/box.age", dir + "/plain.txt"])
            try KeyTools.run(KeyTools.age, ["-d", "-i", dir + "/b.txt", "-o", dir + "/out.txt", dir + "/box.age"])
            #expect(try KeyTools.read(dir + "/out.txt") == "hello\n")
        }
    }
}
