/// Reads an unencrypted Ed25519 key in OpenSSH's own private key format (`openssh-key-v1`,
/// described in OpenSSH's PROTOCOL.key), the default output of `ssh-keygen` since 7.8.
///
/// Layout after Base64-decoding the armored body:
///
///     "openssh-key-v1\0"
///     string ciphername        "none" unless passphrase-protected
///     string kdfname           "none" unless passphrase-protected
///     string kdfoptions
///     uint32 number of keys    Hush accepts exactly 1
///     string public key blob   string "ssh-ed25519", string key (32 bytes)
///     string private section:
///         uint32 check, uint32 check      equal (they tell a wrong passphrase apart)
///         string "ssh-ed25519"
///         string public key               32 bytes
///         string secret key               64 bytes: seed || public key
///         string comment
///         padding 1, 2, 3, …              to a multiple of 8 bytes
enum OpenSSHPrivateKey {
    static let beginMarker = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let endMarker = "-----END OPENSSH PRIVATE KEY-----"
    private static let magic = Array("openssh-key-v1".utf8) + [0]
    /// The block size of the "none" cipher, which the private section is padded to.
    private static let blockSize = 8

    /// The Ed25519 public key and 64-byte secret key of the armored key in `text`.
    static func parse(_ text: String) throws(KeyProblem) -> (publicKey: [UInt8], secretKey: SecretBytes) {
        var body = try armoredBody(text)
        defer { Sodium.wipe(&body) }
        guard var raw = try? Sodium.base64Decode(body, .original) else {
            throw damaged("its base64 body is damaged")
        }
        defer { Sodium.wipe(&raw) }
        do {
            return try parseBinary(raw)
        } catch is SSHWire.Truncated {
            throw damaged("it is truncated")
        } catch let problem as KeyProblem {
            throw problem
        } catch {
            throw damaged("it could not be read")
        }
    }

    /// The Base64 between the armor lines, white space removed.
    private static func armoredBody(_ text: String) throws(KeyProblem) -> [UInt8] {
        let lines = KeyText.lines(text).filter { !$0.text.isEmpty }
        guard lines.first?.text == Substring(beginMarker) else { throw damaged("it does not start with \(beginMarker)") }
        guard let end = lines.firstIndex(where: { $0.text == Substring(endMarker) }) else {
            throw damaged("its \(endMarker) line is missing")
        }
        guard end == lines.count - 1 else { throw damaged("there is text after \(endMarker)") }
        return lines[1..<end].flatMap { $0.text.utf8 }
    }

    private static func parseBinary(_ raw: [UInt8]) throws -> (publicKey: [UInt8], secretKey: SecretBytes) {
        var reader = SSHWire.Reader(raw)
        guard try reader.readBytes(magic.count).elementsEqual(magic) else { throw damaged("it is not an openssh-key-v1 key") }
        let cipher = try reader.readName()
        let kdf = try reader.readName()
        _ = try reader.readString()  // kdfoptions: salt and rounds, only used with a passphrase
        let count = try reader.readUInt32()
        guard count == 1 else {
            throw KeyProblem(
                message: "the SSH key file holds \(count) keys; Hush needs exactly one",
                hint: "use a file with a single ssh-ed25519 key")
        }
        let publicBlob = try reader.readString()
        // The public part is never encrypted, so an unsupported type is reported even for a
        // passphrase-protected key: removing the passphrase would not help.
        let type = SSHWire.keyType(ofBlob: publicBlob) ?? ""
        guard type == SSHWire.ed25519 else { throw KeyProblem.unsupportedSSH(type: Substring(type)) }
        guard cipher == "none", kdf == "none" else { throw passphraseProtected }
        guard let publicKey = SSHWire.ed25519PublicKey(fromBlob: Array(publicBlob)) else {
            throw damaged("its public key is damaged")
        }
        let privateSection = try reader.readString()
        guard reader.isAtEnd, privateSection.count % blockSize == 0 else { throw damaged("its length is wrong") }

        var section = SSHWire.Reader(privateSection)
        guard try section.readUInt32() == section.readUInt32() else {
            throw damaged("its check numbers differ")
        }
        guard try section.readName() == SSHWire.ed25519,
            try section.readString().elementsEqual(publicKey)
        else { throw damaged("its private part does not match its public key") }
        let secret = try section.readString()
        // OpenSSH stores the Ed25519 secret key as seed || public key.
        guard secret.count == SSHWire.ed25519SecretKeyLength, secret.suffix(32).elementsEqual(publicKey) else {
            throw damaged("its private part does not match its public key")
        }
        _ = try section.readString()  // comment
        guard section.remaining.elementsEqual((0..<section.remaining.count).map { UInt8($0 + 1) }) else {
            throw damaged("its padding is wrong")
        }
        let secretKey = SecretBytes(count: secret.count) { out in
            secret.withUnsafeBytes { out.copyMemory(from: $0) }
        }
        return (publicKey, secretKey)
    }

    static let passphraseProtected = KeyProblem(
        message: "this SSH key is protected by a passphrase",
        hint: "Hush cannot use a passphrase-protected SSH key; create a Hush identity with `hush keygen` "
            + "and add its recipient, or remove the passphrase on a copy with `ssh-keygen -p`")

    private static func damaged(_ why: String) -> KeyProblem {
        KeyProblem(
            message: "not a valid OpenSSH private key: \(why)",
            hint: "check the file is complete; `ssh-keygen -y -f FILE` tells whether OpenSSH can read it")
    }
}
