import Foundation
import Testing

/// What one run of the `hush` binary did.
struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Carries bytes out of the stderr reader; written once, read after `wait`.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A throw-away home folder and git repository in which the real `hush` binary is run.
final class Sandbox {
    let root: URL
    let home: URL
    let repo: URL
    var environment: [String: String]

    /// The built binary: `HUSH_BIN`, else `hush` next to the test bundle.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["HUSH_BIN"] { return path }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("hush").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return ".build/debug/hush"
    }()

    init(user: String = "Alice Example") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hush-e2e-\(UUID().uuidString)")
        home = root.appendingPathComponent("home")
        repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path,
            "XDG_RUNTIME_DIR": root.appendingPathComponent("run").path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "LANG": "C.UTF-8",
        ]
        try FileManager.default.createDirectory(at: root.appendingPathComponent("run"), withIntermediateDirectories: true)
        try "[user]\n\tname = \(user)\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n".write(
            to: home.appendingPathComponent(".gitconfig"), atomically: true, encoding: .utf8)
        try shell("git init -q")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs hush with `arguments` in `directory` (default: the repository).
    @discardableResult
    func hush(_ arguments: [String], stdin: String? = nil, env extra: [String: String] = [:], in directory: URL? = nil) throws -> Outcome {
        try run([Self.binary] + arguments, stdin: stdin.map { Data($0.utf8) }, env: extra, in: directory)
    }

    /// Runs a shell command line (for git and test set-up).
    @discardableResult
    func shell(_ command: String, env extra: [String: String] = [:], in directory: URL? = nil) throws -> Outcome {
        try run(["/bin/sh", "-c", command], stdin: nil, env: extra, in: directory)
    }

    func run(_ argv: [String], stdin: Data?, env extra: [String: String], in directory: URL?) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = environment.merging(extra) { $1 }
        process.currentDirectoryURL = directory ?? repo
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot deadlock.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts hush without waiting (for concurrency and kill tests); stdin is `stdin`.
    func start(_ arguments: [String], stdin: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = repo
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        return process
    }

    func path(_ relative: String) -> URL { repo.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String { try String(contentsOf: path(relative), encoding: .utf8) }

    func bytes(_ relative: String) throws -> Data { try Data(contentsOf: path(relative)) }

    func write(_ relative: String, _ text: String) throws {
        let url = path(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Makes an identity file under the sandbox and returns (path, recipient).
    func keygen(_ name: String) throws -> (path: String, recipient: String) {
        let file = root.appendingPathComponent("\(name).key").path
        let result = try hush(["keygen", "--output", file])
        #expect(result.status == 0, "keygen failed: \(result.stderr)")
        return (file, result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// keygen to the default location + init: the usual first-member set-up.
    func initialise(name: String = "alice") throws {
        let made = try hush(["keygen"])
        #expect(made.status == 0, "\(made.stderr)")
        let result = try hush(["init", "--name", name])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Lines that differ between two texts, as (removed, added), for minimal-diff checks.
    static func lineDiff(_ old: String, _ new: String) -> (removed: [String], added: [String]) {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let diff = b.difference(from: a)
        var removed: [String] = [], added: [String] = []
        for change in diff {
            switch change {
            case .remove(_, let line, _): removed.append(line)
            case .insert(_, let line, _): added.append(line)
            }
        }
        return (removed, added)
    }
}

/// Checks a failing run: the exit status, one `hush: error:` line (plus an optional hint), and
/// that no secret leaked into the message.
func expectFailure(_ outcome: Outcome, status: Int32, mentions: String? = nil, secrets: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(outcome.status == status, "status \(outcome.status), stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
    let lines = outcome.stderr.split(separator: "\n")
    #expect(lines.first?.hasPrefix("hush: error: ") == true, "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("hush: hint: ") }, "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
    if let mentions { #expect(outcome.stderr.contains(mentions), "stderr: \(outcome.stderr)", sourceLocation: sourceLocation) }
    for secret in secrets { #expect(!outcome.stderr.contains(secret) && !outcome.stdout.contains(secret), sourceLocation: sourceLocation) }
}

extension String {
    /// The first line: `hush keygen` prints the recipient, then the signing key.
    var firstLine: String { String(prefix { $0 != "\n" }) }
}
