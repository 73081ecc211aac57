import Foundation
import Testing

/// Issue 12's numbered cases, through the built binary: valid input always reads back, and
/// hostile input is refused quickly with one clear line.
@Suite struct RobustnessCLITests {
    /// Item 1: documents whose sealed form used to be unreadable (a comment right after a
    /// quoted value) now round-trip byte for byte, through `encrypt` and through `edit`.
    @Test func commentsRightAfterQuotedValuesRoundTrip() throws {
        let box = try Sandbox()
        try box.initialise()
        let documents = [
            "A=keep-me\nC=\"3\"#note\n",
            "C='3'#\n",
            "export C='3'#x\n",
            "C=\"multi\nline\"#x\nD=after\n",
            "A= # empty, then a comment\nB=#x\n",
        ]
        for (i, document) in documents.enumerated() {
            try box.write("in.env", document)
            let sealed = try box.hush(["encrypt", "in.env", "--env", "rt\(i)"])
            #expect(sealed.status == 0, "\(document): \(sealed.stderr)")
            let plain = try box.hush(["decrypt", "rt\(i)"])
            #expect(plain.status == 0 && plain.stdout == document, "\(document): \(plain.stderr)")
            #expect(try box.hush(["verify", "rt\(i)"]).status == 0)
            // The same document written through the editor.
            let editor = box.root.appendingPathComponent("editor-\(i).sh")
            try "#!/bin/sh\ncp '\(box.path("in.env").path)' \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
            #expect(try box.hush(["set", "ed\(i)", "SEED"], stdin: "x").status == 0)
            let edited = try box.hush(["edit", "ed\(i)"], env: ["EDITOR": editor.path])
            #expect(edited.status == 0, "\(document): \(edited.stderr)")
            #expect(try box.hush(["decrypt", "ed\(i)"]).stdout == document)
        }
    }

    /// Item 4: nesting and size are bounded before any big allocation.
    /// `set` of a block scalar key whose explicit `?` line ends the document's last line used
    /// to index past the end of the document (a crash, exit 132); now the value is set.
    @Test func setOfAnExplicitBlockScalarKeyDoesNotCrash() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("p.yaml", "? |\n x\n")
        #expect(try box.hush(["encrypt", "p.yaml", "--env", "ek"]).status == 0)
        let set = try box.hush(["set", "ek", "x\\x0A"], stdin: "v")
        #expect(set.status == 0 || set.status == 2, "\(set.stderr)")
        #expect(!set.stderr.contains("crashed"))
    }

    @Test func hostileInputIsRefusedQuickly() throws {
        let box = try Sandbox()
        try box.initialise()
        try box.write("deep.yaml", "a: " + String(repeating: "[", count: 20000) + String(repeating: "]", count: 20000) + "\n")
        expectFailure(try box.hush(["encrypt", "deep.yaml", "--env", "deep"]), status: 2, mentions: "nesting deeper than 256 levels")
        expectFailure(try box.hush(["set", "dev", "BLOB", "--file", "/dev/zero"]), status: 2, mentions: "larger than 64 MiB")
        #expect(!FileManager.default.fileExists(atPath: box.path(".secrets/dev.env").path))
        // 256 levels are fine.
        try box.write("ok.yaml", "a: " + String(repeating: "[", count: 255) + "x" + String(repeating: "]", count: 255) + "\n")
        #expect(try box.hush(["encrypt", "ok.yaml", "--env", "ok"]).status == 0)
    }

    /// Item 4, limits: a key or name of more than 1,024 characters is refused with the file and
    /// line (exit 2) and nothing is written; 1,024 are fine. Lines have no limit of their own
    /// below the input limit (a sealed value is one line): a one-line value near the limit is
    /// stored, a document over it is refused (docs/robustness.md, "Limits").
    @Test func longKeysAreRefusedAndLongLinesAreBoundedByTheInputLimit() throws {
        let box = try Sandbox()
        try box.initialise()
        let long = String(repeating: "k", count: 1025)
        try box.write("long.yaml", "a: 1\nb:\n  \(long): 2\n")
        try box.write("long.env", "A=1\n\(long)=2\n")
        try box.write("explicit.yaml", "? \(long)\n: 2\n")
        expectFailure(try box.hush(["encrypt", "long.yaml", "--env", "ly"]), status: 2, mentions: "long.yaml:3:3: a key longer than 1024 characters")
        expectFailure(try box.hush(["encrypt", "explicit.yaml", "--env", "ey"]), status: 2, mentions: "explicit.yaml:1:3: a key longer than 1024")
        expectFailure(try box.hush(["encrypt", "long.env", "--env", "le"]), status: 2, mentions: "long.env:2:1: a name longer than 1024 characters")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.path(".secrets").path).filter { !$0.hasPrefix(".") }.isEmpty)
        // `set` of such a key leaves the file as it was.
        #expect(try box.hush(["set", "dev", "A"], stdin: "1").status == 0)
        let before = try box.bytes(".secrets/dev.env")
        expectFailure(try box.hush(["set", "dev", long], stdin: "2"), status: 2, mentions: "a name longer than 1024")
        #expect(try box.bytes(".secrets/dev.env") == before)
        // 1,024 characters are fine.
        try box.write("ok.yaml", "b:\n  \(String(long.dropFirst())): 2\n")
        #expect(try box.hush(["encrypt", "ok.yaml", "--env", "oy"]).status == 0)
        #expect(try box.hush(["set", "dev", String(long.dropFirst())], stdin: "2").status == 0)
        // One line as long as the input limit allows (1 MiB here): stored and read back. A
        // document within the limit whose sealed file would exceed it (tokens are base64) is
        // refused when written, not when read back later.
        let limit = ["HUSH_MAX_INPUT_MB": "1"]
        let line = String(repeating: "v", count: 700_000)
        try box.write("line.env", "BIG=\(line)\n")
        #expect(try box.hush(["encrypt", "line.env", "--env", "line"], env: limit).status == 0)
        #expect(try box.hush(["get", "line", "BIG"], env: limit).stdout == line)
        try box.write("sealed-over.env", "BIG=\(line)\(line.prefix(200_000))\n")
        expectFailure(
            try box.hush(["encrypt", "sealed-over.env", "--env", "over"], env: limit), status: 2, mentions: "would take more than 1 MiB")
        try box.write("over.env", "BIG=\(line)\(line)\n")
        expectFailure(try box.hush(["encrypt", "over.env", "--env", "over"], env: limit), status: 2, mentions: "larger than 1 MiB")
        #expect(!FileManager.default.fileExists(atPath: box.path(".secrets/over.env").path))
    }
}

