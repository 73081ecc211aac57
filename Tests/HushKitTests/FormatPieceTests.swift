import Testing

@testable import HushKit

@Suite struct KeyPathTests {
    @Test func dottedPathsWithEscapes() throws {
        #expect(try KeyPath.parseDotted("database.password") == ["database", "password"])
        #expect(try KeyPath.parseDotted("a\\.b.c") == ["a.b", "c"])
        #expect(try KeyPath.parseDotted("a\\\\b") == ["a\\b"])
        #expect(throws: HushError.self) { try KeyPath.parseDotted("a..b") }
        #expect(throws: HushError.self) { try KeyPath.parseDotted("a\\x") }
        #expect(throws: HushError.self) { try KeyPath.parseDotted("a\\") }
        #expect(KeyPath.display([.key("a.b"), .index(2), .key("c")]) == "a\\.b.[2].c")
    }

    /// docs/format.md §4: every key path has one text form, and every key can be written:
    /// empty keys, keys that look like indices, keys with spaces, quotes and brackets.
    @Test func notationExpressesEveryKeyOnce() throws {
        let paths: [[PathComponent]] = [
            [.key("")], [.key(""), .key("x")], [.key("0")], [.index(0)], [.key("[0]")], [.key("a b")], [.key("\"\"")],
            [.key("say \"hi\"")], [.key("x"), .index(12), .key("")], [.key("tab\t")], [.key("\u{7F}")],
        ]
        var seen = Set<String>()
        for path in paths {
            let text = KeyPath.display(path)
            #expect(!text.contains(" "), "\(text)")
            #expect(try KeyPath.parseNotation(text) == path, "\(text)")
            #expect(Trailer.isCanonicalPath(text), "\(text)")
            #expect(seen.insert(text).inserted, "\(text) is ambiguous")
        }
        #expect(KeyPath.display([.key("")]) == "\"\"")
        #expect(KeyPath.display([.key("0")]) == "0")
        #expect(KeyPath.display([.index(0)]) == "[0]")
        // Lenient input, one canonical form: `a b` parses but is not the trailer's spelling.
        #expect(try KeyPath.parseNotation("a b") == [.key("a b")])
        #expect(!Trailer.isCanonicalPath("a b"))
        #expect(!Trailer.isCanonicalPath("[01]"))
        #expect(throws: HushError.self) { try KeyPath.parseNotation("a..b") }
        #expect(throws: HushError.self) { try KeyPath.parseNotation("") }
    }

    @Test func encodingIsUnambiguous() {
        #expect(KeyPath.encode([.key("ab")]) != KeyPath.encode([.key("a"), .key("b")]))
        #expect(KeyPath.encode([.key("0")]) != KeyPath.encode([.index(0)]))
        #expect(KeyPath.encode([.key("ab")]) == [0x6B, 0, 0, 0, 2, 0x61, 0x62])
    }

    @Test func variableNames() throws {
        #expect(try KeyPath.variableName([.key("database"), .key("url")], uppercase: true) == "DATABASE_URL")
        #expect(try KeyPath.variableName([.key("hosts"), .index(0)], uppercase: true) == "HOSTS_0")
        #expect(try KeyPath.variableName([.key("lower_Case")], uppercase: false) == "lower_Case")
        #expect(throws: HushError.self) { try KeyPath.variableName([.key("my-key")], uppercase: true) }
        #expect(throws: HushError.self) { try KeyPath.variableName([.key("0abc")], uppercase: true) }
    }
}

@Suite struct TokenTests {
    @Test func sealOpenAndBinding() throws {
        let keys = FileKeys.random()
        let token = Token.seal(raw: Array("\"quoted\"".utf8), type: .string, path: [.key("a")], keys: keys)
        let text = Array(token.text.utf8)
        #expect(token.text.hasPrefix("ENC[hush:v2,s,") && token.text.hasSuffix("]"))
        let parsed = try Token.parse(text)
        #expect(try parsed.open(path: [.key("a")], keys: keys) == Array("\"quoted\"".utf8))
        #expect(throws: CryptoFailure.authentication) { try parsed.open(path: [.key("b")], keys: keys) }
        var retyped = parsed
        retyped.type = .int
        #expect(throws: CryptoFailure.authentication) { try retyped.open(path: [.key("a")], keys: keys) }
        #expect(throws: CryptoFailure.authentication) { try parsed.open(path: [.key("a")], keys: .random()) }
    }

