import Foundation
import Testing

/// Issue 13's first-week friction, through the built binary.
@Suite struct UsabilityCLITests {
    @Test func identityBeforeTheSubcommand() throws {
        let box = try Sandbox()
        let key = try box.keygen("alice")
        #expect(try box.hush(["--identity", key.path, "init", "--name", "alice"], env: ["HOME": box.root.path]).status == 0)
        #expect(try box.hush(["-i", key.path, "set", "dev", "A"], stdin: "v", env: ["HOME": box.root.path]).status == 0)
        #expect(try box.hush(["--identity", key.path, "get", "dev", "A"], env: ["HOME": box.root.path]).stdout == "v")
        let exec = try box.hush(["--identity=\(key.path)", "exec", "dev", "--", "printenv", "A"], env: ["HOME": box.root.path])
        #expect(exec.stdout == "v\n", "\(exec.stderr)")
    }

    @Test func didYouMean() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "production", "DATABASE_URL"], stdin: "x").status == 0)
        expectFailure(try box.hush(["dcrypt", "production"]), status: 64, mentions: "(did you mean decrypt?)")
        expectFailure(try box.hush(["get", "prodution", "DATABASE_URL"]), status: 2, mentions: "(did you mean production?)")
        expectFailure(try box.hush(["get", "production", "DATABASE_ULR"]), status: 2, mentions: "(did you mean DATABASE_URL?)")
        expectFailure(try box.hush(["get", "production", "SOMETHING_ELSE"]), status: 2)
        #expect(!(try box.hush(["get", "production", "SOMETHING_ELSE"]).stderr.contains("did you mean")))
    }
}
