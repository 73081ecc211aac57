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
///
/// Findings are grouped (one per distinct secret, see `ScanGrouping`): every format gives the
/// number of places; with `allPlaces` it lists the further ones too.
public enum ScanReport {
    public static func render(_ findings: [ScanFinding], format: ScanFormat, rules: [ScanRule], allPlaces: Bool = false) -> String {
        switch format {
        case .text: return text(findings, allPlaces: allPlaces)
        case .json: return jsonLines(findings, allPlaces: allPlaces)
        case .sarif: return sarif(findings, rules: rules, allPlaces: allPlaces)
        }
    }

    /// `path:line:col  rule  redacted  (what)  [confidence]`; `--history` adds the commit, a
    /// secret found in more places `+N more places`, and `allPlaces` one `  also …` line each.
    public static func text(_ findings: [ScanFinding], allPlaces: Bool = false) -> String {
        var out = ""
        for f in findings {
            out += "\(f.path):\(f.line):\(f.column)  \(f.rule)"
            if !f.redacted.isEmpty { out += "  \(f.redacted)" }
            out += "  (\(f.message))  [\(f.confidence.rawValue)]"
            if let commit = f.commit { out += "  commit \(commit.prefix(12))" }
            if !f.places.isEmpty { out += "  +\(f.places.count) more place\(f.places.count == 1 ? "" : "s")" }
            out += "\n"
            guard allPlaces else { continue }
            for place in f.places {
                out += "  also \(place.path):\(place.line):\(place.column)"
                if let decoded = place.decoded { out += "  (\(decoded)-decoded)" }
                if let commit = place.commit { out += "  commit \(commit.prefix(12))" }
                out += "\n"
            }
        }
        return out
    }

    /// One JSON object per line: file, line, column, rule, message, redacted, fingerprint,
    /// confidence, count (places holding the secret), and commit, environment, key, form and
    /// decoded when they apply; `allPlaces` adds `places` (the further ones).
    public static func jsonLines(_ findings: [ScanFinding], allPlaces: Bool = false) -> String {
        var out = ""
        for f in findings {
            var fields: [(String, String)] = [
                ("file", JSONTree.quote(f.path)), ("line", String(f.line)), ("column", String(f.column)), ("rule", JSONTree.quote(f.rule)),
                ("message", JSONTree.quote(f.message)), ("redacted", JSONTree.quote(f.redacted)), ("fingerprint", JSONTree.quote(f.fingerprint)),
                ("confidence", JSONTree.quote(f.confidence.rawValue)), ("count", String(f.count)),
            ]
            if let commit = f.commit { fields.append(("commit", JSONTree.quote(commit))) }
            if let env = f.environment { fields.append(("environment", JSONTree.quote(env))) }
            if let key = f.key { fields.append(("key", JSONTree.quote(key))) }
            if let form = f.form { fields.append(("form", JSONTree.quote(form))) }
            if let decoded = f.decoded { fields.append(("decoded", JSONTree.quote(decoded))) }
            if allPlaces {
                let places = f.places.map { place -> String in
                    var items: [(String, String)] = [("file", JSONTree.quote(place.path)), ("line", String(place.line)), ("column", String(place.column))]
                    if let commit = place.commit { items.append(("commit", JSONTree.quote(commit))) }
                    if let decoded = place.decoded { items.append(("decoded", JSONTree.quote(decoded))) }
                    return object(items)
                }
                fields.append(("places", "[" + places.joined(separator: ",") + "]"))
            }
            out += object(fields) + "\n"
        }
        return out
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(JSONTree.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
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
