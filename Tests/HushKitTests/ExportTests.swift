import Foundation
import Testing

@testable import HushKit

/// Reads `$GITHUB_ENV` text the way actions/runner's `SetEnvFileCommand` does on Linux: lines
/// end at LF; `NAME=value` when `=` comes before any `<<`; otherwise `NAME<<DELIM` and the
/// lines up to one equal to DELIM, joined by LF. Bytes, not Characters, so CR LF is two.
func parseGitHubEnvFile(_ text: String) throws -> [String: String] {
    struct Malformed: Error { let line: Int }
    let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    func find(_ needle: [UInt8], _ line: [UInt8]) -> Int? { line.indices.first { line[$0...].starts(with: needle) } }
    func string(_ bytes: some Sequence<UInt8>) -> String { String(decoding: Array(bytes), as: UTF8.self) }
    var result: [String: String] = [:]
    var index = 0
    while index < lines.count {
        let line = lines[index]
        index += 1
        if line.isEmpty { continue }
        let equals = find([0x3D], line)
        let heredoc = find([0x3C, 0x3C], line)
        if let equals, heredoc.map({ equals < $0 }) ?? true {
            result[string(line[..<equals])] = string(line[(equals + 1)...])
        } else if let heredoc, heredoc > 0, heredoc + 2 < line.count {
            let delimiter = Array(line[(heredoc + 2)...])
            var value: [[UInt8]] = []
            while true {
                guard index < lines.count else { throw Malformed(line: index) }
                index += 1
                if lines[index - 1] == delimiter { break }
                value.append(lines[index - 1])
            }
            result[string(line[..<heredoc])] = string(value.joined(separator: [0x0A]))
        } else {
            throw Malformed(line: index)
        }
    }
    return result
}

/// The mask values `::add-mask::` lines register, unescaped as the runner's `ActionCommand` does.
func parseMasks(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
        guard line.hasPrefix("::add-mask::") else { return nil }
        return String(line.dropFirst("::add-mask::".count)).replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%")
    }
}

@Suite struct ExportGitHubEnvTests {
    static let awkward: [(name: String, value: String)] = [
        ("PLAIN", "postgres://u:p@db/app"), ("EMPTY", ""), ("EQUALS", "a=b<<c"), ("PERCENT", "50%25 %0A done"),
        ("MULTI", "line1\n\n  line3"), ("TRAILING", "ends with newline\n"), ("CRLF", "one\r\ntwo\r\n"), ("CR", "old\rmac"),
        ("DELIMITER_LIKE", "x\nghadelimiter_\nEOF"), ("ONLY_NEWLINE", "\n"), ("SPACES", "  padded  "),
    ]

    @Test func everyValueRoundTripsThroughTheRunnersParser() throws {
        let text = String(decoding: try GitHubEnv.envLines(Self.awkward), as: UTF8.self)
        let parsed = try parseGitHubEnvFile(text)
        #expect(parsed.count == Self.awkward.count)
        for (name, value) in Self.awkward { #expect(parsed[name] == value, "\(name): \(text.debugDescription)") }
    }

    @Test func singleLineValuesAreNameEqualsValue() throws {
        let text = String(decoding: try GitHubEnv.envLines([("A", "1"), ("B", ""), ("C", "x=y")]), as: UTF8.self)
        #expect(text == "A=1\nB=\nC=x=y\n")
    }

    @Test func multiLineValuesUseAHeredocWithARandomDelimiter() throws {
        let text = String(decoding: try GitHubEnv.envLines([("KEY", "a\nb\n")], delimiter: { "D1" }), as: UTF8.self)
        #expect(text == "KEY<<D1\na\nb\n\nD1\n")
        let first = GitHubEnv.randomDelimiter()
        let second = GitHubEnv.randomDelimiter()
        #expect(first != second)
        #expect(first.hasPrefix("ghadelimiter_") && first.count == "ghadelimiter_".count + 32)
        #expect(first.dropFirst("ghadelimiter_".count).allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func aDelimiterFoundInTheValueIsDrawnAgain() throws {
        var offered = ["EOF", "", "line", "SAFE"].makeIterator()
        let value = "line one\nEOF\nline two"
        let text = String(decoding: try GitHubEnv.envLines([("KEY", value)], delimiter: { offered.next()! }), as: UTF8.self)
        #expect(text == "KEY<<SAFE\n\(value)\nSAFE\n")
        #expect(try parseGitHubEnvFile(text) == ["KEY": value])
        // A source that only ever collides is an error, not an endless loop or a broken file.
        #expect(throws: HushError.self) { try GitHubEnv.envLines([("KEY", value)], delimiter: { "EOF" }) }
    }

    @Test func aNulValueIsRefusedWithoutShowingIt() {
        #expect {
            try GitHubEnv.envLines([("BLOB", "secret\u{0}tail")])
        } throws: { error in
            let error = error as? HushError
            return error?.kind == .badInput && error?.message.contains("BLOB") == true && error?.message.contains("secret") == false
        }
    }

