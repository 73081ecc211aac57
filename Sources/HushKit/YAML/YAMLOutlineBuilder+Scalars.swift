/// Scalars: keys and values, where each leaf's range starts and ends, and the refusals that keep
/// a token in its place from changing what the document means.
extension YAMLOutlineBuilder {
    mutating func scalar(_ event: YAMLEvent) throws(HushError) {
        guard !stack.isEmpty else {
            // A document that is empty except for `---` parses as one empty plain scalar.
            if event.style == .plain && event.value.isEmpty && event.start == event.end { return }
            // libyaml gives up on a key longer than its limit and reads the line as a scalar.
            let start = map.byteOffset(ofCharacter: event.start)
            if let keyStart = YAMLKeyLength.explain(map.bytes, lineStart: map.lineStart(ofByte: start)) {
                throw YAMLDiagnostics.keyTooLong(at: location(byte: keyStart))
            }
            throw YAMLDiagnostics.topLevelNotMapping(at: location(event.start))
        }
        // The innermost collection is mutated in place: copying it would copy its key table.
        let top = stack.count - 1
        let nodeStart = map.byteOffset(ofCharacter: event.start)
        var end = map.byteOffset(ofCharacter: event.end)
        let start = try contentStart(nodeStart, event)
        if let anchor = event.anchor, openAnchors.contains(anchor) {
            throw YAMLDiagnostics.anchorRedefinedInside(anchor, at: location(byte: nodeStart))
        }

        if stack[top].isMapping && stack[top].key == nil {
            if YAMLKeyLength.isTooLong(event.value) { throw YAMLDiagnostics.keyTooLong(at: location(byte: nodeStart)) }
            if let first = stack[top].keys.insert(event.value, at: nodeStart) {
                let firstLine = map.location(ofByte: first).line
                throw YAMLDiagnostics.duplicateKey(event.value, firstLine: firstLine, at: location(byte: nodeStart))
            }
            stack[top].key = event.value
            if event.style == .literal || event.style == .folded, endsDocumentWithoutBreak(blockKeyEnd: end) {
                throw YAMLDiagnostics.blockScalarKeyAtEnd(at: location(byte: nodeStart))
            }
            let isMerge =
                event.value == "<<" && ((event.style == .plain && event.tag == nil) || event.tag == YAMLTag.merge)
            if isMerge {
                hasReferences = true
                stack[top].awaitsMerge = true
            }
            // Lines cost a lookup per node; only nodes that messages name get one.
            let line = isMerge || event.anchor != nil || event.tag != nil ? map.location(ofByte: nodeStart).line : 0
            appendNode(OutlineNode(isMerge ? .mergeKey : .key(event.value), anchor: event.anchor, tag: event.tag, line: line))
            noteProperties(event, size: 1)
            noteContent(end)
            return
        }

        var range = min(start, end)..<end
        if start != nodeStart && (start >= end || event.style == .plain && event.value.isEmpty) {
            // Properties with no value after them (`key: !!str`): an empty value right after them.
            range = end..<end
        } else if start != nodeStart && !Self.startsLikeStyle(map.bytes, start, event.style) {
            throw YAMLDiagnostics.propertiesNotUnderstood(at: location(byte: nodeStart))
        }
        switch event.style {
        case _ where range.isEmpty && start != nodeStart:
            break
        case .literal, .folded:
            try checkBlockScalarColumn(nodeStart: nodeStart, start: start, parentColumn: stack[top].column)
            // At the very end of a file without a final line break, the value lacks the "\n"
            // that clip and keep chomping would keep; it reads back the same since the sealed
            // form records the missing break (`#hush:final-newline no`), and `DocumentEdit`
            // refuses to add anything after it, which would change the value.
            end = YAMLBlockScalar.rangeEnd(in: map.bytes, start: start, end: end, parentIndent: stack[top].column)
            range = start..<end
        case .singleQuoted, .doubleQuoted:
            // libyaml accepts `'x'#c`, but a plain token in its place would swallow the `#c`.
            if flowDepth == 0, end < map.bytes.count, map.bytes[end] == UInt8(ascii: "#") {
                throw YAMLDiagnostics.commentWithoutSpace(at: location(byte: end))
            }
        case .plain where start == end:
            let position = emptyValuePosition(start)
            range = position..<position
        case .plain:
            break
        }
        try checkMergeValue(isMapping: false, isSequence: false, at: nodeStart)
        let type = event.style == .plain ? YAMLScalar.resolve(plain: event.value.utf8) : .string
        let (line, column) = map.location(ofByte: range.lowerBound)
        try countPath(stack[top].path.count + 1, at: range.lowerBound)
        let component = Self.nextComponent(&stack[top])
        let path = Self.leafPath(leaves.count, stack[top].path, component, hints: pathHints)
        appendNode(OutlineNode(.scalar(leaves.count), anchor: event.anchor, tag: event.tag, line: line))
        leaves.append(
            Leaf(
                path: path, range: range, type: type, line: line, column: column, inFlow: flowDepth > 0,
                value: keepsValues ? event.value : ""))
        if let tag = event.tag { try checkTag(tag, event.value, leaves[leaves.count - 1]) }
        stack[top].size += 1
        noteProperties(event, size: 1)
        noteContent(max(range.upperBound, end))
    }

