import Foundation
import Testing

/// Issue 13: `hush export --format dotenv` writes values that python-dotenv, Node's built-in
/// `util.parseEnv`, docker compose (its documented .env rules, modelled below: `docker compose`
/// is not assumed) and Hush itself read back exactly. Where the loaders' rules leave no common
/// spelling, the values that one loader reads differently are listed, and docs/dotenv.md says so.
@Suite struct DotenvQuotingCLITests {
    static let hasPythonDotenv: Bool = {
        (try? Sandbox().shell("python3 -c 'import dotenv'").status) == 0
    }()
    static let hasNodeParseEnv: Bool = {
        (try? Sandbox().shell("node -e 'if (typeof require(\"util\").parseEnv !== \"function\") process.exit(1)'").status) == 0
    }()

    static let values: [String] = [
        "plain", "", " lead", "trail ", "  both  ", "two words", "#", "# not a comment", "a #b", "a#b",
        "$HOME", "$", "pa$$word", "${HOME}", "${HOME:-x}", "it's", "say \"hi\"", "'single'", "\"double\"",
        "back\\slash", "two\\\\back", "end\\", "C:\\dir\\", "C:\\path\\n", "\\n literal", "line1\nline2", "\n", "tab\there",
        "grüße ☃ 😀", "=eq", "a=b", "`cmd`", "{\"json\": \"x\"}", "%20", "ENC[hush:v1,s,AAAA]",
        "it's $HOME", "it's ${HOME}", "it's\nmulti", "say \"it's\"", "cr\ronly", "q\\'", "x\\\"y",
    ]
    /// Values no spelling gives every loader: Node reads `\\`, `\"`, `\r` and `\$` in double
    /// quotes as written, and a value holding `'` (or a line break) with one of those needs them.
    static let nodeDiffers: Set<String> = ["two\\\\back", "it's ${HOME}", "say \"it's\"", "cr\ronly", "q\\'"]
    /// docker compose expands `$NAME` in double quotes, and `$$` is its only other spelling of `$`.
    static let composeDiffers: Set<String> = ["it's $HOME"]
    /// python-dotenv expands `${…}` in every kind of value unless `interpolate=False`, and keeps
    /// the backslash of `\$` (the spelling of `${` in double quotes).
    static let pythonInterpolates: Set<String> = ["${HOME}", "${HOME:-x}", "it's ${HOME}"]
    static let pythonDiffers: Set<String> = ["it's ${HOME}"]

    static func name(_ index: Int) -> String { "V" + (index < 10 ? "0" : "") + String(index) }

    /// A YAML double-quoted scalar for any text.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The exported dotenv text of `values`, sealed from YAML.
    func exported() throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.initialise()
        let yaml = Self.values.enumerated().map { "\(Self.name($0.offset)): \(Self.yamlQuoted($0.element))\n" }.joined()
        try box.write("in.yaml", yaml)
        #expect(try box.hush(["encrypt", "in.yaml", "--env", "src"]).status == 0)
        let dotenv = try box.hush(["export", "src", "--format", "dotenv"])
        #expect(dotenv.status == 0, "\(dotenv.stderr)")
        try box.write("out.env", dotenv.stdout)
        return (box, dotenv.stdout)
    }

    func decode(_ outcome: Outcome) throws -> [String: String] {
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONDecoder().decode([String: String].self, from: Data(outcome.stdout.utf8))
    }

    /// Checks every value read back by a loader: equal, except exactly the `differing` ones.
    func check(_ read: [String: String], loader: String, differing: Set<String> = []) {
        for (index, value) in Self.values.enumerated() {
            let got = read[Self.name(index)]
            if differing.contains(value) {
                #expect(got != value, "\(loader) now reads \(value.debugDescription) back: update the list and docs/dotenv.md")
            } else {
                #expect(got == value, "\(loader): \(value.debugDescription) read back as \(got.debugDescription)")
            }
        }
    }

    @Test func hushReadsItsOwnOutputBack() throws {
        let (box, _) = try exported()
        #expect(try box.hush(["encrypt", "out.env", "--env", "back"]).status == 0)
        check(try decode(box.hush(["export", "back", "--format", "json"])), loader: "hush")
    }

    @Test(.enabled(if: hasPythonDotenv, "python-dotenv is not installed (pip install python-dotenv): not read back with it"))
    func pythonDotenvReadsTheValuesBack() throws {
        let (box, _) = try exported()
        let script = "import dotenv, json, sys; print(json.dumps(dotenv.dotenv_values('out.env', interpolate=sys.argv[1] == 'yes')))"
        check(try decode(box.shell("python3 -c \"\(script)\" no")), loader: "python-dotenv", differing: Self.pythonDiffers)
        check(try decode(box.shell("python3 -c \"\(script)\" yes")), loader: "python-dotenv (interpolate)", differing: Self.pythonInterpolates)
    }

    @Test(.enabled(if: hasNodeParseEnv, "node with util.parseEnv is not installed (Debian: nodejs): not read back with it"))
    func nodeReadsTheValuesBack() throws {
        let (box, _) = try exported()
        let script = "console.log(JSON.stringify(require('util').parseEnv(require('fs').readFileSync('out.env', 'utf8'))))"
        check(try decode(box.shell("node -e \"\(script)\"")), loader: "node util.parseEnv", differing: Self.nodeDiffers)
    }

    /// docker compose's .env rules as documented (docs.docker.com, "Interpolation", .env
    /// syntax): unquoted and double-quoted values interpolate `$NAME` and `${…}`; single-quoted
    /// values are literal but for `\'`; double-quoted values decode `\n \r \t \\ \"` and `\$`.
    /// Nil when interpolation would change the value.
    static func composeValue(_ raw: Substring) -> String? {
        func interpolates(_ bytes: [UInt8], escaped: Set<Int>) -> Bool {
            bytes.indices.contains { i in
                bytes[i] == UInt8(ascii: "$") && !escaped.contains(i) && i + 1 < bytes.count
                    && (bytes[i + 1] == UInt8(ascii: "{") || bytes[i + 1] == UInt8(ascii: "_") || bytes[i + 1] == UInt8(ascii: "$")
                        || Character(UnicodeScalar(bytes[i + 1])).isLetter)
            }
        }
        if raw.count >= 2, raw.first == "'", raw.last == "'" {
            return raw.dropFirst().dropLast().replacingOccurrences(of: "\\'", with: "'")
        }
        if raw.count >= 2, raw.first == "\"", raw.last == "\"" {
            let inner = Array(raw.dropFirst().dropLast().utf8)
            var out: [UInt8] = []
            var escaped = Set<Int>()
            var i = 0
            while i < inner.count {
                if inner[i] == UInt8(ascii: "\\"), i + 1 < inner.count {
                    let map: [UInt8: UInt8] = [0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09, 0x5C: 0x5C, 0x22: 0x22, 0x24: 0x24]
                    if let decoded = map[inner[i + 1]] {
                        if decoded == 0x24 { escaped.insert(out.count) }
                        out.append(decoded)
                        i += 2
                        continue
                    }
                }
                out.append(inner[i])
                i += 1
            }
            return interpolates(out, escaped: escaped) ? nil : String(decoding: out, as: UTF8.self)
        }
        let unquoted = Array(raw.utf8)
        return interpolates(unquoted, escaped: []) ? nil : String(raw)
    }

    @Test func composeDocumentedRulesReadTheValuesBack() throws {
        let (_, text) = try exported()
        var read: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            read[String(line[..<equals])] = Self.composeValue(line[line.index(after: equals)...])
        }
        check(read, loader: "docker compose (documented rules)", differing: Self.composeDiffers)
    }
}
