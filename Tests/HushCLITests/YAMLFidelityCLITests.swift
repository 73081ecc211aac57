import Foundation
import Testing

/// Issue 11 through the built binary: anchors, aliases, merge keys and tags kept as plaintext
/// structure with their values sealed; structured output equal to the YAML data model.
@Suite struct YAMLFidelityCLITests {
    static let compose = """
        defaults: &defaults
          restart: unless-stopped
          environment: &env
            DB_HOST: db.internal
            DB_PASSWORD: compose-db-password
        services:
          web:
            <<: *defaults
            image: web:1.4
          worker:
            <<: [*defaults, {image: "worker:1.4"}]
            environment:
              <<: *env
              DB_HOST: replica.internal

        """

    static let helm = """
        global:
          imageRegistry: &registry registry.example.com
        image:
          registry: *registry
          tag: "1.2.3"
        postgresql:
          auth:
            password: &dbpass hunter2-helm
            replicationPassword: *dbpass
        podAnnotations: {}
        tolerations: []
        nested: [[[ ]]]

        """

    /// "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n" and two raw bytes.
    static let certificate: [UInt8] = Array("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".utf8) + [0x00, 0xFF]

    static func vault(_ env: String, _ text: String) throws -> Sandbox {
        let box = try Sandbox()
        try box.initialise()
        try box.write("\(env).yaml", text)
        let sealed = try box.hush(["encrypt", "\(env).yaml", "--env", env])
        #expect(sealed.status == 0, "\(sealed.stderr)")
        return box
    }

