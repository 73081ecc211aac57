import Foundation
import Testing

/// Issue 13: `${VAR}` expansion in dotenv values, through the built binary, compared with
/// python-dotenv's `dotenv_values()` under the same process environment. Each key of `idioms`
/// is one idiom; `differences` are the two documented places where Hush does not follow it.
@Suite struct DotenvDifferentialCLITests {
    static let hasPythonDotenv: Bool = {
        (try? Sandbox().shell("python3 -c 'import dotenv'").status) == 0
    }()

    /// Process variables for hush, the command it runs, and python-dotenv alike.
    static let processEnvironment = ["HUSH_DIFF_PROCESS": "from-process", "HUSH_DIFF_SHADOWED": "process", "SELF_REF": "process"]

    static let idioms = #"""
        BASE=http://example.test
        HUSH_DIFF_SHADOWED=file
        PLAIN=${BASE}/api
        DQ="x-${BASE}"
        NOBRACE=$BASE/x
        NOBRACE_DQ="$BASE and $ alone"
        UNDEF=${NOT_DEFINED_ANYWHERE}
        UNDEF_DQ="[${NOT_DEFINED_ANYWHERE}]"
        DEFAULT=${NOT_DEFINED_ANYWHERE:-fallback}
        DEFAULT_SPACES="${NOT_DEFINED_ANYWHERE:-two words}"
        DEFAULT_UNUSED=${BASE:-unused}
        EMPTY=
        DEFAULT_EMPTY=${EMPTY:-fallback}
        DEFAULT_IS_EMPTY=${NOT_DEFINED_ANYWHERE:-}
        NESTED=${NOT_DEFINED_ANYWHERE:-${BASE}}
        NESTED_SET=${BASE:-${NOT_DEFINED_ANYWHERE}}
        FROM_ENV=${HUSH_DIFF_PROCESS}
        FILE_FIRST=${HUSH_DIFF_SHADOWED}
        SELF_REF=${SELF_REF}-x
        LATER=${DEFINED_LATER}
        DEFINED_LATER=late
        CHAIN=${PLAIN}/v1
        TWICE="${BASE}${BASE}"
        UNCLOSED=${BASE
        COLON=${BASE:x}
        EMPTY_NAME=${}
        ESCAPES="tab\tnew\nline ${BASE}"
        MULTI="first ${BASE}
        second"
        export EXPORTED=${BASE}/e
        COMMENTED=${BASE} # a comment ${BASE}
        HASH_IN=${BASE}#frag
        SQ_PLAIN='literal $x'
        UNICODE="grüße ${BASE} ☃"
        BACKSLASH_UNQ=C:\dir\${BASE}
        DQ_BACKSLASH_OTHER="a\q${BASE}"
        DQ_DOUBLE_BACKSLASH="a\\${BASE}"
        DQ_QUOTES="say \"${BASE}\""
        SPACED = ${BASE}  # blanks around = and the value

        """#

    /// Keys where Hush deliberately differs from python-dotenv (docs/dotenv.md): single quotes
    /// and `\$` keep the text literal, as in docker compose. Hush's value, python-dotenv's.
    static let differences: [String: (hush: String, python: String)] = [
        "SQ": ("${BASE}", "http://example.test"),
        "DQ_ESCAPED": ("${BASE}", "\\http://example.test"),
    ]
    static let differenceLines = "SQ='${BASE}'\nDQ_ESCAPED=\"\\${BASE}\"\n"

    func sealed(_ text: String) throws -> Sandbox {
        let box = try Sandbox()
        try box.initialise()
        try box.write("idioms.env", text)
        let sealed = try box.hush(["encrypt", "idioms.env", "--env", "dev"])
        #expect(sealed.status == 0, "\(sealed.stderr)")
        return box
    }

    /// `dotenv_values()` of the plaintext, as JSON, with the test's process environment.
    func python(_ box: Sandbox, interpolate: Bool = true) throws -> [String: String] {
        let script = "import dotenv, json; print(json.dumps(dotenv.dotenv_values('idioms.env', interpolate=\(interpolate ? "True" : "False"))))"
        let result = try box.run(["/usr/bin/env", "python3", "-c", script], stdin: nil, env: Self.processEnvironment, in: nil)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String: String].self, from: Data(result.stdout.utf8))
    }

    func json(_ outcome: Outcome) throws -> [String: String] {
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONDecoder().decode([String: String].self, from: Data(outcome.stdout.utf8))
    }

    /// What the command started by `hush exec` sees for each of `keys`.
    func exec(_ box: Sandbox, keys: [String], options: [String] = []) throws -> [String: String] {
        let script = "import os, json, sys; print(json.dumps({k: os.environ.get(k) for k in sys.argv[1:]}))"
        let outcome = try box.hush(["exec", "dev"] + options + ["--", "python3", "-c", script] + keys, env: Self.processEnvironment)
        return try json(outcome)
    }

    @Test(.enabled(if: hasPythonDotenv, "python-dotenv is not installed (pip install python-dotenv): the differential test did not run"))
    func execAndExportAgreeWithPythonDotenv() throws {
        let box = try sealed(Self.idioms)
        let expected = try python(box)
        #expect(expected.count >= 35, "every idiom is one key")
        let exported = try json(box.hush(["export", "dev", "--format", "json"], env: Self.processEnvironment))
        #expect(exported == expected)
        let decrypted = try json(box.hush(["decrypt", "dev", "--format", "json"], env: Self.processEnvironment))
        #expect(decrypted == expected)
        let executed = try exec(box, keys: Array(expected.keys))
        for (key, value) in expected { #expect(executed[key] == value, "\(key)") }
        // The shell format evaluates to the same values.
        try box.write("vars.sh", try box.hush(["export", "dev", "--format", "shell"], env: Self.processEnvironment).stdout)
        let script = ". ./vars.sh\nprintf '%s' \"$NESTED_SET|$MULTI|$SELF_REF\""
        #expect(try box.shell(script).stdout == "\(expected["NESTED_SET"]!)|\(expected["MULTI"]!)|\(expected["SELF_REF"]!)")
    }

    @Test(.enabled(if: hasPythonDotenv, "python-dotenv is not installed (pip install python-dotenv): the differential test did not run"))
    func noExpandAgreesWithInterpolateFalse() throws {
        let box = try sealed(Self.idioms)
        let expected = try python(box, interpolate: false)
        #expect(try json(box.hush(["export", "dev", "--format", "json", "--no-expand"], env: Self.processEnvironment)) == expected)
        #expect(try json(box.hush(["decrypt", "dev", "--format", "json", "--no-expand"], env: Self.processEnvironment)) == expected)
        let executed = try exec(box, keys: Array(expected.keys), options: ["--no-expand"])
        for (key, value) in expected { #expect(executed[key] == value, "\(key)") }
    }

    @Test(.enabled(if: hasPythonDotenv, "python-dotenv is not installed (pip install python-dotenv): the differential test did not run"))
    func documentedDifferences() throws {
        let box = try sealed("BASE=http://example.test\n" + Self.differenceLines)
        let python = try python(box)
        let hush = try json(box.hush(["export", "dev", "--format", "json"]))
        for (key, values) in Self.differences {
            #expect(hush[key] == values.hush, "\(key)")
            #expect(python[key] == values.python, "\(key): python-dotenv changed; update docs/dotenv.md")
        }
    }
}
