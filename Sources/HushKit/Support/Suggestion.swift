/// "Did you mean …?" for mistyped names: the closest candidate by edit distance, when it is
/// close enough to be a typo rather than another name.
public enum Suggestion {
    /// The candidate nearest `word` (Levenshtein distance at most 2, and at most a third of its
    /// length), or nil.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let d = distance(target, Array(candidate.lowercased().unicodeScalars))
            if d <= 2, d <= max(1, target.count / 3), best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.name
    }

    /// ` (did you mean NAME?)`, or nothing.
    public static func phrase(_ word: String, _ candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { " (did you mean \($0)?)" } ?? ""
    }

    private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