    @Test func masksCoverEveryNonBlankLineEscaped() {
        let text = String(decoding: GitHubEnv.maskCommands(Self.awkward), as: UTF8.self)
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("::add-mask::") })
        let masks = parseMasks(text)
        #expect(
            masks == [
                "postgres://u:p@db/app", "a=b<<c", "50%25 %0A done", "line1", "  line3", "ends with newline", "one", "two", "old", "mac",
                "x", "ghadelimiter_", "EOF", "  padded  ",
            ])
        #expect(text.contains("::add-mask::50%2525 %250A done\n"))
    }

    @Test func masksSkipEmptyAndBlankValuesAndRepeats() {
        let text = String(decoding: GitHubEnv.maskCommands([("A", ""), ("B", " \t "), ("C", "same"), ("D", "same\n\nsame")]), as: UTF8.self)
        #expect(text == "::add-mask::same\n")
        // The runner's masker compares code units: both spellings of é need a mask.
        let accents = String(decoding: GitHubEnv.maskCommands([("A", "caf\u{E9}"), ("B", "cafe\u{301}")]), as: UTF8.self)
        #expect(Array(accents.utf8) == Array("::add-mask::caf\u{E9}\n::add-mask::cafe\u{301}\n".utf8))
    }
}

@Suite struct ExportKubernetesSecretTests {
    @Test func base64IsStandardAndPadded() {
        #expect(Sodium.base64Encode(Array("a".utf8), .original) == "YQ==")
        #expect(Sodium.base64Encode(Array("ab".utf8), .original) == "YWI=")
        #expect(Sodium.base64Encode(Array("abc".utf8), .original) == "YWJj")
        #expect(Sodium.base64Encode([0xFB, 0xFF], .original) == "+/8=")
    }

