internal import CPCRE2

/// Why a pattern could not be compiled or matched: PCRE2's return codes, turned into a Swift
/// error at this boundary (the only folder that imports `CPCRE2`).
enum ScanRegexError: Error, Equatable, CustomStringConvertible {
    /// The pattern is not valid PCRE2 syntax; `offset` is the byte offset PCRE2 points at.
    case syntax(message: String, offset: Int)
    /// A match gave up: backtracking or JIT stack limit (`code` is PCRE2's error number).
    case limit(code: Int32, message: String)
    /// Any other matching error.
    case match(code: Int32, message: String)

    var description: String {
        switch self {
        case .syntax(let message, let offset): "\(message) at offset \(offset)"
        case .limit(_, let message), .match(_, let message): message
        }
    }

    static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[..<Int(count)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// A PCRE2 pattern compiled once per run, JIT-compiled where the platform has a JIT, and
/// matched on bytes. Compiled code is read-only after construction, so one `ScanRegex` is
/// shared by every scanning thread; each thread brings its own `RegexScratch`.
///
/// Patterns are compiled without `PCRE2_UTF`: a subject is bytes, not checked as UTF-8 (files
/// are scanned as they are, valid UTF-8 or not), `.` and classes match single bytes. Rules are
/// ASCII patterns, so this changes nothing for them and saves PCRE2's UTF validity check.
final class ScanRegex: @unchecked Sendable {
    let pattern: String
    /// The number of the capture group named `secret`, when the pattern has one.
    let secretGroup: Int?
    /// Number of capture groups (not counting the whole match).
    let captureCount: Int
    /// True when JIT compilation succeeded (matches go through `pcre2_jit_match`).
    let isJIT: Bool
    private let code: OpaquePointer

    init(_ pattern: String) throws(ScanRegexError) {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress ?? UnsafePointer(bitPattern: 1), buffer.count, 0, &errorCode, &errorOffset, nil)
        }
        guard let compiled else { throw .syntax(message: ScanRegexError.message(errorCode), offset: errorOffset) }
        code = compiled
        isJIT = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        let number = pcre2_substring_number_from_name_8(compiled, "secret")
        secretGroup = number > 0 ? Int(number) : nil
    }

    deinit { pcre2_code_free_8(code) }

    /// The first match in `subject[offset...]`: the whole match and the secret (the `secret`
    /// group when it took part, else the whole match), as offsets into `subject`. `^` and `$`
    /// match at the subject's ends, so a subject that is one line makes them line anchors;
    /// `notBOL` / `notEOL` say that the subject starts or ends inside a line.
    func firstMatch(
        in subject: UnsafeBufferPointer<UInt8>, from offset: Int, notBOL: Bool = false, notEOL: Bool = false, scratch: RegexScratch
    ) throws(ScanRegexError) -> (whole: Range<Int>, secret: Range<Int>)? {
        guard offset <= subject.count else { return nil }
        let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let options = (notBOL ? UInt32(PCRE2_NOTBOL) : 0) | (notEOL ? UInt32(PCRE2_NOTEOL) : 0)
        let rc =
            isJIT
            ? pcre2_jit_match_8(code, base, subject.count, offset, options, scratch.matchData, scratch.context)
            : pcre2_match_8(code, base, subject.count, offset, options, scratch.matchData, scratch.context)
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT {
            throw .limit(code: rc, message: ScanRegexError.message(rc))
        }
        if rc < 0 { throw .match(code: rc, message: ScanRegexError.message(rc)) }
        let vector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        let whole = vector[0]..<vector[1]
        // rc == 0: the vector is too small for every group (cannot happen: the scratch is
        // sized for the largest pattern); the whole match is still right.
        if let group = secretGroup, rc == 0 || group < Int(rc) {
            let start = vector[2 * group], end = vector[2 * group + 1]
            if start != PCRE2_UNSET_VALUE, end >= start { return (whole, start..<end) }
        }
        return (whole, whole)
    }

    /// Whether `bytes` contain a match (for tests and one-off checks).
    func matches(_ bytes: [UInt8]) throws(ScanRegexError) -> Bool {
        let scratch = RegexScratch(captures: captureCount)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(ScanRegexError) -> Bool in
            try firstMatch(in: buffer, from: 0, scratch: scratch) != nil
        }
    }
}

/// PCRE2_UNSET, `~(PCRE2_SIZE)0`, which Swift does not import as a constant.
private let PCRE2_UNSET_VALUE = ~0

/// Per-thread matching state: match data sized for the largest pattern, a match context with
/// a backtracking limit, and a JIT stack larger than the default 32 KiB.
final class RegexScratch {
    fileprivate let matchData: OpaquePointer
    fileprivate let context: OpaquePointer?
    private let stack: OpaquePointer?

    /// `captures`: the largest capture count of the patterns this scratch will be used with.
    init(captures: Int, matchLimit: UInt32 = 2_000_000) {
        matchData = pcre2_match_data_create_8(UInt32(captures + 1), nil)!
        context = pcre2_match_context_create_8(nil)
        stack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let context {
            pcre2_set_match_limit_8(context, matchLimit)
            if let stack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(stack)) }
        }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        if let context { pcre2_match_context_free_8(context) }
        if let stack { pcre2_jit_stack_free_8(stack) }
    }
}

/// PCRE2's build: whether it has a JIT for this machine.
enum PCRE2Build {
    static var hasJIT: Bool {
        var value: UInt32 = 0
        return pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &value) >= 0 && value == 1
    }
}
