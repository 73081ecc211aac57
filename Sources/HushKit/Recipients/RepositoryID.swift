/// The repository id of docs/format.md §3.4: 16 random bytes in `recipients/repository`,
/// created once and bound into every sealed file's digest, so that a file copied from another
/// repository does not verify.
public enum RepositoryID {
    /// Path of the file, relative to the repository root.
    public static let fileName = "recipients/repository"
    static let length = 16

    /// Reads the id. A missing or damaged file is an integrity error: without it no file can
    /// be checked, and guessing one would accept files from anywhere.
    static func load(_ repository: Repository) throws -> [UInt8] {
        let path = repository.root + "/" + fileName
        guard FileSystem.exists(path) else {
            throw HushError(
                .integrity, "\(fileName) is missing: sealed files cannot be checked without the repository id",
                hint: "restore it from git (`git checkout -- \(fileName)`); a repository without one runs `hush upgrade` once")
        }
        guard let id = parse(try FileSystem.read(path)) else {
            throw HushError(
                .integrity, "\(fileName) is damaged: expected one line of 22 base64 characters",
                hint: "restore it from git (`git checkout -- \(fileName)`)")
        }
        return id
    }

    /// The id in `bytes`: comment and blank lines, and exactly one line of `b64(16 bytes)`.
    static func parse(_ bytes: [UInt8]) -> [UInt8]? {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).filter { !$0.isEmpty && $0.first != UInt8(ascii: "#") }
        guard lines.count == 1, let id = TokenBase64.decode(lines[0]), id.count == length else { return nil }
        return id
    }

    /// Creates the file when it does not exist; returns true when it did.
    @discardableResult
    static func ensure(_ repository: Repository) throws -> Bool {
        let path = repository.root + "/" + fileName
        guard !FileSystem.exists(path) else { return false }
        try FileSystem.makeDirectories(repository.recipientsFolder)
        let text = "# Hush repository id: bound into every sealed file. Never change it.\n\(TokenBase64.encode(Sodium.randomBytes(length)))\n"
        try FileSystem.writeAtomically(path, Array(text.utf8))
        return true
    }
}
