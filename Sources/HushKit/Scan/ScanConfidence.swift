/// How sure `hush scan` is that a finding is a live secret.
///
/// - `high`: the token's own format proves what it is (a provider prefix with a checksum or a
///   fixed length and alphabet, a private key block, a vault value).
/// - `medium`: the shape fits and the context names the service or a password-like name, but
///   the token has no self-identifying prefix (keyword-context and assignment rules).
/// - `low`: a weak signal kept for review (a low-entropy password literal, a token inside a
///   documentation URL, a decoded segment whose source text was not itself a token).
///
/// Ordered: `low < medium < high`, so `--min-confidence medium` keeps `medium` and `high`.
public enum ScanConfidence: String, Sendable, Comparable, CaseIterable, Codable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (a: ScanConfidence, b: ScanConfidence) -> Bool { a.rank < b.rank }

    /// One level lower (a downgrade for weak context), `low` stays `low`.
    public var lowered: ScanConfidence {
        switch self {
        case .high: .medium
        case .medium, .low: .low
        }
    }
}
