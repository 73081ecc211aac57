import Foundation
import Testing

/// Issue 12, edit hygiene: when `hush edit` cannot save (the text does not parse, the write is
/// refused, an I/O error, or the user gives up on a terminal), the edited text is kept in the
/// private edit folder, never in the work tree, and the error says where and what to do. The
/// sweep at the start of the next vault command reports it instead of deleting it.
@Suite struct EditKeptCLITests {
    func editor(_ box: Sandbox, _ script: String) throws -> String {
        let path = box.root.appendingPathComponent("editor-\(UUID().uuidString).sh")
        try ("#!/bin/sh\n" + script + "\n").write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        return path.path
    }

    /// The kept folders in the sandbox's edit base (`$XDG_RUNTIME_DIR`).
    func keptFolders(_ box: Sandbox) throws -> [URL] {
        let run = box.root.appendingPathComponent("run")
        return try FileManager.default.contentsOfDirectory(atPath: run.path).sorted().map { run.appendingPathComponent($0) }
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Checks a failed edit: its status, the kept text (0600 in a 0700 folder, editor backups
    /// gone), the two stderr lines, and the sealed file untouched. Returns the kept folder.
    func expectKept(_ box: Sandbox, _ outcome: Outcome, status: Int32, text: String, sealed before: Data) throws -> URL {
        expectFailure(outcome, status: status, mentions: "your edited text is kept in ")
        #expect(try box.bytes(".secrets/dev.env") == before, "the sealed file changed")
        let folders = try keptFolders(box)
        #expect(folders.count == 1)
        let folder = try #require(folders.first)
        #expect(folder.lastPathComponent.hasPrefix("hush-edit-kept-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["dev.env"], "editor backups are removed")
        let file = folder.appendingPathComponent("dev.env")
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
        #expect(try mode(folder) == 0o700 && mode(file) == 0o600)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("kept in \(file.path)") == true, "\(outcome.stderr)")
        #expect(lines.last == "hush: hint: fix what went wrong, run `hush edit dev` and copy your changes from that file, then delete it: rm -r \(folder.path)")
        return folder
    }

    /// Text that does not parse, and text whose write is refused (a `#hush:` line).
    @Test(arguments: ["A=changed\nB=\"unterminated\n", "A=changed\n#hush:seq 9\n"])
    func aFailedSaveKeepsTheTextAndTheNextCommandReportsIt(_ text: String) throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "secret-a").status == 0)
        let before = try box.bytes(".secrets/dev.env")
        try box.write("edited.txt", text)
        let editor = try editor(box, "cp '\(box.path("edited.txt").path)' \"$1\"; cp \"$1\" \"$1~\"")
        let outcome = try box.hush(["edit", "dev"], env: ["EDITOR": editor])
        let folder = try expectKept(box, outcome, status: 2, text: text, sealed: before)
        // Nothing in the work tree holds the edited text but the test's own copy.
        #expect(try box.shell("grep -rl 'A=changed' . --exclude-dir=.git").stdout == "./edited.txt\n")

        // The next vault command says it is there, and leaves it.
        let next = try box.hush(["get", "dev", "A"])
        #expect(next.status == 0 && next.stdout == "secret-a")
        let file = folder.appendingPathComponent("dev.env").path
        #expect(
            next.stderr
                == "hush: note: \(file) holds the plaintext of a failed `hush edit`; copy what you need, then delete it: rm -r \(folder.path)\n")
        #expect(FileManager.default.fileExists(atPath: file))
        // Deleted as the note says: no more note.
        #expect(try box.shell("rm -r \(folder.path)").status == 0)
        #expect(try box.hush(["get", "dev", "A"]).stderr.isEmpty)
    }

    /// An I/O error while writing the sealed file (the editor replaces `.secrets/` with a
    /// plain file, so the temporary file cannot be created): exit 6, the text is kept.
    @Test func anIOErrorOnSaveKeepsTheText() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "secret-a").status == 0)
        let before = try box.bytes(".secrets/dev.env")
        let secrets = box.path(".secrets").path
        let editor = try editor(box, "echo B=new >> \"$1\"; mv '\(secrets)' '\(secrets)-moved'; : > '\(secrets)'")
        let outcome = try box.hush(["edit", "dev"], env: ["EDITOR": editor])
        try FileManager.default.removeItem(atPath: secrets)
        try FileManager.default.moveItem(atPath: secrets + "-moved", toPath: secrets)
        _ = try expectKept(box, outcome, status: 6, text: "A=secret-a\nB=new\n", sealed: before)
        #expect(outcome.stderr.contains("cannot create a temporary file"))
    }

    /// Nothing changed, nothing kept: an editor that fails or leaves the text as it was.
    @Test func unchangedTextIsNotKept() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "secret-a").status == 0)
        #expect(try box.hush(["edit", "dev"], env: ["EDITOR": try editor(box, "echo B=new >> \"$1\"; exit 3")]).status == 6)
        #expect(try box.hush(["edit", "dev"], env: ["EDITOR": "true"]).status == 0)
        #expect(try keptFolders(box).isEmpty)
    }

    /// On a terminal, the user who declines to reopen the editor keeps the text too (`script`
    /// gives hush a terminal; the answer `n` waits in it).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func decliningToReEditKeepsTheText() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "secret-a").status == 0)
        let before = try box.bytes(".secrets/dev.env")
        let editor = try editor(box, "echo 'B=\"bad' >> \"$1\"")
        let outcome = try box.run(
            ["/usr/bin/script", "-qec", "\(Sandbox.binary) edit dev", "/dev/null"], stdin: Data("n\n".utf8), env: ["EDITOR": editor], in: nil)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("edit abandoned; .secrets/dev.env is unchanged; your edited text is kept in "))
        #expect(try box.bytes(".secrets/dev.env") == before)
        let folder = try #require(try keptFolders(box).first)
        #expect(try String(contentsOf: folder.appendingPathComponent("dev.env"), encoding: .utf8) == "A=secret-a\nB=\"bad\n")
    }
}
