import Foundation
import Testing

/// Runs one document's shell blocks in one sandbox, as its fixture describes, recording an
/// issue for every command that does not exit as the docs say.
final class DocsRunner {
    let fixture: DocFixture
    let box: Sandbox
    /// The fixture's step of each command, by line.
    private var steps: [Int: DocFixture.Step] = [:]
    private var usedScripts = Set<String>()
    private var usedWords = Set<String>()

    init(_ fixture: DocFixture) throws {
        self.fixture = fixture
        box = try Sandbox()
        let bin = box.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let binary = URL(fileURLWithPath: Sandbox.binary).standardizedFileURL.path
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("hush").path, withDestinationPath: binary)
        box.environment["PATH"] = bin.path + ":" + (box.environment["PATH"] ?? "/usr/bin:/bin")
        box.environment["HUSH_DOCS"] = box.root.path
        for (name, value) in fixture.env {
            box.environment[name] = value.replacingOccurrences(of: "$HUSH_DOCS", with: box.root.path)
        }
    }

    /// Gives each step its command: the one equal to `match`, else the one containing it;
    /// records an issue for a step that matches no command, or several.
    func assignSteps(_ commands: [DocCommand]) {
        for step in fixture.steps {
            let equal = commands.filter { $0.command == step.match }
            let matches = equal.isEmpty ? commands.filter { $0.command.contains(step.match) } : equal
            guard matches.count == 1, let command = matches.first else {
                Issue.record("\(fixture.doc): \(matches.count) commands match the fixture step \"\(step.match)\"; a step must match one")
                continue
            }
            steps[command.line] = step
        }
    }

    /// Runs the fixture's setup; false (with an issue) when it fails.
    func setUp() -> Bool {
        bash("set -e\n" + DocFixture.helpers + "\n" + fixture.setup, what: "setup", expect: 0)
    }

    /// Runs a block (line by line, or as one script); returns how many commands ran.
    func run(_ block: DocBlock) -> Int {
        let scripts = fixture.scripts.filter { block.text.contains($0.match) }
        if let script = scripts.first {
            usedScripts.insert(script.match)
            bash(script.exports + "\n" + block.text, what: "\(block.doc):\(block.line) (the block as a script)", expect: 0)
            return 1
        }
        var count = 0
        for command in block.commands {
            let step = steps[command.line]
            if let step, !step.before.isEmpty {
                guard bash("set -e\n" + DocFixture.helpers + "\n" + step.before, what: "set-up before \(command.doc):\(command.line)", expect: 0)
                else { continue }
            }
            let text = substitute(command.command)
            if command.runsHush && text.contains("…") {
                Issue.record("\(command.doc):\(command.line): `\(text)` has a placeholder (…): add it to the fixture's substitutions")
                continue
            }
            for variant in DocCommand.variants(text) {
                let what = "\(command.doc):\(command.line) `\(variant)`"
                count += 1
                guard bash(variant, what: what, expect: command.documentedStatus ?? 0, stdin: step?.stdin), let step, !step.after.isEmpty
                else { continue }
                bash("set -e\n" + DocFixture.helpers + "\n" + step.after, what: "the check after \(what) (\(step.why))", expect: 0)
            }
        }
        return count
    }

    private func substitute(_ command: String) -> String {
        var text = command
        for substitution in fixture.substitutions {
            let pattern = #"(?<![A-Za-z0-9_])"# + NSRegularExpression.escapedPattern(for: substitution.word) + #"(?![A-Za-z0-9_])"#
            guard text.range(of: pattern, options: .regularExpression) != nil else { continue }
            usedWords.insert(substitution.word)
            text = text.replacingOccurrences(
                of: pattern, with: NSRegularExpression.escapedTemplate(for: substitution.with), options: .regularExpression)
        }
        return text
    }

    /// Every script and substitution of the fixture was used once or more: one that matches
    /// nothing means the doc changed and the fixture no longer describes it.
    func checkEveryEntryUsed() {
        for script in fixture.scripts where !usedScripts.contains(script.match) {
            Issue.record("\(fixture.doc): no block matches the fixture script \"\(script.match)\"")
        }
        for substitution in fixture.substitutions where !usedWords.contains(substitution.word) {
            Issue.record("\(fixture.doc): no command has the placeholder \"\(substitution.word)\"")
        }
    }

    /// Runs `script` with bash in the repository; records an issue unless it exits `expect`,
    /// or exits 0 with a `hush: error:` line.
    @discardableResult
    private func bash(_ script: String, what: String, expect: Int32, stdin: String? = nil) -> Bool {
        let outcome: Outcome
        do {
            outcome = try box.run(
                ["/bin/bash", "--noprofile", "--norc", "-o", "pipefail", "-c", script], stdin: Data((stdin ?? "").utf8), env: [:], in: nil)
        } catch {
            Issue.record("\(what): bash did not start: \(error)")
            return false
        }
        let silentError = outcome.status == 0 && outcome.stderr.contains("hush: error:")
        guard outcome.status != expect || silentError else { return true }
        let output = "stderr: \(outcome.stderr.suffix(1500))\nstdout: \(outcome.stdout.suffix(500))"
        if silentError {
            Issue.record("\(what) exited 0 but printed an error\n\(output)")
        } else {
            Issue.record("\(what) exited \(outcome.status), the docs say \(expect)\n\(output)")
        }
        return false
    }
}
