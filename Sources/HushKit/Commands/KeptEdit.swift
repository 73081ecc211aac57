#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text of a `hush edit` whose save failed (it does not parse, the write was refused, an
/// I/O error): the user's work is not thrown away. It stays in its private folder (0700, in
/// memory-backed storage when there is one, never in the work tree), renamed
/// `hush-edit-kept-XXXXXX` so that the sweep of killed edits reports it instead of deleting it.
enum KeptEdit {
    static let folderPrefix = EditCommand.folderPrefix + "kept-"

    /// Keeps `file` (the edited text) and removes everything else in `folder` (editor backups
    /// and swap files). Returns `error` saying where the text is, with what to do as the hint.
    static func keep(_ folder: String, file: String, after error: any Error, envName: String) -> HushError {
        let name = Paths.fileName(of: file)
        for other in FileSystem.list(folder) where other != name {
            let path = folder + "/" + other
            var st = stat()
            if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { FileSystem.removeTree(path) } else { FileSystem.remove(path) }
        }
        // `hush-edit-PID-XXXXXX` becomes `hush-edit-kept-XXXXXX`: same base, so a rename.
        let unique = folder.split(separator: "-").last.map(String.init) ?? "XXXXXX"
        let keptFolder = Paths.folder(of: folder) + "/" + folderPrefix + unique
        let original = error as? HushError ?? HushError(.system, "\(error)")
        guard rename(folder, keptFolder) == 0 else {
            // Very unlikely (same folder, our own entry); the next command's sweep would remove
            // the folder of this finished process, so say it must be copied now.
            return HushError(
                original.kind, "\(original.message); your edited text is in \(file) until the next hush command",
                hint: "copy it elsewhere now (it is plaintext), fix what went wrong, then run `hush edit \(envName)` again")
        }
        let keptFile = keptFolder + "/" + name
        return HushError(
            original.kind, "\(original.message); your edited text is kept in \(keptFile)",
            hint: "fix what went wrong, run `hush edit \(envName)` and copy your changes from that file, then delete it: "
                + "rm -r \(GitSetup.shellQuoted(keptFolder))")
    }

    /// The one-line note each vault command prints while a kept text exists.
    static func reminder(_ file: String) -> String {
        "hush: note: \(file) holds the plaintext of a failed `hush edit`; copy what you need, then delete it: "
            + "rm -r \(GitSetup.shellQuoted(Paths.folder(of: file)))\n"
    }
}