    @Test func dockerComposeMergeKeysStayPlaintextAndExecSeesMergedKeys() throws {
        let box = try Self.vault("compose", Self.compose)
        let sealed = try box.read(".secrets/compose.yaml")
        for line in ["defaults: &defaults\n", "  environment: &env\n", "    <<: *defaults\n", "      <<: *env\n"] {
            #expect(sealed.contains(line), "\(line) stays plaintext")
        }
        #expect(sealed.contains("    <<: [*defaults, {image: \"ENC[hush:v2,s,"))
        #expect(!sealed.contains("compose-db-password") && !sealed.contains("unless-stopped") && !sealed.contains("worker:1.4"))
        #expect(try box.hush(["decrypt", "compose"]).stdout == Self.compose)

        let run = try box.hush([
            "exec", "compose", "--", "/bin/sh", "-c",
            "printf '%s|%s|%s|%s|%s' \"$SERVICES_WEB_RESTART\" \"$SERVICES_WEB_ENVIRONMENT_DB_PASSWORD\" \"$SERVICES_WORKER_IMAGE\" \"$SERVICES_WORKER_ENVIRONMENT_DB_HOST\" \"$SERVICES_WORKER_ENVIRONMENT_DB_PASSWORD\"",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "unless-stopped|compose-db-password|worker:1.4|replica.internal|compose-db-password")

        let json = try box.hush(["decrypt", "compose", "--format", "json"]).stdout
        // Merged keys come first, in the order of the merged mapping; a key written in the mapping wins.
        #expect(
            json.contains(#""web":{"restart":"unless-stopped","environment":{"DB_HOST":"db.internal","DB_PASSWORD":"compose-db-password"},"image":"web:1.4"}"#),
            "\(json)")
        #expect(
            json.contains(
                #""worker":{"image":"worker:1.4","restart":"unless-stopped","environment":{"DB_HOST":"replica.internal","DB_PASSWORD":"compose-db-password"}}"#),
            "\(json)")
    }

    @Test func helmValuesGetAnAliasedKeyAndExportEmptyCollections() throws {
        let box = try Self.vault("helm", Self.helm)
        let sealed = try box.read(".secrets/helm.yaml")
        #expect(sealed.contains("  registry: *registry\n") && sealed.contains("    replicationPassword: *dbpass\n"))
        #expect(sealed.contains("    password: &dbpass ENC[hush:v2,s,"))
        #expect(try box.hush(["get", "helm", "postgresql.auth.replicationPassword"]).stdout == "hunter2-helm")
        #expect(try box.hush(["get", "helm", "image.registry"]).stdout == "registry.example.com")
        #expect(try box.hush(["get", "helm", "postgresql.auth.replicationPassword", "--raw"]).stdout == "hunter2-helm")

        let json = try box.hush(["export", "helm", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains(#""podAnnotations":{},"tolerations":[],"nested":[[[]]]"#), "\(json.stdout)")
        let manifest = try box.hush(["export", "helm", "--format", "k8s-secret"])
        #expect(manifest.status == 0, "\(manifest.stderr)")
        #expect(manifest.stdout.contains("  PODANNOTATIONS: \"\"\n") && manifest.stdout.contains("  TOLERATIONS: \"\"\n"), "\(manifest.stdout)")
        #expect(manifest.stdout.contains("  NESTED_0_0: \"\"\n"), "\(manifest.stdout)")
        // exec and dotenv: an empty collection is an empty value.
        let run = try box.hush(["exec", "helm", "--", "/bin/sh", "-c", "printf '[%s]%s' \"$TOLERATIONS\" \"${PODANNOTATIONS+set}\""])
        #expect(run.stdout == "[]set", "\(run.stderr)")
        let dotenv = try box.hush(["decrypt", "helm", "--format", "dotenv"]).stdout
        #expect(dotenv.contains("TOLERATIONS=\"\"\n"), "\(dotenv)")
        let keys = try box.hush(["keys", "helm"]).stdout
        #expect(keys.contains("postgresql.auth.replicationPassword\n") && keys.contains("tolerations\n"), "\(keys)")
    }

    @Test func setThroughAnAliasOrMergeIsRefusedWithWhereTheValueIsDefined() throws {
        let box = try Self.vault("compose", Self.compose)
        let before = try box.read(".secrets/compose.yaml")
        let merged = try box.hush(["set", "compose", "services.web.restart"], stdin: "always")
        expectFailure(merged, status: 2, mentions: "merge key (<<) on line 8", secrets: ["unless-stopped"])
        #expect(merged.stderr.contains("written at defaults.restart (line 2)"), "\(merged.stderr)")
        let nested = try box.hush(["set", "compose", "services.web.environment.DB_HOST"], stdin: "x")
        expectFailure(nested, status: 2, mentions: "merged into it")
        let unset = try box.hush(["unset", "compose", "services.web.image.x"])
        #expect(unset.status == 2)
        #expect(try box.read(".secrets/compose.yaml") == before, "nothing written")

        let helm = try Self.vault("helm", Self.helm)
        let alias = try helm.hush(["set", "helm", "image.registry"], stdin: "other")
        expectFailure(alias, status: 2, mentions: "is the alias *registry (line 4) of global.imageRegistry (line 2)")
        expectFailure(try helm.hush(["unset", "helm", "postgresql.auth.password"]), status: 2, mentions: "alias *dbpass uses it")
        // Setting the anchored value changes every alias of it.
        #expect(try helm.hush(["set", "helm", "postgresql.auth.password"], stdin: "new-pass").status == 0)
        #expect(try helm.hush(["get", "helm", "postgresql.auth.replicationPassword"]).stdout == "new-pass")
        #expect(try helm.read(".secrets/helm.yaml").contains("    password: &dbpass ENC[hush:v2,s,"))
        // A new key next to a merge key is an override, which set writes as usual.
        #expect(try box.hush(["set", "compose", "services.web.debug"], stdin: "1").status == 0)
        #expect(try box.hush(["get", "compose", "services.web.debug"]).stdout == "1")
    }

    @Test func binaryCertificateIsExportedAsBytes() throws {
        let base64 = Data(Self.certificate).base64EncodedString()
        let text = "tls:\n  cert: !!binary |\n    \(base64.prefix(40))\n    \(base64.dropFirst(40))\n  name: web\n"
        let box = try Self.vault("tls", text)
        let sealed = try box.read(".secrets/tls.yaml")
        #expect(sealed.contains("  cert: !!binary ENC[hush:v2,s,"), "\(sealed)")
        #expect(try box.bytes(".secrets/tls.yaml").count > 0)
        #expect(try box.hush(["decrypt", "tls"]).stdout == text)

        let got = try box.run([Sandbox.binary, "get", "tls", "tls.cert"], stdin: nil, env: [:], in: nil)
        #expect(got.status == 0)
        let raw = try box.hush(["get", "tls", "tls.cert", "--raw"]).stdout
        #expect(raw.hasPrefix("|\n    "), "--raw prints the source text")

        let folder = box.root.appendingPathComponent("secrets").path
        #expect(try box.hush(["export", "tls", "--format", "docker-secrets", "--output", folder]).status == 0)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/TLS_CERT"))) == Self.certificate)
        let manifest = try box.hush(["export", "tls", "--format", "k8s-secret"]).stdout
        #expect(manifest.contains("  TLS_CERT: \(base64)\n"), "\(manifest)")
        // Text targets get the base64 text: an environment variable cannot hold these bytes.
        let run = try box.hush(["exec", "tls", "--", "/bin/sh", "-c", "printf %s \"$TLS_CERT\""])
        #expect(run.stdout == base64)
        #expect(try box.hush(["decrypt", "tls", "--format", "json"]).stdout == "{\"tls\":{\"cert\":\"\(base64)\",\"name\":\"web\"}}\n")
        // A value that is not base64 is refused where it is written.
        try box.write("bad.yaml", "cert: !!binary not*base64\n")
        expectFailure(try box.hush(["encrypt", "bad.yaml", "--env", "bad"]), status: 2, mentions: "bad.yaml:1:")
    }

    @Test func getPrintsBinaryBytes() throws {
        let box = try Self.vault("tls", "cert: !!binary \(Data(Self.certificate).base64EncodedString())\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Sandbox.binary)
        process.arguments = ["get", "tls", "cert"]
        process.environment = box.environment
        process.currentDirectoryURL = box.repo
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(Array(bytes) == Self.certificate)
    }

    @Test func cloudFormationCustomTagsAreKeptVerbatim() throws {
        let text = """
            Resources:
              Bucket:
                Properties:
                  BucketName: !Sub "${AWS::StackName}-data"
                  Owner: !Ref OwnerParameter
                  Arn: !GetAtt [Secret, Arn]
                  Password: !Sub
                    - '{"password": "${pw}"}'
                    - pw: !Ref DbPassword

            """
        let box = try Self.vault("cfn", text)
        let sealed = try box.read(".secrets/cfn.yaml")
        for fragment in ["BucketName: !Sub ENC[", "Owner: !Ref ENC[", "Arn: !GetAtt [\"ENC[", "Password: !Sub\n        - ENC[", "- pw: !Ref ENC["] {
            #expect(sealed.contains(fragment), "\(fragment)")
        }
        #expect(!sealed.contains("OwnerParameter") && !sealed.contains("StackName"))
        #expect(try box.hush(["decrypt", "cfn"]).stdout == text)
        #expect(try box.hush(["get", "cfn", "Resources.Bucket.Properties.Owner"]).stdout == "OwnerParameter")
        let json = try box.hush(["decrypt", "cfn", "--format", "json"]).stdout
        #expect(json.contains(#""Arn":["Secret","Arn"]"#) && json.contains(#""BucketName":"${AWS::StackName}-data""#), "\(json)")
    }

    @Test func standardTagsApplyToTheDataModel() throws {
        let text = "port: !!str 8080\nretries: !!int \"3\"\nratio: !!float 1\non: !!bool \"true\"\nwhen: !!timestamp 2001-12-14\nnone: !!null\n"
        let box = try Self.vault("tags", text)
        let sealed = try box.read(".secrets/tags.yaml")
        // The type letter is the one the raw text has; the tag stays plaintext before the token.
        #expect(sealed.contains("port: !!str ENC[hush:v2,i,") && sealed.contains("retries: !!int ENC[hush:v2,s,"))
        #expect(try box.hush(["decrypt", "tags"]).stdout == text)
        #expect(
            try box.hush(["decrypt", "tags", "--format", "json"]).stdout
                == #"{"port":"8080","retries":3,"ratio":1.0,"on":true,"when":"2001-12-14","none":null}"# + "\n")
        try box.write("bad.yaml", "a: !!int twelve\n")
        expectFailure(try box.hush(["encrypt", "bad.yaml", "--env", "bad"]), status: 2, mentions: "tagged !!int")
    }

    @Test func billionLaughsIsRefusedNotExpanded() throws {
        let box = try Sandbox()
        try box.initialise()
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try box.write("lol.yaml", text)
        let started = Date()
        expectFailure(try box.hush(["encrypt", "lol.yaml", "--env", "lol"]), status: 2, mentions: "billion laughs")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(!FileManager.default.fileExists(atPath: box.path(".secrets/lol.yaml").path))
    }

    @Test func keysAsYAMLReadsThemAndComplexKeys() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("q.yaml", "a: { ?foo: bar, bar: 42 }\n")
        expectFailure(try box.hush(["encrypt", "q.yaml", "--env", "q"]), status: 2, mentions: "q.yaml:1:6: `?` directly before a value")
        try box.write("c.yaml", "? [a, b]\n: v\n")
        expectFailure(try box.hush(["encrypt", "c.yaml", "--env", "c"]), status: 2, mentions: "c.yaml:1:3: a mapping key must be a single value")
        try box.write("k.yaml", "\"?foo\": bar\n1: one\n")
        #expect(try box.hush(["encrypt", "k.yaml", "--env", "k"]).status == 0)
        #expect(try box.hush(["decrypt", "k", "--format", "json"]).stdout == #"{"?foo":"bar","1":"one"}"# + "\n")
    }

    @Test func blockScalarAtTheEndWithoutALineBreak() throws {
        let text = "first: 1\nnote: |\n  the last line"
        let box = try Self.vault("eof", text)
        #expect(try box.hush(["decrypt", "eof"]).stdout == text)
        #expect(try box.hush(["get", "eof", "note"]).stdout == "the last line")
        let added = try box.hush(["set", "eof", "second"], stdin: "2")
        expectFailure(added, status: 2, mentions: "ends the file without a line break")
        // Changing the value itself is fine.
        #expect(try box.hush(["set", "eof", "first"], stdin: "3").status == 0)
        #expect(try box.hush(["decrypt", "eof"]).stdout == "first: 3\nnote: |\n  the last line")
    }

    @Test func anAliasEditedByHandFailsTheSignature() throws {
        let text = "a: &x one\nb: &y two\nc: *x\n"
        let box = try Self.vault("al", text)
        let sealed = try box.read(".secrets/al.yaml")
        try box.write(".secrets/al.yaml", sealed.replacingOccurrences(of: "c: *x\n", with: "c: *y\n"))
        expectFailure(try box.hush(["get", "al", "c"]), status: 4, mentions: "signature")
        try box.write(".secrets/al.yaml", sealed.replacingOccurrences(of: "b: &y ENC[", with: "b: &y !!binary ENC["))
        expectFailure(try box.hush(["decrypt", "al"]), status: 4)
    }
}
