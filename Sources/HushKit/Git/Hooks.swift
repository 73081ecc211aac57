#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hush hooks`: a git pre-commit hook that refuses plaintext and damaged files under
/// `.secrets/`, and its installation next to (not instead of) a hook that is already there.
public enum GitHooks {
    /// The line that marks a hook as Hush's own.
    static let marker = "# hush: pre-commit hook, installed by `hush hooks install`"
    /// Names git itself uses that may live in `.secrets/` without being sealed.
    static let gitFiles: Set<String> = [".gitattributes", ".gitignore", ".gitkeep"]

    /// Where git looks for hooks: `core.hooksPath` when set (relative to the top of the work
    /// tree), else `hooks` in the common git folder (shared by every worktree).
    public static func folder() throws -> String {
        let top = try Git.run(["rev-parse", "--show-toplevel"])
        guard top.status == 0 else {
            throw HushError(.badInput, "not inside a git work tree", hint: "run this in your repository (hooks belong to a git work tree)")
        }
        let root = String(decoding: top.output, as: UTF8.self).trimmingNewlines()
        let configured = try Git.run(["config", "--path", "core.hooksPath"])
        let path = String(decoding: configured.output, as: UTF8.self).trimmingNewlines()
        if configured.status == 0 && !path.isEmpty { return Paths.join(root, path) }
        let common = try Git.text(["rev-parse", "--git-common-dir"])
        return Paths.join(Paths.join(Platform.currentDirectory(), common), "hooks")
    }

    /// Installs the hook; a pre-commit hook that is not Hush's is kept as `pre-commit.local`
    /// and run first. Safe to run again. Returns what it did, one line each.
    public static func install() throws -> [String] {
        let folder = try folder()
        if folder.split(separator: "/").contains(".husky") {
            throw HushError(
                .refused, "core.hooksPath points into Husky's folder (\(folder)); Husky rewrites the hooks there",
                hint: "add the line `hush hooks pre-commit` to .husky/pre-commit instead (docs/git.md, Hooks)")
        }
        try FileSystem.makeDirectories(folder)
        let hook = folder + "/pre-commit"
        let kept = folder + "/pre-commit.local"
        let script = Array(script(program: GitSetup.invokedProgram()).utf8)
        var done: [String] = []
        var what = "installed"
        if linkExists(hook) {
            if isOurs(hook) {
                if (try? FileSystem.read(hook)) == script { return ["the Hush pre-commit hook is already installed in \(folder)"] }
                what = "updated"
            } else {
                guard !linkExists(kept) else {
                    throw HushError(
                        .refused, "\(hook) is not Hush's and \(kept) exists too: nowhere to keep the current hook",
                        hint: "merge the two into pre-commit.local by hand (or remove one), then run `hush hooks install` again")
                }
                guard rename(hook, kept) == 0 else { throw HushError(.system, "cannot rename \(hook): \(Platform.errorText())") }
                done.append("kept your pre-commit hook as \(kept); it runs first, and a failure stops the commit")
            }
        }
        try FileSystem.writeAtomically(hook, script, mode: 0o755)
        guard chmod(hook, 0o755) == 0 else { throw HushError(.system, "cannot make \(hook) executable: \(Platform.errorText())") }
        return done + ["\(what) the Hush pre-commit hook in \(folder)"]
    }

    /// Removes Hush's hook and puts back the one it kept. Returns what it did.
    public static func uninstall() throws -> [String] {
        let folder = try folder()
        let hook = folder + "/pre-commit"
        let kept = folder + "/pre-commit.local"
        guard linkExists(hook) else { return ["no pre-commit hook in \(folder): nothing to remove"] }
        guard isOurs(hook) else { return ["\(hook) is not Hush's: left as it is"] }
        guard unlink(hook) == 0 else { throw HushError(.system, "cannot remove \(hook): \(Platform.errorText())") }
        guard linkExists(kept) else { return ["removed the Hush pre-commit hook from \(folder)"] }
        guard rename(kept, hook) == 0 else { throw HushError(.system, "cannot rename \(kept) back: \(Platform.errorText())") }
        return ["removed the Hush pre-commit hook and restored your previous hook (\(hook))"]
    }

    /// The hook: runs a kept hook first, then `hush hooks pre-commit` with the hush that
    /// installed it (`program`, shell-quoted, as `GitSetup.invokedProgram` gives it) when it
    /// still exists, else `hush` on PATH.
    static func script(program: String) -> String {
        """
        #!/bin/sh
        \(marker)
        # `hush hooks uninstall` removes it and restores the hook that was here before, which
        # is kept as pre-commit.local and runs first.
        local_hook="$(dirname "$0")/pre-commit.local"
        if [ -x "$local_hook" ]; then
            "$local_hook" "$@" || exit $?
        fi
        hush=\(program)
        if [ ! -x "$hush" ]; then
            hush=$(command -v hush) || {
                echo "hush: error: the pre-commit hook cannot find hush (not on PATH)" >&2
                echo "hush: hint: install hush, or remove the hook with 'hush hooks uninstall'" >&2
                exit 1
            }
        fi
        exec "$hush" hooks pre-commit

        """
    }

