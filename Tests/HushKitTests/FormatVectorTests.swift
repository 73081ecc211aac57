import Foundation
import Testing

@testable import HushKit

/// Checks every test vector in docs/format.md §10 (and regenerates them on request).
@Suite struct FormatVectorTests {
    struct Vector {
        var title: String
        var fields: [String: String] = [:]
        var plaintext: String?
        var sealed: String = ""
    }

    static let specPath: String = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("docs/format.md").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("docs/format.md").path
    }()

    /// Vectors are `### Vector` sections with fenced blocks tagged `hush-vector`, `plaintext`, `sealed`.
    static func vectors() throws -> [Vector] {
        let text = try String(contentsOfFile: specPath, encoding: .utf8)
        var result: [Vector] = []
        for section in text.components(separatedBy: "\n### Vector ").dropFirst() {
            var vector = Vector(title: String(section.prefix { $0 != "\n" }))
            var lines = section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
            while let line = lines.popFirst() {
                guard line.hasPrefix("```"), line.count > 3 else { continue }
                let tag = String(line.dropFirst(3))
                var block = ""
                while let next = lines.popFirst(), next != "```" { block += next + "\n" }
                switch tag {
                case "hush-vector":
                    for field in block.split(separator: "\n") {
                        let parts = field.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                        vector.fields[parts[0]] = parts[1]
                    }
                case "plaintext": vector.plaintext = block
                case "sealed": vector.sealed = block
                default: break
                }
            }
            result.append(vector)
        }
        return result
    }

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var chars = text.makeIterator()
        while let a = chars.next(), let b = chars.next() { bytes.append(UInt8(String([a, b]), radix: 16)!) }
        return bytes
    }

    @Test func everyVectorInTheSpecHolds() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 8, "docs/format.md should carry the vectors")
        for var vector in vectors {
            let syntax = Syntax(rawValue: vector.fields["syntax"] ?? "") ?? .dotenv
            let identities = try Identity.parseAll(vector.fields["identity"] ?? "", source: "vector")
            let expect = vector.fields["expect"] ?? "ok"
            if vector.fields["plaintext-final-newline"] == "no" { vector.plaintext?.removeLast() }
            do {
                let file = try SealedFile.parse(Array(vector.sealed.utf8), syntax: syntax, file: "vector")
                let keys = try file.unlock(with: identities)
                let opened = try file.decrypt(keys)
                #expect(expect == "ok", "\(vector.title): opened but should fail with \(expect)")
                #expect(String(decoding: opened.plaintext, as: UTF8.self) == vector.plaintext, "\(vector.title)")
                var dek = keys.dek.copyBytes()
                #expect(dek == Self.hex(vector.fields["dek"] ?? ""), "\(vector.title): DEK")
                Sodium.wipe(&dek)
                // Re-sealing with the same DEK and nonces gives the same body and tokens.
                var nonces = (vector.fields["nonces"] ?? "").split(separator: " ").map { Self.hex(String($0)) }[...]
                let again = try Sealer.seal(
                    opened.plaintext, syntax: syntax, file: "vector", recipients: opened.currentRecipients(), keys: keys, previous: nil,
                    nonces: { nonces.popFirst()! }, now: file.trailer.modified)
                let (body, _) = try Trailer.split(again, file: "vector")
                #expect(body == file.body, "\(vector.title): body")
            } catch let error as HushError {
                let kind = ["integrity": HushError.Kind.integrity, "no-key": .noKey][expect]
                #expect(error.kind == kind, "\(vector.title): \(error.message)")
            }
        }
    }

    /// `HUSH_WRITE_VECTORS=FILE swift test --filter writeVectors` prints fresh vectors to FILE
    /// for pasting into docs/format.md.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HUSH_WRITE_VECTORS"] != nil))
    func writeVectors() throws {
        let out = ProcessInfo.processInfo.environment["HUSH_WRITE_VECTORS"]!
        try VectorWriter.markdown().write(toFile: out, atomically: true, encoding: .utf8)
    }
}

/// Builds the vectors of docs/format.md §10 from fixed keys and nonces.
enum VectorWriter {
    /// Test-only identities with fixed secret bytes (0x42… and 0x07…).
    static let identity = Bech32.encode(hrp: "age-secret-key-", data: [UInt8](repeating: 0x42, count: 32)).uppercased()
    static let other = Bech32.encode(hrp: "age-secret-key-", data: [UInt8](repeating: 0x07, count: 32)).uppercased()

