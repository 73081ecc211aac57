import Foundation
import Testing

/// Commands in the docs' prose (inline code such as `hush verify --all`) and in CI
/// configuration blocks (`run: hush …`, `- hush …`) name a subcommand and flags that
/// `hush SUBCOMMAND --help` lists.
@Suite struct DocsInlineCommandsTests {
    /// Inline `hush …` spans that are not commands to check, and why.
    static let allowed: [String: String] = [
        "hush 0.1.0 (format v2)": "the output of `hush --version`",
        "hush --generate-completion-script bash|zsh|fish": "swift-argument-parser's own option, not listed by --help",
    ]

    /// The `hush …` inline code spans of a Markdown text, outside fenced blocks.
    static func spans(_ markdown: String) -> [String] {
        let prose = DocBlock.prose(markdown)
        let regex = try! NSRegularExpression(pattern: "`([^`]+)`")
        return regex.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)).compactMap { match in
            guard let range = Range(match.range(at: 1), in: prose), !prose[range].contains("\n\n") else { return nil }
            let span = prose[range].replacingOccurrences(of: "\n", with: " ")
            return span.hasPrefix("hush ") ? span : nil
        }
    }

    /// The `hush …` commands of non-shell blocks: a YAML `run:` value or list item.
    static func configCommands(_ markdown: String) -> [String] {
        DocBlock.parse(markdown, doc: "").filter { !$0.isShell }.flatMap(\.lines).compactMap { line in
            guard let range = line.range(of: #"^\s*(-|run:|- run:)\s+hush\s"#, options: .regularExpression) else { return nil }
            return "hush " + DocCommand.split(String(line[range.upperBound...])).command
        }
    }

    @Test func inlineCommandsNameRealSubcommandsAndFlags() throws {
        let help = try HelpPages()
        var used = Set<String>(), checked = 0
        for doc in try DocsCommandsTests.documents() {
            let text = try String(contentsOf: DemoVaultTests.repoRoot.appendingPathComponent(doc), encoding: .utf8)
            for span in Self.spans(text) + Self.configCommands(text) {
                if Self.allowed[span] != nil {
                    used.insert(span)
                    continue
                }
                checked += 1
                if let problem = try help.problem(span) { Issue.record("\(doc): `\(span)`: \(problem)") }
            }
        }
        for span in Self.allowed.keys where !used.contains(span) {
            Issue.record("`\(span)` is allowed but no longer in the docs: remove it from DocsInlineCommandsTests.allowed")
        }
        #expect(checked > 20, "only \(checked) inline hush commands found")
    }

    @Test func problemsAreFound() throws {
        let help = try HelpPages()
        #expect(try help.problem("hush verify --all") == nil)
        #expect(try help.problem("hush -i ci.key exec production -- ./deploy --flag") == nil)
        #expect(try help.problem("hush recipients remove NAME") == nil)
        #expect(try help.problem("hush log [ENV] [KEY] [--values]") == nil)
        #expect(try help.problem("hush …") == nil && help.problem("hush git …") == nil)
        #expect(try help.problem("hush verify --every") == "`hush verify --help` has no --every")
        #expect(try help.problem("hush veryfy") == "`hush --help` lists no subcommand veryfy")
        #expect(try help.problem("hush recipients rm bob") == "`hush recipients --help` lists no subcommand rm")
        let yaml = "```yaml\nsteps:\n  - run: hush exec production -- ./deploy  # deploy\nscript:\n  - hush access --check\n  - echo hush\n```\n"
        #expect(Self.configCommands(yaml) == ["hush exec production -- ./deploy", "hush access --check"])
    }
}

/// `hush … --help` pages, read once each.
final class HelpPages {
    private let box: Sandbox
    private var pages: [[String]: String] = [:]

    init() throws { box = try Sandbox() }

    func page(_ path: [String]) throws -> String {
        if let page = pages[path] { return page }
        let page = try box.hush(path + ["--help"]).stdout
        pages[path] = page
        return page
    }

    /// The subcommands a help page lists.
    func subcommands(_ path: [String]) throws -> [String] {
        guard let section = try page(path).components(separatedBy: "\nSUBCOMMANDS:\n").dropFirst().first else { return [] }
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first.isLowercase else { return nil }
            return String(line.dropFirst(2).prefix { !$0.isWhitespace })
        }
    }

    /// What is wrong with an inline command, or nil: its subcommand path must exist and each
    /// flag before `--` must be on that path's help page.
    func problem(_ span: String) throws -> String? {
        var tokens = span.split(separator: " ").dropFirst().map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
        if let first = tokens.first, first == "-i" || first == "--identity" { tokens.removeFirst(min(2, tokens.count)) }
        var path: [String] = []
        while let next = tokens.first, try subcommands(path).contains(next) {
            path.append(next)
            tokens.removeFirst()
        }
        let command = (["hush"] + path).joined(separator: " ")
        // After `hush`, or a group such as `hush recipients`, a word is a subcommand.
        if let next = tokens.first, !next.hasPrefix("-"), next != "…", try path.isEmpty || (!subcommands(path).isEmpty && next.first?.isLowercase == true) {
            return "`\(command) --help` lists no subcommand \(next)"
        }
        let page = try page(path)
        for token in tokens.prefix(while: { $0 != "--" }) where token.hasPrefix("-") && token.count > 1 {
            let flag = String(token.prefix { $0 != "=" })
            let pattern = #"(?<![\w-])"# + NSRegularExpression.escapedPattern(for: flag) + #"(?![\w-])"#
            if page.range(of: pattern, options: .regularExpression) == nil { return "`\(command) --help` has no \(flag)" }
        }
        return nil
    }
}
