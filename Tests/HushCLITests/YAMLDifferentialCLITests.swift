import Foundation
import HushTestSupport
import Testing

/// The differential YAML test (issue 11): every document of Tests/YAMLCorpus and a few hundred
/// generated ones are sealed with `hush encrypt` and read back with `hush decrypt` (which must
/// give the exact bytes) and `hush decrypt --format json`, whose data must equal what an
/// independent YAML 1.2 parser reads from the plaintext: ruamel.yaml (safe, pure Python), run by
/// scripts/yaml-reference.py, which also defines the comparison (docs/format.md §8.1). Any
/// difference fails. The parser lives in .build/yaml-venv, which scripts/setup creates; without
/// it the test is skipped, and `scripts/test` says so.
@Suite struct YAMLDifferentialCLITests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = repoRoot.appendingPathComponent(".build/yaml-venv/bin/python").path
    static let script = repoRoot.appendingPathComponent("scripts/yaml-reference.py").path
    static let hasReference = FileManager.default.isExecutableFile(atPath: python)
    /// Generated documents, and the seed that makes them the same on every run
    /// (`HUSH_YAML_SEED` and `HUSH_YAML_DOCUMENTS` explore others).
    static let generatedCount = ProcessInfo.processInfo.environment["HUSH_YAML_DOCUMENTS"].flatMap { Int($0) } ?? 300
    static let seed: UInt64 = ProcessInfo.processInfo.environment["HUSH_YAML_SEED"].flatMap { UInt64($0) } ?? 11

    /// The YAML test material of the project, by name.
    static func corpus() throws -> [(name: String, text: String)] {
        let folder = repoRoot.appendingPathComponent("Tests/YAMLCorpus")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted().map { name in
            (name, String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self))
        }
    }

    @Test(.enabled(if: hasReference, "SKIPPED: no .build/yaml-venv (run scripts/setup to install the reference parser)"))
    func decryptAsJSONEqualsAnIndependentYAML12Parser() throws {
        var generator = YAMLGenerator(seed: Self.seed)
        let documents = try Self.corpus() + (0..<Self.generatedCount).map { ("generated-\($0)", generator.document()) }
        let box = try Sandbox()
        try box.initialise()
        var cases: [[String: String]] = []
        for (i, document) in documents.enumerated() {
            let env = "d\(i)"
            try box.write("\(env).yaml", document.text)
            let sealed = try box.hush(["encrypt", "\(env).yaml", "--env", env])
            guard sealed.status == 0 else {
                Issue.record("\(document.name): hush refused it: \(sealed.stderr)\n\(document.text)")
                continue
            }
            let exact = try box.hush(["decrypt", env])
            #expect(exact.stdout == document.text, "\(document.name): decrypt is not byte-exact")
            let json = try box.hush(["decrypt", env, "--format", "json"])
            guard json.status == 0 else {
                Issue.record("\(document.name): decrypt --format json failed: \(json.stderr)\n\(document.text)")
                continue
            }
            cases.append(["name": document.name, "yaml": document.text, "hush": json.stdout])
        }
        let input = try JSONSerialization.data(withJSONObject: cases)
        let reference = try box.run([Self.python, Self.script], stdin: input, env: [:], in: nil)
        #expect(reference.status == 0, "\(reference.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(reference.stdout.utf8)) as? [String: Any])
        let differences = report["differences"] as? [[String: String]] ?? []
        let compared = report["compared"] as? Int ?? 0
        print(
            "differential YAML test: \(documents.count) documents (\(documents.count - Self.generatedCount) from Tests/YAMLCorpus, \(Self.generatedCount) generated, seed \(Self.seed)), \(compared) compared, \(differences.count) differences"
        )
        #expect(compared == documents.count)
        for difference in differences {
            let text = documents.first { $0.name == difference["name"] }?.text ?? ""
            Issue.record("\(difference["name"] ?? "?"): ruamel.yaml reads \(difference["reference"] ?? "?"), hush prints \(difference["hush"] ?? "-")\n\(text)")
        }
    }
}