/// Issue 12, item 5: `hush edit` leaves no plaintext behind: not an editor's backup file, not
/// after SIGTERM (the editor gets the signal too), and a `kill -9` is cleaned up by the next
/// command.
@Suite struct EditHygieneCLITests {
    func runFolder(_ box: Sandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: box.root.appendingPathComponent("run").path)
    }

    func editor(_ box: Sandbox, _ script: String) throws -> String {
        let path = box.root.appendingPathComponent("editor-\(UUID().uuidString).sh")
        try ("#!/bin/sh\n" + script + "\n").write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        return path.path
    }

    @Test func editorBackupsAreRemovedToo() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "secret-a").status == 0)
        let backup = try editor(box, "cp \"$1\" \"$1~\"; echo B=2 >> \"$1\"")
        #expect(try box.hush(["edit", "dev"], env: ["EDITOR": backup]).status == 0)
        #expect(try runFolder(box).isEmpty)
    }

    @Test func terminationReachesTheEditorAndLeavesNothing() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "secret-a").status == 0)
        let pidFile = box.root.appendingPathComponent("editor.pid").path
        let slow = try editor(box, "echo $$ > '\(pidFile)'; exec sleep 30")
        var env = box.environment
        env["EDITOR"] = slow
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Sandbox.binary)
        process.arguments = ["edit", "dev"]
        process.environment = env
        process.currentDirectoryURL = box.repo
        process.standardError = FileHandle.nullDevice
        try process.run()
        var waited = 0
        while !FileManager.default.fileExists(atPath: pidFile) && waited < 200 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 1
        }
        Thread.sleep(forTimeInterval: 0.1)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        let editorPID = pid_t((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(editorPID > 0 && kill(editorPID, 0) != 0, "the editor was left running")
        #expect(try runFolder(box).isEmpty)
    }

    @Test func aKilledEditIsSweptByTheNextCommand() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "secret-a").status == 0)
        let pidFile = box.root.appendingPathComponent("editor.pid").path
        let slow = try editor(box, "echo $$ > '\(pidFile)'; exec sleep 30")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Sandbox.binary)
        process.arguments = ["edit", "dev"]
        process.environment = box.environment.merging(["EDITOR": slow]) { $1 }
        process.currentDirectoryURL = box.repo
        try process.run()
        var waited = 0
        while !FileManager.default.fileExists(atPath: pidFile) && waited < 200 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 1
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        if let editorPID = pid_t((try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") {
            kill(editorPID, SIGKILL)
        }
        #expect(try runFolder(box).count == 1, "kill -9 leaves the folder")
        let next = try box.hush(["get", "dev", "A"])
        #expect(next.stdout == "secret-a")
        #expect(next.stderr.contains("removed 1 plaintext folder(s) left by an interrupted `hush edit`"))
        #expect(try runFolder(box).isEmpty)
    }
}
