@testable import HushKit

/// Unit tests seal and open files in memory, outside any repository: they all use one test
/// context (environment "t", a fixed repository id) and one test writer.
enum TestSigning {
    static let repositoryID = [UInt8](repeating: 0x11, count: 16)
    static let context = FileContext(repositoryID: repositoryID, environment: "t")
    static let writer = Identity.generate(source: "writer")
    static var signer: Signer { Signer(name: "writer", identity: writer) }
}

extension Sealer {
    /// `seal` in the test context, signed by the test writer (sequence number: the previous
    /// version's + 1, or 1).
    static func seal(
        _ plaintext: [UInt8], syntax: Syntax, file: String, recipients: [NamedRecipient], keys: FileKeys, previous: OpenedFile?,
        exposing: [String] = [], exposingPaths: [[PathComponent]: [String]] = [:], conflicts: [MergeConflict] = [], outline: DocumentOutline? = nil,
        nonces: (() -> [UInt8])? = nil, now: String? = nil
    ) throws -> [UInt8] {
        try seal(
            plaintext, syntax: syntax, file: file, context: TestSigning.context, recipients: recipients, keys: keys, signer: TestSigning.signer,
            seq: (previous?.sealed.trailer.seq ?? 0) + 1, previous: previous, exposing: exposing, exposingPaths: exposingPaths, conflicts: conflicts,
            outline: outline, nonces: nonces, now: now)
    }
}

extension SealedFile {
    /// `parse` in the test context.
    static func parse(_ bytes: [UInt8], syntax: Syntax, file: String) throws -> SealedFile {
        try parse(bytes, syntax: syntax, file: file, context: TestSigning.context)
    }
}

extension OpenedFile {
    /// This file with the test writer set, so that `reseal` can sign.
    func signed() -> OpenedFile {
        var copy = self
        copy.writer = TestSigning.signer
        return copy
    }
}

extension ValueReader {
    convenience init(identities: [Identity]) {
        self.init(identities: identities, repositoryID: TestSigning.repositoryID)
    }
}

extension TextConv {
    static func render(_ bytes: [UInt8], name: String, identities: () throws -> [Identity]) -> [UInt8] {
        render(bytes, name: name, context: TestSigning.context, identities: identities)
    }
}

extension KeyDiff {
    static func compare(env: String, old: Version?, new: Version?, identities: () -> [Identity], values: Bool) throws -> FileDiff? {
        try compare(env: env, old: old, new: new, context: TestSigning.context, identities: identities, values: values)
    }
}

extension String {
    /// `self` with the first occurrence of `target` replaced (test helper, no Foundation).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}
