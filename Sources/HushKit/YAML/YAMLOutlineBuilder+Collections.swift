/// Collections, aliases and merge keys: opening and closing mappings and sequences, and the
/// checks on what may stand in a flow collection and as a merge key's value.
extension YAMLOutlineBuilder {
    mutating func open(_ event: YAMLEvent) throws(HushError) {
        let nodeStart = map.byteOffset(ofCharacter: event.start)
        let start = try contentStart(nodeStart, event)
        guard stack.count < Self.maximumDepth else { throw YAMLDiagnostics.tooDeep(at: location(byte: start)) }
        let column = start - map.lineStart(ofByte: start)
        var path: [PathComponent] = []
        var startsMergeList = false
        if !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].isMapping && stack[top].key == nil {
                throw YAMLDiagnostics.complexKey(at: location(byte: start))
            }
            startsMergeList = stack[top].mergeValuePending && event.kind == .sequenceStart
            try checkMergeValue(isMapping: event.kind == .mappingStart, isSequence: event.kind == .sequenceStart, at: nodeStart)
            try countPath(stack[top].path.count + 1, at: start)
            let component = Self.nextComponent(&stack[top])
            path = Self.path(stack[top].path, component)
        } else if event.kind != .mappingStart {
            throw YAMLDiagnostics.topLevelNotMapping(at: location(byte: start))
        }
        if let anchor = event.anchor {
            // `&a [&a x]` would leave an alias after it meaning one node to YAML and another here.
            guard !openAnchors.contains(anchor) else { throw YAMLDiagnostics.anchorRedefinedInside(anchor, at: location(byte: nodeStart)) }
            openAnchors.insert(anchor)
            anchors[anchor] = nil
            hasReferences = true
        }
        let isMapping = event.kind == .mappingStart
        if let tag = event.tag {
            hasReferences = true
            if YAMLTag.isStandard(tag) && tag != (isMapping ? YAMLTag.map : YAMLTag.seq) {
                throw YAMLDiagnostics.collectionTag(YAMLTag.display(tag), mapping: isMapping, at: location(byte: nodeStart))
            }
        }
        let line = event.anchor != nil || event.tag != nil ? map.location(ofByte: start).line : 0
        appendNode(OutlineNode(isMapping ? .mapping : .sequence, anchor: event.anchor, tag: event.tag, line: line))
        var span = -1
        if isMapping {
            span = mappings.count
            mappings.append(MappingSpan(path: path, insertionOffset: start, keyColumn: column, isFlow: event.isFlow))
        }
        if event.isFlow { flowDepth += 1 }
        if !stack.isEmpty { stack[stack.count - 1].awaitsMerge = false }
        stack.append(
            OpenCollection(
                path: path, isMapping: isMapping, isFlow: event.isFlow, column: column, span: span, contentEnd: start, anchor: event.anchor,
                isMergeList: startsMergeList))
    }

    mutating func close(_ event: YAMLEvent) throws(HushError) {
        if stack.last?.isFlow == true {
            // A flow collection ends at its closing bracket; a block one at its last entry.
            flowDepth -= 1
            noteContent(map.byteOffset(ofCharacter: event.end))
        }
        guard let done = stack.popLast() else { return }
        appendNode(OutlineNode(.end, line: 0))
        if let anchor = done.anchor {
            openAnchors.remove(anchor)
            anchors[anchor] = (done.size, done.isMapping)
        }
        if done.span >= 0 {
            mappings[done.span].insertionOffset = map.nextLineStart(afterByte: done.contentEnd)
        }
        if !stack.isEmpty {
            stack[stack.count - 1].key = nil
            stack[stack.count - 1].size += done.size
            noteContent(done.contentEnd)
        }
    }

    mutating func alias(_ event: YAMLEvent) throws(HushError) {
        let name = event.anchor ?? ""
        let start = map.byteOffset(ofCharacter: event.start)
        guard !stack.isEmpty else { throw YAMLDiagnostics.topLevelNotMapping(at: location(byte: start)) }
        let top = stack.count - 1
        if stack[top].isMapping && stack[top].key == nil { throw YAMLDiagnostics.aliasKey(name, at: location(byte: start)) }
        if flowDepth > 0 { try checkFlowIndicator(event) }
        try checkMergeValue(isMapping: anchors[name]?.isMapping ?? true, isSequence: false, at: start)
        guard let size = anchors[name]?.size else {
            if openAnchors.contains(name) { throw YAMLDiagnostics.recursiveAlias(name, at: location(byte: start)) }
            throw YAMLDiagnostics.undefinedAlias(name, at: location(byte: start))
        }
        expansion += size
        if expansion > Self.maximumExpansion {
            throw YAMLDiagnostics.tooManyAliases(limit: Self.maximumExpansion, at: location(byte: start))
        }
        hasReferences = true
        appendNode(OutlineNode(.alias(name), line: map.location(ofByte: start).line))
        _ = Self.nextComponent(&stack[top])
        stack[top].size += size
        noteContent(map.byteOffset(ofCharacter: event.end))
        lastWasJSONLike = false
    }

    /// The value of a merge key (`<<`) must be a mapping, an alias of one, or a sequence of
    /// those (docs/format.md §8.3): checked as the document is read, so that every document the
    /// reader accepts has a data model. Called before a value is attached to the innermost
    /// collection.
    mutating func checkMergeValue(isMapping: Bool, isSequence: Bool, at offset: Int) throws(HushError) {
        guard let top = stack.indices.last else { return }
        if stack[top].mergeValuePending {
            // Consumed here for scalars and aliases; `open` clears it after marking a merge list.
            if !isSequence { stack[top].awaitsMerge = false }
            if isMapping || isSequence { return }
        } else if stack[top].isMergeList {
            if isMapping { return }
        } else {
            return
        }
        throw YAMLDiagnostics.mergeValue(at: location(byte: offset))
    }

    /// libyaml reads `?` and `:` as indicators anywhere in a flow collection, where YAML 1.2
    /// reads `?foo` and `:foo` as plain scalars (`{ ?foo: bar }` has the key `?foo`). Rather
    /// than give a document a meaning other YAML readers do not, such a node is refused.
    mutating func checkFlowIndicator(_ event: YAMLEvent) throws(HushError) {
        guard flowDepth > 0 else { return }
        let start = map.byteOffset(ofCharacter: event.start)
        guard start > 0 else { return }
        let before = map.bytes[start - 1]
        // After a quoted key or a flow collection, YAML 1.2 allows `:` right before the value.
        if before == UInt8(ascii: "?") || (before == UInt8(ascii: ":") && !lastWasJSONLike) {
            throw YAMLDiagnostics.indicatorBeforeScalar(Character(Unicode.Scalar(before)), at: location(byte: start - 1))
        }
    }
}
