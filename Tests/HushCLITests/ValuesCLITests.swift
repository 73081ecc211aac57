import Foundation
import Testing

@Suite struct ValuesCLITests {
    @Test func setCreatesDotenvAndGetReadsIt() throws {
        let box = try Sandbox()
        try box.initialise()
        let created = try box.hush(["set", "dev", "API_KEY"], stdin: "s3cr3t-value\n")
        #expect(created.status == 0, "\(created.stderr)")
        let sealed = try box.read(".secrets/dev.env")
        #expect(sealed.hasPrefix("API_KEY=ENC[hush:v2,s,"))
        #expect(!sealed.contains("s3cr3t-value"))
        let got = try box.hush(["get", "dev", "API_KEY"])
        #expect(got.status == 0 && got.stdout == "s3cr3t-value")
        expectFailure(try box.hush(["get", "dev", "NOPE"]), status: 2, mentions: "NOPE")
        expectFailure(try box.hush(["get", "prod", "API_KEY"]), status: 2, mentions: "no environment")
    }

    @Test func editingOneValueChangesOnlyItsLineTheTimeAndTheMAC() throws {
        let box = try Sandbox()
        try box.initialise()
        for (key, value) in [("A", "1111111111"), ("B", "2222222222"), ("C", "3333333333")] {
            #expect(try box.hush(["set", "dev", key], stdin: value, env: ["HUSH_TEST_NOW": "2026-01-01T00:00:00Z"]).status == 0)
        }
        let before = try box.read(".secrets/dev.env")
        // The same value again: not a byte changes.
        #expect(try box.hush(["set", "dev", "B"], stdin: "2222222222", env: ["HUSH_TEST_NOW": "2026-02-02T00:00:00Z"]).status == 0)
        #expect(try box.read(".secrets/dev.env") == before)
        #expect(try box.hush(["set", "dev", "B"], stdin: "changed!!!", env: ["HUSH_TEST_NOW": "2026-02-02T00:00:00Z"]).status == 0)
        let after = try box.read(".secrets/dev.env")
        let diff = Sandbox.lineDiff(before, after)
        #expect(diff.removed.count == 5 && diff.added.count == 5, "\(diff)")
        #expect(diff.added.contains { $0.hasPrefix("B=ENC[hush:v2,") })
        #expect(diff.added.contains("#hush:modified 2026-02-02T00:00:00Z"))
        #expect(diff.added.contains { $0.hasPrefix("#hush:mac ") })
        #expect(try box.hush(["get", "dev", "B"]).stdout == "changed!!!")
        #expect(try box.hush(["unset", "dev", "A"]).status == 0)
        #expect(try box.hush(["keys", "dev"]).stdout == "B\nC\n")
    }

    @Test func yamlRoundTripIsByteExact() throws {
        let box = try Sandbox()
        try box.initialise()
        let yaml = """
            # Production settings
            database:
                host: db.internal   # primary
                port: 5432
                password: "p@ss\\"word\\n"
                replicas:
                  - r1.internal
                  - 'r2.internal'
            tls:
              cert: |
                -----BEGIN CERTIFICATE-----
                MIIBszCCAVmgAwIBAgIUZ
                -----END CERTIFICATE-----
              enabled: true
            ratio: 0.75
            empty:
            unicode: "héllo 日本 🎉"
            folded: >-
              one
              two

            """
        try box.write("prod.yaml", yaml)
        let imported = try box.hush(["encrypt", "prod.yaml", "--env", "production"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let sealed = try box.read(".secrets/production.yaml")
        #expect(sealed.contains("# Production settings\ndatabase:\n    host: ENC[hush:v2,s,"))
        #expect(sealed.contains("   # primary\n"))
        #expect(sealed.contains("port: ENC[hush:v2,i,"))
        #expect(sealed.contains("enabled: ENC[hush:v2,b,"))
        #expect(!sealed.contains("MIIBszCCAVmgAwIBAgIUZ"))
        let plain = try box.hush(["decrypt", "production"])
        #expect(plain.status == 0 && plain.stdout == yaml)
        #expect(try box.hush(["get", "production", "database.password"]).stdout == "p@ss\"word\n")
        #expect(try box.hush(["get", "production", "database.replicas.1"]).stdout == "r2.internal")
        #expect(try box.hush(["get", "production", "folded"]).stdout == "one two")
        let json = try box.hush(["decrypt", "production", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["database"] as? [String: Any])?["port"] as? Int == 5432)
        #expect((object?["tls"] as? [String: Any])?["enabled"] as? Bool == true)
        // Nested set keeps every other byte.
        #expect(try box.hush(["set", "production", "database.user"], stdin: "app").status == 0)
        let after = try box.hush(["decrypt", "production"]).stdout
        #expect(after.contains("    password: \"p@ss\\\"word\\n\"\n    replicas:\n      - r1.internal\n      - 'r2.internal'\n    user: app\ntls:"))
        expectFailure(try box.hush(["encrypt", "prod.yaml", "--env", "production"]), status: 5, mentions: "already exists")
    }

    @Test func decryptFormatsAndOutputFile() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.env", "# comment\nexport NAME='single # quoted'\nURL=\"postgres://u:p@h/db?x=1\"\nMULTI=\"a\nb\"\n")
        #expect(try box.hush(["encrypt", "in.env", "--env", "dev"]).status == 0)
        #expect(try box.hush(["decrypt", "dev"]).stdout == (try box.read("in.env")))
        let shell = try box.hush(["decrypt", "dev", "--format", "shell"]).stdout
        try box.write("exports.sh", shell)
        let echoed = try box.shell(". ./exports.sh; printf '%s|%s|%s' \"$NAME\" \"$URL\" \"$MULTI\"")
        #expect(echoed.stdout == "single # quoted|postgres://u:p@h/db?x=1|a\nb", "\(echoed)")
        let out = try box.hush(["decrypt", "dev", "--output", "plain.env"])
        #expect(out.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: box.path("plain.env").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        expectFailure(try box.hush(["decrypt", "dev", "--output", "plain.env"]), status: 5)
    }

    @Test func setReadsAFileVerbatim() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("key.pem", "line1\nline2\n")
        #expect(try box.hush(["set", "dev", "PEM", "--file", "key.pem"]).status == 0)
        #expect(try box.hush(["get", "dev", "PEM"]).stdout == "line1\nline2\n")
        #expect(try box.hush(["set", "cfg", "a.b.c", "--format", "yaml"], stdin: "deep").status == 0)
        #expect(try box.read(".secrets/cfg.yaml").hasPrefix("a:\n  b:\n    c: ENC[hush:v2,s,"))
    }
}
