/// Node properties (`&anchor`, `!tag`) and the blanks, line breaks and comments between tokens.
extension YAMLOutlineBuilder {
    /// Where a node's content starts. libyaml starts a node at its first property (`&anchor`,
    /// `!tag`); the content follows them after blanks, line breaks or comments. Leaf ranges
    /// exclude the properties, so a token replaces only the scalar text and they stay plaintext.
    mutating func contentStart(_ start: Int, _ event: YAMLEvent) throws(HushError) -> Int {
        guard event.anchor != nil || event.tag != nil else { return start }
        let bytes = map.bytes
        var i = start
        var properties = (event.anchor != nil ? 1 : 0) + (event.tag != nil ? 1 : 0)
        while properties > 0, i < bytes.count {
            if bytes[i] == UInt8(ascii: "&") {
                // libyaml anchors are [0-9A-Za-z_-]+, so the name as reported is the text.
                i += 1 + (event.anchor?.utf8.count ?? 0)
                // libyaml ends an anchor at `:` and some other characters, YAML 1.2 only at a
                // blank or (in a flow collection) a flow indicator: `&a:b` has no one meaning,
                // and a token put right after the name would lengthen it.
                if i < bytes.count, !Self.isBlankOrBreak(bytes[i]), !(flowDepth > 0 && Self.isFlowIndicator(bytes[i])) {
                    throw YAMLDiagnostics.anchorWithoutSpace(event.anchor ?? "", at: location(byte: start))
                }
            } else if bytes[i] == UInt8(ascii: "!") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<") {
                    while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                } else {
                    while i < bytes.count, !Self.isBlankOrBreak(bytes[i]), !(flowDepth > 0 && Self.isFlowIndicator(bytes[i])) { i += 1 }
                }
            } else {
                break
            }
            properties -= 1
            i = Self.skipSeparation(bytes, from: i)
        }
        return min(i, bytes.count)
    }

    /// Skips blanks, line breaks and comments.
    static func skipSeparation(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            if isBlankOrBreak(bytes[i]) {
                i += 1
            } else if bytes[i] == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF,
                i == 0 || bytes[i - 1] == 0x0A || bytes[i - 1] == 0x0D
            {
                // A byte order mark at the start of a line, which libyaml skips (elsewhere it is
                // part of the value).
                i += 3
            } else if bytes[i] == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            } else {
                break
            }
        }
        return i
    }

    static func isBlankOrBreak(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    private static func isFlowIndicator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
    }
}
