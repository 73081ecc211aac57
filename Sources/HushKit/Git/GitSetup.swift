/// `hush git setup` (docs/git.md): the committed part, `.gitattributes` lines that give sealed
/// files the `hush` diff and merge drivers, and the per-clone part, the drivers themselves in
/// the clone's git config. Also the one-time note for a clone that has the first but not the
/// second, which runs on the start-up path of every command and so never spawns git.
public enum GitSetup {
    /// The committed lines: one per sealed-file extension (`Syntax.forPath`), so that nothing
    /// else that may sit in `.secrets/` (a README, a lock file) goes through the drivers.
    public static let attributeLines = [
        ".secrets/*.yaml diff=hush merge=hush",
        ".secrets/*.yml diff=hush merge=hush",
        ".secrets/*.env diff=hush merge=hush",
    ]

    static let attributesComment = "# hush: per-key diff and merge of sealed files (docs/git.md; `hush git setup` once per clone)"

    /// One change `apply` made, for people.
    public struct Change: Sendable, Equatable {
        public var what: String
    }

    /// The per-clone git config, for `program` (how git is to run hush, already shell-quoted).
    /// `cachetextconv` is false: git would otherwise keep textconv output (the decrypted
    /// documents) in `refs/notes/textconv/hush`, plaintext on disk.
    static func configValues(program: String) -> [(key: String, value: String)] {
        [
            ("diff.hush.textconv", "\(program) git textconv"),
            ("diff.hush.cachetextconv", "false"),
            ("merge.hush.name", "Hush per-key merge"),
            ("merge.hush.driver", "\(program) merge-driver %O %A %B %P"),
        ]
    }

    /// Writes the `.gitattributes` lines into `root` (keeping what is there) and the drivers
    /// into the git config of the clone `root` is in. Only what is missing or different is
    /// written; the result lists it (empty: already set up).
    public static func apply(root: String, program: String = invokedProgram()) throws -> [Change] {
        var changes: [Change] = []
        let current = try Git.run(["config", "--local", "--get-regexp", "^(diff|merge)\\.hush\\."], in: root)
        // Status 1 means none is set; anything else but 0 is a failure.
        guard current.status == 0 || current.status == 1 else {
            throw HushError(.system, "git config failed in \(root) (exit status \(current.status))", hint: "check that this is a git repository")
        }
        // Only once git has answered, so that outside a repository no file is touched.
        let attributesPath = root + "/.gitattributes"
        let existing = FileSystem.exists(attributesPath) ? try FileSystem.read(attributesPath) : []
        if let updated = addingAttributeLines(to: existing) {
            try FileSystem.writeAtomically(attributesPath, updated)
            changes.append(Change(what: ".gitattributes: diff=hush merge=hush for .secrets/*.yaml, *.yml, *.env"))
        }
        var set: [String: String] = [:]
        for line in String(decoding: current.output, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            set[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        for (key, value) in configValues(program: program) where set[key] != value {
            let written = try Git.run(["config", "--local", key, value], in: root, showErrors: true)
            guard written.status == 0 else {
                throw HushError(.system, "git config \(key) failed (exit status \(written.status))", hint: "check that .git/config is writable")
            }
            changes.append(Change(what: "git config \(key) = \(value)"))
        }
        return changes
    }

    /// `apply` for `hush init`, which prints `created ITEM` for each item it adds to `created`.
    static func applyForInit(root: String, created: inout [String]) throws {
        let changes = try apply(root: root)
        if changes.contains(where: { $0.what.hasPrefix(".gitattributes") }) { created.append(".gitattributes lines (diff=hush merge=hush for .secrets/)") }
        if changes.contains(where: { $0.what.hasPrefix("git config") }) { created.append("git config diff.hush, merge.hush (this clone; docs/git.md)") }
    }

    /// `existing` with the hush attribute lines appended under a comment, or nil when every
    /// line is already there (compared after trimming white space).
    static func addingAttributeLines(to existing: [UInt8]) -> [UInt8]? {
        let present = Set(String(decoding: existing, as: UTF8.self).split(whereSeparator: \.isNewline).map { trimmed($0) })
        let missing = attributeLines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return nil }
        var text = existing
        if !text.isEmpty && text.last != 0x0A { text.append(0x0A) }
        if !text.isEmpty { text.append(0x0A) }
        text += Array((([attributesComment] + missing).joined(separator: "\n") + "\n").utf8)
        return text
    }

    /// `text` without leading and trailing white space (a CRLF line end included).
    static func trimmed(_ text: Substring) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }
}
