/// The git commands Hush runs, in one place: argv only (no shell), never with secret material
/// in the arguments, output captured as bytes.
enum Git {
    /// Runs `git ARGS` in `directory` (the repository root by default) and returns its status
    /// and standard output; git's own stderr is discarded unless `showErrors`.
    @discardableResult
    static func run(_ arguments: [String], in directory: String? = nil, showErrors: Bool = false) throws -> (status: Int32, output: [UInt8]) {
        try Subprocess.run(command(arguments, in: directory), captureOutput: true, quietErrors: !showErrors)
    }

    /// The argv of `git ARGS` run in `directory` (the current folder when nil).
    static func command(_ arguments: [String], in directory: String? = nil) -> [String] {
        ["git"] + (directory.map { ["-C", $0] } ?? []) + arguments
    }

    /// One `git cat-file --batch` process for reading many objects (see `GitObjects`).
    static func objects(in directory: String? = nil) throws -> GitObjects {
        GitObjects(try Subprocess.Channel(command(["cat-file", "--batch"], in: directory)))
    }

    /// Standard output of a git command that must succeed, as text without the final newline.
    static func text(_ arguments: [String], in directory: String? = nil) throws -> String {
        let (status, output) = try run(arguments, in: directory)
        guard status == 0 else {
            throw HushError(
                .system, "git \(arguments.first ?? "") failed (exit status \(status))", hint: "check that this is a git repository and git works here")
        }
        var text = String(decoding: output, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The bytes of `path` (repository-relative) at `revision` (`HEAD`, a commit, or `:` for the
    /// index), or nil when it does not exist there.
    static func show(_ revision: String, _ path: String, in root: String) throws -> [UInt8]? {
        let (status, output) = try run(["show", "\(revision):\(path)"], in: root)
        return status == 0 ? output : nil
    }
}
