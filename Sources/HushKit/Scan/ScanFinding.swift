/// One thing `hush scan` reports. It never holds the secret itself: only a redacted prefix and
/// a fingerprint (a hash of rule id and secret) that baselines key on.
public struct ScanFinding: Sendable, Equatable {
    /// The rule's id: a provider rule, `hush-vault-value`, or a structure check
    /// (`hush-unsealed-secrets-file`, `hush-plaintext-dotenv`).
    public var rule: String
    /// What was found, for people (the rule's description, or what the check found).
    public var message: String
    /// Path relative to the repository root (git modes) or as given (path mode).
    public var path: String
    /// 1-based line and column (the column counts Unicode code points).
    public var line: Int
    public var column: Int
    /// At most the first 4 characters of the secret (and at most a third of it), then `…`.
    public var redacted: String
    /// Lower-case hex SHA-256 of the rule id, a NUL byte and the secret.
    public var fingerprint: String
    /// `--history`: the commit that introduced the blob.
    public var commit: String?
    /// `hush-vault-value`: the environment, key and form (`plain`, `base64`, `url`) found.
    public var environment: String?
    public var key: String?
    public var form: String?
    /// How sure the scan is: the rule's confidence, lowered by weak context (see
    /// `ScanContext`); for a grouped secret, the highest of its places.
    public var confidence: ScanConfidence
    /// How the secret was found inside encoded text: `base64`, `url`, or both outermost first
    /// (`base64+url`); nil when it was in the clear. The line and column are the encoded
    /// segment's.
    public var decoded: String?
    /// Further places where the same secret (rule and fingerprint) was found, after this one
    /// (see `ScanGrouping`): in `--history` later commits, in a tree later paths.
    public var places: [ScanPlace] = []

    /// How many places hold this secret: this one and `places`.
    public var count: Int { 1 + places.count }

    public init(
        rule: String, message: String, path: String, line: Int, column: Int, redacted: String, fingerprint: String, commit: String? = nil,
        environment: String? = nil, key: String? = nil, form: String? = nil, confidence: ScanConfidence = .high, decoded: String? = nil
    ) {
        self.rule = rule
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.redacted = redacted
        self.fingerprint = fingerprint
        self.commit = commit
        self.environment = environment
        self.key = key
        self.form = form
        self.confidence = confidence
        self.decoded = decoded
    }

    /// Rule ids of the checks that are not provider rules.
    public static let vaultValueRule = "hush-vault-value"
    public static let unsealedSecretsRule = "hush-unsealed-secrets-file"
    public static let plaintextDotenvRule = "hush-plaintext-dotenv"

    /// The fingerprint of a vault value: keyed BLAKE2b-256 under the environment's fingerprint
    /// key (derived from its data key) over `lp(rule) || secret`, in hex. Only a holder of that
    /// data key can compute it, so a committed baseline confirms no guess of a weak value. It
    /// changes when the data key is rotated (when the value is exposed anyway).
    static func keyedFingerprint(rule: String, secret: some Collection<UInt8>, key: SecretBytes) -> String {
        var hash = KeyedHash(key: key)
        hash.updateLengthPrefixed(Array(rule.utf8))
        hash.update(secret)
        return hex(hash.finalize())
    }

    /// The fingerprint of `secret` under `rule`: SHA-256 over `rule`, NUL, `secret`, in hex.
    /// A hash rather than the secret, so that a baseline can be committed; like any unsalted
    /// hash it can confirm a guess of a weak secret, so baselines are for high-entropy tokens.
    static func fingerprint(rule: String, secret: some Collection<UInt8>) -> String {
        var input = Array(rule.utf8)
        input.append(0)
        input += secret
        let digest = SHA256.hash(input)
        Sodium.wipe(&input)
        return hex(digest)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// At most the first 4 characters of `secret` and at most a third of them, then `…`.
    static func redact(_ secret: some Collection<UInt8>) -> String {
        let text = String(decoding: secret, as: UTF8.self)
        let count = text.count
        let shown = min(4, count / 3)
        return String(text.prefix(shown)) + "…"
    }
}

/// Counts of what one scan read and left out.
public struct ScanStatistics: Sendable, Equatable {
    /// Files (or blobs) scanned for secrets.
    public var files = 0
    /// Bytes scanned.
    public var bytes = 0
    /// Files left out: binary (a NUL byte in the first 8 KiB), over the size limit, excluded by
    /// the configuration, or unreadable (gone since git listed them, a folder, a socket).
    public var skippedBinary = 0
    public var skippedLarge = 0
    public var skippedExcluded = 0
    public var skippedUnreadable = 0
    /// Findings dropped by inline markers and by the baseline.
    public var suppressedInline = 0
    public var suppressedBaseline = 0
    /// Regex matches abandoned at PCRE2's backtracking limit (pathological input).
    public var regexLimits = 0
    /// Encoded segments decoded and scanned again, and the decoded bytes (see `ScanDecoding`).
    public var decodedSegments = 0
    public var decodedBytes = 0
    /// Findings left out by `--min-confidence`.
    public var belowConfidence = 0
    /// Vault environments whose values were checked, and those the caller cannot open.
    public var environmentsOpened = 0
    public var environmentsSkipped = 0
    /// Wall time of the whole scan, in seconds.
    public var seconds = 0.0

    public init() {}

    mutating func add(_ other: ScanStatistics) {
        files += other.files
        bytes += other.bytes
        skippedBinary += other.skippedBinary
        skippedLarge += other.skippedLarge
        skippedExcluded += other.skippedExcluded
        skippedUnreadable += other.skippedUnreadable
        suppressedInline += other.suppressedInline
        suppressedBaseline += other.suppressedBaseline
        regexLimits += other.regexLimits
        decodedSegments += other.decodedSegments
        decodedBytes += other.decodedBytes
        belowConfidence += other.belowConfidence
    }

    public var skipped: Int { skippedBinary + skippedLarge + skippedExcluded + skippedUnreadable }
}
