#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file or blob to scan.
struct ScanItem: Sendable {
    /// How findings name it: repository-relative in git modes, as given in path mode.
    var display: String
    /// A file on disk (absolute or relative to the current folder), or nil for a blob.
    var file: String?
    /// A blob id to read through `git cat-file --batch`.
    var blob: String?
    /// Git tracks it (the dotenv structure check applies only to tracked files).
    var tracked: Bool
    /// `--history`: the commit that introduced the blob.
    var commit: String?
}

/// What `hush scan` reads in each mode.
enum ScanSources {
    /// The top of the current git work tree.
    static func gitRoot() throws -> String {
        let (status, output) = try Git.run(["rev-parse", "--show-toplevel"])
        guard status == 0 else {
            throw HushError(.badInput, "not inside a git work tree", hint: "run hush scan in a repository, or name files and folders: `hush scan PATH…`")
        }
        return String(decoding: output, as: UTF8.self).trimmingNewlines()
    }

    /// The working tree: tracked files and untracked ones git does not ignore
    /// (`git ls-files --cached --others --exclude-standard`). Tracked files deleted from the
    /// work tree are skipped when they cannot be opened.
    static func workingTree(root: String) throws -> [ScanItem] {
        let output = try gitOutput(["ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard"], in: root, what: "git ls-files")
        var seen = Set<String>()
        var items: [ScanItem] = []
        for entry in output.split(separator: 0) where entry.count > 2 {
            // "TAG PATH": `?` for untracked, a letter (H, S, M, C, K, R) for tracked entries.
            let path = String(decoding: entry.dropFirst(2), as: UTF8.self)
            guard seen.insert(path).inserted else { continue }
            items.append(ScanItem(display: path, file: Paths.join(root, path), tracked: entry.first != UInt8(ascii: "?")))
        }
        return items
    }

    /// The staged changes: every index entry whose blob differs from HEAD's (added, copied,
    /// modified or type-changed; all entries before the first commit), read from the index, so
    /// a partly staged file is judged by what is staged. Submodules and symbolic links are left
    /// out.
    static func staged(root: String) throws -> [ScanItem] {
        let output = try gitOutput(
            ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--diff-filter=ACMT", "--no-ext-diff"], in: root, what: "git diff --cached")
        var items: [ScanItem] = []
        var fields = output.split(separator: 0, omittingEmptySubsequences: false)[...]
        while let meta = fields.popFirst() {
            let words = meta.drop { $0 == 0x0A }.split(separator: 0x20)
            guard words.count >= 5, words[0].first == UInt8(ascii: ":"), let path = fields.popFirst() else { continue }
            guard isBlobMode(words[1]) else { continue }
            items.append(ScanItem(display: String(decoding: path, as: UTF8.self), blob: String(decoding: words[3], as: UTF8.self), tracked: true))
        }
        return items
    }

    /// Every blob reachable from all refs (or only from commits not reachable from `since`),
    /// each once, with the first commit and path that introduced it: `git log --all --raw` in
    /// topological order, oldest first, merges diffed against their first parent (so a blob
    /// that only a merge produced is attributed to the merge). Paths matching `excluded` are
    /// skipped, so a blob first committed under an excluded path is still found elsewhere.
    static func history(root: String, since: String?, excluded: (String) -> Bool) throws -> (items: [ScanItem], excluded: Int) {
        var range = ["--all"]
        if let since {
            let check = try Git.run(["rev-parse", "--verify", "--quiet", "\(since)^{commit}"], in: root)
            guard check.status == 0 else {
                throw HushError(.badInput, "--since \(since): no such commit", hint: "give a commit, tag or branch, e.g. --since origin/main")
            }
            range.append("^" + String(decoding: check.output, as: UTF8.self).trimmingNewlines())
        }
        let arguments =
            ["-c", "log.showSignature=false", "log"] + range + [
                "--topo-order", "--reverse", "--raw", "-z", "--no-renames", "--no-abbrev", "--diff-merges=first-parent", "--format=%x01%H", "--no-color",
                "--no-ext-diff",
            ]
        let (status, output) = try Git.run(arguments, in: root)
        guard status == 0 else {
            // An empty repository has no history to scan.
            if try Git.run(["rev-parse", "--verify", "--quiet", "HEAD"], in: root).status != 0 { return ([], 0) }
            throw HushError(.system, "git log failed (exit status \(status))", hint: "check the repository with `git fsck`")
        }
        var seen = Set<ArraySlice<UInt8>>()
        var skipped = Set<ArraySlice<UInt8>>()
        var items: [ScanItem] = []
        var commit = ""
        var fields = output.split(separator: 0, omittingEmptySubsequences: false)[...]
        while let field = fields.popFirst() {
            let token = field.drop { $0 == 0x0A }
            if token.first == 0x01 {
                commit = String(decoding: token.dropFirst(), as: UTF8.self)
                continue
            }
            guard token.first == UInt8(ascii: ":"), let path = fields.popFirst() else { continue }
            let words = token.split(separator: 0x20)
            guard words.count >= 5, isBlobMode(words[1]), words[4].first != UInt8(ascii: "D") else { continue }
            let blob = words[3]
            guard !seen.contains(blob) else { continue }
            let display = String(decoding: path, as: UTF8.self)
            if excluded(display) {
                skipped.insert(blob)
                continue
            }
            seen.insert(blob)
            items.append(ScanItem(display: display, blob: String(decoding: blob, as: UTF8.self), tracked: true, commit: commit))
        }
        return (items, skipped.subtracting(seen).count)
    }

    /// Files named on the command line; folders are walked (without following symbolic links,
    /// and leaving out `.git` folders).
    static func paths(_ arguments: [String]) throws -> [ScanItem] {
        var items: [ScanItem] = []
        for argument in arguments {
            var st = stat()
            guard lstat(argument, &st) == 0 else {
                throw HushError(.badInput, "\(argument): \(Platform.errorText())", hint: "name existing files or folders")
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(argument, into: &items)
            } else {
                items.append(ScanItem(display: argument, file: argument, tracked: false))
            }
        }
        return items
    }

    private static func walk(_ folder: String, into items: inout [ScanItem]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        var subfolders: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = folder == "." ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((st.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK))
            }
            if type == Int32(DT_DIR) {
                if name != ".git" { subfolders.append(path) }
            } else if type == Int32(DT_REG) {
                items.append(ScanItem(display: path, file: path, tracked: false))
            }
        }
        for sub in subfolders.sorted() { walk(sub, into: &items) }
    }

    /// Regular files (100644, 100755); not symbolic links (120000) or submodules (160000).
    private static func isBlobMode(_ mode: ArraySlice<UInt8>) -> Bool {
        mode.starts(with: Array("100".utf8))
    }

    private static func gitOutput(_ arguments: [String], in root: String, what: String) throws -> [UInt8] {
        let (status, output) = try Git.run(arguments, in: root)
        guard status == 0 else {
            throw HushError(.system, "\(what) failed (exit status \(status))", hint: "check that git works in \(root)")
        }
        return output
    }
}
