import ArgumentParser
import HushKit

/// A subcommand whose `--help` ends with an example.
protocol Exemplified {
    static var example: String { get }
}

/// Options every command that opens a file takes.
struct IdentityOptions: ParsableArguments {
    @Option(name: [.short, .customLong("identity")], help: "An identity file to try (repeatable); tried before HUSH_IDENTITY and the default locations.")
    var identities: [String] = []

    func vault() throws -> Vault {
        Vault(repository: try Repository.find(), identityFiles: identities)
    }
}

/// The environment and key that `set`, `get` and `unset` address.
struct ValueAddress: ParsableArguments {
    @Argument(help: "Environment name or sealed file path.", completion: Completions.environments)
    var env: String

    @Argument(help: "Key (dotted path for nested YAML).", completion: Completions.keys)
    var key: String
}

enum CLI {
    /// Parses, runs, and turns errors into `hush: error:` / `hush: hint:` lines and the
    /// documented exit status.
    /// Commands whose start-up time matters (`exec` starts servers, the others run in scripts
    /// and CI): parsed on their own, without building the whole command tree, whose runtime
    /// type lookups cost about 3 ms per start. Help requests and usage errors do not parse
    /// here and go through the full parser, so their messages are unchanged.
    static let hotCommands: [String: any ParsableCommand.Type] = [
        "exec": Exec.self, "decrypt": Decrypt.self, "get": GetValue.self, "export": Export.self,
    ]

    private static func parseHotCommand(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let name = arguments.first, let type = hotCommands[name] else { return nil }
        return try? type.parse(Array(arguments.dropFirst()))
    }

    /// `hush --identity FILE get …`: identity options given before the subcommand are moved
    /// after its name (and before any `--`), where the subcommand reads them. A subcommand that
    /// opens nothing (`access`, `recipients list`, `keygen`) has no identity option: there the
    /// global one is dropped, as a global option that does not apply is (one alias or CI line
    /// can pass `-i` to every hush command).
    static func movingGlobalIdentity(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "-i" || first == "--identity", rest.count >= 2 {
                moved += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--identity=") {
                moved.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !moved.isEmpty else { return arguments }
        var names: [String] = []
        var type: ParsableCommand.Type = Hush.self
        while let next = rest.first, let sub = type.configuration.subcommands.first(where: { $0._commandName == next }) {
            names.append(next)
            rest = rest.dropFirst()
            type = sub
        }
        guard names.isEmpty || takesIdentity(type) else { return names + Array(rest) }
        return names + moved + Array(rest)
    }

    /// True when `type` declares the identity options (an `@OptionGroup var identity`).
    static func takesIdentity(_ type: ParsableCommand.Type) -> Bool {
        Mirror(reflecting: type.init()).children.contains { $0.value is OptionGroup<IdentityOptions> }
    }

    /// First arguments that only print text: the rest of the run never sees plaintext.
    private static let textOnly: Set<String> = ["help", "-h", "--help", "--version"]

    static func main(_ root: Hush.Type) {
        Allocator.tuneForShortRuns()
        // Before anything is parsed or decrypted: no core file, no debugger attach. Every
        // command but help is hardened, not only those that decrypt, because it is two system
        // calls and `scan`, `diff`, `log` and the git drivers decrypt as a side effect.
        if let first = CommandLine.arguments.dropFirst().first, !textOnly.contains(first) { ProcessHardening.apply() }
        do {
            let arguments = movingGlobalIdentity(Array(CommandLine.arguments.dropFirst()))
            var command = try parseHotCommand(arguments) ?? root.parseAsRoot(arguments)
            if let note = GitSetup.pendingNote(arguments: CommandLine.arguments) { Console.err(note) }
            try command.run()
            if let failure = Console.outputFailure {
                throw HushError(
                    .system, "could not write to standard output (\(failure)): the output is incomplete",
                    hint: "free disk space or fix the pipe, then run the command again")
            }
        } catch let error as HushError {
            fail(error)
        } catch let error as UsageError {
            Console.err("hush: error: \(TerminalSafe.escape(error.message))\nhush: hint: \(TerminalSafe.escape(error.hint))\n")
            root.exit(withError: ExitCode(64))
        } catch {
            guard root.exitCode(for: error) == .success else {
                // Usage errors: the same two-line form as every other error, exit status 64.
                // ArgumentParser lists choices over several lines; keep the one-line rule.
                let message = root.message(for: error).split(separator: "\n").map { String($0.drop { $0 == " " }) }
                Console.err("hush: error: \(TerminalSafe.escape(message.filter { !$0.isEmpty }.joined(separator: " ")))\(subcommandSuggestion())\n")
                Console.err("hush: hint: see `\(commandPath()) --help`\n")
                root.exit(withError: ExitCode(64))
            }
            let asksHelp = CommandLine.arguments.dropFirst().contains { $0 == "-h" || $0 == "--help" || $0 == "help" }
            if asksHelp, let type = helpTarget() {
                Console.out(root.fullMessage(for: error) + "\n\nEXAMPLE:\n" + type.example + "\n")
                root.exit(withError: nil)
            }
            root.exit(withError: error)
        }
        root.exit(withError: nil)
    }

    /// Messages name keys and files from the repository, so their bidirectional controls are
    /// escaped (`TerminalSafe`) to keep the line reading as what it is.
    static func fail(_ error: HushError) -> Never {
        Console.err("hush: error: \(TerminalSafe.escape(error.message))\n")
        if let hint = error.hint { Console.err("hush: hint: \(TerminalSafe.escape(hint))\n") }
        Hush.exit(withError: ExitCode(error.kind.rawValue))
    }

    /// " (did you mean decrypt?)" when the first argument is a mistyped subcommand name.
    private static func subcommandSuggestion() -> String {
        guard let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-") else { return "" }
        let names = Hush.configuration.subcommands.map { $0._commandName }
        guard !names.contains(first) else { return "" }
        return Suggestion.phrase(first, names)
    }

    /// `hush` and the subcommand names given, for hints.
    private static func commandPath() -> String {
        var names = ["hush"]
        var type: ParsableCommand.Type = Hush.self
        for argument in CommandLine.arguments.dropFirst() {
            guard let next = type.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            names.append(argument)
            type = next
        }
        return names.joined(separator: " ")
    }

    /// The subcommand named on the command line, when help was asked for it.
    private static func helpTarget() -> Exemplified.Type? {
        var type: ParsableCommand.Type = Hush.self
        for argument in CommandLine.arguments.dropFirst() where !argument.hasPrefix("-") && argument != "help" {
            guard let next = type.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            type = next
        }
        return type as? Exemplified.Type
    }
}
