/// The SSH wire encoding (RFC 4251 §5) used inside `ssh-ed25519` public key blobs and
/// `openssh-key-v1` private keys: big-endian `uint32`s and length-prefixed strings.
enum SSHWire {
    /// The key type name Hush supports, as it appears in key blobs and `.pub` lines.
    static let ed25519 = "ssh-ed25519"
    static let ed25519PublicKeyLength = 32
    static let ed25519SecretKeyLength = 64

    /// Thrown when a read runs past the end of the buffer or a length is absurd.
    struct Truncated: Error {}

    /// A forward-only reader over a byte buffer. It hands out slices of the caller's buffer and
    /// copies nothing, so a caller that wipes its buffer leaves no secret copies behind.
    struct Reader {
        private let bytes: ArraySlice<UInt8>
        private var offset: Int

        init(_ bytes: [UInt8]) { self.init(bytes[...]) }

        /// Reads a slice in place; the slice shares the array's storage, nothing is copied.
        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            offset = bytes.startIndex
        }

        var isAtEnd: Bool { offset == bytes.endIndex }
        var remaining: ArraySlice<UInt8> { bytes[offset...] }

        mutating func readBytes(_ count: Int) throws(Truncated) -> ArraySlice<UInt8> {
            guard count >= 0, bytes.endIndex - offset >= count else { throw Truncated() }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        mutating func readUInt32() throws(Truncated) -> UInt32 {
            try readBytes(4).reduce(0) { $0 << 8 | UInt32($1) }
        }

        /// A `string`: a `uint32` length then that many bytes.
        mutating func readString() throws(Truncated) -> ArraySlice<UInt8> {
            let length = try readUInt32()
            guard length <= UInt32(Int32.max) else { throw Truncated() }
            return try readBytes(Int(length))
        }

        /// A `string` read as text, for names such as key types and cipher names.
        mutating func readName() throws(Truncated) -> String {
            String(decoding: try readString(), as: UTF8.self)
        }
    }

    /// `bytes` as an SSH `string`.
    static func string(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let n = UInt32(bytes.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + bytes
    }

    /// The public key blob of an Ed25519 key: `string "ssh-ed25519"`, `string key`.
    static func ed25519Blob(publicKey: [UInt8]) -> [UInt8] {
        string(Array(ed25519.utf8)) + string(publicKey)
    }

    /// The key type named at the start of a public key blob, if the blob is long enough to say.
    static func keyType(ofBlob blob: some Collection<UInt8>) -> String? {
        var reader = Reader(Array(blob.prefix(4096)))
        return try? reader.readName()
    }

    /// The 32-byte Ed25519 public key inside an `ssh-ed25519` blob, or nil if the blob is
    /// anything else (another type, a wrong length, trailing bytes).
    static func ed25519PublicKey(fromBlob blob: [UInt8]) -> [UInt8]? {
        var reader = Reader(blob)
        guard let type = try? reader.readName(), type == ed25519,
            let key = try? reader.readString(), key.count == ed25519PublicKeyLength, reader.isAtEnd
        else { return nil }
        return Array(key)
    }
}
