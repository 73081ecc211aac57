import Foundation
import Testing

@testable import HushKit

/// Checks every test vector in docs/format.md §14 (and regenerates them on request).
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
            // A lone CR is shown as `\r` in the spec so that it survives editors and git.
            vector.sealed = vector.sealed.replacingOccurrences(of: "\\r", with: "\r")
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

    /// The team of every vector: `vector` (the vector's identity) and `other`; `vector` may write
    /// unless the vector says `signer-allowed: no`.
    static func membership(env: String, allowed: Bool) throws -> Membership {
        let me = try Identity.parseAll(VectorWriter.identity, source: "vector")[0]
        let other = try Identity.parseAll(VectorWriter.other, source: "vector")[0]
        let policy = allowed ? "" : "environments:\n  \(env): {read: [vector, other], write: [other]}\n"
        return Membership(
            members: [NamedRecipient(name: "vector", recipient: me.recipient), NamedRecipient(name: "other", recipient: other.recipient)],
            policy: try AccessPolicy.parse(Array(policy.utf8), file: "access.yaml", members: ["vector", "other"]),
            signingKeys: ["vector": [me.signingPublicKey.bytes], "other": [other.signingPublicKey.bytes]])
    }

    @Test func everyVectorInTheSpecHolds() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 20, "docs/format.md should carry the vectors")
        for var vector in vectors {
            let syntax = Syntax(rawValue: vector.fields["syntax"] ?? "") ?? .dotenv
            let identities = try Identity.parseAll(vector.fields["identity"] ?? "", source: "vector")
            let expect = vector.fields["expect"] ?? "ok"
            let env = vector.fields["env"] ?? ""
            let context = FileContext(repositoryID: Self.hex(vector.fields["repository"] ?? ""), environment: env)
            if vector.fields["plaintext-final-newline"] == "no" { vector.plaintext?.removeLast() }
            do {
                let file = try SealedFile.parse(Array(vector.sealed.utf8), syntax: syntax, file: "vector", context: context)
                try file.checkSignature(Self.membership(env: env, allowed: vector.fields["signer-allowed"] != "no"))
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
                    opened.plaintext, syntax: syntax, file: "vector", context: context, recipients: opened.currentRecipients(), keys: keys,
                    signer: Signer(name: "vector", identity: identities[0]), seq: file.trailer.seq, previous: nil,
                    nonces: { nonces.popFirst()! }, now: file.trailer.modified)
                let (body, _) = try Trailer.split(again, file: "vector")
                #expect(body == file.body, "\(vector.title): body")
            } catch let error as HushError {
                let kind = ["integrity": HushError.Kind.integrity, "no-key": .noKey][expect]
                #expect(error.kind == kind, "\(vector.title): \(error.message)")
                if let reason = vector.fields["fails-with"] { #expect(error.message.contains(reason), "\(vector.title): \(error.message)") }
            }
        }
    }

    /// The spec's vectors are exactly what `VectorWriter` makes today (nonces, keys and times are
    /// fixed; only the wraps are random, so they are compared without wrap and MAC lines).
    @Test func theSpecCarriesTheCurrentVectors() throws {
        func stable(_ text: String) -> [String] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#hush:recipient") && !$0.hasPrefix("#hush:mac") && !$0.hasPrefix("#hush:signature") }
                .map(String.init)
        }
        let written = try VectorWriter.markdown().components(separatedBy: "\n### Vector ").dropFirst()
        let spec = try String(contentsOfFile: Self.specPath, encoding: .utf8).components(separatedBy: "\n### Vector ").dropFirst()
        #expect(written.count == spec.count)
        for (a, b) in zip(written, spec) { #expect(stable(a) == stable(b), "\(a.prefix { $0 != "\n" })") }
    }

    /// `HUSH_WRITE_VECTORS=FILE swift test --filter writeVectors` writes fresh vectors to FILE
    /// for pasting into docs/format.md.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HUSH_WRITE_VECTORS"] != nil))
    func writeVectors() throws {
        let out = ProcessInfo.processInfo.environment["HUSH_WRITE_VECTORS"]!
        try VectorWriter.markdown().write(toFile: out, atomically: true, encoding: .utf8)
    }
}
