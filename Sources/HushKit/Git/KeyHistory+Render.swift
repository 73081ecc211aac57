/// `hush log`'s text output.
extension KeyHistory {
    /// The changes as text: per commit a header line, then one indented line per change.
    public static func render(_ commits: [Commit]) -> String {
        var out = ""
        let width = commits.flatMap(\.changes).map(\.env.count).max() ?? 0
        for commit in commits where !commit.changes.isEmpty {
            out += "\(commit.shortHash) \(commit.date) \(commit.author)  \(commit.subject)\n"
            for change in commit.changes {
                out += "    \(change.env.padding(width))  "
                switch (change.kind, change.key) {
                case (.unreadable, _):
                    out += "not a readable sealed file in this commit: \(change.note ?? "")\n"
                    continue
                case (.resealed, nil):
                    out += "all values re-sealed (new data key)\n"
                    continue
                case (.acknowledged, _):
                    out += "acknowledged " + TerminalSafe.escape(change.key ?? "") + " as not secret (\(TerminalSafe.escape(change.note ?? "")))\n"
                    continue
                default:
                    out += change.kind.rawValue.padding(9) + " " + TerminalSafe.escape(change.key ?? "")
                }
                if let value = change.value { out += (change.kind == .removed ? " (was \(show(value)))" : " = \(show(value))") }
                if let previous = change.previous { out += " (was \(show(previous)))" }
                out += "\n"
            }
        }
        return out
    }

    /// A value in double quotes with `\\`, `\"` and control characters escaped, so that every
    /// value is one unambiguous line.
    static func show(_ value: Value) -> String {
        switch value {
        case .sealed: return "<sealed>"
        case .damaged: return "<damaged>"
        case .text(let text):
            return KeyDiff.quoted(text)
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
