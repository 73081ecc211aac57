// Private keys: PEM (PKCS#1, PKCS#8, SEC1, encrypted), OpenSSH, PGP, PuTTY, SSH2, age.
// PKCS#12 files (.p12, .pfx) are binary and matched by name: see `ScanFileNameRules`.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    /// Between a key's header line and its first base64 line: line ends (real ones, or `\n`
    /// escaped inside a JSON or code string), and RFC 1421 / RFC 4880 header lines such as
    /// `Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`, `Version: GnuPG v2`, `Comment: …`.
    static let keyGap = #"(?:\\r|\\n|\r|\n|[ \t"'+])+(?:[A-Za-z-]{2,20}:[^\r\n\\]{0,200}(?:\\r|\\n|\r|\n|[ \t"'+])+){0,4}"#

    /// A key block rule: the header, the gap, then the first 40 or more base64 characters of
    /// the body (a header alone, as in code that looks for it, does not match). The secret runs
    /// from the header, so a finding points at the header line; the check reads the body.
    static func keyBlock(_ id: String, _ description: String, keywords: [String], header: String) -> ScanRule {
        ScanRule(
            id: id, description: description, keywords: keywords,
            pattern: #"(?<secret>"# + header + keyGap + #"[A-Za-z0-9+/=]{40,})"#,
            validate: { SecretHeuristics.isPlausibleKeyMaterial(SecretHeuristics.trailingBase64($0)) })
    }

    static let privateKeys: [ScanRule] = [
        keyBlock(
            "private-key-pem", "PEM private key (PKCS#1 RSA, PKCS#8, EC, DSA, encrypted)", keywords: ["private key-----"],
            header: #"-----BEGIN (?:(?:RSA|EC|DSA|ENCRYPTED|ED25519|ED448|X25519|X448) )?PRIVATE KEY-----"#),
        keyBlock(
            "openssh-private-key", "OpenSSH private key", keywords: ["-----begin openssh private key-----"],
            header: #"-----BEGIN OPENSSH PRIVATE KEY-----"#),
        keyBlock(
            "pgp-private-key", "PGP (OpenPGP, GnuPG) private key block", keywords: ["-----begin pgp private key block-----"],
            header: #"-----BEGIN PGP PRIVATE KEY BLOCK-----"#),
        keyBlock(
            "ssh2-private-key", "SSH2 (RFC 4716 style, ssh.com) private key", keywords: ["begin ssh2 encrypted private key", "begin ssh2 private key"],
            header: #"---- BEGIN SSH2 (?:ENCRYPTED )?PRIVATE KEY ----"#),
        // PuTTY .ppk: the private part follows its "Private-Lines: N" line.
        keyBlock(
            "putty-private-key", "PuTTY private key (.ppk)", keywords: ["private-lines:"],
            header: #"Private-Lines: [0-9]{1,3}"#),
        // age identities: Bech32 with the human-readable part AGE-SECRET-KEY- and 32 bytes of key.
        ScanRule(
            id: "age-secret-key", description: "age secret key (identity)", keywords: ["age-secret-key-1"],
            pattern: start + #"(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])"#,
            validate: { SecretHeuristics.isAgeSecretKey($0) }),
        // PEM blocks that hold key material for a private key share: a certificate's key in a
        // JSON key file, e.g. App Store Connect .p8 contents or a service-account "private_key".
        ScanRule(
            id: "json-private-key-field", description: "Private key in a JSON field (\"private_key\": \"-----BEGIN …\")",
            keywords: ["\"private_key\"", "\"privatekey\""],
            pattern: #""(?i:private_?key)"[ \t]*:[ \t]*"(?<secret>[A-Za-z0-9+/=]{200,})""#,
            validate: { SecretHeuristics.isPlausibleKeyMaterial($0) }),
    ]
}

extension SecretHeuristics {
    /// The run of base64 characters `text` ends with: the body part of a key block match.
    public static func trailingBase64(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        var start = bytes.count
        while start > 0, isAlphanumeric(bytes[start - 1]) || [0x2B, 0x2F, 0x3D].contains(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// An age identity whose Bech32 checksum verifies; one that does not (hand-made, truncated)
    /// is still reported when its data part looks random, as for the other checksummed formats.
    public static func isAgeSecretKey(_ text: some StringProtocol) -> Bool {
        if (try? Bech32.decodeWords(text)) != nil { return true }
        let data = String(text.dropFirst("AGE-SECRET-KEY-1".count))
        return isPlausibleToken(data)
    }
}
