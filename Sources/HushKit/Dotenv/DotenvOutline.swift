/// Locates the values of a dotenv file without changing a byte of it.
///
/// ## The dotenv format Hush reads
///
/// A dotenv file is a sequence of lines. Lines end with LF or CRLF (the last line may have no
/// line break); the CR of a CRLF is never part of a value, and a CR that is not followed by a
/// LF is an error outside comments. A UTF-8 byte order mark at the very start of the file is
/// skipped. Every line is one of:
///
/// - **A blank line**: nothing, or only spaces and tabs.
/// - **A comment**: optional spaces or tabs, then `#`, then anything up to the end of the line.
/// - **An assignment**: `NAME=value` or `export NAME=value`.
///
/// In an assignment, spaces and tabs may precede the line, follow `export` (at least one is
/// required there), and surround the `=`. A `NAME` is an ASCII letter or underscore followed by
/// letters, digits and underscores (`[A-Za-z_][A-Za-z0-9_]*`); names are case-sensitive, and a
/// name may be assigned only once per file. `export` itself is a valid name (`export=1`); it is
/// read as the keyword only when white space and another name follow it. The value takes one
/// of four forms:
///
/// - **Empty**: nothing, or only spaces and tabs, optionally followed by an inline comment.
///   `NAME=` and `NAME= # note` both set `NAME` to the empty string (but `NAME=#x` is the
///   value `#x`: an inline comment needs a space or tab before its `#`).
/// - **Unquoted**: runs to the end of the line, or to an inline comment, which starts at a `#`
///   preceded by a space or tab (`NAME=a#b` is `a#b`; `NAME=a #b` is `a`). Spaces and tabs
///   around it are not part of it; spaces inside it are. It is taken literally: backslashes are
///   ordinary characters. It may not contain a quote character (`"` or `'`): quote such a value.
/// - **Single-quoted**: `'...'` on one line, taken literally; there are no escapes, so a
///   single-quoted value cannot contain `'`.
/// - **Double-quoted**: `"..."`, which may span several lines. The escapes `\n` (line feed),
///   `\r` (carriage return), `\t` (tab), `\\`, `\"` and `\$` are decoded; a backslash before any
///   other character is kept together with that character (`"\a"` is the two characters `\a`).
///   A line break inside the quotes is part of the value and is read as a line feed, also when
///   the file uses CRLF line endings, so a value means the same on every platform.
///
/// After a closing quote, only spaces, tabs and a `# comment` (with or without a space before
/// the `#`) may follow on that line.
///
/// `$VAR` and `${VAR}` are not expanded here: the outline keeps every value as written, so the
/// file's text never depends on the environment it is read in. `hush exec`, `export` and
/// `decrypt --format json|yaml|shell` expand `${VAR}` afterwards (`DotenvExpansion`,
/// docs/dotenv.md). Values must be valid UTF-8.
///
/// ## Differences from other dotenv readers
///
/// The format is deliberately strict and predictable. Most files written for other dotenv
/// tools read the same here; it differs from python-dotenv (with interpolation turned off
/// there) in these cases:
///
/// - `NAME= #comment` is empty here; python-dotenv reads `#comment` as the value.
/// - Single-quoted values have no escapes here; python-dotenv decodes `\'` and `\\` in them.
/// - In double quotes, `\$` is decoded to `$` here and kept as `\$` by python-dotenv; `\'`,
///   `\a`, `\b`, `\f`, `\v` and `\` followed by a line break are kept as written here and decoded
///   by python-dotenv. A double-quoted value ending in an escaped backslash (`"a\\"`) closes
///   here; python-dotenv reads the `\"` as an escaped quote and the value runs on.
/// - A quote inside an unquoted value, a single-quoted value spanning lines, a line without
///   `=`, a repeated name and a carriage return not followed by a line feed are errors here.
public enum DotenvOutline {
    /// Scans a dotenv document and returns the location and decoded value of every assignment.
    ///
    /// Each assignment gives one ``Leaf`` with `path` `[.key(NAME)]`, type `.string`, the
    /// decoded `value`, and `range` covering the value exactly as written (its quotes included;
    /// surrounding white space and any comment excluded). An empty unquoted value gives an empty
    /// range where a value would be written: right after the `=` when a comment follows on the
    /// line (so that text inserted there cannot run into the comment), otherwise after the `=`
    /// and the spaces and tabs that follow it. Leaves come in document order.
    ///
    /// The outline has one mapping, the whole file, whose insertion point is the end of the
    /// document: a new assignment is appended (after a line break, which the caller adds when
    /// the document does not end with one).
    ///
    /// - Parameters:
    ///   - bytes: The document, UTF-8 encoded.
    ///   - file: The name used in error messages.
    /// - Throws: ``HushError`` of kind `.badInput`, located at the 1-based line and byte
    ///   column of the problem, when the document does not follow the format above. The
    ///   message never contains value text, which may be secret.
    public static func scan(_ bytes: [UInt8], file: String) throws -> DocumentOutline {
        try scan(bytes, file: file, keepingUnquotedText: true)
    }

    /// `scan`, optionally leaving unquoted values' `value` empty (`DotenvScanner.keepsUnquotedText`)
    /// or letting a name be assigned twice (`DotenvScanner.refusesDuplicates`).
    static func scan(
        _ bytes: [UInt8], file: String, keepingUnquotedText: Bool, refusingDuplicates: Bool = true
    ) throws -> DocumentOutline {
        // The scanner reads through a buffer pointer: slicing an array for every value would
        // retain and release its storage each time, which dominated the scan time.
        let leaves = try bytes.withUnsafeBufferPointer { buffer in
            var scanner = DotenvScanner(bytes: buffer, file: file)
            scanner.keepsUnquotedText = keepingUnquotedText
            scanner.refusesDuplicates = refusingDuplicates
            return try scanner.scanDocument()
        }
        let document = MappingSpan(path: [], insertionOffset: bytes.count, keyColumn: 0, isFlow: false)
        return DocumentOutline(leaves: leaves, mappings: [document])
    }
}
