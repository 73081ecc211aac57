import Testing

@testable import HushKit

/// `SealedFile.parse(readOnly: true)` reads a dotenv body's tokens from its bytes instead of
/// leaf text; it must accept and refuse exactly what the ordinary parse does.
@Suite struct ReadOnlyParseTests {
    static func sealed(_ text: String) throws -> String {
        let writer = NamedRecipient(name: "w", recipient: TestSigning.writer.recipient)
        let bytes = try Sealer.seal(Array(text.utf8), syntax: .dotenv, file: "t.env", recipients: [writer], keys: .random(), previous: nil)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func outcome(_ text: String, readOnly: Bool) -> String {
        do {
            let file = try SealedFile.parse(Array(text.utf8), syntax: .dotenv, file: "t.env", context: TestSigning.context, readOnly: readOnly)
            return file.tokens.map { $0?.text ?? "-" }.joined(separator: "|")
        } catch let error as HushError {
            return "error: \(error.message)"
        } catch {
            return "error: \(error)"
        }
    }

    @Test func sameTokensAndSameRefusals() throws {
        let good = try Self.sealed("A=1\nB=\"two words\"\nC=\nD='x' # note\nexport E=5\n")
        let token = try #require(good.split(separator: "\n").first { $0.hasPrefix("A=") }).dropFirst(2)
        let variants = [
            good,
            good.replacingOccurrences(of: "A=\(token)", with: "A=\"\(token)\""),  // a quoted token
            good.replacingOccurrences(of: "A=\(token)", with: "A='\(token)'"),
            good.replacingOccurrences(of: "A=\(token)", with: "A=plaintext"),  // not a token
            good.replacingOccurrences(of: "A=\(token)", with: "A=\(token.replacingOccurrences(of: "v2", with: "v9"))"),
            good.replacingOccurrences(of: "A=\(token)", with: "A=\(token.dropLast())"),  // damaged
            good.replacingOccurrences(of: "A=\(token)", with: "A=\(token)x"),
            good.replacingOccurrences(of: "A=\(token)", with: "A=caf\u{e9}"),  // non-ASCII plaintext
        ]
        for (i, text) in variants.enumerated() {
            let ordinary = Self.outcome(text, readOnly: false)
            let readOnly = Self.outcome(text, readOnly: true)
            #expect(ordinary == readOnly, "variant \(i)")
            #expect(i == 0 ? !ordinary.hasPrefix("error") : ordinary.hasPrefix("error"), "variant \(i): \(ordinary)")
        }
    }
}