    static func markdown() throws -> String {
        let me = try Identity.parseAll(identity, source: "vector")[0]
        let dek = (0..<32).map { UInt8($0) }
        var dekCopy = dek
        let keys = FileKeys(dek: SecretBytes(consuming: &dekCopy))
        var counter: UInt8 = 0
        func nonceSource() -> [UInt8] {
            counter += 1
            return [UInt8](repeating: counter, count: 24)
        }
        let hex = { (bytes: [UInt8]) in bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }
        var out = ""
        func emit(
            _ title: String, _ syntax: Syntax, _ plaintext: String, expect: String = "ok", identity: String = identity, exposing: [String] = [],
            mutate: ((String) -> String)? = nil
        ) throws {
            counter = 0
            var nonces: [String] = []
            let sealed = try Sealer.seal(
                Array(plaintext.utf8), syntax: syntax, file: "vector", recipients: [NamedRecipient(name: "vector", recipient: me.recipient)],
                keys: keys, previous: nil, exposing: exposing,
                nonces: {
                    let n = nonceSource(); nonces.append(hex(n)); return n
                }, now: "2026-01-01T00:00:00Z")
            var text = String(decoding: sealed, as: UTF8.self)
            if let mutate { text = mutate(text) }
            out +=
                "\n### Vector \(title)\n\n```hush-vector\nsyntax: \(syntax.rawValue)\nidentity: \(identity)\ndek: \(hex(dek))\nnonces: \(nonces.joined(separator: " "))\nexpect: \(expect)\n\(plaintext.hasSuffix("\n") ? "" : "plaintext-final-newline: no\n")```\n\n"
            // A plaintext without a final newline is shown with one and flagged.
            if expect == "ok" { out += "```plaintext\n\(plaintext)\(plaintext.hasSuffix("\n") ? "" : "\n")```\n\n" }
            out += "```sealed\n\(text)```\n"
        }
        let env = "# database\nDB_URL=postgres://u:p@db/app\nexport API_KEY=\"sk-\\\"x\\\"\"\nEMPTY=\n"
        let yaml = "# service\ndb:\n  host: db.internal  # primary\n  port: 5432\nflags: [a, \"b\"]\nnote: |\n  line one\n  line two\n"
        try emit("1: dotenv", .dotenv, env)
        try emit("2: YAML with types, flow and block scalars", .yaml, yaml)
        try emit("3: no final newline", .dotenv, "A=1")
        try emit("4 (must fail): a flipped bit in a token", .dotenv, env, expect: "integrity") {
            $0.replacingOccurrences(of: "DB_URL=ENC[hush:v1,s,AQ", with: "DB_URL=ENC[hush:v1,s,AR")
        }
        try emit("5 (must fail): a value moved to another key", .dotenv, "A=one\nB=two\n", expect: "integrity") { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let a = lines[0].dropFirst(2), b = lines[1].dropFirst(2)
            lines[0] = "A=" + b
            lines[1] = "B=" + a
            return lines.joined(separator: "\n")
        }
        try emit("6 (must fail): a flipped bit in the MAC", .dotenv, env, expect: "integrity") { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let i = lines.firstIndex { $0.hasPrefix("#hush:mac ") }!
            var chars = Array(lines[i])
            chars[15] = chars[15] == "A" ? "B" : "A"
            lines[i] = String(chars)
            return lines.joined(separator: "\n")
        }
        try emit("7 (must fail): a recipient line added by hand", .dotenv, env, expect: "integrity") { text in
            text.replacingOccurrences(
                of: "#hush:recipient vector", with: "#hush:recipient mallory \(me.recipient.text) \(String(repeating: "A", count: 107))\n#hush:recipient vector"
            )
        }
        try emit("8 (must fail): a wrong identity", .dotenv, env, expect: "no-key", identity: other)
        try emit("9 (must fail): format version 2", .dotenv, env, expect: "integrity") {
            $0.replacingOccurrences(of: "#hush:version 1", with: "#hush:version 2")
        }
        let marked = "db:\n  password: hunter2\n  \"a.b\": x\n  empty:\n"
        try emit("10: exposed marks after a member lost access", .yaml, marked, exposing: ["bob", "carol"])
        try emit("11 (must fail): an exposed mark removed by hand", .yaml, marked, expect: "integrity", exposing: ["bob", "carol"]) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#hush:exposed ") }.joined(separator: "\n")
        }
        return out
    }
}