    @Test func manifestText() throws {
        let manifest = try KubernetesSecret.manifest([("DATABASE_URL", "postgres://db"), ("EMPTY", ""), ("UTF", "ж")], name: "prod-eu", namespace: "web")
        #expect(
            String(decoding: manifest, as: UTF8.self) == """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: prod-eu
                  namespace: web
                type: Opaque
                data:
                  DATABASE_URL: cG9zdGdyZXM6Ly9kYg==
                  EMPTY: ""
                  UTF: "0LY="

                """)
        let empty = try KubernetesSecret.manifest([], name: "n", namespace: nil)
        // `n` is a boolean to YAML 1.1 readers, so it is quoted.
        #expect(String(decoding: empty, as: UTF8.self).hasSuffix("metadata:\n  name: \"n\"\ntype: Opaque\ndata: {}\n"))
    }

    @Test func manifestReadsBackAsYAML() throws {
        let values: [(name: String, value: String)] = [("A", "x"), ("B", "line\nbreak\n"), ("C", "ж"), ("D", "'quoted' \"both\"")]
        let text = String(decoding: try KubernetesSecret.manifest(values, name: "true", namespace: "123"), as: UTF8.self)
        let leaves = try YAMLTest.triples(text)
        #expect(leaves.first { $0.path == "metadata.name" }?.value == "true")
        #expect(leaves.first { $0.path == "metadata.name" }?.type == .string)
        #expect(leaves.first { $0.path == "metadata.namespace" }?.type == .string)
        for (name, value) in values {
            let encoded = try #require(leaves.first { $0.path == "data.\(name)" })
            #expect(encoded.type == .string)
            #expect(Data(base64Encoded: encoded.value).map { String(decoding: $0, as: UTF8.self) } == value)
        }
    }

    @Test func namesAndKeysAreChecked() {
        for good in ["a", "prod", "prod-eu", "a.b-c.d", "0x", String(repeating: "a", count: 253)] { #expect(KubernetesSecret.isSubdomain(good), "\(good)") }
        for bad in ["", "Prod", "-a", "a-", "a..b", ".a", "a.", "a_b", "ä", String(repeating: "a", count: 254)] {
            #expect(!KubernetesSecret.isSubdomain(bad), "\(bad)")
        }
        #expect(KubernetesSecret.isLabel("web-1") && !KubernetesSecret.isLabel("a.b") && !KubernetesSecret.isLabel(String(repeating: "a", count: 64)))
        for good in ["A", "db.url", "a-b_c", ".a"] { #expect(KubernetesSecret.isValidKey(good), "\(good)") }
        for bad in ["", ".", "..", "..a", "a b", "a/b", "ä", String(repeating: "k", count: 254)] { #expect(!KubernetesSecret.isValidKey(bad), "\(bad)") }
        #expect(throws: HushError.self) { try KubernetesSecret.manifest([("a b", "v")], name: "n", namespace: nil) }
        #expect(throws: HushError.self) { try KubernetesSecret.manifest([], name: "Bad_Name", namespace: nil) }
        #expect(throws: HushError.self) { try KubernetesSecret.manifest([], name: "ok", namespace: "a.b") }
    }

    @Test func defaultNamesAreValidSubdomains() {
        let cases = ["production": "production", "Prod_EU": "prod-eu", "a._b": "a.b", "-x-": "x", "_": "hush-secret", "v1.2": "v1.2"]
        for (env, expected) in cases {
            #expect(KubernetesSecret.defaultName(for: env) == expected, "\(env)")
            #expect(KubernetesSecret.isSubdomain(KubernetesSecret.defaultName(for: env)))
        }
        #expect(KubernetesSecret.isSubdomain(KubernetesSecret.defaultName(for: String(repeating: "a.", count: 200))))
    }
}

@Suite struct ExportTargetTests {
    @Test func documentFormatsAreDecryptsFormats() {
        #expect(ExportTarget.allCases.compactMap(\.documentFormat) == ExportFormat.allCases)
        #expect(ExportTarget.githubEnv.documentFormat == nil && ExportTarget.k8sSecret.documentFormat == nil)
        #expect(ExportTarget.allCases.map(\.rawValue) == ["dotenv", "yaml", "json", "shell", "github-env", "k8s-secret", "docker-secrets"])
    }

    @Test func yamlKeysAreFlattenedLikeExec() throws {
        let opened = try YAMLRoundTripTests.open(YAMLRoundTripTests.seal("database:\n  url: postgres://db\nhosts:\n  - a\n"))
        var exporter = Exporter()
        let manifest = String(decoding: try KubernetesSecret.manifest(exporter.variables(opened), name: "n", namespace: nil), as: UTF8.self)
        #expect(manifest.hasSuffix("data:\n  DATABASE_URL: cG9zdGdyZXM6Ly9kYg==\n  HOSTS_0: YQ==\n"))
    }

    /// Issue 13: a key that makes no variable name is an error naming `--skip-invalid` where
    /// the command has it, the bare error where it has not, and left out (recorded, escaped) with it.
    @Test func invalidNamesAreSkippedOnlyWhenAsked() throws {
        let opened = try YAMLRoundTripTests.open(YAMLRoundTripTests.seal("x-common:\n  image: img\nok: 1\n\"a\u{202E}b\": 2\n"))
        var offered = Exporter(skipInvalid: false)
        #expect(throws: HushError.self) { try offered.variables(opened) }
        do {
            _ = try offered.variables(opened)
        } catch let error as HushError {
            #expect(error.hint?.contains("--skip-invalid") == true)
            #expect(!error.message.contains("img"))
        }
        var plain = Exporter()
        do {
            _ = try plain.variables(opened)
        } catch let error as HushError {
            #expect(error.hint?.contains("--skip-invalid") == false)
        }
        var skipping = Exporter(skipInvalid: true)
        let variables = try skipping.variables(opened)
        #expect(variables.map(\.name) == ["OK"])
        #expect(skipping.skipped == ["x-common.image", "a\\u{202E}b"])
        #expect(skipping.skipWarnings.split(separator: "\n").count == 2)
    }

    @Test func dockerSecretFilesAreRolledBackOnFailure() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hush-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("secrets").path
        // Two variables with one name: the second create fails after the first succeeded.
        #expect(throws: HushError.self) { try DockerSecrets.write(Self.bytes([("A", "1"), ("A", "2")]), into: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder))
        try DockerSecrets.write(Self.bytes([("A", "1"), ("B", "")]), into: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["A", "B"])
        #expect(throws: HushError.self) { try DockerSecrets.write(Self.bytes([("C", "3"), ("A", "x")]), into: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["A", "B"])
        #expect(try String(contentsOfFile: folder + "/A", encoding: .utf8) == "1")
    }

    static func bytes(_ pairs: [(String, String)]) -> [(name: String, value: [UInt8])] {
        pairs.map { ($0.0, Array($0.1.utf8)) }
    }

    /// Issue 13: `--replace` re-runs into the same folder: same-named files replaced (mode
    /// 0600, no temporary file left), others kept; a folder or symlink in the way is refused.
    @Test func dockerSecretsReplace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hush-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("secrets").path
        try DockerSecrets.write(Self.bytes([("A", "1"), ("OLD", "o")]), into: folder)
        #expect(try DockerSecrets.write(Self.bytes([("A", "2"), ("B", "b")]), into: folder, replace: true) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["A", "B", "OLD"])
        #expect(try String(contentsOfFile: folder + "/A", encoding: .utf8) == "2")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/A")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try FileManager.default.createDirectory(atPath: folder + "/C", withIntermediateDirectories: false)
        #expect(throws: HushError.self) { try DockerSecrets.write(Self.bytes([("A", "3"), ("C", "c")]), into: folder, replace: true) }
        #expect(try String(contentsOfFile: folder + "/A", encoding: .utf8) == "2", "nothing replaced when one name is refused")
        #expect(throws: HushError.self) { try DockerSecrets.write(Self.bytes([("A", "3"), ("A", "4")]), into: folder, replace: true) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["A", "B", "C", "OLD"])
    }

    @Test func appendKeepsWhatWasThere() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hush-append-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ExportCommand.append(Array("A=1\n".utf8), to: path)
        try ExportCommand.append(Array("B=2\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "A=1\nB=2\n")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }
}
