/// A sealed file whose data key is known and whose values are decrypted, ready to be read or
/// changed and sealed again with minimal diffs.
struct OpenedFile {
    /// What a leaf held before: re-sealing keeps `token` when type and raw text are unchanged.
    struct Sealed {
        var type: ValueType
        var raw: [UInt8]
        var token: [UInt8]
    }

    let sealed: SealedFile
    let keys: FileKeys
    /// The plaintext document, byte for byte as the user wrote it.
    let plaintext: [UInt8]
    /// Leaves of the plaintext, with decoded values.
    let outline: DocumentOutline
    let previous: [[PathComponent]: Sealed]

    var syntax: Syntax { sealed.syntax }
    var file: String { sealed.file }

    /// The leaf addressed by dotted key parts, if any.
    func leaf(_ parts: [String]) -> Leaf? {
        outline.leaves.first { KeyPath.matches($0.path, parts) }
    }

    /// Seals `plaintext` as the next version of this file, keeping the tokens of unchanged
    /// values and the wraps of unchanged recipients. With `rotate`, a new data key is drawn and
    /// every value and wrap is new; `exposing` names former recipients whose access marks every
    /// value as exposed (see `Sealer.seal`).
    func reseal(_ plaintext: [UInt8], recipients: [NamedRecipient], rotate: Bool = false, exposing: [String] = []) throws -> [UInt8] {
        try Sealer.seal(
            plaintext, syntax: syntax, file: file, recipients: recipients, keys: rotate ? .random() : keys, previous: self, exposing: exposing)
    }

    /// The recipients the file is sealed to now, as (name, recipient) pairs.
    func currentRecipients() throws -> [NamedRecipient] {
        try sealed.trailer.wraps.map { NamedRecipient(name: $0.name, recipient: try Recipient.parse($0.key)) }
    }
}

/// A recipient key with the member name it is filed under.
public struct NamedRecipient: Sendable, Equatable {
    public var name: String
    public var recipient: Recipient

    public init(name: String, recipient: Recipient) {
        self.name = name
        self.recipient = recipient
    }
}
