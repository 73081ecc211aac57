/// A small YAML document as a tree of nodes with their lines, for Hush's own plaintext
/// configuration (`recipients/access.yaml`), where the shape matters more than the layout.
///
/// Parsing goes through `YAMLOutline.scan` first, so malformed YAML and what Hush does not
/// support (several documents, duplicate keys) get the same located errors as in secret
/// files; anchors, aliases, merge keys and tags are refused here.
indirect enum YAMLNode: Sendable, Equatable {
    case scalar(String, line: Int)
    case sequence([YAMLNode], line: Int)
    case mapping([(key: String, line: Int, value: YAMLNode)], line: Int)

    /// The 1-based line the node starts on.
    var line: Int {
        switch self {
        case .scalar(_, let line), .sequence(_, let line), .mapping(_, let line): line
        }
    }

    static func == (a: YAMLNode, b: YAMLNode) -> Bool {
        switch (a, b) {
        case (.scalar(let x, let l), .scalar(let y, let m)): x == y && l == m
        case (.sequence(let x, let l), .sequence(let y, let m)): x == y && l == m
        case (.mapping(let x, let l), .mapping(let y, let m)):
            l == m && x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.line == $1.line && $0.value == $1.value }
        default: false
        }
    }

    /// Parses `bytes`; an empty document is an empty mapping.
    static func parse(_ bytes: [UInt8], file: String) throws -> YAMLNode {
        let outline = try YAMLOutline.scan(bytes, file: file)
        if outline.hasReferences {
            // Hush's own configuration is read by its shape: keep it plain.
            let line = outline.nodes.first { $0.anchor != nil || $0.tag != nil || $0.kind == .mergeKey || $0.isAlias }?.line ?? 1
            throw HushError.syntax(
                file, line: line, column: 1, "anchors, aliases, merge keys and tags are not supported in this file",
                hint: "write the values out in full")
        }
        var map = YAMLSourceMap(bytes, origin: YAMLEventReader.bomLength(bytes))
        // Open collections; a mapping's pending key waits for its value.
        var stack: [(node: YAMLNode, pendingKey: (String, Int)?)] = []
        var root: YAMLNode?
        func line(_ event: YAMLEvent) -> Int { map.location(ofByte: map.byteOffset(ofCharacter: event.start)).line }
        func attach(_ node: YAMLNode) {
            guard var top = stack.popLast() else {
                root = node
                return
            }
            switch top.node {
            case .sequence(let items, let l):
                top.node = .sequence(items + [node], line: l)
            case .mapping(let entries, let l):
                if let (key, keyLine) = top.pendingKey {
                    top.node = .mapping(entries + [(key, keyLine, node)], line: l)
                    top.pendingKey = nil
                } else if case .scalar(let key, let keyLine) = node {
                    top.pendingKey = (key, keyLine)
                }
            case .scalar: break
            }
            stack.append(top)
        }
        try YAMLEventReader.read(bytes) { event in
            switch event.kind {
            case .scalar: attach(.scalar(event.value, line: line(event)))
            case .sequenceStart: stack.append((.sequence([], line: line(event)), nil))
            case .mappingStart: stack.append((.mapping([], line: line(event)), nil))
            case .sequenceEnd, .mappingEnd:
                if let done = stack.popLast() { attach(done.node) }
            default: break
            }
        }
        return root ?? .mapping([], line: 1)
    }
}
