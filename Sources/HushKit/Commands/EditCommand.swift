#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the signal handler needs while `hush edit` runs: the plaintext file and its folder
/// (removed on a signal when no editor runs), and the editor's process id (signals are passed
/// on to it, and the cleanup happens when it exits).
nonisolated(unsafe) private var editTempPath: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var editTempFolder: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var editorPID: pid_t = 0

/// `hush edit ENV`: decrypts to a private temporary file, runs the editor, and re-seals only
/// the values that changed.
public enum EditCommand {
    /// Private folders are named `hush-edit-PID-XXXXXX`: the PID tells a live edit from one a
    /// `kill -9` left behind.
    static let folderPrefix = "hush-edit-"

    /// Returns true when the file was changed. When the save fails after the text was changed
    /// (it does not parse, the write is refused, an I/O error), the edited text is kept in its
    /// private folder (`KeptEdit`) and the error says where.
    public static func run(_ vault: Vault, env envName: String) throws -> Bool {
        let env = try vault.repository.environment(envName)
        let editor =
            Platform.environment("VISUAL").flatMap { $0.isEmpty ? nil : $0 } ?? Platform.environment("EDITOR").flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        // Set once the folder exists: the folder, the file, what was shown and what the editor
        // left. Cleaned up here, after the write, so that a failed write can keep the text.
        var session: (folder: String, path: String, shown: [UInt8], edited: [UInt8]?)?
        defer {
            free(editTempPath)
            free(editTempFolder)
            editTempPath = nil
            editTempFolder = nil
        }
        do {
            let changed = try vault.update(env) { opened in
                let folder = try privateFolder()
                let path = "\(folder)/\(env.name).\(env.syntax.fileExtension)"
                session = (folder, path, [], nil)
                editTempPath = strdup(path)
                editTempFolder = strdup(folder)
                installCleanupHandlers()
                // Unresolved merge conflicts are shown with git's markers, both values decrypted.
                let conflicts = try opened.conflicts()
                let shown = conflicts.isEmpty ? opened.plaintext : ConflictMarkup.render(opened, conflicts)
                session?.shown = shown
                try FileSystem.createNew(path, shown, mode: 0o600)
                return try editAndReseal(opened, conflicts: conflicts, path: path, editor: editor, env: env, envName: envName) {
                    session?.edited = $0
                }
            }
            if let session { FileSystem.removeTree(session.folder) }
            return changed
        } catch {
            guard let session else { throw error }
            // Recursively: editors leave backups (`dev.env~`) and swap files beside it.
            guard let edited = session.edited, edited != session.shown else {
                FileSystem.removeTree(session.folder)
                throw error
            }
            throw KeptEdit.keep(session.folder, file: session.path, after: error, envName: envName)
        }
    }

    /// Runs the editor on `path` until its text re-seals (or the user gives up); `noteEdited`
    /// gets each text the editor leaves.
    private static func editAndReseal(
        _ opened: OpenedFile, conflicts: [MergeConflict], path: String, editor: String, env: EnvironmentFile, envName: String,
        noteEdited: ([UInt8]) -> Void
    ) throws -> [UInt8] {
        while true {
            // The terminal's Ctrl-C goes to the editor; hush waits and then cleans up.
            signal(SIGINT, SIG_IGN)
            // `exec`: the editor replaces the shell, so a forwarded signal reaches the editor.
            let status = try Subprocess.run(["/bin/sh", "-c", "exec " + editor + " \"$1\"", "sh", path], started: { editorPID = $0 }).status
            editorPID = 0
            signal(SIGINT, cleanupAndExit)
            guard status == 0 else {
                throw HushError(
                    .system, "the editor (\(editor)) exited with status \(status); \(env.display) is unchanged", hint: "set VISUAL or EDITOR to your editor")
            }
            let edited = try FileSystem.read(path)
            noteEdited(edited)
            if edited == opened.plaintext && conflicts.isEmpty { return try opened.reseal(opened.plaintext, recipients: opened.currentRecipients()) }
            do {
                if let line = ConflictMarkup.firstMarker(in: edited) {
                    throw HushError.syntax(
                        env.display, line: line, column: 1, "unresolved merge conflict marker", hint: "keep one of the two versions and delete the marker lines"
                    )
                }
                return try opened.reseal(edited, recipients: opened.currentRecipients())
            } catch let error as HushError where error.kind == .badInput {
                guard Platform.isTerminal(0), Platform.isTerminal(2) else {
                    throw HushError(
                        .badInput, "the edited text does not parse (\(error.message)); \(env.display) is unchanged",
                        hint: "run `hush edit \(envName)` again and fix that line")
                }
                Console.err("hush: error: \(error.message)\n")
                Console.err("hush: reopen the editor to fix it? [Y/n] ")
                let answer = readLine() ?? "n"
                if answer.lowercased().hasPrefix("n") {
                    throw HushError(.badInput, "edit abandoned; \(env.display) is unchanged")
                }
            }
        }
    }