    @Test func lengthIsPadded() {
        let keys = FileKeys.random()
        let short = Token.seal(raw: Array("a".utf8), type: .string, path: [], keys: keys)
        let longer = Token.seal(raw: Array("abcdefghijklmn".utf8), type: .string, path: [], keys: keys)
        #expect(short.payload.count == longer.payload.count)
    }

    @Test func parseRejectsMalformed() {
        #expect(throws: TokenProblem.notAToken) { try Token.parse(Array("plain".utf8)) }
        #expect(throws: TokenProblem.unknownVersion("v3")) { try Token.parse(Array("ENC[hush:v3,s,AAAA]".utf8)) }
        #expect(throws: TokenProblem.malformed) { try Token.parse(Array("ENC[hush:v2,x,AAAA]".utf8)) }
        #expect(throws: TokenProblem.malformed) { try Token.parse(Array("ENC[hush:v2,s,AAAA]".utf8)) }
        #expect(throws: TokenProblem.malformed) { try Token.parse(Array("ENC[hush:v2,s,A+AA]".utf8)) }
    }
}

@Suite struct TrailerTests {
    static let alice = Identity.generate(source: "alice")

    /// A real version 2 file (two recipients, one of them an SSH key, an exposed mark).
    static func sample(finalNewline: Bool = true) throws -> [UInt8] {
        let edKey = Signing.keyPair(seed: SecretBytes(count: 32) { $0.initializeMemory(as: UInt8.self, repeating: 9) }).publicKey
        let ssh = try Recipient.sshEd25519(publicKey: edKey)
        return try Sealer.seal(
            Array((finalNewline ? "A=1\n" : "A=1").utf8), syntax: .dotenv, file: "f",
            recipients: [NamedRecipient(name: "alice", recipient: alice.recipient), NamedRecipient(name: "bob", recipient: ssh)], keys: .random(),
            previous: nil, exposing: ["carol"], now: "2026-01-01T00:00:00Z")
    }

    @Test func splitsAndRendersCanonically() throws {
        let bytes = try Self.sample()
        let (body, trailer) = try Trailer.split(bytes, file: "f")
        #expect(String(decoding: body, as: UTF8.self).hasPrefix("A=ENC[hush:v2,s,"))
        #expect(trailer.wraps.map(\.name) == ["alice", "bob"])
        #expect(trailer.wraps[1].key.hasPrefix("ssh-ed25519 AAAA"))
        #expect(trailer.seq == 1)
        #expect(body + trailer.renderAboveMAC() + trailer.renderSeal() == bytes)
        let (_, noNewline) = try Trailer.split(try Self.sample(finalNewline: false), file: "f")
        #expect(!noNewline.finalNewline)
    }

