#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The marker, inside the clone's git folder, that says the note was shown.
    static let markerName = "hush-setup-hint"

    public static let note = "hush: note: git diff and merge of .secrets/ need per-clone setup: run `hush git setup`\n"

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

    // MARK: - How git runs hush

    /// How git should run this hush, shell-quoted: the absolute path it was started by, or, when
    /// it was started by a bare name, the first match on PATH. Symbolic links are kept (a package
    /// manager's `bin/hush` link survives upgrades), and the result does not depend on the PATH
    /// of whatever later runs git (GUI clients often have a short one).
    public static func invokedProgram() -> String {
        let arg0 = CommandLine.arguments.first ?? "hush"
        let name = arg0.isEmpty ? "hush" : arg0
        if name.contains("/") { return shellQuoted(normalized(Paths.join(Platform.currentDirectory(), name))) }
        let path = Platform.environment("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = Paths.join(folder.isEmpty ? Platform.currentDirectory() : String(folder), name)
            if access(candidate, X_OK) == 0 && !FileSystem.isDirectory(candidate) {
                return shellQuoted(normalized(Paths.join(Platform.currentDirectory(), candidate)))
            }
        }
        return shellQuoted(name)
    }

    /// `path` without `.` components and with `..` applied lexically (no links resolved).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `word` as one shell word: as is when it has only safe characters, else single-quoted.
    static func shellQuoted(_ word: String) -> String {
        let safe =
            !word.isEmpty
            && word.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || Array("/._-+@%:,=".utf8).contains(byte)
            }
        return safe ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }

    // MARK: - The one-time note

    /// The commands that get no note: those that set git up or that git runs.
    static let quietCommands: Set<String> = ["git", "merge-driver", "init", "help", "hooks"]

    /// The note for a command line (`hush` and its arguments, as parsed successfully): nil for
    /// bare `hush`, `quietCommands`, and help or version requests (before any `--`), else
    /// `pendingNote(from:)` the current directory.
    /// `CI=true` (every CI service sets it) or `HUSH_NO_SETUP_NOTE=1` silence it: a fresh CI
    /// clone would print it on every run, and CI has no use for the drivers.
    public static func pendingNote(arguments: [String]) -> String? {
        guard Platform.environment("CI") != "true", Platform.environment("HUSH_NO_SETUP_NOTE") != "1" else { return nil }
        guard let command = arguments.dropFirst().first, !quietCommands.contains(command) else { return nil }
        let options = arguments.dropFirst().prefix { $0 != "--" }
        guard !options.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "--version" || $0.hasPrefix("--experimental-dump-help") }) else {
            return nil
        }
        return pendingNote(from: Platform.currentDirectory())
    }

    /// The note to show, once per clone: when the work tree around `directory` has hush lines in
    /// a `.gitattributes` but its git config (or the global one) lacks `diff.hush.textconv` or
    /// `merge.hush.driver`. Records that it was shown with a marker file in the clone's git
    /// folder. Reads a few small files and never spawns git; any doubt means no note.
    /// `globalFiles` (tests) replaces git's global configuration files.
    static func pendingNote(from directory: String, globalFiles: [String]? = nil) -> String? {
        guard let clone = Clone.find(from: directory), clone.attributesMentionHush else { return nil }
        let marker = clone.commonDirectory + "/" + markerName
        guard !FileSystem.exists(marker) else { return nil }
        var found = Set<String>()
        for file in [clone.commonDirectory + "/config"] + (globalFiles ?? globalConfigFiles()) where FileSystem.exists(file) {
            guard let bytes = try? FileSystem.read(file) else { continue }
            found.formUnion(ConfigScan.keys(in: bytes))
        }
        guard !found.contains("diff.hush.textconv") || !found.contains("merge.hush.driver") else { return nil }
        _ = try? FileSystem.createNew(marker, Array("hush: the `hush git setup` note was shown for this clone\n".utf8), mode: 0o644)
        return note
    }

    /// git's global configuration files: `GIT_CONFIG_GLOBAL`, else the XDG one and `~/.gitconfig`.
    static func globalConfigFiles() -> [String] {
        if let global = Platform.environment("GIT_CONFIG_GLOBAL") { return [global] }
        let home = Platform.homeDirectory()
        let xdg = Platform.environment("XDG_CONFIG_HOME").flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return [xdg + "/git/config", home + "/.gitconfig"]
    }

    /// Where a work tree's files and its git folder are.
    struct Clone {
        /// Folders from the starting directory up to the work tree's top, where `.gitattributes`
        /// files may be.
        var folders: [String]
        /// The git folder holding `config` (for a linked work tree, the main repository's).
        var commonDirectory: String

        /// Walks up from `directory` to the first folder with a `.git` entry: a folder, or a
        /// file `gitdir: PATH` (linked work trees, submodules), followed to its `commondir`.
        static func find(from directory: String) -> Clone? {
            var folder = directory
            var folders: [String] = []
            while true {
                folders.append(folder)
                let dotGit = folder == "/" ? "/.git" : folder + "/.git"
                if FileSystem.isDirectory(dotGit) { return Clone(folders: folders, commonDirectory: dotGit) }
                if FileSystem.exists(dotGit) {
                    guard let gitDirectory = followGitFile(dotGit, in: folder) else { return nil }
                    return Clone(folders: folders, commonDirectory: commonDirectory(of: gitDirectory))
                }
                if folder == "/" || folder.isEmpty || folder == "." { return nil }
                folder = Paths.folder(of: folder)
            }
        }

        /// The folder a `.git` file names (`gitdir: PATH`, relative to the file's folder).
        private static func followGitFile(_ file: String, in folder: String) -> String? {
            guard let bytes = try? FileSystem.read(file), bytes.count < 4096 else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.hasPrefix("gitdir: ") else { return nil }
            let target = trimmed(text.dropFirst("gitdir: ".count))
            guard !target.isEmpty else { return nil }
            let path = Paths.join(folder, target)
            return FileSystem.isDirectory(path) ? path : nil
        }

        /// A linked work tree's git folder names the shared one in `commondir`.
        private static func commonDirectory(of gitDirectory: String) -> String {
            let file = gitDirectory + "/commondir"
            guard FileSystem.exists(file), let bytes = try? FileSystem.read(file) else { return gitDirectory }
            let target = trimmed(String(decoding: bytes, as: UTF8.self)[...])
            guard !target.isEmpty else { return gitDirectory }
            let path = Paths.join(gitDirectory, target)
            return FileSystem.isDirectory(path) ? path : gitDirectory
        }

        /// True when a `.gitattributes` in the work tree (from the start folder up to the top)
        /// gives some path the hush diff or merge driver.
        var attributesMentionHush: Bool {
            folders.contains { folder in
                let file = (folder == "/" ? "" : folder) + "/.gitattributes"
                guard FileSystem.exists(file), let bytes = try? FileSystem.read(file) else { return false }
                return GitSetup.mentionsHush(bytes)
            }
        }
    }

    /// True when a `.gitattributes` text has a non-comment line with `diff=hush` or `merge=hush`.
    static func mentionsHush(_ attributes: [UInt8]) -> Bool {
        String(decoding: attributes, as: UTF8.self).split(whereSeparator: \.isNewline).contains { line in
            let text = trimmed(line)
            guard !text.hasPrefix("#") else { return false }
            return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().contains { $0 == "diff=hush" || $0 == "merge=hush" }
        }
    }

    /// `text` without leading and trailing white space (a CRLF line end included).
    static func trimmed(_ text: Substring) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }
}

