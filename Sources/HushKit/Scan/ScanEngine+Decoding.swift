extension ScanEngine {
    /// A match inside decoded text: the secret's bytes (decoded), the encoded segment of the
    /// scanned buffer it came from, and how it was decoded (`base64`, `url`, `base64+url`).
    struct DecodedMatch {
        var rule: Int
        var secret: [UInt8]
        var segment: Range<Int>
        var how: String
        /// The secret was inside a URL in the decoded text (see `ScanContext`).
        var inURL: Bool
    }

    /// Decodes the segments around the decoding triggers `hits` (from the last `matches` over
    /// `bytes`) and matches every rule and vault literal in the decoded text, then decodes that
    /// text's own triggers while `depth` allows. `budget`: decoded bytes left for this file.
    func decodedMatches(
        in bytes: UnsafeBufferPointer<UInt8>, hits: [Candidate], worker: ScanWorker, depth: Int, budget: inout Int
    ) -> [DecodedMatch] {
        guard decodes, !hits.isEmpty, depth <= ScanDecoding.maximumDepth else { return [] }
        var out: [DecodedMatch] = []
        // Hits come in order of their end; one segment covers every later hit inside it.
        var done = 0
        for hit in hits {
            guard budget > 0 else { break }
            let id = Int(hit.rule)
            let literal = (hit.at - automaton.lengths[triggerBase + id])..<hit.at
            guard literal.lowerBound >= done else { continue }
            let trigger = ScanDecoding.triggers[id].trigger
            guard let (windows, runEnd) = ScanDecoding.segment(bytes, literal: literal, trigger: trigger, after: done) else { continue }
            var found: (window: Range<Int>, text: [UInt8])?
            for candidate in windows {
                let window = candidate.lowerBound..<min(candidate.upperBound, candidate.lowerBound + budget * 4 / 3 + 4)
                if Self.insideSealedToken(bytes, window) { break }
                if let text = ScanDecoding.decode(UnsafeBufferPointer(rebasing: bytes[window]), kind: trigger) {
                    found = (window, text)
                    break
                }
            }
            guard let (window, decoded) = found else {
                // Not text in any alignment: the rest of the run is the same data.
                done = max(done, runEnd)
                continue
            }
            done = max(done, window.upperBound)
            budget -= decoded.count
            worker.statistics.decodedSegments += 1
            worker.statistics.decodedBytes += decoded.count
            let how = trigger.kind.name
            decoded.withUnsafeBufferPointer { text in
                for match in matches(in: text, worker: worker) {
                    let inURL = ScanContext.insideURL(text, at: match.secret.lowerBound)
                    out.append(DecodedMatch(rule: match.rule, secret: Array(text[match.secret]), segment: window, how: how, inURL: inURL))
                }
                let inner = worker.triggerHits
                for match in decodedMatches(in: text, hits: inner, worker: worker, depth: depth + 1, budget: &budget) {
                    out.append(DecodedMatch(rule: match.rule, secret: match.secret, segment: window, how: how + "+" + match.how, inURL: match.inURL))
                }
            }
        }
        return out
    }
}