    static func isOurs(_ path: String) -> Bool {
        guard let bytes = try? FileSystem.read(path) else { return false }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { $0 == marker }
    }

    /// True for a file or a symbolic link, even a dangling one.
    private static func linkExists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Checks what is staged under any `.secrets/` folder: every file there must be a sealed
    /// Hush file (`NAME.yaml`, `NAME.yml`, `NAME.env`) whose structure is sound (trailer, and a
    /// token for every non-empty value), and when one of the caller's identities opens it, its
    /// MAC must verify. Reads the index through git (`GIT_INDEX_FILE` is honoured, so
    /// `git commit -a` and partial commits are checked as they will be committed). Returns one
    /// error per problem; empty when the commit may go ahead.
    public static func preCommit(identityFiles: [String]) throws -> [HushError] {
        let diff = try Git.run(["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--diff-filter=ACMR", "--no-ext-diff"])
        guard diff.status == 0 else {
            if try Git.run(["rev-parse", "--is-inside-work-tree"]).status != 0 {
                throw HushError(.badInput, "not inside a git work tree", hint: "run `hush hooks pre-commit` in your repository (git runs the hook there)")
            }
            throw HushError(.system, "git diff --cached failed (exit status \(diff.status))", hint: "check that git works in this repository")
        }
        var staged: [(path: String, mode: String, blob: String)] = []
        var fields = diff.output.split(separator: 0, omittingEmptySubsequences: false)[...]
        while let meta = fields.popFirst() {
            let words = meta.drop { $0 == 0x0A }.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            guard words.count >= 5, words[0].hasPrefix(":"), let path = fields.popFirst() else { continue }
            let text = String(decoding: path, as: UTF8.self)
            if text.split(separator: "/").dropLast().contains(".secrets") { staged.append((text, words[1], words[3])) }
        }
        var problems: [HushError] = []
        if !staged.isEmpty {
            let identities = (try? KeyDiscovery.identities(files: identityFiles)) ?? []
            let objects = try Git.objects()
            defer { objects.close() }
            for (path, mode, blob) in staged {
                if let problem = try check(path, mode: mode, blob: blob, objects: objects, identities: identities) { problems.append(problem) }
            }
        }
        // Secret scanning: `hush scan --staged` over the staged changes (docs/scan.md); its
        // .secrets/ structure check is the one above.
        var scan = ScanOptions()
        scan.mode = .staged
        scan.identityFiles = identityFiles
        // Every place of a secret is a problem of its own: each one must be fixed.
        for finding in try ScanCommand.run(scan).findings where finding.rule != ScanFinding.unsealedSecretsRule {
            for place in finding.atEachPlace { problems.append(HushError(.checkFailed, ScanReport.text([place]).trimmingNewlines())) }
        }
        return problems
    }

    private static func check(_ path: String, mode: String, blob: String, objects: GitObjects, identities: [Identity]) throws -> HushError? {
        let name = Paths.fileName(of: path)
        if gitFiles.contains(name) { return nil }
        let direct = Paths.fileName(of: Paths.folder(of: path)) == ".secrets"
        guard direct, let syntax = Syntax.forPath(name), !name.hasPrefix("."), mode == "100644" || mode == "100755" else {
            return HushError(
                .checkFailed,
                "\(path): not a sealed Hush file; only sealed NAME.yaml, NAME.yml and NAME.env files belong in .secrets/ (plaintext there would be committed)")
        }
        guard let bytes = try objects.read(blob) else {
            throw HushError(.system, "git cannot read the staged \(path)", hint: "check the repository with `git fsck`")
        }
        do {
            let repository = try Repository.find()
            let context = try FileContext.of(repository, environment: FileContext.environmentName(ofPath: path))
            let sealed = try SealedFile.parse(bytes, syntax: syntax, file: path, context: context)
            try sealed.checkSignature(Membership.load(repository))
            guard sealed.trailer.conflicts.isEmpty else {
                let keys = sealed.trailer.conflicts.map(\.path).joined(separator: ", ")
                return HushError(
                    .checkFailed, "\(path) has unresolved merge conflicts (\(keys))",
                    hint: "run `hush edit \(FileContext.environmentName(ofPath: path))`, keep one value for each, then `git add \(path)`")
            }
            let mine = Set(identities.map(\.recipient.text))
            if sealed.trailer.wraps.contains(where: { mine.contains($0.key) }) { _ = try sealed.unlock(with: identities) }
            return nil
        } catch let error as HushError {
            return error
        }
    }
}
