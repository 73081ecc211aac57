import Foundation
import Testing

@Suite struct ConcurrencyCLITests {
    @Test func parallelSetsAreAllKept() throws {
        let box = try Sandbox()
        try box.initialise()
        #expect(try box.hush(["set", "dev", "SEED"], stdin: "0").status == 0)
        // 12 writers at once, each a different key: every update must survive.
        let writers = try (1...12).map { try box.start(["set", "dev", "K\($0)"], stdin: "v\($0)") }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        let keys = try box.hush(["keys", "dev"]).stdout.split(separator: "\n")
        #expect(keys.count == 13)
        #expect(try box.hush(["verify"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.path(".secrets").path).filter { $0.hasSuffix(".hush-tmp") }
        #expect(leftovers.isEmpty)
    }

    /// Issue 12, item 6: writers racing to create the same new environment all succeed.
    @Test func parallelSetsIntoANewEnvironmentAreAllKept() throws {
        let box = try Sandbox()
        try box.initialise()
        // Every writer waits on its stdin until all are running, then all check at once.
        var inputs: [Pipe] = []
        let writers = try (1...16).map { n -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Sandbox.binary)
            process.arguments = ["set", "fresh", "K\(n)"]
            process.environment = box.environment
            process.currentDirectoryURL = box.repo
            let input = Pipe()
            inputs.append(input)
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for (n, input) in inputs.enumerated() {
            input.fileHandleForWriting.write(Data("v\(n)".utf8))
            try input.fileHandleForWriting.close()
        }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        #expect(try box.hush(["keys", "fresh"]).stdout.split(separator: "\n").count == 16)
        #expect(try box.hush(["verify", "fresh"]).status == 0)
    }

    @Test func killNineLeavesOldOrNewNeverAMix() throws {
        let box = try Sandbox()
        try box.initialise()
        let lines = (0..<3000).map { "KEY_\($0)=value-number-\($0)-xxxxxxxxxxxxxxxxxxxxxxxx" }.joined(separator: "\n") + "\n"
        try box.write("big.env", lines)
        #expect(try box.hush(["encrypt", "big.env", "--env", "big"]).status == 0)
        for round in 0..<8 {
            let delay = Double(round) * 0.004
            let writer = try box.start(["set", "big", "KEY_7"], stdin: "new\(round)")
            Thread.sleep(forTimeInterval: delay)
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            #expect(try box.hush(["verify", "big"]).status == 0, "round \(round)")
            let value = try box.hush(["get", "big", "KEY_7"]).stdout
            #expect(value == "new\(round)" || value.hasPrefix("value-number-7") || value.hasPrefix("new"), "round \(round): \(value)")
        }
    }
}
