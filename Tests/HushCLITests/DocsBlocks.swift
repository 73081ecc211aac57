import Foundation

/// One fenced code block of a Markdown document.
struct DocBlock {
    /// The document, relative to the repository root (`README.md`, `docs/git.md`).
    var doc: String
    /// The 1-based line of the opening fence.
    var line: Int
    /// The first word of the info string, lower-cased (`sh`, `yaml`, or empty).
    var language: String
    /// The lines between the fences, with the fence's indentation removed.
    var lines: [String]

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Shell blocks are the ones whose commands the docs tests run.
    var isShell: Bool { ["sh", "bash", "shell", "console"].contains(language) }

    /// The commands of a shell block, in order: continuation lines joined, blank and
    /// comment-only lines left out; in a `console` block only the `$ ` lines.
    var commands: [DocCommand] {
        var result: [DocCommand] = []
        var pending = "", start = 0
        for (offset, raw) in lines.enumerated() {
            var text = raw
            if language == "console" && pending.isEmpty {
                guard text.hasPrefix("$ ") else { continue }
                text.removeFirst(2)
            }
            if pending.isEmpty { start = line + 1 + offset }
            if text.hasSuffix("\\") {
                pending += text.dropLast()  // as bash does: backslash-newline is removed
                continue
            }
            let (command, comment) = DocCommand.split(pending + text)
            pending = ""
            if command.isEmpty { continue }
            result.append(DocCommand(doc: doc, line: start, command: command, comment: comment))
        }
        return result
    }

    /// Whether any command of the block runs `hush`.
    var runsHush: Bool { isShell && commands.contains { $0.runsHush } }

    /// The fenced blocks of a Markdown text (backtick or tilde fences, indented ones too).
    static func parse(_ markdown: String, doc: String) -> [DocBlock] {
        var blocks: [DocBlock] = []
        var open: (fence: String, indent: Int)?
        for (index, raw) in markdown.components(separatedBy: "\n").enumerated() {
            let indent = raw.prefix { $0 == " " }.count
            let trimmed = raw.dropFirst(indent)
            let fence = String(trimmed.prefix { $0 == "`" || $0 == "~" })
            let isFence = fence.count >= 3 && Set(fence).count == 1
            if let current = open {
                if isFence && fence.hasPrefix(current.fence) && trimmed.dropFirst(fence.count).allSatisfy(\.isWhitespace) {
                    open = nil
                } else {
                    blocks[blocks.count - 1].lines.append(String(raw.dropFirst(min(indent, current.indent))))
                }
            } else if isFence {
                let info = trimmed.dropFirst(fence.count).split(separator: " ").first.map { String($0).lowercased() } ?? ""
                open = (fence, indent)
                blocks.append(DocBlock(doc: doc, line: index + 1, language: info, lines: []))
            }
        }
        return blocks
    }

    /// Text outside fenced blocks (for the inline-code check).
    static func prose(_ markdown: String) -> String {
        let fenced = Set(parse(markdown, doc: "").flatMap { block in (block.line - 1)...(block.line + block.lines.count) })
        return markdown.components(separatedBy: "\n").enumerated().filter { !fenced.contains($0.offset) }.map(\.element)
            .joined(separator: "\n")
    }
}

/// One command line of a shell block, its trailing comment split off.
struct DocCommand {
    var doc: String
    var line: Int
    var command: String
    var comment: String?

    /// `hush` in command position: at the start, after `;`, `&`, `|`, `(`, `$(`, a backquote
    /// or a keyword such as `then`, after variable assignments.
    var runsHush: Bool {
        let before = #"(^|[;&|(`]|\$\(|(^|\s)(if|then|else|elif|do|while|until|!|time)\s)"#
        return command.range(of: before + #"\s*([A-Za-z_][A-Za-z0-9_]*=\S*\s+)*hush(\s|$)"#, options: .regularExpression) != nil
    }

    /// The status the docs give the command: a comment that starts with `exits N`.
    var documentedStatus: Int32? {
        guard let comment, let match = comment.range(of: #"^exits [0-9]+"#, options: .regularExpression) else { return nil }
        return Int32(comment[match].dropFirst("exits ".count))
    }

    /// Splits `command   # comment` at the first `#` that starts a shell comment (outside
    /// quotes, at the start or after white space).
    static func split(_ line: String) -> (command: String, comment: String?) {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let char = line[index]
            if let open = quote {
                if char == open { quote = nil }
            } else if char == "'" || char == "\"" {
                quote = char
            } else if char == "#" && previous.isWhitespace {
                let comment = line[line.index(after: index)...].trimmingCharacters(in: .whitespaces)
                return (line[..<index].trimmingCharacters(in: .whitespaces), comment)
            }
            previous = char
        }
        return (line.trimmingCharacters(in: .whitespaces), nil)
    }

    /// The runnable forms of a synopsis such as `hush diff [REV] [ENV…]`: every optional
    /// `[part]` left out, then every one given (brackets removed). A `[` followed by a space
    /// (the shell's test command) is not an optional part.
    static func variants(_ command: String) -> [String] {
        let pattern = #"\[([^\] \[][^\]\[]*)\]"#
        guard command.range(of: pattern, options: .regularExpression) != nil else { return [command] }
        let without = command.replacingOccurrences(of: #"\s*"# + pattern, with: "", options: .regularExpression)
        let with = command.replacingOccurrences(of: pattern, with: "$1", options: .regularExpression)
        return [without, with]
    }
}