    /// True when the byte at `offset` can start a scalar of `style` (a check that the content
    /// after a node's properties was found where libyaml found it).
    private static func startsLikeStyle(_ bytes: [UInt8], _ offset: Int, _ style: YAMLScalarStyle) -> Bool {
        guard offset < bytes.count else { return false }
        switch style {
        case .singleQuoted: return bytes[offset] == UInt8(ascii: "'")
        case .doubleQuoted: return bytes[offset] == UInt8(ascii: "\"")
        case .literal: return bytes[offset] == UInt8(ascii: "|")
        case .folded: return bytes[offset] == UInt8(ascii: ">")
        case .plain: return !isBlankOrBreak(bytes[offset]) && bytes[offset] != UInt8(ascii: "#")
        }
    }

    /// libyaml places an empty value that has no indicator of its own (`? key` without `:`)
    /// at the next token, possibly lines later, or at the end of the input (after trailing
    /// blanks and comments); it belongs right after the previous content. Whenever only blanks,
    /// line breaks and comments lie between the two, the previous content's end is taken: the
    /// same place with or without the final line break the sealed body adds (fuzz finding 1).
    /// After an indicator (`key:`, `- `) libyaml's place is right after it and is kept.
    private mutating func emptyValuePosition(_ offset: Int) -> Int {
        guard lastEnd <= offset else { return offset }
        return Self.skipSeparation(map.bytes, from: lastEnd) >= offset ? lastEnd : offset
    }

    /// True when the block scalar key which libyaml ends at `end` is the last thing in a
    /// document without a final line feed. The sealed body adds that line break
    /// (docs/format.md §6) and keys stay plaintext there: libyaml makes a block scalar take the
    /// line breaks and blank lines after it, so the key would take the new one too, as a "\n"
    /// in its value (clip chomping `? |\n x`, keep chomping with a last line of blanks
    /// `?\n|+\n `: fuzz finding 5) or in its extent, which moves its empty value (strip
    /// chomping). Such a key is refused rather than sealed into another key.
    private func endsDocumentWithoutBreak(blockKeyEnd end: Int) -> Bool {
        let bytes = map.bytes
        // As the sealer sees it: a document ending with a lone CR gets a LF too, and the CRLF
        // it then ends with is one longer line break for libyaml (`? |\r`).
        guard let last = bytes.last, last != 0x0A else { return false }
        return end >= bytes.count || bytes[end...].allSatisfy(Self.isBlankOrBreak)
    }

    /// A block scalar value whose line begins with it (its `|` or `>`, or a property before it)
    /// at its parent's column or left of it (`a:\n|\n x`, `-\n|\n x`) is valid YAML, but no
    /// other scalar may stand there: its token would read as the next key (fuzz finding 2).
    /// Refused with the line and column.
    private mutating func checkBlockScalarColumn(nodeStart: Int, start: Int, parentColumn: Int) throws(HushError) {
        let bytes = map.bytes
        let lineStart = map.lineStart(ofByte: start)
        var first = lineStart
        while first < start, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") { first += 1 }
        guard first >= nodeStart, first - lineStart <= parentColumn else { return }
        throw YAMLDiagnostics.blockScalarAtParentColumn(at: location(byte: first))
    }

    /// A standard tag must be one Hush knows, and a plaintext value must fit it (a token, in a
    /// sealed body, is checked once decrypted).
    private mutating func checkTag(_ tag: String, _ value: String, _ leaf: Leaf) throws(HushError) {
        switch DataModel.applying(tag, to: value) {
        case .kind: return
        case .unsupported: throw DataModel.unsupportedTag(tag, leaf: leaf, file: file)
        case .invalid(let what):
            guard !Token.looksLikeToken(value.utf8) else { return }
            throw DataModel.invalidTag(tag, what, leaf: leaf, file: file)
        }
    }

    /// Records a node's anchor (complete) and its tag in the outline.
    private mutating func noteProperties(_ event: YAMLEvent, size: Int) {
        if let anchor = event.anchor {
            anchors[anchor] = (size, false)
            hasReferences = true
        }
        if event.tag != nil { hasReferences = true }
    }
}
