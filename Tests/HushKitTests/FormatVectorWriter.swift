@testable import HushKit

/// Builds the vectors of docs/format.md §14 from fixed keys, nonces and times. Must-fail
/// vectors are made the way an attacker would make them; where the attack needs a member's
/// key to get past the signature (to show that a deeper check still stops it), the file is
/// signed again by `vector` after the change (`resign`).
enum VectorWriter {
    /// Test-only identities with fixed secret bytes (0x42…, 0x07… and 0x66…).
    static let identity = Bech32.encode(hrp: "age-secret-key-", data: [UInt8](repeating: 0x42, count: 32)).uppercased()
    static let other = Bech32.encode(hrp: "age-secret-key-", data: [UInt8](repeating: 0x07, count: 32)).uppercased()
    static let mallory = Bech32.encode(hrp: "age-secret-key-", data: [UInt8](repeating: 0x66, count: 32)).uppercased()
    static let repository = [UInt8](0xA0...0xAF)
    static let otherRepository = [UInt8](0xB0...0xBF)
    static let time = "2026-01-01T00:00:00Z"

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    static func keys() -> FileKeys {
        var dek = (0..<32).map { UInt8($0) }
        return FileKeys(dek: SecretBytes(consuming: &dek))
    }

    static func person(_ secret: String) throws -> Identity { try Identity.parseAll(secret, source: "vector")[0] }

    /// A change made after sealing, and whether `vector` signs the changed file anew.
    struct Attack {
        var change: (String) throws -> String
        var resign = false
        var signer = "vector"
    }

    struct Options {
        var env = "production"
        var checkedAs: String?
        var repository = VectorWriter.repository
        var expect = "ok"
        var identity = VectorWriter.identity
        var signerAllowed = true
        var failsWith: String?
        var exposing: [String] = []
        var recipients: [String] = [VectorWriter.identity]
        var attack: Attack?
    }

