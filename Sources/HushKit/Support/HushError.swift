/// The one error type every HushKit operation throws.
///
/// Each error carries what went wrong and where (`message`), what to do next (`hint`), and a
/// category that fixes the process exit status. Messages never contain secret material: values,
/// data keys and private keys are never interpolated into them.
public struct HushError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The category of a failure; its raw value is the documented exit status of `hush`.
    public enum Kind: Int32, Sendable {
        /// A check ran and found problems (`verify`, `scan`, `access --check`, the pre-commit
        /// hook, an unresolved merge).
        case checkFailed = 1
        /// Bad input: a malformed file, an unknown environment or key, an invalid name.
        case badInput = 2
        /// No identity was found, or none of them opens the file.
        case noKey = 3
        /// A sealed file failed authentication, is truncated, or has an unknown version.
        case integrity = 4
        /// The operation would overwrite or clobber something and was refused.
        case refused = 5
        /// The operating system failed: I/O, permissions, a missing program.
        case system = 6
        /// `hush exec`: the command exists but could not be executed (as in shells).
        case cannotExecute = 126
        /// `hush exec`: the command was not found (as in shells).
        case commandNotFound = 127
    }

    public var kind: Kind
    public var message: String
    public var hint: String?

    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }

    /// A malformed-input error located at a 1-based line and column of `file`.
    public static func syntax(_ file: String, line: Int, column: Int, _ what: String, hint: String? = nil) -> HushError {
        HushError(.badInput, "\(file):\(line):\(column): \(what)", hint: hint)
    }
}
