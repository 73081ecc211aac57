/// `hush git textconv FILE` (docs/git.md): what git shows for a sealed file in `git diff`,
/// `git log -p` and `git show` once `diff.hush.textconv` is set.
///
/// - A caller whose identity opens the file sees the decrypted document.
/// - Anyone else sees the body with each token replaced by `<sealed:TAG>`, where TAG is the
///   token's last 8 characters (part of its authentication tag, public like the token), so a
///   changed value is still a changed line and unchanged values are unchanged lines.
/// - Both end with `#hush: …` summary lines: who the file is sealed to and what is marked
///   exposed, so membership changes show in the diff. A plaintext document can never contain a
///   `#hush:` line (format.md §5) and a real trailer line never has a space after the colon,
///   so the summary can be confused with neither.
/// - A file that is not a sealed Hush file, or cannot be parsed as one, is printed as it is.
/// - What is shown of a sealed file has its bidirectional controls escaped (`TerminalSafe`):
///   the output is only ever displayed, and a key or value with U+202E could otherwise make a
///   line of the diff read as something it is not.
public enum TextConv {
    /// The text to print for the file at `path`. Only reading the file can fail.
    public static func render(file path: String, identityFiles: [String]) throws -> [UInt8] {
        let bytes = try FileSystem.read(path)
        let repositoryID = (try? Repository.find()).flatMap { try? RepositoryID.load($0) }
        let context = repositoryID.map { FileContext(repositoryID: $0, environment: environmentName(path)) }
        return render(bytes, name: path, context: context) { try KeyDiscovery.identities(files: identityFiles) }
    }

    /// The environment a textconv argument belongs to: git passes either the work-tree file or
    /// a temporary copy named `XXXXXX_NAME.ext` (six random characters and `_`).
    static func environmentName(_ path: String) -> String {
        var name = FileContext.environmentName(ofPath: path)
        let inSecrets = Paths.fileName(of: Paths.folder(of: path)) == ".secrets"
        if !inSecrets, name.utf8.count > 7, Array(name.utf8)[6] == UInt8(ascii: "_") { name = String(name.dropFirst(7)) }
        return name
    }

    /// The text to print for `bytes`; `name` (git passes a temporary file whose name ends like
    /// the original's) chooses YAML or dotenv. Identities are loaded only for a sealed file;
    /// values are shown only when the file verifies for `context` (nil: no repository id).
    static func render(_ bytes: [UInt8], name: String, context: FileContext?, identities: () throws -> [Identity]) -> [UInt8] {
        guard let syntax = Syntax.forPath(name), let file = try? SealedFile.parse(bytes, syntax: syntax, file: Paths.fileName(of: name), context: context)
        else {
            return bytes
        }
        let hidden: String
        do {
            guard context != nil else { throw HushError(.integrity, "no repository id (recipients/repository)") }
            let opened = try file.decrypt(file.unlock(with: identities()))
            var out = opened.plaintext
            var notes: [String] = []
            if out.last != 0x0A {
                out.append(0x0A)
                notes.append("no newline at end of the document")
            }
            return TerminalSafe.escape(out + summary(file.trailer, notes: notes))
        } catch let error as HushError {
            switch error.kind {
            case .noKey: hidden = "values hidden: none of your identities opens this file"
            case .integrity: hidden = "values hidden: the file failed its integrity check (`hush verify`)"
            default: hidden = "values hidden: \(error.message)"
            }
        } catch {
            hidden = "values hidden: \(error)"
        }
        return TerminalSafe.escape(sealedBody(file) + summary(file.trailer, notes: [hidden]))
    }

    /// The body with every token replaced by `<sealed:TAG>`.
    static func sealedBody(_ file: SealedFile) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(file.body.count)
        var cursor = 0
        for (leaf, token) in zip(file.outline.leaves, file.tokens) where token != nil {
            out += file.body[cursor..<leaf.range.lowerBound]
            out += Array("<sealed:\(tag(leaf.value))>".utf8)
            cursor = leaf.range.upperBound
        }
        out += file.body[cursor...]
        return out
    }

    /// The last 8 characters of a token's base64 text (before its `]`).
    static func tag(_ token: String) -> String {
        String(token.utf8.dropLast().suffix(8).map { Character(Unicode.Scalar($0)) })
    }

    /// `#hush: …` lines: one per recipient (name, key type, fingerprint), one per exposed value,
    /// then `notes`.
    static func summary(_ trailer: Trailer, notes: [String]) -> [UInt8] {
        var lines: [String] = trailer.wraps.map { wrap in
            guard let recipient = try? Recipient.parse(wrap.key) else { return "sealed to \(wrap.name) (\(wrap.key))" }
            return "sealed to \(wrap.name) (\(recipient.typeName) \(recipient.fingerprint))"
        }
        lines += trailer.exposed.map { "exposed \($0.path) (since \($0.since), to \($0.members.joined(separator: ", ")))" }
        lines += notes
        return Array(lines.map { "#hush: \($0)\n" }.joined().utf8)
    }
}
