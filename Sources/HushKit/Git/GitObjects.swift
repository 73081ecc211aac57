/// Reads git objects through one `git cat-file --batch` process: a request is one line (an
/// object id, or `REV:PATH`), the answer `<id> <type> <size>\n<content>\n`, or
/// `<name> missing\n`. Spawning `git show` per object costs a few milliseconds each; this costs
/// a pipe round trip.
final class GitObjects {
    private let channel: Subprocess.Channel

    init(_ channel: Subprocess.Channel) {
        self.channel = channel
    }

    /// The content of the object `name`, or nil when the repository has no such object.
    func read(_ name: String) throws -> [UInt8]? {
        guard !name.isEmpty, !name.utf8.contains(0x0A), !name.utf8.contains(0x0D) else { return nil }
        try channel.send(Array(name.utf8) + [0x0A])
        guard let header = try channel.readLine() else {
            throw HushError(.system, "git cat-file stopped answering", hint: "check that git works in this repository")
        }
        let fields = header.split(separator: 0x20)
        guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else { return nil }
        let content = try channel.readExactly(size)
        _ = try channel.readExactly(1)  // the newline after the content
        return content
    }

    /// Ends the process.
    func close() { channel.finish() }
}

/// The commits `git log --raw` lists for some paths, with the blob ids of each changed file
/// and of the same file in each parent, oldest last (git's order).
struct GitLog {
    struct Commit {
        var hash: String
        var shortHash: String
        var author: String
        var date: String
        var subject: String
        var files: [FileChange]
    }

    /// One file a commit changed. A merge lists only files that differ from every parent
    /// (`git log -c`), with one parent blob per parent.
    struct FileChange {
        /// Relative to the folder git ran in (`--relative`).
        var path: String
        /// The blob id (abbreviated as git abbreviates it, which `cat-file` accepts), nil
        /// when the commit deleted the file.
        var blob: String?
        /// Per parent, nil where the file did not exist.
        var parents: [String?]
    }

    private static let marker: [UInt8] = Array("hush-commit ".utf8)

    /// `git log` over `paths` (pathspecs relative to `root`), newest first. An empty history
    /// (no commits yet) is an empty list; a folder outside git is an error.
    static func read(in root: String, paths: [String]) throws -> [Commit] {
        let arguments = [
            "-c", "log.showSignature=false", "log", "--no-color", "--encoding=UTF-8", "--format=hush-commit %H %h%x00%an%x00%ad%x00%s",
            "--date=format:%Y-%m-%d %H:%M", "--root", "--raw", "-c", "-z", "--no-renames", "--relative", "--",
        ]
        let (status, output) = try Git.run(arguments + paths.map { ":(literal)" + $0 }, in: root)
        guard status == 0 else {
            if try Git.run(["rev-parse", "--git-dir"], in: root).status == 0 { return [] }
            throw HushError(.badInput, "\(root) is not inside a git repository", hint: "history needs git: run `git init` and commit .secrets/")
        }
        return parse(output)
    }

    /// Parses `git log -z --raw -c` output in the format `read` asks for.
    static func parse(_ output: [UInt8]) -> [Commit] {
        var fields = output.split(separator: 0, omittingEmptySubsequences: false)[...]
        var commits: [Commit] = []
        func text(_ bytes: ArraySlice<UInt8>?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }
        while let field = fields.popFirst() {
            let token = field.drop { $0 == 0x0A }
            if token.starts(with: marker) {
                let ids = text(token.dropFirst(marker.count)).split(separator: " ")
                let author = text(fields.popFirst()), date = text(fields.popFirst()), subject = text(fields.popFirst())
                commits.append(
                    Commit(
                        hash: String(ids.first ?? ""), shortHash: String(ids.dropFirst().first ?? ""), author: author, date: date, subject: subject, files: []))
            } else if token.first == UInt8(ascii: ":"), !commits.isEmpty, let path = fields.popFirst() {
                // ":MODE… ID… STATUS": as many colons as parents, then modes, then ids.
                let parentCount = token.prefix { $0 == UInt8(ascii: ":") }.count
                let words = token.dropFirst(parentCount).split(separator: 0x20).map { text($0) }
                guard words.count >= 2 * (parentCount + 1) else { continue }
                let ids = words[(parentCount + 1)..<(2 * parentCount + 2)].map { $0.allSatisfy { $0 == "0" } ? nil : $0 }
                commits[commits.count - 1].files.append(FileChange(path: text(path), blob: ids[parentCount], parents: Array(ids[..<parentCount])))
            }
        }
        return commits
    }
}
