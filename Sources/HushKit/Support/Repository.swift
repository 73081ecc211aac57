/// A Hush repository: the folder that holds `.secrets/` and `recipients/`.
public struct Repository: Sendable {
    /// Absolute path of the repository's top folder.
    public let root: String

    public var secretsFolder: String { root + "/.secrets" }
    public var recipientsFolder: String { root + "/recipients" }

    public init(root: String) { self.root = root }

    /// The nearest folder at or above the current directory that has `.secrets/` or
    /// `recipients/` (or, failing that, `.git`). Walking up instead of asking git keeps
    /// `hush exec` free of a subprocess.
    public static func find() throws -> Repository {
        var folder = Platform.currentDirectory()
        var gitRoot: String?
        while true {
            if FileSystem.isDirectory(folder + "/.secrets") || FileSystem.isDirectory(folder + "/recipients") {
                let repository = Repository(root: folder)
                try repository.checkFolders()
                return repository
            }
            if gitRoot == nil && FileSystem.exists(folder + "/.git") { gitRoot = folder }
            if folder == "/" || folder.isEmpty { break }
            folder = Paths.folder(of: folder)
        }
        if let gitRoot {
            // A dangling `.secrets` link is not a folder, so the walk went past it: check here too.
            let repository = Repository(root: gitRoot)
            try repository.checkFolders()
            return repository
        }
        throw HushError(
            .badInput, "not inside a Hush repository (no .secrets/ or recipients/ found here or above)",
            hint: "run `hush init` at the top of your git repository")
    }

    /// Refuses a `.secrets` or `recipients` that is a symbolic link. Followed, such a link
    /// would have `set` write sealed files, or `recipients add` member keys, wherever it points,
    /// and a cloned repository could aim it at another repository's vault; a real folder
    /// directly under `root` is inside the work tree, so one `lstat` per folder covers both.
    public func checkFolders() throws {
        for name in [".secrets", "recipients"] {
            guard let target = FileSystem.symbolicLinkTarget(root + "/" + name) else { continue }
            throw HushError(
                .badInput, "\(name) is a symbolic link (to \(target)); Hush refuses to follow it",
                hint: "replace it with a real folder inside the repository")
        }
    }

    /// The repository-relative form of a path, for messages.
    func display(_ path: String) -> String { Paths.relative(path, to: root) }

    /// Resolves an environment name (`production`) or a file path to its existing sealed file.
    public func environment(_ nameOrPath: String) throws -> EnvironmentFile {
        if nameOrPath.contains("/") || Syntax.forPath(nameOrPath) != nil {
            let path = nameOrPath.hasPrefix("/") ? nameOrPath : Paths.join(Platform.currentDirectory(), nameOrPath)
            guard let syntax = Syntax.forPath(path) else {
                throw HushError(.badInput, "\(nameOrPath): unknown file type", hint: "sealed files end in .yaml, .yml or .env")
            }
            guard FileSystem.exists(path) else { throw HushError(.badInput, "\(nameOrPath) does not exist", hint: "`hush status` lists the environments") }
            let file = Paths.fileName(of: path)
            let name = String(file[..<file.lastIndex(of: ".")!])
            return EnvironmentFile(name: name, path: path, display: display(path), syntax: syntax)
        }
        try Self.validateName(nameOrPath)
        let candidates = ["yaml", "yml", "env"].map { "\(secretsFolder)/\(nameOrPath).\($0)" }.filter(FileSystem.exists)
        guard let path = candidates.first else {
            let known = environments().map(\.name)
            throw HushError(
                .badInput,
                "no environment \"\(nameOrPath)\" in .secrets/\(Suggestion.phrase(nameOrPath, known))"
                    + (known.isEmpty ? "" : " (have: \(known.joined(separator: ", ")))"),
                hint: "create it with `hush set \(nameOrPath) KEY` or `hush encrypt FILE --env \(nameOrPath)`")
        }
        guard candidates.count == 1 else {
            throw HushError(
                .badInput, "environment \"\(nameOrPath)\" is ambiguous: \(candidates.map(display).joined(separator: " and "))",
                hint: "keep one of the files, or name the file by its path")
        }
        return EnvironmentFile(name: nameOrPath, path: path, display: display(path), syntax: Syntax.forPath(path)!)
    }

    /// Where a new environment of `syntax` would live.
    public func newEnvironment(_ name: String, syntax: Syntax) throws -> EnvironmentFile {
        try Self.validateName(name)
        let path = "\(secretsFolder)/\(name).\(syntax.fileExtension)"
        return EnvironmentFile(name: name, path: path, display: display(path), syntax: syntax)
    }

    /// Every sealed file in `.secrets/`, sorted by name.
    public func environments() -> [EnvironmentFile] {
        FileSystem.list(secretsFolder).compactMap { file in
            guard !file.hasPrefix("."), let syntax = Syntax.forPath(file) else { return nil }
            let path = "\(secretsFolder)/\(file)"
            return EnvironmentFile(name: String(file[..<file.lastIndex(of: ".")!]), path: path, display: display(path), syntax: syntax)
        }
    }

    /// Every member key in `recipients/*.pub`, in name order.
    public func members() throws -> [NamedRecipient] {
        try memberFiles().flatMap { name, keys in keys.recipients.map { NamedRecipient(name: name, recipient: $0) } }
    }

    /// Each `recipients/NAME.pub`, parsed: recipients and signing keys, in name order.
    func memberFiles() throws -> [(name: String, keys: MemberKeys)] {
        var result: [(name: String, keys: MemberKeys)] = []
        for file in FileSystem.list(recipientsFolder) where file.hasSuffix(".pub") {
            let name = String(file.dropLast(4))
            guard Trailer.isValidName(name) else {
                throw HushError(.badInput, "recipients/\(file): invalid member name", hint: "rename it to letters, digits, '.', '_' or '-'")
            }
            let text = String(decoding: try FileSystem.read("\(recipientsFolder)/\(file)"), as: UTF8.self)
            result.append((name, try RecipientsFile.parseMember(text, name: name)))
        }
        return result
    }

    static func validateName(_ name: String) throws {
        guard Trailer.isValidName(name) else {
            throw HushError(.badInput, "invalid environment name \"\(name)\"", hint: "use letters, digits, '.', '_' and '-', starting with a letter or digit")
        }
    }
}

/// One environment's sealed file.
public struct EnvironmentFile: Sendable, Equatable {
    public let name: String
    /// Absolute path.
    public let path: String
    /// Repository-relative path for messages.
    public let display: String
    public let syntax: Syntax
}
