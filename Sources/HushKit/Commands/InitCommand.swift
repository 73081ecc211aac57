/// `hush init`: turns the current git work tree into a Hush repository. Safe to run twice.
public enum InitCommand {
    public struct Result: Sendable {
        public var root: String
        public var memberFile: String
        public var created: [String]
    }

    public static func run(name: String?, identityFiles: [String]) throws -> Result {
        let top = try Git.run(["rev-parse", "--show-toplevel"])
        guard top.status == 0 else {
            throw HushError(.badInput, "not inside a git work tree", hint: "run `git init` first, or cd into your repository")
        }
        let root = String(decoding: top.output, as: UTF8.self).trimmingNewlines()
        // A symbolic-link .secrets/ or recipients/ would have the files below written elsewhere.
        try Repository(root: root).checkFolders()
        let identities = try KeyDiscovery.identities(files: identityFiles)
        let me = identities[0]
        let mine = me.recipient
        let repository = Repository(root: root)
        // Everything that can fail on the user's input is decided before anything is written, so
        // a failed init leaves nothing behind.
        let existing = try repository.members().first(where: { $0.recipient.text == mine.text })
        var memberName = existing?.name ?? ""
        if existing == nil {
            memberName = try name ?? defaultName()
            guard Trailer.isValidName(memberName) else {
                throw HushError(.badInput, "invalid member name \"\(memberName)\"", hint: "pass --name with letters, digits, '.', '_' or '-'")
            }
            guard !FileSystem.exists("\(root)/recipients/\(memberName).pub") else {
                throw HushError(
                    .refused, "recipients/\(memberName).pub already exists with another key", hint: "pass --name to choose another member name")
            }
        }
        var created: [String] = []
        for folder in [".secrets", "recipients"] where !FileSystem.isDirectory("\(root)/\(folder)") {
            try FileSystem.makeDirectories("\(root)/\(folder)")
            created.append(folder + "/")
        }
        if try RepositoryID.ensure(repository) { created.append(RepositoryID.fileName) }
        if existing != nil {
            // A member from before format v2 publishes the signing key writes need.
            if let line = try UpgradeCommand.publishSigningKey(Vault(repository: repository, identityFiles: identityFiles)) { created.append(line) }
        } else {
            try FileSystem.writeAtomically("\(root)/recipients/\(memberName).pub", Array(me.publicFileText(name: memberName).utf8))
            created.append("recipients/\(memberName).pub")
        }
        try ensureGitignore(root, &created)
        try GitSetup.applyForInit(root: root, created: &created)
        return Result(root: root, memberFile: "recipients/\(memberName).pub", created: created)
    }

    /// The author name git would use (`GIT_AUTHOR_NAME`, else `user.name`), slugged: lower
    /// case, runs of other characters become '-'.
    private static func defaultName() throws -> String {
        var raw = Platform.environment("GIT_AUTHOR_NAME") ?? ""
        if raw.isEmpty { raw = String(decoding: try Git.run(["config", "user.name"]).output, as: UTF8.self).trimmingNewlines() }
        var slug = ""
        for ch in raw.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { slug.append(ch) } else if !slug.isEmpty && slug.last != "-" { slug.append("-") }
        }
        while slug.last == "-" { slug.removeLast() }
        guard !slug.isEmpty else {
            throw HushError(
                .badInput, "no member name: neither GIT_AUTHOR_NAME nor git user.name is set",
                hint: "pass --name NAME, or set it with `git config user.name`")
        }
        return slug
    }

    static let ignoreLines = [".secrets/*.plain*", "*.hush-tmp"]

    private static func ensureGitignore(_ root: String, _ created: inout [String]) throws {
        let path = "\(root)/.gitignore"
        var text = FileSystem.exists(path) ? String(decoding: try FileSystem.read(path), as: UTF8.self) : ""
        let present = Set(text.split(separator: "\n").map { String($0) })
        let missing = ignoreLines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += "# hush: plaintext leftovers must never be committed\n" + missing.joined(separator: "\n") + "\n"
        try FileSystem.writeAtomically(path, Array(text.utf8))
        created.append(".gitignore lines")
    }
}

extension String {
    func trimmingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == "\r" || last == " " { s = s.dropLast() }
        return String(s)
    }
}
