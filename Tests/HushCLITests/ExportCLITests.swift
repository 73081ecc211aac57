import Foundation
import Testing

/// `hush export` and `hush keygen --output -` through the built binary, including the CI set-up
/// docs/ci.md describes.
@Suite struct ExportCLITests {
    static let plaintext = """
        database:
          url: "postgres://app:p'w%25$x@db/app"
        tls:
          key: |
            -----BEGIN KEY-----
            abc
            -----END KEY-----
        greeting: "it's `echo pwned` $HOME \\"q\\""
        empty: ""
        port: 8080

        """
    /// The variables `plaintext` becomes, in file order.
    static let variables: [(name: String, value: String)] = [
        ("DATABASE_URL", "postgres://app:p'w%25$x@db/app"), ("TLS_KEY", "-----BEGIN KEY-----\nabc\n-----END KEY-----\n"),
        ("GREETING", "it's `echo pwned` $HOME \"q\""), ("EMPTY", ""), ("PORT", "8080"),
    ]
    static let secrets = ["p'w%25$x", "abc", "echo pwned"]

    func vault() throws -> Sandbox {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.yaml", Self.plaintext)
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "production"]).status == 0)
        return box
    }

    func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func documentFormatsAreWhatDecryptPrints() throws {
        let box = try vault()
        for format in ["dotenv", "yaml", "json", "shell"] {
            let exported = try box.hush(["export", "production", "--format", format])
            #expect(exported.status == 0, "\(format): \(exported.stderr)")
            #expect(exported.stdout == (try box.hush(["decrypt", "production", "--format", format])).stdout, "\(format)")
        }
        #expect(try box.hush(["export", "production", "--format", "json", "--output", "out.json"]).status == 0)
        #expect(try mode(box.path("out.json").path) == 0o600)
        expectFailure(try box.hush(["export", "production", "--format", "json", "--output", "out.json"]), status: 5, mentions: "already exists")
    }

    @Test func shellOutputEvaluatesToTheValues() throws {
        let box = try vault()
        try box.write("vars.sh", try box.hush(["export", "production", "--format", "shell"]).stdout)
        let script = ". ./vars.sh\n" + Self.variables.map { "printf %s \"$\($0.name)\" > out.\($0.name)\n" }.joined()
        #expect(try box.shell(script).status == 0)
        for (name, value) in Self.variables { #expect(try box.read("out.\(name)") == value, "\(name)") }
    }

    @Test func githubEnvOnStandardOutput() throws {
        let box = try vault()
        let result = try box.hush(["export", "production", "--format", "github-env"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let masks = lines.prefix { $0.hasPrefix("::add-mask::") }
        // Masks come first, one per value line; the rest parses as $GITHUB_ENV lines.
        #expect(
            parseMasks(masks.joined(separator: "\n")) == [
                "postgres://app:p'w%25$x@db/app", "-----BEGIN KEY-----", "abc", "-----END KEY-----", Self.variables[2].value, "8080",
            ])
        #expect(masks.contains("::add-mask::postgres://app:p'w%2525$x@db/app"))
        let env = try parseGitHubEnvFile(lines.dropFirst(masks.count).joined(separator: "\n"))
        #expect(env == Dictionary(uniqueKeysWithValues: Self.variables.map { ($0.name, $0.value) }))
        #expect(result.stdout.contains("TLS_KEY<<ghadelimiter_"))
    }

    @Test func githubEnvAppendsToTheFileAndMasksOnStandardOutput() throws {
        let box = try vault()
        try box.write("github.env", "EARLIER=kept\n")
        let file = box.path("github.env").path
        let result = try box.hush(["export", "production", "--format", "github-env", "--output", file], env: ["GITHUB_ENV": file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::add-mask::") })
        #expect(parseMasks(result.stdout).count == 6)
        #expect(result.stderr == "hush: added 5 variables to \(file)\n")
        var expected = Dictionary(uniqueKeysWithValues: Self.variables.map { ($0.name, $0.value) })
        expected["EARLIER"] = "kept"
        #expect(try parseGitHubEnvFile(box.read("github.env")) == expected)
        // `>> "$GITHUB_ENV"` would put the masks into the file: refused before anything is written.
        try box.write("redirected.env", "")
        let target = box.path("redirected.env").path
        let redirected = try box.shell("'\(Sandbox.binary)' export production --format github-env >> '\(target)'", env: ["GITHUB_ENV": target])
        expectFailure(redirected, status: 64, mentions: "--output", secrets: Self.secrets)
        #expect(try box.read("redirected.env").isEmpty)
    }

    @Test func k8sSecretManifest() throws {
        let box = try vault()
        let result = try box.hush(["export", "production", "--format", "k8s-secret", "--namespace", "web"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("apiVersion: v1\nkind: Secret\nmetadata:\n  name: production\n  namespace: web\ntype: Opaque\ndata:\n"))
        for (name, value) in Self.variables where !value.isEmpty {
            #expect(result.stdout.contains("\n  \(name): \(Data(value.utf8).base64EncodedString())\n"), "\(name)")
        }
        #expect(result.stdout.contains("\n  EMPTY: \"\"\n"))
        expectFailure(try box.hush(["export", "production", "--format", "k8s-secret", "--name", "Not_Valid"]), status: 2, mentions: "Not_Valid")
        expectFailure(try box.hush(["export", "production", "--format", "k8s-secret", "--namespace", "a.b"]), status: 2, mentions: "namespace")
        #expect(try box.hush(["export", "production", "--format", "k8s-secret", "--output", "secret.yaml"]).status == 0)
        #expect(try mode(box.path("secret.yaml").path) == 0o600)
    }

    static let hasPyYAML: Bool = {
        (try? Sandbox().shell("python3 -c 'import yaml'").status) == 0
    }()

    @Test(.enabled(if: hasPyYAML, "python3 with PyYAML is not installed: the k8s manifest and docs/ci.md YAML were not parsed"))
    func k8sManifestAndDocsParseWithPyYAML() throws {
        let box = try vault()
        #expect(try box.hush(["export", "production", "--format", "k8s-secret", "--name", "app.secrets", "--output", "secret.yaml"]).status == 0)
        let python = """
            import base64, json, yaml
            d = yaml.safe_load(open("secret.yaml"))
            assert all(len(v) % 4 == 0 for v in d["data"].values()), "unpadded base64"
            data = {k: base64.b64decode(v, validate=True).decode() for k, v in d["data"].items()}
            print(json.dumps({"apiVersion": d["apiVersion"], "kind": d["kind"], "name": d["metadata"]["name"], "type": d["type"], "data": data}))
            """
        try box.write("check.py", python)
        let parsed = try box.shell("python3 check.py")
        #expect(parsed.status == 0, "\(parsed.stderr)")
        struct Manifest: Decodable, Equatable {
            var apiVersion, kind, name, type: String
            var data: [String: String]
        }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(parsed.stdout.utf8))
        let expected = Dictionary(uniqueKeysWithValues: Self.variables.map { ($0.name, $0.value) })
        #expect(manifest == Manifest(apiVersion: "v1", kind: "Secret", name: "app.secrets", type: "Opaque", data: expected))
        // Every YAML block in docs/ci.md (the workflow and the policy) is valid YAML.
        for block in try Self.docsBlocks(language: "yaml") {
            try box.write("block.yaml", block)
            let loaded = try box.shell("python3 -c 'import yaml; yaml.safe_load(open(\"block.yaml\"))'")
            #expect(loaded.status == 0, "\(block)\n\(loaded.stderr)")
        }
    }

    @Test func dockerSecretsFolder() throws {
        let box = try vault()
        expectFailure(try box.hush(["export", "production", "--format", "docker-secrets"]), status: 64, mentions: "--output")
        let result = try box.hush(["export", "production", "--format", "docker-secrets", "--output", "run/secrets"])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
        let folder = box.path("run/secrets").path
        #expect(try mode(folder) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == Self.variables.map(\.name).sorted())
        for (name, value) in Self.variables {
            #expect(try box.bytes("run/secrets/\(name)") == Data(value.utf8), "\(name)")
            #expect(try mode("\(folder)/\(name)") == 0o600, "\(name)")
        }
        // A second export refuses and leaves every file as it was.
        try box.write("run/secrets/PORT", "changed")
        expectFailure(try box.hush(["export", "production", "--format", "docker-secrets", "--output", "run/secrets"]), status: 5, secrets: Self.secrets)
        #expect(try box.read("run/secrets/PORT") == "changed")
        #expect(try box.read("run/secrets/DATABASE_URL") == Self.variables[0].value)
        expectFailure(try box.hush(["export", "production", "--format", "docker-secrets", "--output", "in.yaml"]), status: 5, mentions: "not a folder")
    }

    @Test func badInputIsOneErrorLineAndNoSecret() throws {
        let box = try vault()
        // ArgumentParser lists the valid choices on several lines here, so only the status and
        // the first line are checked.
        let unknown = try box.hush(["export", "production", "--format", "toml"])
        #expect(unknown.status == 64 && unknown.stderr.hasPrefix("hush: error: ") && unknown.stdout.isEmpty)
        expectFailure(try box.hush(["export", "production"]), status: 64)
        expectFailure(try box.hush(["export", "production", "--format", "dotenv", "--name", "x"]), status: 64, mentions: "k8s-secret")
        expectFailure(try box.hush(["export", "nowhere", "--format", "github-env"]), status: 2, mentions: "nowhere")
        try box.write("bin.yaml", "blob: \"t0p\\0s3cr3t\"\n")
        #expect(try box.hush(["encrypt", "bin.yaml", "--env", "bin"]).status == 0)
        let nul = try box.hush(["export", "bin", "--format", "github-env", "--output", "gh.env"])
        expectFailure(nul, status: 2, mentions: "NUL", secrets: ["t0p", "s3cr3t"])
        #expect(!FileManager.default.fileExists(atPath: box.path("gh.env").path))
    }

    @Test func keygenToStandardOutputWritesNoFile() throws {
        let box = try Sandbox()
        let before = try FileManager.default.subpathsOfDirectory(atPath: box.root.path).sorted()
        let made = try box.hush(["keygen", "--output", "-"])
        #expect(made.status == 0)
        let lines = made.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("# created: ") && lines[2].hasPrefix("AGE-SECRET-KEY-1"), "\(made.stdout)")
        let recipient = made.stderr.firstLine
        #expect(recipient.hasPrefix("age1") && made.stderr.hasPrefix(recipient + "\nhushsign1"))
        #expect(lines[1] == "# public key: \(recipient)")
        #expect(!made.stderr.contains("AGE-SECRET-KEY"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: box.root.path).sorted() == before)
    }

    /// A deploy key as docs/ci.md makes it: the CI job has an empty HOME and only
    /// HUSH_IDENTITY, and the policy gives it production and not staging.
    func ciVault() throws -> (box: Sandbox, key: String, home: URL) {
        let box = try vault()
        try box.write("staging.env", "STAGING_ONLY=s3cret\n")
        #expect(try box.hush(["encrypt", "staging.env", "--env", "staging"]).status == 0)
        let made = try box.hush(["keygen", "--output", "-"])
        try box.write("recipients/access.yaml", "environments:\n  production: [alice, ci-production]\n  staging: [alice]\n")
        let added = try box.hush(["recipients", "add", "--yes", "ci-production", made.stderr.trimmingCharacters(in: .newlines)])
        #expect(added.status == 0, "\(added.stderr)")
        let home = box.root.appendingPathComponent("ci-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return (box, made.stdout, home)
    }

    @Test func ciWithOnlyHushIdentity() throws {
        let (box, key, home) = try ciVault()
        let ci = ["HOME": home.path, "HUSH_IDENTITY": key]
        let ran = try box.hush(["exec", "production", "--", "/bin/sh", "-c", "printf %s \"$DATABASE_URL\""], env: ci)
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(ran.stdout == Self.variables[0].value)
        let file = box.root.appendingPathComponent("github.env").path
        let exported = try box.hush(["export", "production", "--format", "github-env", "--output", file], env: ci.merging(["GITHUB_ENV": file]) { $1 })
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try parseGitHubEnvFile(String(contentsOfFile: file, encoding: .utf8))["TLS_KEY"] == Self.variables[1].value)
        expectFailure(try box.hush(["export", "staging", "--format", "dotenv"], env: ci), status: 3, secrets: ["s3cret"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
        // Without the key, the empty home has nothing to offer.
        expectFailure(try box.hush(["exec", "production", "--", "true"], env: ["HOME": home.path]), status: 3)
    }

    @Test func docsGenericShellExampleRuns() throws {
        let (box, key, home) = try ciVault()
        let blocks = try Self.docsBlocks(language: "sh", after: "## 4. Any other CI")
        let script = try #require(blocks.first, "docs/ci.md has no sh block under \"## 4. Any other CI\"")
        // Stands in for a deploy tool: reads DATABASE_URL from the environment, or from a
        // secrets folder, and notes which folder it was given.
        let deploy = """
            #!/bin/sh
            if [ "$#" -eq 2 ]; then
              printf 'file:%s\\n' "$(cat "$2/DATABASE_URL")"
              echo "$2" > used-dir
            else
              printf 'env:%s\\n' "$DATABASE_URL"
            fi

            """
        try box.write("deploy", deploy)
        #expect(chmod(box.path("deploy").path, 0o755) == 0)
        let binFolder = URL(fileURLWithPath: Sandbox.binary).deletingLastPathComponent().path
        let env = ["HOME": home.path, "HUSH_IDENTITY": key, "PATH": binFolder + ":" + (box.environment["PATH"] ?? "/usr/bin:/bin")]
        let result = try box.shell(script, env: env)
        #expect(result.status == 0, "\(script)\n\(result.stderr)")
        let url = Self.variables[0].value
        #expect(result.stdout == "env:\(url)\nfile:\(url)\n")
        // The trap removed the secret files.
        let used = try box.read("used-dir").trimmingCharacters(in: .newlines)
        #expect(!used.isEmpty && !FileManager.default.fileExists(atPath: used))
    }

    /// The fenced code blocks of docs/ci.md in `language`, optionally only those after a heading.
    static func docsBlocks(language: String, after heading: String? = nil) throws -> [String] {
        var text = try String(contentsOf: DemoVaultTests.repoRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        if let heading {
            guard let range = text.range(of: "\n" + heading + "\n") else { return [] }
            text = String(text[range.upperBound...])
        }
        return text.components(separatedBy: "```" + language + "\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first.map { $0 + "\n" } }
    }
}

/// Reads `$GITHUB_ENV` text the way actions/runner's `SetEnvFileCommand` does on Linux (the
/// same rules as `parseGitHubEnvFile` in HushKitTests/ExportTests.swift; test targets cannot
/// share code): lines end at LF; `NAME=value` when `=` comes before any `<<`; otherwise
/// `NAME<<DELIM` and the lines up to one equal to DELIM, joined by LF.
private func parseGitHubEnvFile(_ text: String) throws -> [String: String] {
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

/// The values `::add-mask::` lines register, unescaped as the runner's `ActionCommand` does.
private func parseMasks(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
        guard line.hasPrefix("::add-mask::") else { return nil }
        return String(line.dropFirst("::add-mask::".count)).replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%")
    }
}

@Suite struct UsageErrorCLITests {
    @Test func anUnknownFormatIsOneErrorLine() throws {
        let box = try Sandbox()
        let result = try box.hush(["export", "production", "--format", "nope"])
        #expect(result.status == 64)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("hush: error: ") && lines[0].contains("k8s-secret"), "\(result.stderr)")
        #expect(lines.last?.hasPrefix("hush: hint: ") == true)
    }
}
