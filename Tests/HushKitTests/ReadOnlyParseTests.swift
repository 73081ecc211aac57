import Testing

@testable import HushKit

/// `SealedFile.parse(readOnly: true)` reads tokens from the body's bytes instead of leaf text
/// (a dotenv body's unquoted values, every value of a YAML body); it must accept and refuse
/// exactly what the ordinary parse does.
@Suite struct ReadOnlyParseTests {
    static func sealed(_ text: String) throws -> String {
        let writer = NamedRecipient(name: "w", recipient: TestSigning.writer.recipient)
        let bytes = try Sealer.seal(Array(text.utf8), syntax: .dotenv, file: "t.env", recipients: [writer], keys: .random(), previous: nil)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func outcome(_ text: String, readOnly: Bool, syntax: Syntax = .dotenv) -> String {
        do {
            let file = try SealedFile.parse(
                Array(text.utf8), syntax: syntax, file: syntax == .dotenv ? "t.env" : "t.yaml", context: TestSigning.context, readOnly: readOnly)
            return file.tokens.indices.map { file.token(at: $0)?.text ?? "-" }.joined(separator: "|")
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

    /// Tokens in block and flow context, tagged and not; variants write one of them in a form
    /// §5.2 does not allow, or damage it.
    @Test func yamlSameTokensAndSameRefusals() throws {
        let writer = NamedRecipient(name: "w", recipient: TestSigning.writer.recipient)
        let plain = "a: one\nb: [two, \"three\"]\nc: {d: four}\ne: !!str five\nf:\n"
        let good = String(
            decoding: try Sealer.seal(Array(plain.utf8), syntax: .yaml, file: "t.yaml", recipients: [writer], keys: .random(), previous: nil),
            as: UTF8.self)
        let block = try #require(good.split(separator: "\n").first { $0.hasPrefix("a: ") }).dropFirst(3)
        let item = try #require(good.split(separator: "\n").first { $0.hasPrefix("b: ") }).dropFirst(5)
        let flow = "\"" + item.prefix { $0 != "\"" } + "\""
        #expect(flow.hasPrefix("\"ENC[") && flow.hasSuffix("]\""))
        let token = flow.dropFirst().dropLast()
        let variants = [
            good,
            good.replacingOccurrences(of: "a: \(block)", with: "a: '\(block)'"),  // quoted in block context
            good.replacingOccurrences(of: "a: \(block)", with: "a: \"\(block)\""),
            good.replacingOccurrences(of: "a: \(block)", with: "a: plaintext"),  // not a token
            good.replacingOccurrences(of: "a: \(block)", with: "a: \(block.replacingOccurrences(of: "v2", with: "v9"))"),
            good.replacingOccurrences(of: "a: \(block)", with: "a: \(block.dropLast(2))]"),  // damaged
            good.replacingOccurrences(of: "a: \(block)", with: "a: \(block.prefix(30))\n  \(block.dropFirst(30))"),  // folded over two lines
            good.replacingOccurrences(of: "\(flow)", with: "\(token)"),  // unquoted in a flow collection
            good.replacingOccurrences(of: "\(flow)", with: "'\(token)'"),
            good.replacingOccurrences(of: "\(flow)", with: "\"\\x45\(token.dropFirst())\""),  // an escape that decodes to the token
            good.replacingOccurrences(of: "\(flow)", with: "\"plain\""),
            good.replacingOccurrences(of: "\(flow)", with: "\"\(token)x\""),
        ]
        for (i, text) in variants.enumerated() {
            let ordinary = Self.outcome(text, readOnly: false, syntax: .yaml)
            let readOnly = Self.outcome(text, readOnly: true, syntax: .yaml)
            #expect(ordinary == readOnly, "variant \(i)")
            #expect(i == 0 ? !ordinary.hasPrefix("error") : ordinary.hasPrefix("error"), "variant \(i): \(ordinary)")
        }
    }
}
