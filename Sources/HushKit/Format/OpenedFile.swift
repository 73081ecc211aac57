/// A sealed file whose data key is known and whose values are decrypted, ready to be read or
/// changed and sealed again with minimal diffs.
struct OpenedFile {
    /// What a leaf held before: re-sealing keeps `token` when type and raw text are unchanged.
    struct Sealed {
        var type: ValueType
        var raw: [UInt8]
        var token: [UInt8]
    }

    /// An exposed mark with its value opened (docs/format.md §6.1).
    struct Mark {
        var exposure: Trailer.Exposure
        var type: ValueType
        var raw: [UInt8]
    }

    let sealed: SealedFile
    let keys: FileKeys
    /// The plaintext document, byte for byte as the user wrote it.
    let plaintext: [UInt8]
    /// Leaves of the plaintext, with decoded values.
    let outline: DocumentOutline
    let previous: [[PathComponent]: Sealed]
    /// The exposed marks, values opened.
    var marks: [Mark] = []
    /// Who signs the next version: set by `Vault.update` once the write is allowed.
    var writer: Signer?

    var syntax: Syntax { sealed.syntax }
    var file: String { sealed.file }

    /// The document's data model: aliases, merge keys and tags resolved (`DataModel`).
    func data() throws -> DataValue {
        try DataModel.build(outline, syntax: syntax, file: file)
    }

    /// The leaf addressed by dotted key parts, if any.
    func leaf(_ parts: [String]) -> Leaf? {
        outline.leaves.first { KeyPath.matches($0.path, parts) }
    }

    /// Seals `plaintext` as the next version of this file (sequence number + 1, signed by
    /// `writer`), keeping the tokens of unchanged values and the wraps of unchanged recipients.
    /// With `rotate`, a new data key is drawn and every value and wrap is new; `exposing`
    /// names former recipients whose access marks every value as exposed (see `Sealer.seal`).
    /// `rewrite` writes (and signs) the file even when nothing in it changed.
    func reseal(
        _ plaintext: [UInt8], recipients: [NamedRecipient], rotate: Bool = false, exposing: [String] = [],
        acknowledging: Sealer.Acknowledging? = nil, seq: Int? = nil, rewrite: Bool = false
    ) throws -> [UInt8] {
        guard let writer, let context = sealed.context else {
            preconditionFailure("OpenedFile.reseal needs a writer and a context: open the file with Vault.update")
        }
        return try Sealer.seal(
            plaintext, syntax: syntax, file: file, context: context, recipients: recipients, keys: rotate ? .random() : keys,
            signer: writer, seq: seq ?? sealed.trailer.seq + 1, previous: self, exposing: exposing, acknowledging: acknowledging, rewrite: rewrite)
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
