import HushKit
import Testing

/// Documents whose decoded values agree with python-dotenv.
///
/// The expected values were produced by python-dotenv 1.2.2 (`dotenv_values(path,
/// interpolate=False, encoding="utf-8-sig")`) during development and pasted here, so these
/// tests do not need Python. Cases where Hush deliberately differs from python-dotenv (see
/// `DotenvOutline`) are tested in `DotenvOutlineTests` against Hush's own grammar instead.
struct PythonDotenvCase: Sendable, CustomTestStringConvertible {
    var source: String
    var expected: [(String, String)]
    var testDescription: String { source.debugDescription }
}

let pythonDotenvCases: [PythonDotenvCase] = [
    PythonDotenvCase(source: "A=1\n", expected: [("A", "1")]),
    PythonDotenvCase(source: "A=hello world\n", expected: [("A", "hello world")]),
    PythonDotenvCase(source: "A=  padded value  \n", expected: [("A", "padded value")]),
    PythonDotenvCase(source: "A=value # comment\n", expected: [("A", "value")]),
    PythonDotenvCase(source: "A=value\t# tab comment\n", expected: [("A", "value")]),
    PythonDotenvCase(source: "A=a#b\n", expected: [("A", "a#b")]),
    PythonDotenvCase(source: "A=#notacomment\n", expected: [("A", "#notacomment")]),
    PythonDotenvCase(source: "A=url://host:1/p?q=1&r=2\n", expected: [("A", "url://host:1/p?q=1&r=2")]),
    PythonDotenvCase(source: "A=back\\slash\\n\n", expected: [("A", "back\\slash\\n")]),
    PythonDotenvCase(source: "A=$HOME/${USER}/x\n", expected: [("A", "$HOME/${USER}/x")]),
    PythonDotenvCase(source: "A=café ☃ 😀\n", expected: [("A", "café ☃ 😀")]),
    PythonDotenvCase(source: "export A=1\nexport\tB=2\n", expected: [("A", "1"), ("B", "2")]),
    PythonDotenvCase(source: "   A = 1\n\tB\t=\t2\t\n", expected: [("A", "1"), ("B", "2")]),
    PythonDotenvCase(source: "export=1\n", expected: [("export", "1")]),
    PythonDotenvCase(source: "A='single # not comment'\n", expected: [("A", "single # not comment")]),
    PythonDotenvCase(source: "A='it has $HOME and \\n literally'\n", expected: [("A", "it has $HOME and \\n literally")]),
    PythonDotenvCase(source: "A='x' # comment\n", expected: [("A", "x")]),
    PythonDotenvCase(source: "A=\"x\"# comment\n", expected: [("A", "x")]),
    PythonDotenvCase(source: "A=\"line1\\nline2\\ttab\\rcr\"\n", expected: [("A", "line1\nline2\ttab\rcr")]),
    PythonDotenvCase(source: "A=\"quote \\\" and backslash \\\\\"\n", expected: [("A", "quote \" and backslash \\")]),
    PythonDotenvCase(source: "A=\"multi\nline\nvalue\"\nB=after\n", expected: [("A", "multi\nline\nvalue"), ("B", "after")]),
    PythonDotenvCase(source: "A=\"hash # inside\"\n", expected: [("A", "hash # inside")]),
    PythonDotenvCase(source: "A=\"unknown \\q \\x41 escape\"\n", expected: [("A", "unknown \\q \\x41 escape")]),
    PythonDotenvCase(source: "A=\"${VAR} $VAR\"\n", expected: [("A", "${VAR} $VAR")]),
    PythonDotenvCase(source: "A=\"\"\nB=''\nC=\n", expected: [("A", ""), ("B", ""), ("C", "")]),
    PythonDotenvCase(source: "A=\r\nB=x\r\nC=\"y\"\r\n", expected: [("A", ""), ("B", "x"), ("C", "y")]),
    PythonDotenvCase(source: "A=\"multi\r\nline\"\r\nB=z\r\n", expected: [("A", "multi\nline"), ("B", "z")]),
    PythonDotenvCase(source: "# comment\n\n  # indented comment\nA=1\n\n", expected: [("A", "1")]),
    PythonDotenvCase(source: "A=no newline at end", expected: [("A", "no newline at end")]),
    PythonDotenvCase(source: "\u{FEFF}A=bom\n", expected: [("A", "bom")]),
    PythonDotenvCase(source: "A=\"é\\né\"\n", expected: [("A", "é\né")]),
    PythonDotenvCase(source: "A=equals=in=value\n", expected: [("A", "equals=in=value")]),
    PythonDotenvCase(source: "A=   \n", expected: [("A", "")]),
]

@Suite struct DotenvPythonCompatibilityTests {
    @Test(arguments: pythonDotenvCases)
    func decodedValuesMatchPythonDotenv(_ testCase: PythonDotenvCase) throws {
        let pairs = try DotenvTest.pairs(testCase.source)
        #expect(pairs == testCase.expected.map { DotenvPair(name: $0.0, value: $0.1) })
    }
}
