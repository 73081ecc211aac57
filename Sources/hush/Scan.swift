import ArgumentParser
import HushKit

struct Scan: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "Find plaintext secrets: provider tokens, the vault's own values, unsealed files where sealed ones belong.",
        discussion: """
            With no PATH: the working tree (tracked files and untracked files git does not ignore). \
            --staged: the staged changes, read from the index (what the pre-commit hook checks). \
            --history: every blob reachable from all refs, each once, reported with the commit that introduced it. \
            PATH…: files and folders, no git needed.

            Each distinct secret is reported once, at its first place (in --history the oldest commit), with the \
            number of further places; --all-places lists them. Every finding has a confidence (high, medium, low); \
            --min-confidence leaves out the lower ones (default: medium with --staged, low otherwise). Base64 and \
            URL-encoded text is decoded and scanned again.

            A finding on a line with `hush:allow` (or `gitleaks:allow`, `pragma: allowlist secret`), or after a \
            line with `hush:allow-next-line`, is suppressed; --baseline FILE leaves out the findings it lists. \
            Paths matching `scan.exclude` globs in .hush.yaml are skipped. Secrets are never printed whole.

            Exit status 1 when there are findings, 0 when none, 2 on an error. A summary goes to stderr. See docs/scan.md.
            """
    )
    static let example = """
          hush scan                              # the working tree
          hush scan --staged                     # what is about to be committed
          hush scan --history --format sarif > hush.sarif
          hush scan --history --all-places --min-confidence medium
          hush scan --write-baseline .hush-baseline.json && hush scan --baseline .hush-baseline.json
        """

    @Argument(help: "Files or folders to scan instead of the git working tree.")
    var paths: [String] = []

    @Flag(help: "Scan the staged changes (read from the index).")
    var staged = false

    @Flag(help: "Scan every blob in the history of all refs.")
    var history = false

    @Option(help: ArgumentHelp("With --history: only commits not reachable from REV.", valueName: "REV"))
    var since: String?

    @Option(help: "text, json (JSON lines) or sarif (SARIF 2.1.0).")
    var format: ScanFormat = .text

    @Option(
        name: .customLong("min-confidence"),
        help: ArgumentHelp("Report findings of at least this confidence: low, medium or high (default: medium with --staged, else low).", valueName: "LEVEL"))
    var minConfidence: ScanConfidence?

    @Flag(name: .customLong("all-places"), help: "List every place of a secret found more than once, not only the first.")
    var allPlaces = false

    @Flag(name: .customLong("no-decode"), help: "Do not decode base64 and URL-encoded text to scan it again.")
    var noDecode = false

    @Option(help: ArgumentHelp("Leave out the findings listed in this baseline file.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write the findings to a baseline file and exit 0.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Skip files larger than this: bytes, or with K, M, G (KiB…).", valueName: "SIZE"))
    var maxSize: String = "2M"

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Skip paths matching this glob (repeatable), on top of .hush.yaml.", valueName: "GLOB"))
    var excludes: [String] = []

    @Flag(name: .customLong("no-vault"), help: "Do not look for the vault's own values.")
    var noVault = false

    @Option(name: [.short, .customLong("jobs")], help: "Scanning threads (default: one per core).")
    var jobs: Int?

    @Flag(name: [.short, .customLong("quiet")], help: "No summary line on stderr.")
    var quiet = false

    @OptionGroup var identity: IdentityOptions

    func validate() throws {
        let modes = [staged, history, !paths.isEmpty].filter { $0 }.count
        if modes > 1 { throw ValidationError("choose one of --staged, --history and PATH…") }
        if since != nil && !history { throw ValidationError("--since applies only to --history") }
        if ScanSize.parse(maxSize) == nil { throw ValidationError("--max-size: expected a size such as 2M, 512K or 1048576") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options = ScanOptions()
        options.mode = staged ? .staged : history ? .history(since: since) : paths.isEmpty ? .workingTree : .paths(paths)
        options.maxSize = ScanSize.parse(maxSize)!
        options.baseline = writeBaseline == nil ? baseline : nil
        options.configuredBaseline = writeBaseline == nil
        options.excludes = excludes
        options.vaultValues = !noVault
        options.identityFiles = identity.identities
        options.jobs = jobs
        options.minConfidence = minConfidence
        options.decode = !noDecode
        let result: ScanResult
        do {
            result = try ScanCommand.run(options)
        } catch let error as HushError {
            // Every failure to scan is exit status 2, apart from findings (1).
            throw HushError(.badInput, error.message, hint: error.hint)
        }
        if let writeBaseline {
            try ScanCommand.writeBaseline(result.findings, to: writeBaseline)
            if !quiet { Console.err(ScanCommand.summary(result)) }
            Console.err("hush scan: wrote \(result.findings.count) finding(s) to \(writeBaseline)\n")
            return
        }
        Console.out(ScanReport.render(result.findings, format: format, rules: result.rules, allPlaces: allPlaces))
        if !quiet { Console.err(ScanCommand.summary(result)) }
        if !result.findings.isEmpty {
            throw HushError(
                .checkFailed, "\(result.findings.count) secret(s) found",
                hint: "remove them (and rotate them at their source), seal them with `hush set`, or mark a false positive with `hush:allow`")
        }
    }
}

/// `--max-size` values: bytes, or a number with K, M or G (powers of 1024; `KiB`, `MB`… read alike).
enum ScanSize {
    static func parse(_ text: String) -> Int? {
        var digits = Substring(text.trimmingCharacters(in: " "))
        var unit = 1
        for (suffixes, scale) in [(["GIB", "GB", "G"], 1 << 30), (["MIB", "MB", "M"], 1 << 20), (["KIB", "KB", "K"], 1 << 10), (["B"], 1)] {
            if let suffix = suffixes.first(where: { digits.uppercased().hasSuffix($0) }) {
                digits = digits.dropLast(suffix.count)
                unit = scale
                break
            }
        }
        guard let value = Int(digits), value > 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

extension ScanFormat: ExpressibleByArgument {}
extension ScanConfidence: ExpressibleByArgument {}
