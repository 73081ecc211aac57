/// Why a key text was refused: a message and a hint, before it is placed in a file and line.
///
/// Recipient and identity parsers throw this, and the public entry points turn it into a
/// `HushError` with the location they know about. Nothing here ever quotes the key text: it
/// may be a private key pasted in the wrong place.
struct KeyProblem: Error, Equatable {
    var message: String
    var hint: String?

    /// This problem as a `.badInput` error for a key given on its own (`what` says what was
    /// expected, e.g. "recipient").
    func error(what: String) -> HushError {
        HushError(.badInput, "invalid \(what): \(message)", hint: hint)
    }

    /// This problem as a `.badInput` error at a line of a file.
    func error(file: String, line: KeyText.Line) -> HushError {
        HushError.syntax(file, line: line.number, column: line.column, message, hint: hint)
    }

    /// This problem as a `.badInput` error for a whole file or source.
    func error(source: String) -> HushError {
        HushError(.badInput, "\(source): \(message)", hint: hint)
    }

    // MARK: - Problems shared by several parsers

    static let privateKeyAsRecipient = KeyProblem(
        message: "this is a PRIVATE key; put its public key here",
        hint: "the public key is the `# public key:` line `hush keygen` printed; "
            + "`age-keygen -y KEYFILE` or `ssh-keygen -y -f KEYFILE` prints it again. "
            + "Never share the private key; if it was committed or sent anywhere, replace it")

    static let publicKeyAsIdentity = KeyProblem(
        message: "this is a public key (a recipient); an identity must be a private key",
        hint: "point Hush at the private key file (`AGE-SECRET-KEY-1…` or the SSH key without `.pub`), "
            + "or create one with `hush keygen`")

    static let agePlugin = KeyProblem(
        message: "age plugin keys are not supported",
        hint: "use an age X25519 key (`hush keygen` or `age-keygen`) or an ssh-ed25519 key")

    static func unsupportedSSH(type: Substring) -> KeyProblem {
        // Name the type only when it looks like one, so arbitrary input is never echoed.
        let named = type.count <= 40 && type.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-@.".contains($0)) }
        return KeyProblem(
            message: "\(named ? String(type) : "this") key type is not supported; use ssh-ed25519 or age",
            hint: "Hush can only use Ed25519 SSH keys; create one with `ssh-keygen -t ed25519` or an age key with `hush keygen`")
    }

    static let invalidPoint = KeyProblem(
        message: "not a usable public key: it is not a valid curve point (damaged or forged key)",
        hint: "copy the public key again from its owner")
}
