import Foundation
import Testing

@Suite struct EditCLITests {
    @Test func editorChangeResealsOnlyThatValueAndRemovesThePlaintext() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.yaml", "# settings\na: one\nb: two\nc: three\n")
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "dev"]).status == 0)
        let before = try box.read(".secrets/dev.yaml")
        let editor = box.root.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nsed -i 's/two/TWO/' \"$1\"\necho \"$1\" > \(box.root.path)/edited-path\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let result = try box.hush(["edit", "dev"], env: ["EDITOR": editor.path, "HUSH_TEST_NOW": "2030-01-01T00:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try box.read(".secrets/dev.yaml")
        let diff = Sandbox.lineDiff(before, after)
        #expect(diff.added.count == 5 && diff.added.contains { $0.hasPrefix("b: ENC[") })
        #expect(try box.hush(["get", "dev", "b"]).stdout == "TWO")
        let tempPath = try String(contentsOf: box.root.appendingPathComponent("edited-path"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(tempPath.hasPrefix(box.root.appendingPathComponent("run").path))
        #expect(!FileManager.default.fileExists(atPath: tempPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.root.appendingPathComponent("run").path).isEmpty)
    }

    @Test func unparsableEditLeavesTheFileUnchanged() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("in.yaml", "a: one\n")
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "dev"]).status == 0)
        let before = try box.bytes(".secrets/dev.yaml")
        let result = try box.hush(["edit", "dev"], env: ["EDITOR": "sh -c 'echo \"x: [broken\" >> \"$0\"'"])
        expectFailure(result, status: 2, mentions: "does not parse")
        #expect(result.stderr.contains("dev.yaml:2:") || result.stderr.contains("dev.yaml:3:"))
        #expect(try box.bytes(".secrets/dev.yaml") == before)
        // The edited text is kept for the user (EditKeptCLITests), in the private folder only.
        let run = box.root.appendingPathComponent("run")
        let kept = try FileManager.default.contentsOfDirectory(atPath: run.path)
        #expect(kept.count == 1 && kept.allSatisfy { $0.hasPrefix("hush-edit-kept-") })
        #expect(result.stderr.contains("your edited text is kept in \(run.path)/hush-edit-kept-"))
    }

    @Test func editorFailureLeavesTheFileUnchanged() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "x").status == 0)
        let before = try box.bytes(".secrets/dev.env")
        expectFailure(try box.hush(["edit", "dev"], env: ["EDITOR": "false"]), status: 6)
        #expect(try box.bytes(".secrets/dev.env") == before)
    }
}
