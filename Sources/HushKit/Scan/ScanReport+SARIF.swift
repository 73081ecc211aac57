extension ScanConfidence {
    /// The SARIF `level` of a finding of this confidence: `error`, `warning` or `note`.
    public var sarifLevel: String {
        switch self {
        case .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }
}

extension ScanReport {
    static let sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// SARIF caps `relatedLocations` (GitHub reads at most 1,000 per result).
    static let sarifRelatedLimit = 1000

    /// SARIF 2.1.0 with the fields GitHub code scanning reads: one run, the tool's rules (those
    /// that have results, each with the default level of its confidence), and one result per
    /// distinct secret: its rule, level (from its confidence), message (with the number of
    /// places), first location (repository-relative URI, start line and column in code points)
    /// and `partialFingerprints` (`hushSecret/v1`: the rule and secret hash), so that an alert
    /// follows its secret when lines move and is the same alert on the next run. With
    /// `allPlaces`, the further places are `relatedLocations`.
    public static func sarif(_ findings: [ScanFinding], rules: [ScanRule], allPlaces: Bool = false) -> String {
        var descriptions: [String: (text: String, confidence: ScanConfidence)] = [:]
        for rule in rules where descriptions[rule.id] == nil { descriptions[rule.id] = (rule.description, rule.confidence) }
        for (id, text) in ScanFileNameRules.descriptions where descriptions[id] == nil { descriptions[id] = (text, .high) }
        descriptions[ScanFinding.vaultValueRule] = ("A value of the Hush vault, in the clear", .high)
        descriptions[ScanFinding.unsealedSecretsRule] = ("A file under .secrets/ that is not a sound sealed Hush file", .high)
        descriptions[ScanFinding.plaintextDotenvRule] = ("A tracked .env file that is not sealed by Hush", .high)
        var ruleIDs: [String] = []
        var ruleIndex: [String: Int] = [:]
        for f in findings where ruleIndex[f.rule] == nil {
            ruleIndex[f.rule] = ruleIDs.count
            ruleIDs.append(f.rule)
        }
        let ruleObjects = ruleIDs.map { id -> String in
            let (description, confidence) = descriptions[id] ?? (id, .high)
            let text = JSONTree.quote(description)
            return "{\"id\":\(JSONTree.quote(id)),\"name\":\(JSONTree.quote(id)),\"shortDescription\":{\"text\":\(text)},"
                + "\"fullDescription\":{\"text\":\(text)},\"defaultConfiguration\":{\"level\":\"\(confidence.sarifLevel)\"},"
                + "\"properties\":{\"tags\":[\"security\",\"secret\"],\"precision\":\"\(confidence.rawValue)\",\"security-severity\":\"8.0\"}}"
        }
        let results = findings.map { f -> String in
            var message = f.message
            if !f.redacted.isEmpty && f.redacted != "…" { message += " (\(f.redacted))" }
            if let commit = f.commit { message += " in commit \(commit)" }
            if !f.places.isEmpty { message += "; found in \(f.count) places" }
            var result =
                "{\"ruleId\":\(JSONTree.quote(f.rule)),\"ruleIndex\":\(ruleIndex[f.rule]!),\"level\":\"\(f.confidence.sarifLevel)\","
                + "\"message\":{\"text\":\(JSONTree.quote(message))},"
                + "\"locations\":[\(location(f.path, line: f.line, column: f.column))],"
            if allPlaces && !f.places.isEmpty {
                let related = f.places.prefix(sarifRelatedLimit).enumerated().map { i, place -> String in
                    var text = "also here"
                    if let commit = place.commit { text += " (commit \(commit))" }
                    return "{\"id\":\(i + 1),\"physicalLocation\":\(physical(place.path, line: place.line, column: place.column)),"
                        + "\"message\":{\"text\":\(JSONTree.quote(text))}}"
                }
                result += "\"relatedLocations\":[\(related.joined(separator: ","))],"
            }
            return result + "\"partialFingerprints\":{\"hushSecret/v1\":\(JSONTree.quote(f.fingerprint))},"
                + "\"properties\":{\"confidence\":\(JSONTree.quote(f.confidence.rawValue)),\"count\":\(f.count)}}"
        }
        return "{\"version\":\"2.1.0\",\"$schema\":\(JSONTree.quote(sarifSchema)),\"runs\":[{"
            + "\"tool\":{\"driver\":{\"name\":\"hush\",\"semanticVersion\":\(JSONTree.quote(HushVersion.release)),"
            + "\"rules\":[\(ruleObjects.joined(separator: ","))]}},"
            + "\"columnKind\":\"unicodeCodePoints\","
            + "\"results\":[\(results.joined(separator: ","))]}]}\n"
    }

    private static func physical(_ path: String, line: Int, column: Int) -> String {
        "{\"artifactLocation\":{\"uri\":\(JSONTree.quote(uri(path))),\"uriBaseId\":\"%SRCROOT%\"},"
            + "\"region\":{\"startLine\":\(line),\"startColumn\":\(column)}}"
    }

    private static func location(_ path: String, line: Int, column: Int) -> String {
        "{\"physicalLocation\":\(physical(path, line: line, column: column))}"
    }
}
