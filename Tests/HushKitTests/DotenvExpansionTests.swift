import Testing

@testable import HushKit

/// `DotenvExpansion`: python-dotenv's `dotenv_values()` rules, and Hush's two documented
/// differences (single quotes and `\$` stay literal). DotenvDifferentialCLITests checks the
/// same idioms against python-dotenv itself.
@Suite struct DotenvExpansionTests {
    static let environment: [String: String] = ["HOME": "/home/u", "EMPTY": "", "SELF": "env-self"]

    func expand(_ document: String, fileFirst: Bool = true, env: [String: String] = environment) throws -> [String: String] {
        let bytes = Array(document.utf8)
        let outline = try DotenvOutline.scan(bytes, file: "t.env")
        let leaves = DotenvExpansion(fileFirst: fileFirst, environment: { env[$0] }).expand(outline.leaves, in: bytes)
        var out: [String: String] = [:]
        for leaf in leaves {
            if case .key(let name)? = leaf.path.first { out[name] = leaf.value }
        }
        return out
    }

    @Test(arguments: [
        ("A=x\nB=${A}/y", "x/y"),
        ("A=x\nB=\"${A}-${A}\"", "x-x"),
        ("A=x\nB='${A}'", "${A}"),
        ("A=x\nB=$A", "$A"),
        ("A=x\nB=\"\\${A}\"", "${A}"),
        ("A=x\nB=\\${A}", "\\x"),
        ("B=${UNDEFINED}", ""),
        ("B=${UNDEFINED:-fallback value}", "fallback value"),
        ("B=${HOME:-fallback}", "/home/u"),
        ("B=${EMPTY:-fallback}", ""),
        ("A=\nB=${A:-fallback}", ""),
        ("A=x\nB=${UNDEFINED:-${A}}", "${A}"),
        ("A=x\nB=${A:-${UNDEFINED}}", "x}"),
        ("B=${LATER}\nLATER=l", ""),
        ("SELF=${SELF}-more", "env-self-more"),
        ("B=${A", "${A"),
        ("B=${A:x}", "${A:x}"),
        ("B=${A:-x", "${A:-x"),
        ("B=${}", ""),
        ("B=$", "$"),
        ("A=x\nB=\"line ${A}\nnext\"", "line x\nnext"),
        ("A=x\nB=\"\\$\\${A}${A}\"", "$${A}x"),
        ("A=x\nexport B=${A}", "x"),
        ("A=1\nC=${A}2\nB=${C}3", "123"),
        ("A=x\nB=\"${A}\" # ${A}", "x"),
        ("A=x\nB=\"\\\\${A}\"", "\\x"),
    ])
    func idiom(_ document: String, _ expected: String) throws {
        let values = try expand(document)
        #expect((values["B"] ?? values["SELF"]) == expected, "\(document)")
    }

    @Test func processEnvironmentWinsWithoutOverride() throws {
        let fileFirst = try expand("HOME=/file\nB=${HOME}")
        #expect(fileFirst["B"] == "/file")
        let processFirst = try expand("HOME=/file\nB=${HOME}", fileFirst: false)
        #expect(processFirst["B"] == "/home/u")
    }

    @Test func valuesWithoutReferencesAreUntouched() throws {
        let values = try expand("B=\"a\\tb $x \\$\"")
        #expect(values["B"] == "a\tb $x $")
        #expect(!DotenvExpansion.mayReference("$x {y}"))
        #expect(DotenvExpansion.mayReference("a${"))
    }

    @Test func expandedValuesAreNotExpandedAgain() throws {
        let values = try expand("B=${REF}", env: ["REF": "${HOME}"])
        #expect(values["B"] == "${HOME}")
    }
}
