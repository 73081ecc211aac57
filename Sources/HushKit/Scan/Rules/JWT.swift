// JSON Web Tokens (RFC 7519, in the JWS compact serialisation of RFC 7515): three base64url
// segments, header.payload.signature, where the header is a JSON object that names its
// signing algorithm (`alg`) and the payload is a JSON object of claims.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    /// Both JSON segments start with `{"`, so their base64url starts with `eyJ`: the keyword.
    /// The `eyJ` prefix alone fires on many look-alikes, so a match counts only when the
    /// header decodes to a JSON object with a string `alg` (`JSONWebToken.isCredential`).
    static let jsonWebTokens: [ScanRule] = [
        ScanRule(
            id: "jwt", description: "JSON Web Token (signed)", keywords: ["eyj"],
            pattern: #"(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,}+\.eyJ[A-Za-z0-9_-]{10,}+\.[A-Za-z0-9_-]{16,}+)"# + end,
            confidence: .high,
            validate: { JSONWebToken.isCredential($0) })
    ]
}

/// Checks on JSON Web Tokens, for the `jwt` rule.
///
/// A token is reported when its header is a JSON object with a string `alg` other than
/// `none`, its payload is a JSON object, and its signature has at least 16 characters and is
/// not a documented example or a placeholder. Unsigned tokens (`"alg": "none"`, an empty
/// signature) are not credentials: anyone can write one, and a server that accepts them is
/// broken whatever leaks.
public enum JSONWebToken {
    /// Whether `token` is a signed JWT worth reporting (see the type's documentation).
    public static func isCredential(_ token: some StringProtocol) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count >= 16 else { return false }
        let signature = String(parts[2])
        guard !SecretHeuristics.isKnownExample(signature), !SecretHeuristics.hasPlaceholderMarker(signature) else { return false }
        guard let alg = algorithm(parts[0]), alg.lowercased() != "none" else { return false }
        return object(parts[1]) != nil
    }

    /// The `alg` of a base64url header segment, or nil when the segment is not a JSON object
    /// with a string `alg`.
    public static func algorithm(_ header: some StringProtocol) -> String? {
        guard let fields = object(header), case .string(let alg)? = fields["alg"], !alg.isEmpty else { return nil }
        return alg
    }

    /// A base64url segment decoded and read as a JSON object.
    static func object(_ segment: some StringProtocol) -> [String: JSONValue]? {
        guard let bytes = SecretHeuristics.decodeBase64(segment), bytes.first == UInt8(ascii: "{") else { return nil }
        var reader = JSONReader(bytes)
        guard case .object(let fields)? = try? reader.document() else { return nil }
        return fields
    }
}
