import Foundation
import Testing

/// Key names with bidirectional controls are shown escaped, so a listing reads as what it is.
@Suite struct TerminalSafeCLITests {
    @Test func keysAndMessagesShowBidiControlsEscaped() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.yaml", "plain: 1\n\"user\u{202E}nimda\": 2\n")
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "prod"]).status == 0)
        let keys = try box.hush(["keys", "prod"])
        #expect(keys.status == 0, "\(keys.stderr)")
        #expect(keys.stdout == "plain\nuser\\u{202E}nimda\n")
        // The value is still read by its real name, and an error naming a key escapes it too.
        #expect(try box.hush(["get", "prod", "user\u{202E}nimda"]).stdout == "2")
        let missing = try box.hush(["get", "prod", "no\u{202E}such"])
        expectFailure(missing, status: 2, mentions: "no\\u{202E}such")
        #expect(!missing.stderr.contains("\u{202E}"))
    }
}
