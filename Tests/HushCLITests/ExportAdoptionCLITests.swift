import Foundation
import Testing

/// Issue 13's export and exec items through the built binary: `${VAR}` expansion where values
/// are produced (and not where the file's text is shown), a standard output that is the
/// `--output` file, `docker-secrets --replace`, and `--skip-invalid`.
@Suite struct ExportAdoptionCLITests {
    static let dotenv = "BASE=http://example.test\nURL=${BASE}/api\nKEY=\"[${HUSH_IDENTITY_FILE}]\"\nPASSWORD='s3cret-$x'\n"  // hush:allow test value

    func sealed(_ name: String, _ file: String, _ text: String) throws -> Sandbox {
        let box = try Sandbox()
        try box.initialise()
        try box.write(file, text)
        let result = try box.hush(["encrypt", file, "--env", name])
        #expect(result.status == 0, "\(result.stderr)")
        return box
    }

    /// The shell command line that runs the built binary with `arguments`.
    func command(_ arguments: String) -> String { "'\(Sandbox.binary)' \(arguments)" }

    @Test func expansionWhereValuesAreProducedOnly() throws {
        let box = try sealed("dev", "in.env", Self.dotenv)
        let identityFile = box.home.appendingPathComponent(".config/hush/identity").path
        let env = ["HUSH_IDENTITY_FILE": identityFile]
        let executed = try box.hush(["exec", "dev", "--", "sh", "-c", "printf '%s|%s|%s' \"$URL\" \"$KEY\" \"$PASSWORD\""], env: env)
        // The identity variables are no source for a reference: a value cannot copy the key.
        #expect(executed.status == 0 && executed.stdout == "http://example.test/api|[]|s3cret-$x", "\(executed.stderr)")
        let kept = try box.hush(["exec", "dev", "--keep-identity", "--", "sh", "-c", "printf %s \"$KEY\""], env: env)
        #expect(kept.stdout == "[\(identityFile)]")
        let literal = try box.hush(["exec", "dev", "--no-expand", "--", "sh", "-c", "printf %s \"$URL\""])
        #expect(literal.stdout == "${BASE}/api")
        // The file's own text stays as written.
        #expect(try box.hush(["decrypt", "dev"]).stdout == Self.dotenv)
        #expect(try box.hush(["export", "dev", "--format", "dotenv"]).stdout == Self.dotenv)
        #expect(try box.hush(["get", "dev", "URL"]).stdout == "${BASE}/api")
        for format in ["json", "yaml", "shell"] {
            #expect(try box.hush(["decrypt", "dev", "--format", format]).stdout.contains("http://example.test/api"), "\(format)")
            #expect(try box.hush(["decrypt", "dev", "--format", format, "--no-expand"]).stdout.contains("${BASE}/api"), "\(format)")
        }
        let githubEnv = try box.hush(["export", "dev", "--format", "github-env"])
        #expect(githubEnv.stdout.contains("URL=http://example.test/api\n"))
        #expect(try box.hush(["export", "dev", "--format", "github-env", "--no-expand"]).stdout.contains("URL=${BASE}/api\n"))
        #expect(try box.hush(["export", "dev", "--format", "docker-secrets", "--output", "s"]).status == 0)
        #expect(try box.read("s/URL") == "http://example.test/api")
    }

    @Test func expansionLeavesYAMLAlone() throws {
        let box = try sealed("prod", "in.yaml", "base: b\nurl: ${BASE}/x\n")
        let result = try box.hush(["exec", "prod", "--", "sh", "-c", "printf %s \"$URL\""], env: ["BASE": "env"])
        #expect(result.stdout == "${BASE}/x")
    }

    @Test func standardOutputThatIsTheOutputFileIsRefused() throws {
        let box = try sealed("dev", "in.env", Self.dotenv)
        try box.write("gh.env", "EARLIER=1\n")
        for (format, file) in [("github-env", "gh.env"), ("dotenv", "gh.env"), ("k8s-secret", "gh.env")] {
            let result = try box.shell(command("export dev --format \(format) --output \(file) >> \(file)"))
            expectFailure(result, status: 64, mentions: "standard output is the --output file", secrets: ["s3cret"])
            #expect(try box.read(file) == "EARLIER=1\n", "\(format): nothing written")
        }
        let decrypt = try box.shell(command("decrypt dev --format json --output d.json > d.json"))
        expectFailure(decrypt, status: 64, mentions: "--output")
        #expect(try box.read("d.json").isEmpty)
        // Different files are fine.
        #expect(try box.shell(command("export dev --format github-env --output gh.env > masks.txt")).status == 0)
        #expect(try box.read("gh.env").hasPrefix("EARLIER=1\nBASE=http://example.test\n"))
    }

    @Test func dockerSecretsReplace() throws {
        let box = try sealed("dev", "in.env", Self.dotenv)
        let export = ["export", "dev", "--format", "docker-secrets", "--output", "run/secrets"]
        #expect(try box.hush(export).status == 0)
        try box.write("run/secrets/PASSWORD", "old")
        try box.write("run/secrets/STALE", "kept")
        expectFailure(try box.hush(export), status: 5, mentions: "--replace", secrets: ["s3cret"])
        #expect(try box.read("run/secrets/PASSWORD") == "old")
        let replaced = try box.hush(export + ["--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stderr.contains("4 replaced"))
        #expect(try box.read("run/secrets/PASSWORD") == "s3cret-$x")
        #expect(try box.read("run/secrets/STALE") == "kept")
        let names = try FileManager.default.contentsOfDirectory(atPath: box.path("run/secrets").path).sorted()
        #expect(names == ["BASE", "KEY", "PASSWORD", "STALE", "URL"], "no temporary file left")
        expectFailure(try box.hush(["export", "dev", "--format", "json", "--replace"]), status: 64, mentions: "docker-secrets")
    }

    static let yaml = "x-common:\n  image: private-image-value\nok: 1\n\"bad\u{202E}key\": hidden-value\nnested:\n  fine: 2\n"

    @Test func skipInvalidLeavesKeysOutWithAWarningEach() throws {
        let box = try sealed("compose", "in.yaml", Self.yaml)
        let refused = try box.hush(["exec", "compose", "--", "sh", "-c", "true"])
        expectFailure(refused, status: 2, mentions: "--skip-invalid", secrets: ["private-image-value", "hidden-value"])
        #expect(refused.stderr.contains("x-common.image"))
        let ran = try box.hush(["exec", "compose", "--skip-invalid", "--", "sh", "-c", "printf '%s|%s' \"$OK\" \"$NESTED_FINE\""])
        #expect(ran.status == 0 && ran.stdout == "1|2", "\(ran.stderr)")
        let warnings = ran.stderr.split(separator: "\n")
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.hasPrefix("hush: warning: ") }, "\(ran.stderr)")
        #expect(warnings.first?.contains("x-common.image") == true)
        #expect(warnings.last?.contains("bad\\u{202E}key") == true, "the key is escaped: \(ran.stderr)")
        #expect(!ran.stderr.contains("private-image-value") && !ran.stderr.contains("hidden-value") && !ran.stderr.contains("\u{202E}"))
        let exported = try box.hush(["export", "compose", "--format", "shell", "--skip-invalid"])
        #expect(exported.stdout == "export OK='1'\nexport NESTED_FINE='2'\n")
        #expect(exported.stderr.split(separator: "\n").count == 2)
        expectFailure(try box.hush(["export", "compose", "--format", "github-env"]), status: 2, mentions: "--skip-invalid")
    }
}
