/// The format of `recipients/NAME.pub`: the public keys of one person, machine or group.
///
/// One key per line (`age1…` or `ssh-ed25519 AAAA… [comment]`); blank lines and lines starting
/// with `#` are ignored, as is white space around each line. The file is committed to Git, so
/// a private key anywhere in it, commented out or not, is refused.
public enum RecipientsFile {
    /// The path of the file for `name`, relative to the vault root, as errors name it.
    public static func path(for name: String) -> String { "recipients/\(name).pub" }

    /// Parses the content of `recipients/NAME.pub` into its keys, in file order. A key listed
    /// twice is kept once.
    ///
    /// Throws a `.badInput` `HushError` naming `recipients/NAME.pub` and the line: for the first
    /// bad line, for a private key anywhere (the key itself is never quoted), or when the file
    /// holds no key at all.
    public static func parse(_ text: String, name: String) throws(HushError) -> [Recipient] {
        try parseMember(text, name: name).recipients
    }

    /// Parses the content of `recipients/NAME.pub` into the member's recipients and signing
    /// keys (`hushsign1…` lines, and the Ed25519 key of every `ssh-ed25519` line).
    public static func parseMember(_ text: String, name: String) throws(HushError) -> MemberKeys {
        let file = path(for: name)
        let lines = KeyText.lines(text)
        // Look for private keys first, comments included, so a leaked key is reported even when
        // an earlier line has some other mistake.
        if let leak = lines.first(where: { KeyText.looksLikePrivateKey($0.text) }) {
            var problem = KeyProblem.privateKeyAsRecipient
            problem.message = "this line holds a PRIVATE key; a recipients file must only hold public keys"
            throw problem.error(file: file, line: leak)
        }
        var recipients: [Recipient] = []
        var signing: [SigningPublicKey] = []
        var seen: Set<Recipient> = []
        for line in lines where !line.isBlankOrComment {
            let recipient: Recipient
            do throws(KeyProblem) {
                if SigningPublicKey.looksLike(line.text) {
                    guard KeyText.fields(line.text).count == 1 else {
                        throw KeyProblem(message: "unexpected text after the signing key", hint: "put comments on their own line, starting with #")
                    }
                    let key = try SigningPublicKey.parse(line.text)
                    if !signing.contains(key) { signing.append(key) }
                    continue
                }
                recipient = try Recipient.parseKey(line.text)
            } catch {
                throw error.error(file: file, line: line)
            }
            if seen.insert(recipient).inserted {
                recipients.append(recipient)
                if let ed = recipient.ed25519PublicKey, !signing.contains(SigningPublicKey(bytes: ed)) { signing.append(SigningPublicKey(bytes: ed)) }
            }
        }
        guard !recipients.isEmpty else {
            throw HushError(
                .badInput, "\(file): no public key found",
                hint: "add one key per line: `age1…` or `ssh-ed25519 AAAA…`")
        }
        return MemberKeys(recipients: recipients, signingKeys: signing)
    }

    /// Renders `recipients` as the content of a recipients file: `comment` (each of its lines
    /// prefixed with `# `) then one canonical key per line, ending with a newline. SSH comment
    /// fields are not kept by `Recipient`, so they are not written back.
    public static func render(_ recipients: [Recipient], signingKeys: [SigningPublicKey] = [], comment: String?) -> String {
        var out = ""
        if let comment {
            for line in comment.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                let text = KeyText.trimmed(Substring(line))
                out += text.isEmpty ? "#\n" : "# \(text)\n"
            }
        }
        for recipient in recipients { out += recipient.text + "\n" }
        // An ssh-ed25519 line already is a signing key.
        let implied = Set(recipients.compactMap(\.ed25519PublicKey))
        for key in signingKeys where !implied.contains(key.bytes) { out += key.text + "\n" }
        return out
    }
}

/// The keys of one member: recipients the data key is wrapped to, and keys that may sign.
public struct MemberKeys: Sendable, Equatable {
    public var recipients: [Recipient]
    public var signingKeys: [SigningPublicKey]
}