/// Just enough of git's config syntax to tell which `section.subsection.key` names are set to a
/// non-empty value: `[section "sub"]` and the old `[section.sub]` headers, `key = value` (also
/// after a header on the same line), `#`/`;` comments, quoted values, and continuation lines
/// (a value ending in `\`). `include` files are not followed.
enum ConfigScan {
    static func keys(in bytes: [UInt8]) -> Set<String> {
        var result = Set<String>()
        var section = ""
        var continuing = false
        for rawLine in String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let wasContinuing = continuing
            continuing = rawLine.hasSuffix("\\") && !rawLine.hasSuffix("\\\\")
            if wasContinuing { continue }
            var line = Substring(GitSetup.trimmed(rawLine))
            if line.hasPrefix("[") {
                guard let close = closingBracket(line) else { continue }
                section = sectionName(line[line.index(after: line.startIndex)..<close])
                line = Substring(GitSetup.trimmed(line[line.index(after: close)...]))
            }
            guard let first = line.first, first != "#", first != ";" else { continue }
            let name: Substring
            let value: Substring
            if let equals = line.firstIndex(of: "=") {
                name = line[..<equals]
                value = line[line.index(after: equals)...]
            } else {
                name = line
                value = "true"
            }
            let key = GitSetup.trimmed(name).lowercased()
            guard !key.isEmpty, !section.isEmpty else { continue }
            let full = section + "." + key
            if meaningful(value) { result.insert(full) } else { result.remove(full) }
        }
        return result
    }

    /// The `]` that ends a header, skipping a quoted subsection.
    private static func closingBracket(_ line: Substring) -> Substring.Index? {
        var quoted = false
        var escaped = false
        for index in line.indices {
            let ch = line[index]
            if escaped {
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                quoted.toggle()
            } else if ch == "]" && !quoted {
                return index
            }
        }
        return nil
    }

    /// `diff "hush"` → `diff.hush` (subsection as written); `diff.hush` → `diff.hush` (lower case).
    private static func sectionName(_ header: Substring) -> String {
        let text = GitSetup.trimmed(header)
        guard let quote = text.firstIndex(of: "\"") else { return text.lowercased() }
        let name = GitSetup.trimmed(text[..<quote]).lowercased()
        var sub = ""
        var escaped = false
        for ch in text[text.index(after: quote)...] {
            if escaped {
                sub.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                break
            } else {
                sub.append(ch)
            }
        }
        return name + "." + sub
    }

    /// False for an empty value (`key =`, `key = ""`, or only a comment).
    private static func meaningful(_ value: Substring) -> Bool {
        var text = GitSetup.trimmed(value)
        if let hash = text.firstIndex(where: { $0 == "#" || $0 == ";" }), !text[..<hash].contains("\"") {
            text = GitSetup.trimmed(text[..<hash])
        }
        return !text.isEmpty && text != "\"\""
    }
}
