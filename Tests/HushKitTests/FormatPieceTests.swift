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
        #expect(KeyPath.display([.key("a.b"), .index(2), .key("c")]) == "a\\.b.2.c")
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
        #expect(token.text.hasPrefix("ENC[hush:v1,s,") && token.text.hasSuffix("]"))
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
        #expect(throws: TokenProblem.unknownVersion("v2")) { try Token.parse(Array("ENC[hush:v2,s,AAAA]".utf8)) }
        #expect(throws: TokenProblem.malformed) { try Token.parse(Array("ENC[hush:v1,x,AAAA]".utf8)) }
        #expect(throws: TokenProblem.malformed) { try Token.parse(Array("ENC[hush:v1,s,AAAA]".utf8)) }
        #expect(throws: TokenProblem.malformed) { try Token.parse(Array("ENC[hush:v1,s,A+AA]".utf8)) }
    }
}

@Suite struct TrailerTests {
    static func sample(_ extra: String = "") -> [UInt8] {
        let wrap = String(repeating: "A", count: 107)
        return Array(
            ("A=1\n#hush:version 1\n#hush:modified 2026-01-01T00:00:00Z\n" + extra
                + "#hush:recipient alice age1abc \(wrap)\n#hush:recipient bob ssh-ed25519 AAAAC3 \(wrap)\n#hush:mac \(String(repeating: "A", count: 43))\n")
                .utf8)
    }

    @Test func splitsAndRendersCanonically() throws {
        let bytes = Self.sample()
        let (body, trailer) = try Trailer.split(bytes, file: "f")
        #expect(body == Array("A=1\n".utf8))
        #expect(trailer.wraps.map(\.name) == ["alice", "bob"])
        #expect(trailer.wraps[1].key == "ssh-ed25519 AAAAC3")
        #expect(body + trailer.render() == bytes)
        let (_, noNewline) = try Trailer.split(Self.sample("#hush:final-newline no\n"), file: "f")
        #expect(!noNewline.finalNewline)
    }

    @Test func rejectsDamage() {
        let good = String(decoding: Self.sample(), as: UTF8.self)
        let cases: [(String, HushError.Kind)] = [
            (good.replacingAll("#hush:version 1", with: "#hush:version 9"), .integrity),
            (good.replacingAll("#hush:modified", with: "#hush:changed"), .integrity),
            (good.replacingAll("recipient alice", with: "recipient zed"), .integrity),
            (String(good.dropLast(5)), .integrity),
            ("A=1\n", .integrity),
            (good + "#hush:extra x\n", .integrity),
        ]
        for (text, kind) in cases {
            #expect(throws: HushError.self) { try Trailer.split(Array(text.utf8), file: "f") }
            do {
                _ = try Trailer.split(Array(text.utf8), file: "f")
            } catch let error as HushError {
                #expect(error.kind == kind)
            } catch {}
        }
        do {
            _ = try Trailer.split(Array(good.replacingAll("#hush:version 1", with: "#hush:version 9").utf8), file: "f")
        } catch let error as HushError {
            #expect(error.message.contains("version 9"))
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
