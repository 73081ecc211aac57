import Foundation

@testable import HushKit

/// Runs the external key tools (age, age-keygen, ssh-keygen) for the interoperability tests.
/// Tests that need one use `.enabled(if: KeyTools.has…)`, so they show as skipped without it.
enum KeyTools {
    static let age = find("age")
    static let ageKeygen = find("age-keygen")
    static let sshKeygen = find("ssh-keygen")

    static var hasAge: Bool { age != nil && ageKeygen != nil }
    static var hasSSHKeygen: Bool { sshKeygen != nil }

    /// The first executable `name` on `PATH` (or in /usr/bin when `PATH` is unset).
    private static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `tool` with `arguments` and no input; throws unless it exits with 0 (or any status,
    /// with `check: false`).
    @discardableResult
    static func run(_ tool: String?, _ arguments: [String], check: Bool = true) throws -> Output {
        guard let tool else { throw Failed(description: "tool not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The tools print little, so reading one pipe to its end cannot block on the other.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
        if check && output.status != 0 {
            throw Failed(description: "\(tool) \(arguments) exited \(output.status): \(output.stderr)")
        }
        return output
    }

    /// A fresh private directory, removed by `body`'s end.
    static func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hush-keytest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir.path)
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
