/// The one-time note for a clone whose `.gitattributes` gives sealed files the hush drivers
/// while its git config lacks them.
extension GitSetup {
    /// The marker, inside the clone's git folder, that says the note was shown.
    static let markerName = "hush-setup-hint"

    public static let note = "hush: note: git diff and merge of .secrets/ need per-clone setup: run `hush git setup`\n"

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
}