    /// The folders private temporary files go in: memory-backed storage when there is one
    /// (`$XDG_RUNTIME_DIR`, `/dev/shm`), else `$TMPDIR` or `/tmp`.
    static func temporaryBases() -> [String] {
        [Platform.environment("XDG_RUNTIME_DIR"), "/dev/shm", Platform.environment("TMPDIR"), "/tmp"].compactMap { $0 }.filter {
            !$0.isEmpty && FileSystem.isDirectory($0)
        }
    }

    /// A new 0700 folder `hush-edit-PID-XXXXXX` in the first usable temporary base.
    private static func privateFolder() throws -> String {
        for base in temporaryBases() {
            var template = Array("\(base)/\(folderPrefix)\(getpid())-XXXXXX".utf8CString)
            if mkdtemp(&template) != nil {
                return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        throw HushError(.system, "cannot create a private temporary folder", hint: "set TMPDIR to a writable folder")
    }

    /// Removes the plaintext folders of edits that were killed (`kill -9`, a crash): this
    /// user's `hush-edit-PID-…` folders whose process is gone. Returns how many, and the text
    /// files of failed saves (`hush-edit-kept-…`), which stay until the user deletes them.
    @discardableResult
    static func sweepLeftovers() -> (removed: Int, kept: [String]) {
        var swept = 0
        var kept: [String] = []
        // Only where edits go (the first usable base): `hush exec` runs this, and /tmp can be big.
        for base in temporaryBases().prefix(1) {
            for name in FileSystem.list(base) where name.hasPrefix(folderPrefix) {
                var st = stat()
                let path = base + "/" + name
                guard lstat(path, &st) == 0, st.st_uid == getuid(), (st.st_mode & S_IFMT) == S_IFDIR else { continue }
                if name.hasPrefix(KeptEdit.folderPrefix) {
                    kept += FileSystem.list(path).sorted().map { path + "/" + $0 }
                    continue
                }
                let rest = name.dropFirst(folderPrefix.count)
                guard let pid = pid_t(rest.prefix { $0 != "-" }), pid > 0, pid != getpid() else { continue }
                if kill(pid, 0) == 0 || errno != ESRCH { continue }  // still running (or not ours to ask)
                FileSystem.removeTree(path)
                swept += 1
            }
        }
        return (swept, kept)
    }

    private static func installCleanupHandlers() {
        // A parent may have started hush with these blocked (the mask is inherited): unblock
        // them, for hush and for the editor it starts, or they would wait forever.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGTERM, SIGHUP, SIGQUIT, SIGINT] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGTERM, SIGHUP, SIGQUIT] { signal(sig, cleanupAndExit) }
    }
}

/// On a signal: while the editor runs, pass the signal on to it (the edit then fails and the
/// normal path removes the folder); otherwise remove the plaintext and exit.
private func cleanupAndExit(_ sig: Int32) {
    if editorPID > 0 {
        kill(editorPID, sig == SIGINT ? SIGTERM : sig)
        return
    }
    if let path = editTempPath { unlink(path) }
    if let folder = editTempFolder { rmdir(folder) }
    _exit(128 + sig)
}
