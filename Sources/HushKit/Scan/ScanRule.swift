/// One detection rule of `hush scan`: a literal prefilter plus an exact pattern.
///
/// The engine only runs `pattern` near places where one of `keywords` occurs (compared
/// case-insensitively), so every rule must name at least one literal that every true match
/// contains or is next to (a token prefix like `ghp_`, or an assignment name like `password`).
/// Rules are written from the providers' documented token formats.
public struct ScanRule: Sendable {
    /// Stable id used in output, baselines and suppressions, e.g. `github-classic-token`.
    public let id: String
    /// What it finds, for people: `GitHub personal access token (classic)`.
    public let description: String
    /// Lower-case literals; a line (or the window the engine checks) must contain one of them.
    public let keywords: [String]
    /// PCRE2 syntax. The secret is the named group `secret` when present, else the whole match.
    public let pattern: String
    /// Minimum Shannon entropy (bits per character) of the secret, if any.
    public let minEntropy: Double?
    /// Extra check on the secret (a checksum, a placeholder filter); nil accepts every match.
    public let validate: (@Sendable (String) -> Bool)?
    /// How sure a match of this rule is (see `ScanConfidence`); context may lower it per finding.
    public let confidence: ScanConfidence
    /// The check used instead of `validate` when the secret was quoted (a quote right before
    /// it): `"*NmkvbRlv1Da"` is a literal where an unquoted `*alias` is a YAML alias.
    public let validateQuoted: (@Sendable (String) -> Bool)?
    /// The confidence of a match in a dotenv file (`.env`, `.env.production`), where a
    /// committed value is the classic leak; nil keeps `confidence`.
    public let dotenvConfidence: ScanConfidence?
    /// True for a rule that only reports in dotenv files (values that are too often something
    /// else in code, like a bare word).
    public let dotenvOnly: Bool
    /// For a rule that spans lines: how many bytes past the keyword its match may reach (the
    /// engine runs it to the end of the line there); nil for the engine's 16 KB.
    public let span: Int?

    public init(
        id: String, description: String, keywords: [String], pattern: String, minEntropy: Double? = nil,
        confidence: ScanConfidence = .high, validate: (@Sendable (String) -> Bool)? = nil,
        validateQuoted: (@Sendable (String) -> Bool)? = nil, dotenvConfidence: ScanConfidence? = nil, dotenvOnly: Bool = false,
        span: Int? = nil
    ) {
        self.id = id
        self.description = description
        self.keywords = keywords
        self.pattern = pattern
        self.minEntropy = minEntropy
        self.validate = validate
        self.confidence = confidence
        self.validateQuoted = validateQuoted
        self.dotenvConfidence = dotenvConfidence
        self.dotenvOnly = dotenvOnly
        self.span = span
    }
}
