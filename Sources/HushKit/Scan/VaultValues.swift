/// The vault's own values as literals for `hush scan`: every value of 8 or more characters of
/// every environment the caller can open, as written, in standard base64 and percent-encoded.
/// A value found verbatim in scanned content is a leak no pattern could recognise.
enum VaultValues {
    static let minimumLength = 8

    /// Literals of every environment `vault` opens; environments it cannot open (no key, not a
    /// recipient, damaged) are counted in `skipped` and otherwise ignored.
    static func literals(_ vault: Vault) -> (literals: [VaultLiteral], opened: Int, skipped: Int) {
        let environments = vault.repository.environments()
        guard !environments.isEmpty else { return ([], 0, 0) }
        guard let identities = try? vault.identities(), !identities.isEmpty else { return ([], 0, environments.count) }
        var literals: [VaultLiteral] = []
        var seen = Set<[UInt8]>()
        var opened = 0
        for env in environments {
            guard let file = try? vault.open(env, quiet: true) else { continue }
            opened += 1
            let fingerprintKey = file.keys.fingerprintKey
            for leaf in file.outline.leaves {
                for literal in forms(leaf.value, environment: env.name, key: KeyPath.display(leaf.path), fingerprintKey: fingerprintKey)
                where seen.insert(literal.bytes).inserted {
                    literals.append(literal)
                }
            }
        }
        return (literals, opened, environments.count - opened)
    }

    /// The forms of one value worth looking for; none when it is shorter than 8 characters.
    static func forms(_ value: String, environment: String, key: String, fingerprintKey: SecretBytes) -> [VaultLiteral] {
        guard value.count >= minimumLength else { return [] }
        func literal(_ form: String, _ bytes: [UInt8]) -> VaultLiteral {
            VaultLiteral(environment: environment, key: key, form: form, bytes: bytes, fingerprintKey: fingerprintKey)
        }
        let plain = Array(value.utf8)
        var result = [literal("plain", plain)]
        var base64 = Array(Sodium.base64Encode(plain, .original).utf8)
        while base64.last == UInt8(ascii: "=") { base64.removeLast() }
        result.append(literal("base64", base64))
        let encoded = percentEncoded(plain)
        if encoded != plain { result.append(literal("url", encoded)) }
        return result
    }

    /// RFC 3986 percent-encoding: every byte but the unreserved `A-Z a-z 0-9 - . _ ~` becomes
    /// `%XX` (upper-case hex, as `encodeURIComponent` and most libraries write it).
    static func percentEncoded(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return out
    }
}
