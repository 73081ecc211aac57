/// How git runs hush: the program that the per-clone config names.
extension GitSetup {
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
            if FileSystem.isExecutableFile(candidate) {
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
}
