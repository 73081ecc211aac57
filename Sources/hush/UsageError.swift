import HushKit

/// A command line that parses but cannot work, found before anything is read or written: the
/// usual two lines with a hint of its own, exit status 64 like the parser's usage errors.
struct UsageError: Error {
    var message: String
    var hint: String

    /// Refuses `--output PATH` when standard output is that same file (`… --output F >> F`):
    /// the file would get the output twice, or masks and plaintext mixed into it.
    static func checkOutput(_ output: String?) throws {
        guard let output, ExportCommand.standardOutputIs(output) else { return }
        throw UsageError(
            message: "standard output is the --output file \(output)",
            hint: "use --output alone, without redirecting standard output to the same file")
    }
}
