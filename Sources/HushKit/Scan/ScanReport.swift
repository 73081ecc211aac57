/// How `hush scan` prints its findings.
public enum ScanFormat: String, Sendable, CaseIterable {
    /// `file:line:col  rule  redacted`, one finding per line.
    case text
    /// JSON lines: one object per finding.
    case json
    /// SARIF 2.1.0, as GitHub code scanning reads it.
    case sarif
}

/// Renders findings; never prints a secret, only its redacted prefix and fingerprint.
public enum ScanReport {
    public static func render(_ findings: [ScanFinding], format: ScanFormat, rules: [ScanRule]) -> String {
        switch format {
        case .text: return text(findings)
        case .json: return jsonLines(findings)
        case .sarif: return sarif(findings, rules: rules)
        }
    }

    /// `path:line:col  rule  redacted  (what)`; `--history` adds the commit.
    public static func text(_ findings: [ScanFinding]) -> String {
        var out = ""
        for f in findings {
            out += "\(f.path):\(f.line):\(f.column)  \(f.rule)"
            if !f.redacted.isEmpty { out += "  \(f.redacted)" }
            out += "  (\(f.message))"
            if let commit = f.commit { out += "  commit \(commit.prefix(12))" }
            out += "\n"
        }
        return out
    }

    /// One JSON object per line: file, line, column, rule, message, redacted, fingerprint, and
    /// commit, environment, key and form when they apply.
    public static func jsonLines(_ findings: [ScanFinding]) -> String {
        var out = ""
        for f in findings {
            var fields: [(String, String)] = [
                ("file", JSONTree.quote(f.path)), ("line", String(f.line)), ("column", String(f.column)), ("rule", JSONTree.quote(f.rule)),
                ("message", JSONTree.quote(f.message)), ("redacted", JSONTree.quote(f.redacted)), ("fingerprint", JSONTree.quote(f.fingerprint)),
            ]
            if let commit = f.commit { fields.append(("commit", JSONTree.quote(commit))) }
            if let env = f.environment { fields.append(("environment", JSONTree.quote(env))) }
            if let key = f.key { fields.append(("key", JSONTree.quote(key))) }
            if let form = f.form { fields.append(("form", JSONTree.quote(form))) }
            out += "{" + fields.map { "\(JSONTree.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}\n"
        }
        return out
    }

    static let sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// SARIF 2.1.0 with the fields GitHub code scanning reads: one run, the tool's rules (those
    /// that have results), and per result its rule, message, location (repository-relative
    /// URI, start line and column in code points) and a partial fingerprint from the rule and
    /// secret hash, so alerts follow a secret when lines move.
    public static func sarif(_ findings: [ScanFinding], rules: [ScanRule]) -> String {
        var descriptions: [String: String] = [:]
        for rule in rules where descriptions[rule.id] == nil { descriptions[rule.id] = rule.description }
        for (id, text) in ScanFileNameRules.descriptions where descriptions[id] == nil { descriptions[id] = text }
        descriptions[ScanFinding.vaultValueRule] = "A value of the Hush vault, in the clear"
        descriptions[ScanFinding.unsealedSecretsRule] = "A file under .secrets/ that is not a sound sealed Hush file"
        descriptions[ScanFinding.plaintextDotenvRule] = "A tracked .env file that is not sealed by Hush"
        var ruleIDs: [String] = []
        var ruleIndex: [String: Int] = [:]
        for f in findings where ruleIndex[f.rule] == nil {
            ruleIndex[f.rule] = ruleIDs.count
            ruleIDs.append(f.rule)
        }
        let ruleObjects = ruleIDs.map { id -> String in
            let text = JSONTree.quote(descriptions[id] ?? id)
            return "{\"id\":\(JSONTree.quote(id)),\"name\":\(JSONTree.quote(id)),\"shortDescription\":{\"text\":\(text)},"
                + "\"fullDescription\":{\"text\":\(text)},\"defaultConfiguration\":{\"level\":\"error\"},"
                + "\"properties\":{\"tags\":[\"security\",\"secret\"],\"precision\":\"high\",\"security-severity\":\"8.0\"}}"
        }
        let results = findings.map { f -> String in
            var message = f.message
            if !f.redacted.isEmpty && f.redacted != "…" { message += " (\(f.redacted))" }
            if let commit = f.commit { message += " in commit \(commit)" }
            return "{\"ruleId\":\(JSONTree.quote(f.rule)),\"ruleIndex\":\(ruleIndex[f.rule]!),\"level\":\"error\","
                + "\"message\":{\"text\":\(JSONTree.quote(message))},"
                + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\(JSONTree.quote(uri(f.path))),\"uriBaseId\":\"%SRCROOT%\"},"
                + "\"region\":{\"startLine\":\(f.line),\"startColumn\":\(f.column)}}}],"
                + "\"partialFingerprints\":{\"hushSecret/v1\":\(JSONTree.quote(f.fingerprint))}}"
        }
        return "{\"version\":\"2.1.0\",\"$schema\":\(JSONTree.quote(sarifSchema)),\"runs\":[{"
            + "\"tool\":{\"driver\":{\"name\":\"hush\",\"semanticVersion\":\(JSONTree.quote(HushVersion.release)),"
            + "\"rules\":[\(ruleObjects.joined(separator: ","))]}},"
            + "\"columnKind\":\"unicodeCodePoints\","
            + "\"results\":[\(results.joined(separator: ","))]}]}\n"
    }

    /// A relative URI reference for a path: `/`-separated, each byte outside RFC 3986's
    /// unreserved and sub-delimiter sets (and `:`, which would read as a scheme) percent-encoded.
    static func uri(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "$"),
                UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
                UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        var text = String(decoding: out, as: UTF8.self)
        while text.hasPrefix("./") { text.removeFirst(2) }
        return text
    }
}
