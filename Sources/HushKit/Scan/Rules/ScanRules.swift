/// Every provider and generic rule `hush scan` runs, grouped by family.
///
/// How the rules are written (read this before adding one):
/// - Each rule is written from the provider's documented token format (prefix, alphabet,
///   length, checksum); no other scanner's rule files were copied.
/// - `keywords` are lower-case literals. Every true match contains one of them, or (for
///   assignment rules such as `generic-secret`) has it on the line where the match starts.
/// - Patterns use the subset of regex syntax that PCRE2 (the engine, with JIT) and ICU
///   (Foundation's `NSRegularExpression`, which the unit tests use) read the same way:
///   named groups `(?<secret>…)`, scoped flags `(?i:…)`, possessive and lazy quantifiers,
///   atomic groups, fixed-length lookbehind only (one character, as in `(?<![A-Za-z0-9])`),
///   explicit classes (`[0-9]`, not `\d`, which ICU makes Unicode-aware), `\{` for a literal
///   brace, `\[` inside a class. Not used: `\K`, branch reset `(?|…)`, recursion, `\h`,
///   `(?P<…>)`, duplicate group names, POSIX classes, `\Q…\E`.
/// - The secret is the named group `secret` when present, else the whole match. `validate`
///   sees that secret only.
/// - A credential without a prefix of its own is a keyword-context rule (`context(_:)`, see
///   `ContextSpec`): the service's name, a bounded gap, then the token's exact shape.
/// - A few rules span lines (PEM and PGP blocks, PuTTY keys): the match starts on the line
///   that has the keyword (`-----begin`) and needs the engine to run the pattern over a window
///   of at least the following 8 lines (about 1 KB) from that line.
/// - The engine takes a pattern that names `\n` or `\r` for one that spans lines and runs it
///   over a 16 KB window at every keyword hit. A single-line rule that must stop at a line end
///   (a quoted value, a line-end terminator) writes those characters as `\x0a` and `\x0d`,
///   which both engines read alike, so that it stays on the keyword's line.
public enum ScanRules {
    /// The rules, family by family (`cloud`, `code-hosts`, …), in the order the docs list them.
    public static let families: [(name: String, rules: [ScanRule])] = [
        ("cloud", cloud + cloudContext),
        ("code-hosts", codeHosts + codeHostsContext),
        ("payments", payments + paymentsContext),
        ("messaging", messaging + messagingContext),
        ("ai", ai),
        ("registries", registries + registriesContext),
        ("devops", devops + devopsContext),
        ("saas", saas + saasContext),
        ("private-keys", privateKeys),
        ("databases", databases),
        ("web", jsonWebTokens + web),
        ("config-files", configFiles),
        ("generic", generic),
        ("assignments", assignments),
    ]

    /// Every rule `hush scan` runs.
    public static let all: [ScanRule] = families.flatMap(\.rules)

    /// The family a rule id belongs to (`cloud`, `generic`, …), nil for an unknown id.
    public static func family(of ruleID: String) -> String? {
        familyByRule[ruleID]
    }

    private static let familyByRule: [String: String] = {
        var map: [String: String] = [:]
        for family in families {
            for rule in family.rules { map[rule.id] = family.name }
        }
        return map
    }()

    // MARK: - Building blocks shared by the family files

    /// Nothing of a token's alphabet right before it (a fixed-length lookbehind).
    static let start = #"(?<![A-Za-z0-9_])"#
    /// Nothing of a base62 or base64url token's alphabet right after it.
    static let end = #"(?![A-Za-z0-9_-])"#
    /// Nothing of a base64 alphabet right after it.
    static let end64 = #"(?![A-Za-z0-9+/=_-])"#

    /// The part between an assignment's name and its value, in every syntax the generic rules
    /// read: `name = "v"`, `name: v`, `"name": "v"`, `NAME=v`, `name := v`, `name => 'v'`,
    /// `<name>v</name>`, `ENV["NAME"] ||= "v"`, with an optional closing quote (and bracket)
    /// after the name and an optional opening quote before the value.
    static let assign = #"["'`]?\]?[ \t]{0,4}(?:=|:=|:|=>|->|\?=|\|\|=|>)[ \t]{0,4}["'`]?"#

    /// An assignment whose name contains `name` (an alternation, case-insensitive) and whose
    /// value is `value` (the `secret` group): `(?i:NAME)[A-Za-z0-9_.-]{0,24}` then `assign`.
    static func assignment(name: String, value: String) -> String {
        #"(?i:"# + name + #")[A-Za-z0-9_.-]{0,24}"# + assign + #"(?<secret>"# + value + #")"#
    }

    /// A prefixed token rule whose random part is checked by `isPlausibleToken`; a format with a
    /// fixed run of one character (`AAAAAAAAAA` in Dropbox tokens) names it in `ignoringRunsOf`.
    static func token(
        _ id: String, _ description: String, keywords: [String], _ pattern: String, ignoringRunsOf filler: Character? = nil
    ) -> ScanRule {
        guard let filler else {
            return ScanRule(
                id: id, description: description, keywords: keywords, pattern: pattern,
                validate: { SecretHeuristics.isPlausibleToken($0) })
        }
        return ScanRule(
            id: id, description: description, keywords: keywords, pattern: pattern,
            validate: { SecretHeuristics.isPlausibleToken(SecretHeuristics.removingRuns(of: filler, in: $0)) })
    }

    /// A rule whose value comes after a provider-specific name (no fixed prefix on the value):
    /// the value must also look generated (`looksLikeGeneratedSecret`).
    static func named(
        _ id: String, _ description: String, keywords: [String], name: String, value: String
    ) -> ScanRule {
        ScanRule(
            id: id, description: description, keywords: keywords,
            pattern: assignment(name: name, value: value) + end,
            validate: { SecretHeuristics.isPlausibleToken($0) && !SecretHeuristics.isWordLike($0) })
    }
}

/// Rules that apply to a file's path rather than its content: key stores that are binary
/// (PKCS#12) and so have no text for a pattern.
public enum ScanFileNameRules {
    /// The id of the rule a file at `path` breaks, or nil.
    ///
    /// `pkcs12-file`: a `.p12` or `.pfx` file (a PKCS#12 bundle holds a private key).
    public static func matches(path: String) -> String? {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? path.lowercased()
        if name.hasSuffix(".p12") || name.hasSuffix(".pfx") { return "pkcs12-file" }
        return nil
    }

    /// Descriptions of the path rules, by id.
    public static let descriptions: [String: String] = [
        "pkcs12-file": "PKCS#12 key store (.p12, .pfx): holds a private key"
    ]
}