/// A seeded generator of YAML documents: nested block and flow mappings and sequences, every
/// scalar style, anchors, aliases, merge keys, standard and application tags, comments and empty
/// collections. Every document is valid YAML 1.2 that Hush accepts.
struct YAMLGenerator {
    private var random: SeededGenerator
    /// Anchors whose node is complete, and whether it is a mapping (mergeable).
    private var anchors: [(name: String, isMapping: Bool)] = []
    private var anchorCount = 0

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    private mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    mutating func document() -> String {
        anchors = []
        anchorCount = 0
        var out = chance(30) ? "# generated document\n" : ""
        out += blockMapping(indent: 0, depth: 0)
        if chance(10), out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    // MARK: Keys

    private static let keys = [
        "name", "host", "port", "password", "user", "token", "url", "list", "map", "a", "b", "c", "x-y", "key_1", "Ünïcode", "with space",
        "\"quoted key\"", "'single key'", "\"1\"", "2", "true", "null", "\"\"", "\"a.b\"", "k:v", "?q",
    ]
    private static let flowKeys = ["name", "host", "port", "a", "b", "c", "key_1", "\"quoted key\"", "'single key'", "2", "true", "x-y"]

    /// Decoded text of a key from the pools (for uniqueness).
    private static func decoded(_ key: String) -> String {
        if key.hasPrefix("\"") || key.hasPrefix("'") { return String(key.dropFirst().dropLast()) }
        return key
    }

    private mutating func uniqueKeys(_ count: Int, from pool: [String]) -> [String] {
        var chosen: [String] = []
        var seen = Set<String>()
        while chosen.count < count {
            let key = pick(pool)
            if seen.insert(Self.decoded(key)).inserted { chosen.append(key) }
        }
        return chosen
    }

    // MARK: Block context

    private mutating func blockMapping(indent: Int, depth: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        var keys = uniqueKeys(1 + below(4), from: Self.keys)
        let mergeable = anchors.filter(\.isMapping)
        if !mergeable.isEmpty, chance(35) {
            let merge =
                chance(60) || mergeable.count < 2
                ? " *" + pick(mergeable).name
                : " [" + uniqueNames(mergeable.map(\.name), 2).map { "*" + $0 }.joined(separator: ", ") + "]"
            keys.insert("<<", at: below(keys.count + 1))
            for key in keys {
                if chance(10) { out += pad + "# comment\n" }
                out += pad + key + ":" + (key == "<<" ? merge + "\n" : blockValue(indent: indent, depth: depth))
            }
            return out
        }
        for key in keys {
            if chance(10) { out += (chance(50) ? "\n" : pad + "# comment\n") }
            out += pad + key + ":" + blockValue(indent: indent, depth: depth)
        }
        return out
    }

    private mutating func uniqueNames(_ names: [String], _ count: Int) -> [String] {
        var chosen: [String] = []
        while chosen.count < min(count, Set(names).count) {
            let name = pick(names)
            if !chosen.contains(name) { chosen.append(name) }
        }
        return chosen
    }

    private mutating func newAnchor() -> String {
        anchorCount += 1
        return "a\(anchorCount)"
    }

    /// What follows `key:` or `-` in block context at `indent`, through the end of its line(s).
    private mutating func blockValue(indent: Int, depth: Int) -> String {
        let roll = below(100)
        if roll < 8, !anchors.isEmpty { return " *" + pick(anchors).name + "\n" }
        let anchor = chance(15) ? newAnchor() : nil
        let props = anchor.map { " &" + $0 } ?? ""
        var out: String
        var isMapping = false
        switch roll {
        case ..<20 where depth < 3:
            let tag = chance(10) ? (chance(50) ? " !!map" : " !Config") : ""
            out = props + tag + "\n" + blockMapping(indent: indent + 2, depth: depth + 1)
            isMapping = true
        case ..<30 where depth < 3:
            let tag = chance(10) ? (chance(50) ? " !!seq" : " !List") : ""
            out = props + tag + "\n" + blockSequence(indent: chance(50) ? indent : indent + 2, depth: depth + 1)
        case ..<38:
            out = props + " " + blockScalar(indent: indent)
        case ..<48 where depth < 4:
            let (text, mapping) = flowCollection(depth: depth + 1)
            out = props + " " + text + "\n"
            isMapping = mapping
        case ..<52:
            out = props + (chance(50) ? " []\n" : " {}\n")
        case ..<56:
            // An empty value, maybe with properties only.
            out = props + (chance(30) ? " !!str" : chance(30) ? " !!null" : "") + "\n"
        case ..<62:
            out = props + " " + multiLinePlain(indent: indent) + "\n"
        default:
            out = props + " " + scalar(inFlow: false) + (chance(10) ? "  # note" : "") + "\n"
        }
        if let anchor { anchors.append((anchor, isMapping)) }
        return out
    }

    private mutating func blockSequence(indent: Int, depth: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for _ in 0..<(1 + below(3)) {
            if chance(20), depth < 3 {
                // A compact mapping in the item: `- k: v` with the next keys under it.
                let mapping = blockMapping(indent: indent + 2, depth: depth + 1)
                let inner = String(repeating: " ", count: indent + 2)
                if mapping.hasPrefix(inner), !mapping.dropFirst(inner.count).hasPrefix(" "), !mapping.dropFirst(inner.count).hasPrefix("#") {
                    out += pad + "- " + mapping.dropFirst(inner.count)
                } else {
                    out += pad + "-\n" + mapping
                }
            } else {
                out += pad + "-" + blockValue(indent: indent + 2, depth: depth)
            }
        }
        return out
    }

    // MARK: Scalars

    private static let plainWords = [
        "alpha", "db.internal", "hello world", "x-y_z", "p@ss", "ünïcödé ☃", "a:b", "http://h.example/p?q=1&r=2", "yes", "No", "on", "1_000", "0b101",
        "12:30", "2002-12-14", "~tilde", "a # not a comment", "-dash", "0x", "1.2.3", ".5e3", "= sign", "trailing.", "<<not merge", "x%y",
    ]
    private static let flowWords = ["alpha", "db.internal", "hello world", "x-y_z", "p@ss", "ünï", "yes", "1_000", "2002-12-14", "-dash", "1.2.3"]
    private static let ints = ["0", "-17", "+5", "0o17", "0x1F", "0xff", "123456789012345678901234567890", "007"]
    private static let floats = [
        "1.5", "-0.25", ".5", "1.", "1e3", "-2.5E-3", "+12.0e+02", ".inf", "-.Inf", "+.INF", ".nan", "NaN".lowercased() == "nan" ? ".NaN" : "",
    ]
    private static let bools = ["true", "False", "TRUE"]
    private static let nulls = ["~", "null", "Null", "NULL"]
    private static let base64 = ["aGVsbG8=", "c2VjcmV0LWtleQ==", "AAECAwQFBgcICQ==", ""]
    private static let timestamps = ["2001-12-14t21:59:43.10-05:00", "2002-12-14", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z"]

    /// A scalar on one line, with maybe a tag, for block (`inFlow` false) or flow context.
    private mutating func scalar(inFlow: Bool) -> String {
        switch below(14) {
        case 0: return tagged(["!!int", ""], pick(Self.ints), quotable: true)
        case 1: return tagged(["!!float", ""], pick(Self.floats), quotable: true)
        case 2: return tagged(["!!bool", ""], pick(Self.bools), quotable: true)
        case 3: return tagged(["!!null", ""], pick(Self.nulls), quotable: false)
        case 4: return "!!binary " + (chance(50) ? pick(Self.base64.filter { !$0.isEmpty }) : "\"" + pick(Self.base64) + "\"")
        case 5: return "!!timestamp " + pick(Self.timestamps)
        // Not `! x` (the non-specific tag): the spec makes it a string, ruamel resolves it by the schema.
        case 6: return pick(["!Ref ", "!Sub ", "!vault ", "!!str "]) + plainOrQuoted(inFlow: inFlow)
        case 7: return "!!str " + pick(Self.ints + Self.bools + Self.floats.filter { !$0.isEmpty })
        case 8, 9: return singleQuoted()
        case 10, 11: return doubleQuoted()
        default: return plainOrQuoted(inFlow: inFlow)
        }
    }

    private mutating func tagged(_ tags: [String], _ text: String, quotable: Bool) -> String {
        let tag = pick(tags)
        let body = quotable && !tag.isEmpty && chance(40) ? "\"" + text + "\"" : text
        return tag.isEmpty ? body : tag + " " + body
    }

    private mutating func plainOrQuoted(inFlow: Bool) -> String {
        chance(20) ? doubleQuoted() : pick(inFlow ? Self.flowWords : Self.plainWords)
    }

    private mutating func singleQuoted() -> String {
        pick(["'it''s'", "'a: b # c'", "''", "'  spaced  '", "'ünï ☃'", "'\"double\" inside'", "'1'", "'true'", "'back\\slash'"])
    }

    private mutating func doubleQuoted() -> String {
        pick([
            "\"tab\\there\"", "\"line\\nbreak\"", "\"\\u00e9t\\u00e9\"", "\"quote \\\" and \\\\\"", "\"\"", "\"# not a comment\"", "\"\\x41\\x42\"",
            "\"null\"", "\"0x1F\"", "\"emoji \\U0001F600\"", "\"a\\\n  b\"",
        ])
    }

    private mutating func blockScalar(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        let header = pick(["|", ">", "|-", ">-", "|+", ">+"])
        var out = (chance(15) ? "!!str " : chance(10) ? "!vault " : "") + header + (chance(15) ? "  # header comment" : "") + "\n"
        let lines = 1 + below(3)
        for i in 0..<lines {
            // A more indented first line would set the indentation of the whole scalar.
            let choices = ["first line", "second: with colon", "  more indented", "# not a comment", "ünï ☃", "last"]
            out += pad + pick(i == 0 ? Array(choices.filter { !$0.hasPrefix(" ") }) : choices) + "\n"
            if i < lines - 1, chance(20) { out += "\n" }
        }
        if chance(25) { out += "\n" }
        return out
    }

    private mutating func multiLinePlain(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        return pick(["first", "several words"]) + "\n" + pad + pick(["continued", "and more words"])
    }

    // MARK: Flow context

    /// A flow sequence or mapping, and whether it is a mapping.
    private mutating func flowCollection(depth: Int) -> (String, Bool) {
        if chance(50) {
            var items: [String] = []
            for _ in 0..<below(4) { items.append(flowNode(depth: depth)) }
            return ("[" + items.joined(separator: ", ") + "]", false)
        }
        var entries: [String] = []
        let mergeable = anchors.filter(\.isMapping)
        if !mergeable.isEmpty, chance(20) { entries.append("<<: *" + pick(mergeable).name) }
        for key in uniqueKeys(below(4), from: Self.flowKeys) { entries.append(key + ": " + flowNode(depth: depth)) }
        return ("{" + entries.joined(separator: ", ") + "}", true)
    }

    private mutating func flowNode(depth: Int) -> String {
        if chance(10), !anchors.isEmpty { return "*" + pick(anchors).name }
        let anchor = chance(15) ? newAnchor() : nil
        var text: String
        var isMapping = false
        if depth < 4, chance(20) {
            (text, isMapping) = flowCollection(depth: depth + 1)
            if chance(10) { text = (isMapping ? "!!map " : "!Custom ") + text }
        } else {
            text = scalar(inFlow: true)
        }
        if let anchor {
            anchors.append((anchor, isMapping))
            return "&" + anchor + " " + text
        }
        return text
    }
}
