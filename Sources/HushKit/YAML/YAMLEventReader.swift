internal import CYAML

/// The presentation style of a scalar as written in the source.
enum YAMLScalarStyle: Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One libyaml parse event, copied into Swift types so that no C type leaves this file.
///
/// Positions are libyaml mark indexes: they count characters (Unicode scalars, with CRLF as
/// two), not bytes, from just after any byte order mark. `YAMLSourceMap` turns them into
/// byte offsets.
struct YAMLEvent: Sendable {
    enum Kind: Sendable {
        case streamStart, streamEnd, documentStart, documentEnd, alias, scalar
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// The decoded value of a scalar; empty for other events.
    var value: String = ""
    var style: YAMLScalarStyle = .plain
    /// For a collection start: written in flow style (`[...]`, `{...}`).
    var isFlow = false
    /// The anchor (`&name`) of a node, or for an alias the name it refers to (`*name`).
    var anchor: String?
    /// The tag of a node, resolved by libyaml: `!!str` is `tag:yaml.org,2002:str`, `!Ref` is
    /// `!Ref`, a `%TAG` handle is expanded.
    var tag: String?
    /// For a plain scalar: written without a tag, so the schema decides its type.
    var isPlainImplicit = false
    var hasAnchor: Bool { anchor != nil }
    var hasTag: Bool { tag != nil }
    /// For a document start or end: no explicit `---` or `...` marker.
    var isImplicit = true
}

/// A libyaml parse failure, located either by a character index (scanner and parser
/// errors) or by a byte offset (invalid encoding found by the reader).
struct YAMLParseFailure: Error, Sendable {
    enum Position: Sendable {
        case character(Int)
        case byte(Int)
    }

    var problem: String
    var position: Position
    /// What libyaml was doing, e.g. "while scanning a quoted scalar", and where it began.
    var context: String?
    var contextStart: Int?
}

/// Runs libyaml's event parser over a UTF-8 document.
enum YAMLEventReader {
    /// Parses `bytes` and hands every event to `body`, in order, until the stream ends.
    /// Throws `YAMLParseFailure` for malformed input, or whatever `body` throws.
    static func read(_ bytes: [UInt8], _ body: (YAMLEvent) throws -> Void) throws {
        // libyaml keeps pointers into the parser struct itself, so it must not move.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) != 0 else {
            throw YAMLParseFailure(problem: "out of memory", position: .byte(0))
        }
        defer { yaml_parser_delete(parser) }
        // Forcing UTF-8 makes libyaml reject UTF-16 input instead of transcoding it, which
        // would make its positions meaningless for our byte ranges.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        // With a forced encoding libyaml would count a BOM as a character in column 0 and
        // misjudge the indentation of the first line, so the BOM is skipped here instead.
        let skipped = bomLength(bytes)

        try withStableBase(bytes) { base, count in
            yaml_parser_set_input_string(parser, base + skipped, count - skipped)
            while true {
                guard yaml_parser_parse(parser, event) != 0 else { throw failure(parser.pointee, skipped) }
                defer { yaml_event_delete(event) }
                let isLast = event.pointee.type == YAML_STREAM_END_EVENT
                try body(convert(event.pointee))
                if isLast { return }
            }
        }
    }

    /// The length of a leading UTF-8 byte order mark: libyaml's character indexes start
    /// just after it.
    static func bomLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// libyaml asserts on a null input pointer, which an empty array may give.
    private static func withStableBase(
        _ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws -> Void
    ) throws {
        if bytes.isEmpty {
            var zero: UInt8 = 0
            try withUnsafePointer(to: &zero) { try body($0, 0) }
        } else {
            try bytes.withUnsafeBufferPointer { try body($0.baseAddress!, $0.count) }
        }
    }

    private static func convert(_ e: yaml_event_t) -> YAMLEvent {
        var out = YAMLEvent(kind: .streamStart, start: Int(e.start_mark.index), end: Int(e.end_mark.index))
        switch e.type {
        case YAML_STREAM_START_EVENT: out.kind = .streamStart
        case YAML_DOCUMENT_START_EVENT:
            out.kind = .documentStart
            out.isImplicit = e.data.document_start.implicit != 0
        case YAML_DOCUMENT_END_EVENT:
            out.kind = .documentEnd
            out.isImplicit = e.data.document_end.implicit != 0
        case YAML_ALIAS_EVENT:
            out.kind = .alias
            out.anchor = text(e.data.alias.anchor)
        case YAML_SCALAR_EVENT:
            let s = e.data.scalar
            out.kind = .scalar
            out.value = String(decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)), as: UTF8.self)
            out.style = style(s.style)
            out.anchor = text(s.anchor)
            out.tag = text(s.tag)
            out.isPlainImplicit = s.plain_implicit != 0
        case YAML_SEQUENCE_START_EVENT:
            let s = e.data.sequence_start
            out.kind = .sequenceStart
            out.isFlow = s.style == YAML_FLOW_SEQUENCE_STYLE
            out.anchor = text(s.anchor)
            out.tag = text(s.tag)
        case YAML_SEQUENCE_END_EVENT: out.kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let m = e.data.mapping_start
            out.kind = .mappingStart
            out.isFlow = m.style == YAML_FLOW_MAPPING_STYLE
            out.anchor = text(m.anchor)
            out.tag = text(m.tag)
        case YAML_MAPPING_END_EVENT: out.kind = .mappingEnd
        default: out.kind = .streamEnd
        }
        return out
    }

    /// A NUL-terminated libyaml string, or nil.
    private static func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func style(_ s: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func failure(_ p: yaml_parser_t, _ skipped: Int) -> YAMLParseFailure {
        let problem = p.problem.map { String(cString: $0) } ?? "the document could not be parsed"
        let context = p.context.map { String(cString: $0) }
        if p.error == YAML_READER_ERROR {
            // Reader errors (bad UTF-8, control characters) carry a raw byte offset instead of a mark.
            return YAMLParseFailure(problem: problem, position: .byte(Int(p.problem_offset) + skipped))
        }
        return YAMLParseFailure(
            problem: problem,
            position: .character(Int(p.problem_mark.index)),
            context: context,
            contextStart: context == nil ? nil : Int(p.context_mark.index)
        )
    }
}
