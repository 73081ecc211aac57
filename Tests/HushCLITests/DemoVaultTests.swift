import Foundation
import Testing

/// The repository's own `.secrets/` is sealed to test-only keys: a change that can no longer
/// open existing files fails here.
@Suite struct DemoVaultTests {
    static let repoRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }()

    static func key(_ name: String) -> String {
        repoRoot.appendingPathComponent("Tests/HushKitTests/Fixtures/test-identities/\(name).key").path
    }

    @Test func everyMemberOpensTheCommittedVault() throws {
        let box = try Sandbox()
        for member in ["test-alice", "test-ci"] {
            let verified = try box.hush(["verify", "--identity", Self.key(member)], in: Self.repoRoot)
            #expect(verified.status == 0, "\(member): \(verified.stderr)")
            #expect(verified.stdout.contains("ok   .secrets/demo.yaml") && verified.stdout.contains("ok   .secrets/demo-dotenv.env"))
        }
        let value = try box.hush(["get", "demo", "database.password", "--identity", Self.key("test-alice")], in: Self.repoRoot)
        #expect(value.stdout == "demo-only-not-a-real-password")
        let env = try box.hush(["get", "demo-dotenv", "API_TOKEN", "--identity", Self.key("test-ci")], in: Self.repoRoot)
        #expect(env.stdout == "demo-token-0123456789")
        let plain = try box.hush(["decrypt", "demo", "--identity", Self.key("test-alice")], in: Self.repoRoot)
        let expected = try String(contentsOf: Self.repoRoot.appendingPathComponent("Tests/HushKitTests/Fixtures/demo-plaintext.yaml"), encoding: .utf8)
        #expect(plain.stdout == expected)
    }
}
