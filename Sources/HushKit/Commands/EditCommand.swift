#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Path of the plaintext file `hush edit` has open, for the signal handler to remove.
nonisolated(unsafe) private var editTempPath: UnsafeMutablePointer<CChar>?

/// `hush edit ENV`: decrypts to a private temporary file, runs the editor, and re-seals only
/// the values that changed.
public enum EditCommand {
    /// Returns true when the file was changed.
    public static func run(_ vault: Vault, env envName: String) throws -> Bool {
        let env = try vault.repository.environment(envName)
        let editor =
            Platform.environment("VISUAL").flatMap { $0.isEmpty ? nil : $0 } ?? Platform.environment("EDITOR").flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        return try vault.update(env) { opened in
            let folder = try privateFolder()
            let path = "\(folder)/\(env.name).\(env.syntax.fileExtension)"
            editTempPath = strdup(path)
            installCleanupHandlers()
            defer {
                unlink(path)
                rmdir(folder)
                free(editTempPath)
                editTempPath = nil
            }
            // Unresolved merge conflicts are shown with git's markers, both values decrypted.
            let conflicts = try opened.conflicts()
            let shown = conflicts.isEmpty ? opened.plaintext : ConflictMarkup.render(opened, conflicts)
            try FileSystem.createNew(path, shown, mode: 0o600)
            while true {
                // The terminal's Ctrl-C goes to the editor; hush waits and then cleans up.
                signal(SIGINT, SIG_IGN)
                let status = try Subprocess.run(["/bin/sh", "-c", editor + " \"$1\"", "sh", path]).status
                signal(SIGINT, cleanupAndExit)
                guard status == 0 else {
                    throw HushError(
                        .system, "the editor (\(editor)) exited with status \(status); \(env.display) is unchanged", hint: "set VISUAL or EDITOR to your editor"
                    )
                }
                let edited = try FileSystem.read(path)
                if edited == opened.plaintext && conflicts.isEmpty { return try opened.reseal(opened.plaintext, recipients: opened.currentRecipients()) }
                do {
                    if let line = ConflictMarkup.firstMarker(in: edited) {
                        throw HushError.syntax(
                            env.display, line: line, column: 1, "unresolved merge conflict marker",
                            hint: "keep one of the two versions and delete the marker lines")
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
    }

    /// A new 0700 folder in memory-backed storage when there is one (`$XDG_RUNTIME_DIR`,
    /// `/dev/shm`), else `$TMPDIR` or `/tmp`.
    private static func privateFolder() throws -> String {
        let candidates = [Platform.environment("XDG_RUNTIME_DIR"), "/dev/shm", Platform.environment("TMPDIR"), "/tmp"]
        for base in candidates.compactMap({ $0 }) where !base.isEmpty && FileSystem.isDirectory(base) {
            var template = Array("\(base)/hush-edit-XXXXXX".utf8CString)
            if mkdtemp(&template) != nil {
                return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        throw HushError(.system, "cannot create a private temporary folder", hint: "set TMPDIR to a writable folder")
    }

    private static func installCleanupHandlers() {
        for sig in [SIGTERM, SIGHUP, SIGQUIT] { signal(sig, cleanupAndExit) }
    }
}

/// Removes the plaintext temporary file and exits: a signal must not leave plaintext behind.
private func cleanupAndExit(_ sig: Int32) {
    if let path = editTempPath {
        unlink(path)
    }
    _exit(128 + sig)
}
