import Foundation
import Testing

/// `.secrets/` and `recipients/` must be real folders of the repository: a link could send
/// writes, or reads, to another repository's vault.
@Suite struct SymlinkCLITests {
    /// A vault with `prod`, whose `folder` is then moved out of the repository and linked back.
    func linked(_ folder: String) throws -> (box: Sandbox, target: String) {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "prod", "K"], stdin: "v").status == 0)
        let target = box.root.appendingPathComponent("outside-\(folder)").path
        try FileManager.default.moveItem(atPath: box.path(folder).path, toPath: target)
        try FileManager.default.createSymbolicLink(atPath: box.path(folder).path, withDestinationPath: target)
        return (box, target)
    }

    @Test func aLinkedSecretsFolderIsRefused() throws {
        let (box, target) = try linked(".secrets")
        let expected = "hush: error: .secrets is a symbolic link (to \(target)); Hush refuses to follow it\n"
        for arguments in [["get", "prod", "K"], ["exec", "prod", "--", "true"], ["set", "prod", "K"], ["status"]] {
            let result = try box.hush(arguments, stdin: "w")
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr == expected + "hush: hint: replace it with a real folder inside the repository\n", "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        // From a subfolder, and with the link dangling, the same refusal.
        try FileManager.default.createDirectory(at: box.path("sub"), withIntermediateDirectories: true)
        expectFailure(try box.hush(["get", "prod", "K"], in: box.path("sub")), status: 2, mentions: "symbolic link")
        try FileManager.default.removeItem(atPath: target)
        expectFailure(try box.hush(["get", "prod", "K"]), status: 2, mentions: ".secrets is a symbolic link")
    }

    @Test func aLinkedRecipientsFolderIsRefused() throws {
        let (box, target) = try linked("recipients")
        let result = try box.hush(["recipients", "list"])
        expectFailure(result, status: 2)
        #expect(result.stderr.hasPrefix("hush: error: recipients is a symbolic link (to \(target)); Hush refuses to follow it\n"))
    }
}