    /// Every line has one spelling (issue 10, item 1): any other spelling of the same
    /// information is rejected before any key is used.
    @Test func rejectsDamageAndNonCanonicalSpellings() throws {
        let good = String(decoding: try Self.sample(), as: UTF8.self)
        let cases: [String] = [
            good.replacingAll("#hush:version 2", with: "#hush:version 9"),
            good.replacingAll("#hush:version 2", with: "#hush:version 02"),
            good.replacingAll("#hush:version 2", with: "#hush:version +2"),
            good.replacingAll("#hush:seq 1\n", with: "#hush:seq 01\n"),
            good.replacingAll("#hush:seq 1\n", with: "#hush:seq  1\n"),
            good.replacingAll("#hush:modified", with: "#hush:changed"),
            good.replacingAll("#hush:modified 2026-01-01T00:00:00Z", with: "#hush:modified 2026-01-01 00:00:00Z"),
            good.replacingAll("recipient alice age1", with: "recipient alice AGE1"),
            good.replacingAll("recipient alice ", with: "recipient alice  "),
            good.replacingAll("recipient alice", with: "recipient zed"),
            good.replacingAll("#hush:exposed 2026-01-01T00:00:00Z carol", with: "#hush:exposed 2026-01-01T00:00:00Z carol,carol"),
            good.replacingAll("\n#hush:signature", with: "\n#hush:sig"),
            String(good.prefix { $0 != "#" })
                + String(good.split(separator: "\n").filter { !$0.hasPrefix("#hush:signature") }.dropFirst().joined(separator: "\n")) + "\n",
            String(good.dropLast(5)),
            "A=1\n",
            good + "#hush:extra x\n",
            "#hush:comment in the body\n" + good,
        ]
        for text in cases {
            #expect(throws: HushError.self, "\(text)") { try Trailer.split(Array(text.utf8), file: "f") }
            do {
                _ = try Trailer.split(Array(text.utf8), file: "f")
            } catch let error as HushError {
                #expect(error.kind == .integrity)
            } catch {}
        }
        do {
            _ = try Trailer.split(Array(good.replacingAll("#hush:version 2", with: "#hush:version 9").utf8), file: "f")
        } catch let error as HushError {
            #expect(error.message.contains("version 9"))
        } catch {}
        do {
            _ = try Trailer.split(Array(good.replacingAll("#hush:version 2", with: "#hush:version 1").utf8), file: "f")
        } catch let error as HushError {
            #expect(error.hint?.contains("hush upgrade") == true)
        } catch {}
    }
}

@Suite struct TokenBase64Tests {
    /// The fast decoder for public text accepts and rejects exactly what libsodium's strict
    /// constant-time decoder does, and gives the same bytes.
    @Test func agreesWithLibsodium() throws {
        for length in 0...70 {
            let bytes = Sodium.randomBytes(length)
            let text = Array(TokenBase64.encode(bytes).utf8)
            #expect(TokenBase64.decode(text) == bytes)
        }
        let alphabet = Array("AQgwz09-_=+/ .".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(TokenBase64.decode(text) == (try? Sodium.base64Decode(text)), "\(String(decoding: text, as: UTF8.self))")
            #expect(TokenBase64.decodedCount(text) == TokenBase64.decode(text)?.count, "\(String(decoding: text, as: UTF8.self))")
        }
    }

    /// `decodedCount` (a read-only parse checks tokens without keeping their payload) accepts
    /// exactly what `decode` does, long text too (its scratch space is then not on the stack).
    @Test func countingAgreesWithDecoding() {
        for length in [0, 1, 2, 3, 4, 5, 100, 5_000, 100_000] {
            var text = Array(TokenBase64.encode(Sodium.randomBytes(length)).utf8)
            #expect(TokenBase64.decodedCount(text) == length)
            guard !text.isEmpty else { continue }
            text[text.count / 2] = UInt8(ascii: "=")
            #expect(TokenBase64.decodedCount(text) == nil && TokenBase64.decode(text) == nil, "\(length)")
        }
        for text in ["AA", "AB", "AAA", "AAB", "A", "AA==", "A+A/", "AAAA", "AAAAB"] {
            #expect(TokenBase64.decodedCount(Array(text.utf8)) == TokenBase64.decode(Array(text.utf8))?.count, "\(text)")
        }
    }

    @Test func rejectsNonCanonicalText() {
        #expect(TokenBase64.decode(Array("AA".utf8)) == [0])
        #expect(TokenBase64.decode(Array("AB".utf8)) == nil)  // unused bits set
        #expect(TokenBase64.decode(Array("AAA".utf8)) == [0, 0])
        #expect(TokenBase64.decode(Array("AAB".utf8)) == nil)
        #expect(TokenBase64.decode(Array("A".utf8)) == nil)
        #expect(TokenBase64.decode(Array("AA==".utf8)) == nil)
        #expect(TokenBase64.decode(Array("A+A/".utf8)) == nil)
    }
}
