/// The longest mapping key Hush reads: 1,024 characters, libyaml's own limit for a key written
/// without `?` (docs/robustness.md, "Limits").
///
/// A key is copied into the path of every value below it, and paths are shown and flattened
/// (`hush keys`, `exec`, `export`), so one huge key under many values would cost its length
/// many times over. libyaml itself stops looking for the `:` of an implicit key after 1,024
/// characters and then reports something unrelated ("could not find expected ':'", or a top
/// level that is not a mapping); `explain` turns those failures into the real reason.
enum YAMLKeyLength {
    static let maximum = 1_024

    /// True when a decoded key is longer than the limit (in Unicode scalars, as libyaml counts).
    static func isTooLong(_ key: String) -> Bool {
        key.utf8.count > maximum && key.unicodeScalars.count > maximum
    }

    /// Where a key too long for libyaml starts on the line holding `offset`, or nil: the text
    /// from the line's first content (after indentation and `- `/`? ` indicators), or from the
    /// last flow indicator, to the first `:` followed by a blank or the line's end, when that
    /// is more than `maximum` characters. Only asked once libyaml has refused the document, so
    /// a wrong guess changes no more than the wording of an error.
    static func explain(_ bytes: [UInt8], lineStart: Int) -> Int? {
        var i = lineStart
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "?") { i += 1 }
        var keyStart = i
        var characters = 0
        while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D {
            let b = bytes[i]
            if b == UInt8(ascii: ":"), i + 1 == bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + 1]) {
                return characters > maximum ? keyStart : nil
            }
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") || b == UInt8(ascii: ",") {
                keyStart = i + 1
                characters = 0
            } else if b & 0xC0 != 0x80 {
                characters += 1  // the first byte of a UTF-8 character
            }
            i += 1
        }
        return nil
    }
}
