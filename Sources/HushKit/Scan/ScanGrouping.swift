/// One more place where a grouped secret was found (see `ScanFinding.places`).
public struct ScanPlace: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    /// `--history`: the commit that introduced the blob.
    public var commit: String?
    /// How the secret was found there, when encoded (`base64`, `url`).
    public var decoded: String?

    public init(path: String, line: Int, column: Int, commit: String? = nil, decoded: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.commit = commit
        self.decoded = decoded
    }
}

extension ScanFinding {
    /// The finding at its first place and at each of its further places, each without places.
    public var atEachPlace: [ScanFinding] {
        var first = self
        first.places = []
        return [first]
            + places.map { place in
                var copy = first
                (copy.path, copy.line, copy.column, copy.commit, copy.decoded) = (place.path, place.line, place.column, place.commit, place.decoded)
                return copy
            }
    }
}

/// Reports each distinct secret once: findings with the same rule and fingerprint become one
/// finding at their first place, with the others in `places`.
///
/// "First" is the oldest commit in `--history` (the order `git log --reverse --topo-order`
/// gave the blobs; a secret is introduced once and then carried by every later version of its
/// file), else the first path, line and column. A grouped finding's confidence is the
/// highest of its places, so a token found once in code and once in a documentation URL keeps
/// the code's confidence.
enum ScanGrouping {
    /// `commitOrder` ranks commits (lower is older); findings without a commit, or whose commit
    /// it does not name, sort by path.
    static func group(_ findings: [ScanFinding], commitOrder: [String: Int] = [:]) -> [ScanFinding] {
        func rank(_ f: ScanFinding) -> Int { f.commit.flatMap { commitOrder[$0] } ?? Int.max }
        let sorted = findings.sorted {
            let (a, b) = (rank($0), rank($1))
            if a != b { return a < b }
            return ($0.path, $0.line, $0.column, $0.rule) < ($1.path, $1.line, $1.column, $1.rule)
        }
        var index: [String: Int] = [:]
        var groups: [ScanFinding] = []
        for finding in sorted {
            // The fingerprint hashes the rule id too; the rule is in the key for readers.
            let key = finding.rule + "\u{0}" + finding.fingerprint
            guard let at = index[key] else {
                index[key] = groups.count
                groups.append(finding)
                continue
            }
            groups[at].places.append(
                ScanPlace(path: finding.path, line: finding.line, column: finding.column, commit: finding.commit, decoded: finding.decoded))
            groups[at].confidence = max(groups[at].confidence, finding.confidence)
        }
        return groups.sorted { ($0.path, $0.line, $0.column, $0.rule) < ($1.path, $1.line, $1.column, $1.rule) }
    }
}
