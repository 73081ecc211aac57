#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hush export --format docker-secrets`: one file per variable in a folder, named after the
/// variable, holding the value's bytes, mode 0600, as Docker and Compose mount secrets.
enum DockerSecrets {
    /// Writes `variables` into `folder` (created 0700 when missing) and returns how many
    /// existing files were replaced.
    ///
    /// Without `replace`, an existing file of the same name is refused and nothing is written;
    /// a failure part-way removes the files written, since half a set of secrets is worse than
    /// none. With `replace` (re-running an export into the same folder), every value is first
    /// written to a temporary file in the folder, then each is renamed over its name, so a
    /// reader sees either the old or the new file, never a partial one. Files of the folder
    /// that are not written (a variable that left the environment) are left alone.
    @discardableResult
    static func write(_ variables: [(name: String, value: [UInt8])], into folder: String, replace: Bool = false) throws -> Int {
        if FileSystem.exists(folder) && !FileSystem.isDirectory(folder) {
            throw HushError(.refused, "\(folder) exists and is not a folder", hint: "give --output a new or existing folder")
        }
        // Without `replace` the second create of a name fails and rolls back; a rename would not.
        if replace && Set(variables.map(\.name)).count != variables.count {
            throw HushError(.badInput, "two secrets with the same name for \(folder)", hint: "rename one of the keys")
        }
        let paths = variables.map { Paths.join(folder, $0.name) }
        let existing = paths.filter(FileSystem.exists)
        if let taken = existing.first {
            guard replace else {
                throw HushError(
                    .refused, "\(taken) already exists; not overwriting",
                    hint: "pass --replace to replace the secret files of an earlier export, or choose another folder")
            }
            var st = stat()
            if let odd = existing.first(where: { lstat($0, &st) != 0 || (st.st_mode & S_IFMT) != S_IFREG }) {
                throw HushError(.refused, "\(odd) is not a regular file; not replacing it", hint: "remove it, or choose another folder")
            }
        }
        let madeFolder = !FileSystem.exists(folder)
        try FileSystem.makeDirectories(folder, mode: 0o700)
        if replace {
            try writeThenRename(variables, paths: paths, folder: folder, madeFolder: madeFolder)
        } else {
            try createEach(variables, paths: paths, folder: folder, madeFolder: madeFolder)
        }
        return existing.count
    }

    private static func createEach(_ variables: [(name: String, value: [UInt8])], paths: [String], folder: String, madeFolder: Bool) throws {
        var written: [String] = []
        do {
            for (path, variable) in zip(paths, variables) {
                try FileSystem.createNew(path, variable.value, mode: 0o600)
                written.append(path)
            }
        } catch {
            for path in written { FileSystem.remove(path) }
            if madeFolder { rmdir(folder) }
            throw error
        }
    }

    private static func writeThenRename(_ variables: [(name: String, value: [UInt8])], paths: [String], folder: String, madeFolder: Bool) throws {
        var temps: [String] = []
        do {
            for variable in variables {
                let temp = Paths.join(folder, ".\(variable.name).\(Sodium.base64Encode(Sodium.randomBytes(6))).hush-tmp")
                try FileSystem.createNew(temp, variable.value, mode: 0o600)
                temps.append(temp)
            }
        } catch {
            for temp in temps { FileSystem.remove(temp) }
            if madeFolder { rmdir(folder) }
            throw error
        }
        // Every value is on disk: what is left can only fail on a folder turned read-only
        // meanwhile, and each rename is whole.
        for (i, (temp, path)) in zip(temps, paths).enumerated() where rename(temp, path) != 0 {
            let code = errno
            for left in temps[i...] { FileSystem.remove(left) }
            throw HushError(.system, "cannot replace \(path): \(Platform.errorText(code))")
        }
    }
}