    static func markdown() throws -> String {
        var out = ""
        var counter: UInt8 = 0
        func emit(_ title: String, _ syntax: Syntax, _ plaintext: String, _ options: Options = Options()) throws {
            counter = 0
            var nonces: [String] = []
            let names = ["vector", "other", "mallory"]
            let secrets = [identity, other, mallory]
            let recipients = try options.recipients.map { secret in
                NamedRecipient(name: names[secrets.firstIndex(of: secret)!], recipient: try person(secret).recipient)
            }
            let context = FileContext(repositoryID: options.repository, environment: options.env)
            let sealed = try Sealer.seal(
                Array(plaintext.utf8), syntax: syntax, file: "vector", context: context, recipients: recipients, keys: keys(),
                signer: Signer(name: "vector", identity: try person(identity)), seq: 7, previous: nil, exposing: options.exposing,
                nonces: {
                    counter += 1
                    let n = [UInt8](repeating: counter, count: 24)
                    nonces.append(hex(n))
                    return n
                }, now: time)
            var text = String(decoding: sealed, as: UTF8.self)
            if let attack = options.attack {
                text = try attack.change(text)
                if attack.resign {
                    let signerName = attack.signer
                    let signer = Signer(name: signerName, identity: try person(secrets[names.firstIndex(of: signerName)!]))
                    text = resign(text, context: context, signer: signer)
                }
            }
            var fields = "syntax: \(syntax.rawValue)\nenv: \(options.checkedAs ?? options.env)\nrepository: \(hex(VectorWriter.repository))\n"
            fields += "identity: \(options.identity)\ndek: \(hex(keys().dek.copyBytes()))\nnonces: \(nonces.joined(separator: " "))\n"
            fields += "expect: \(options.expect)\n"
            if !options.signerAllowed { fields += "signer-allowed: no\n" }
            if let reason = options.failsWith { fields += "fails-with: \(reason)\n" }
            if !plaintext.hasSuffix("\n") { fields += "plaintext-final-newline: no\n" }
            out += "\n### Vector \(title)\n\n```hush-vector\n\(fields)```\n\n"
            // A plaintext without a final newline is shown with one and flagged.
            if options.expect == "ok" { out += "```plaintext\n\(plaintext)\(plaintext.hasSuffix("\n") ? "" : "\n")```\n\n" }
            out += "```sealed\n\(text.replacingOccurrences(of: "\r", with: "\\r"))```\n"
        }
        let env = "# database\nDB_URL=postgres://u:p@db/app\nexport API_KEY=\"sk-\\\"x\\\"\"\nEMPTY=\n"
        let yaml = "# service\ndb:\n  host: db.internal  # primary\n  port: 5432\nflags: [a, \"b\"]\nnote: |\n  line one\n  line two\n"
        func fail(
            _ expect: String = "integrity", _ why: String? = nil, resign: Bool = false, signer: String = "vector", _ change: @escaping (String) throws -> String
        )
            -> Options
        {
            var options = Options()
            options.expect = expect
            options.failsWith = why
            options.attack = Attack(change: change, resign: resign, signer: signer)
            return options
        }
        try emit("1: dotenv", .dotenv, env)
        try emit("2: YAML with types, flow and block scalars", .yaml, yaml)
        try emit("3: no final newline", .dotenv, "A=1")
        try emit("4 (must fail): a flipped bit in a token", .dotenv, env, fail("integrity", "signature") { $0.replacingFirst("s,AQ", with: "s,AR") })
        try emit(
            "5 (must fail): a comment changed (whole-file authentication)", .dotenv, env,
            fail("integrity", "signature") {
                $0.replacingFirst("# database", with: "# databasf")
            })
        var copied = Options()
        copied.env = "staging"
        copied.checkedAs = "production"
        copied.expect = "integrity"
        copied.failsWith = "another environment"
        try emit("6 (must fail): a staging file copied to production", .dotenv, env, copied)
        var foreign = Options()
        foreign.repository = otherRepository
        foreign.expect = "integrity"
        foreign.failsWith = "another environment or repository"
        try emit("7 (must fail): a file from another repository", .dotenv, env, foreign)
        try emit(
            "8 (must fail): a token moved to another key, MAC and signature made anew", .dotenv, "A=one\nB=two\n",
            fail("integrity", "does not open", resign: true) { text in
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let a = lines[0].dropFirst(2), b = lines[1].dropFirst(2)
                lines[0] = "A=" + b
                lines[1] = "B=" + a
                return lines.joined(separator: "\n")
            })
        try emit(
            "9 (must fail): a trailer line in another spelling (`#hush:version 02`)", .dotenv, env,
            fail("integrity", nil, resign: true) {
                $0.replacingFirst("#hush:version 2", with: "#hush:version 02")
            })
        try emit(
            "10 (must fail): a non-canonical sequence number (`#hush:seq 07`)", .dotenv, env,
            fail("integrity", "canonical", resign: true) {
                $0.replacingFirst("#hush:seq 7", with: "#hush:seq 07")
            })
        try emit(
            "11 (must fail): a #hush: line inserted into the body", .dotenv, env,
            fail("integrity", "above the metadata", resign: true) {
                $0.replacingFirst("EMPTY=\n", with: "EMPTY=\n#hush:recipient x\n# end\n")
            })
        var marks = Options()
        marks.exposing = ["bob", "carol"]
        try emit(
            "12: exposed marks, an empty key and a key that looks like an index", .yaml,
            "db:\n  password: hunter2\n  \"a.b\": x\n  \"\": blank\n  \"0\": zero\n  empty:\n", marks)
        try emit(
            "13 (must fail): a token single-quoted in YAML", .yaml, "a: 1\n",
            fail("integrity", "wrongly quoted", resign: true) { text in
                let line = text.split(separator: "\n")[0]
                return text.replacingFirst(String(line), with: "a: '" + line.dropFirst(3) + "'")
            })
        try emit("14: dotenv comment rules", .dotenv, "A= # empty, then a comment\nB=#x\nC=x#y\nD=\"3\"#note\n\texport\tE = e # tab and spaces\n")
        try emit(
            "15 (must fail): a lone CR in a dotenv comment", .dotenv, "A=1\n# rotated\n",
            fail("integrity", "carriage return", resign: true) {
                $0.replacingFirst("# rotated", with: "# rotated\rDATABASE_URL=postgres://evil")
            })
        try emit("16 (must fail): written and signed by a non-member", .dotenv, env, fail("integrity", "not a member", resign: true, signer: "mallory") { $0 })
        var readOnly = Options()
        readOnly.signerAllowed = false
        readOnly.expect = "integrity"
        readOnly.failsWith = "does not allow"
        try emit("17 (must fail): signed by a member the policy does not let write", .dotenv, env, readOnly)
        var unsignedNoKey = fail("integrity", "signature") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#hush:signature ") }.joined(separator: "\n")
        }
        unsignedNoKey.identity = other
        try emit("18 (must fail): unsigned, read without a key: integrity comes before no-key", .dotenv, env, unsignedNoKey)
        var wrongKey = Options()
        wrongKey.identity = other
        wrongKey.expect = "no-key"
        try emit("19 (must fail): a valid file and an identity it is not sealed to", .dotenv, env, wrongKey)
        var swapped = fail("integrity", "does not open", resign: true) { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let i = lines.firstIndex { $0.hasPrefix("#hush:recipient other ") }!
            let j = lines.firstIndex { $0.hasPrefix("#hush:recipient vector ") }!
            let wrapI = lines[i].split(separator: " ").last!, wrapJ = lines[j].split(separator: " ").last!
            lines[i] = lines[i].replacingFirst(String(wrapI), with: String(wrapJ))
            lines[j] = lines[j].replacingFirst(String(wrapJ), with: String(wrapI))
            return lines.joined(separator: "\n")
        }
        swapped.recipients = [identity, other]
        try emit("20 (must fail): the wraps of two members swapped, MAC and signature made anew", .dotenv, env, swapped)
        try emit(
            "21 (must fail): a recipient key in upper case", .dotenv, env,
            fail("integrity", "canonical key", resign: true) { text in
                let key = text.split(separator: "\n").first { $0.hasPrefix("#hush:recipient vector ") }!.split(separator: " ")[2]
                return text.replacingFirst(String(key), with: key.uppercased())
            })
        try emit(
            "22 (must fail): a type letter that does not fit its value", .yaml, "port: 5432\n",
            fail("integrity", "type", resign: true) { text in
                // A member seals the plain scalar 5432 as a string: it opens, but its type is int.
                let token = Token.seal(raw: Array("5432".utf8), type: .string, path: [.key("port")], keys: keys(), nonce: [UInt8](repeating: 9, count: 24))
                let line = String(text.split(separator: "\n")[0])
                return text.replacingFirst(line, with: "port: " + token.text)
            })
        try emit("23: block scalar extents (keep, clip, strip)", .yaml, "keep: |+\n  a\n\nclip: |\n  b\n\nstrip: >-\n  c\n\nend: x\n")
        try emit(
            "24 (must fail): format version 1", .dotenv, env,
            fail("integrity", "version 1", resign: true) {
                $0.replacingFirst("#hush:version 2", with: "#hush:version 1")
            })
        try emit(
            "25: anchors, aliases and merge keys", .yaml,
            "defaults: &defaults\n  user: app\n  password: &pw hunter2\nweb:\n  <<: *defaults\n  host: web.internal\nworker:\n  <<: [*defaults, {host: w1}]\n  backup_password: *pw\n"
        )
        try emit(
            "26: standard and application tags", .yaml,
            "cert: !!binary aGVsbG8=\nport: !!str 8080\nretries: !!int \"3\"\nbucket: !Ref DataBucket\nname: !Sub \"${Stack}-db\"\nempty: !!str\n")
        try emit(
            "27 (must fail): an alias edited by hand", .yaml, "a: &x one\nb: &y two\nc: *x\n",
            fail("integrity", "signature") {
                $0.replacingFirst("c: *x", with: "c: *y")
            })
        try emit(
            "28 (must fail): a \"billion laughs\" body, signed by a member", .yaml, "a: 1\n",
            fail("integrity", "billion laughs", resign: true) { text in
                let laughs = (1...9).reduce("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n") { body, level in
                    body + "l\(level): &l\(level) [" + [String](repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
                }
                return text.replacingFirst(String(text.split(separator: "\n")[0]) + "\n", with: laughs)
            })
        try emit(
            "29 (must fail): a value whose decrypted text adds structure (an empty collection), signed by a member", .yaml, "a: 1\n",
            fail("integrity", "structure", resign: true) { text in
                // A member seals `1\nc: []` at `a`: the leaves and their types are unchanged, but
                // the decrypted document has a key the sealed body does not show.
                let token = Token.seal(raw: Array("1\nc: []".utf8), type: .int, path: [.key("a")], keys: keys(), nonce: [UInt8](repeating: 9, count: 24))
                let line = String(text.split(separator: "\n")[0])
                return text.replacingFirst(line, with: "a: " + token.text)
            })
        return out
    }

    /// Replaces the MAC and signature of `text` by ones `signer` makes over the text as it is.
    static func resign(_ text: String, context: FileContext, signer: Signer) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let content = lines.filter { !$0.hasPrefix("#hush:mac ") && !$0.hasPrefix("#hush:signature ") }.joined(separator: "\n")
        let bytes = Array(content.utf8)
        let digest = FileAuth.digest(bytes, [UInt8](), context: context)
        let mac = FileAuth.mac(digest: digest, keys: keys())
        let signature = Signing.sign(FileAuth.signedMessage(digest: digest, mac: mac, name: signer.name), secretKey: signer.secretKey)
        return content + "#hush:mac \(TokenBase64.encode(mac))\n"
            + Trailer.Signature(name: signer.name, publicKey: signer.publicKey, signature: signature).line + "\n"
    }
}
