import Foundation
import Testing

/// Every exit status in README's table, produced by the binary: the table is the contract.
@Suite struct ExitStatusCLITests {
    /// The statuses the README table lists.
    static func documented() throws -> Set<Int32> {
        let readme = try String(contentsOf: DemoVaultTests.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.components(separatedBy: "| status | meaning |")[1].components(separatedBy: "\n\n")[0]
        var statuses = Set<Int32>()
        for row in table.split(separator: "\n") where row.hasPrefix("| ") {
            let cell = row.dropFirst(2).prefix { $0 != "|" }
            for part in cell.split(separator: ",") { if let n = Int32(part.trimmingCharacters(in: .whitespaces)) { statuses.insert(n) } }
        }
        return statuses
    }

    @Test func eachDocumentedStatusHappens() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "A"], stdin: "v").status == 0)
        let other = try box.keygen("other")
        try box.write("exists.env", "A=1\n")
        var seen: [Int32: String] = [:]
        func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], _ why: String) throws {
            seen[try box.hush(args, stdin: stdin, env: env).status] = why
        }
        try run(["get", "dev", "A"], "success")
        try box.write("recipients/other.pub", other.recipient + "\n")
        try run(["access", "--check"], "a check found problems (other is granted but not wrapped)")
        try run(["get", "dev", "NOPE"], "bad input")
        try run(["get", "dev", "A"], env: ["HUSH_IDENTITY": "AGE-SECRET-KEY-1NOTAKEY"], "malformed identity")
        try run(["get", "dev", "A", "--identity", other.path], env: ["HOME": box.root.path], "no key")
        let sealed = try box.read(".secrets/dev.env")
        try box.write(".secrets/dev.env", "# edited\n" + sealed)
        try run(["get", "dev", "A"], "integrity")
        try box.write(".secrets/dev.env", sealed)
        try run(["encrypt", "exists.env", "--env", "dev"], "refused")
        try run(["keygen", "--output", "/proc/no-such-dir/key"], "system")
        try run(["exec", "dev"], "usage")
        try box.write("not-executable", "#!/bin/sh\n")
        try run(["exec", "dev", "--", "./not-executable"], "cannot execute")
        try run(["exec", "dev", "--", "no-such-command-xyz"], "not found")
        let documented = try Self.documented()
        #expect(documented == [0, 1, 2, 3, 4, 5, 6, 64, 126, 127], "README table: \(documented.sorted())")
        #expect(Set(seen.keys) == documented, "seen: \(seen.sorted { $0.key < $1.key })")
    }
}
