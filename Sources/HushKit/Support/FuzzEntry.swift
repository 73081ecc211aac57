/// The libFuzzer targets of `hush-fuzz` (docs/robustness.md), inside HushKit so that they reach
/// its internal readers. Each target takes one input and returns a finding (a broken invariant
/// or a round-trip mismatch), or nil. A `HushError` for bad input is the expected outcome, not a
/// finding; a crash or a hang is found by libFuzzer itself.
package enum FuzzEntry {
    package enum Target: String, CaseIterable, Sendable {
        /// `DotenvOutline.scan` on arbitrary bytes.
        case dotenv
        /// `YAMLOutline.scan` on arbitrary bytes.
        case yaml
        /// The whole read of a sealed file (docs/format.md §11), as dotenv and as YAML.
        case sealed
        /// The round-trip law: a document the reader accepts, sealed, opens to the same bytes
        /// and the same leaves.
        case roundtrip
    }

    /// Runs `target` on one input. Unless `strict`, a round-trip finding of a known, reported
    /// and not yet fixed kind (`known`) is let through, so that a run looks for new ones.
    package static func run(_ target: Target, _ bytes: [UInt8], strict: Bool = true) -> String? {
        switch target {
        case .dotenv: return reader(.dotenv, bytes)
        case .yaml: return reader(.yaml, bytes)
        case .sealed: return sealed(bytes)
        case .roundtrip: return roundTrip(.dotenv, bytes, strict: strict) ?? roundTrip(.yaml, bytes, strict: strict)
        }
    }

    /// A round-trip finding already reported (Tests/HushKitTests/FuzzFindingsTests.swift has
    /// one test per kind): its number, or nil. Remove a kind here once it is fixed. None is open:
    /// findings 1 to 5 are fixed (an empty value placed at the end of the input, block scalars
    /// at their key's column and block scalar keys ending the document are handled by the
    /// reader itself).
    static func known(_ finding: Finding, _ syntax: Syntax, _ bytes: [UInt8], _ outline: DocumentOutline) -> Int? {
        nil
    }

    /// What the round trip found wrong.
    enum Finding {
        case sealRefused(HushError)
        case emptyValueMoved(Leaf)
        case other(String)
    }

    // MARK: The fixed team every sealed input is read with

    /// A fixed identity (not a secret: it opens only fuzz inputs), so that committed seeds open.
    static let identity: Identity = {
        let secretKey = SecretBytes(count: 32) { buffer in
            for i in buffer.indices { buffer[i] = UInt8(truncatingIfNeeded: 0x5A &+ i) }
        }
        let publicKey = KeyAgreement.publicKey(of: secretKey)
        let recipient = Recipient(kind: .x25519, text: Bech32.encode(hrp: "age", data: publicKey), x25519PublicKey: publicKey)
        return Identity(recipient: recipient, secretKey: secretKey, source: "fuzz")
    }()
    static let context = FileContext(repositoryID: [UInt8](repeating: 0x46, count: 16), environment: "fuzz")
    static let signer = Signer(name: "fuzz", identity: identity)
    static let recipients = [NamedRecipient(name: "fuzz", recipient: identity.recipient)]
    static let team = Membership(members: recipients, policy: AccessPolicy(), signingKeys: ["fuzz": [signer.publicKey]])
    static let keys = FileKeys.random()

    /// A plaintext document sealed as the fuzz targets read it (for the seed corpus).
    /// `exposing` adds exposed marks, `conflicting` a merge conflict on the first leaf.
    package static func seal(_ plaintext: [UInt8], syntax: String, exposing: Bool = false, conflicting: Bool = false) throws -> [UInt8] {
        guard let syntax = Syntax(rawValue: syntax) else { throw HushError(.badInput, "syntax is yaml or dotenv") }
        var conflicts: [MergeConflict] = []
        if conflicting, let leaf = try syntax.scan(plaintext, file: "fuzz").leaves.first {
            conflicts.append(MergeConflict(path: leaf.path, side: .theirs, alternative: (leaf.type, Array("other".utf8))))
        }
        return try Sealer.seal(
            plaintext, syntax: syntax, file: "fuzz", context: context, recipients: recipients, keys: .random(), signer: signer, seq: 1,
            previous: nil, exposing: exposing ? ["gone"] : [], conflicts: conflicts)
    }

    /// The leaves and mappings a reader finds, one per line (`hush-fuzz dump`, to study a finding).
    package static func dump(_ bytes: [UInt8], syntax: String) throws -> String {
        guard let syntax = Syntax(rawValue: syntax) else { throw HushError(.badInput, "syntax is yaml or dotenv") }
        let outline = try syntax.scan(bytes, file: "fuzz")
        let leaves = outline.leaves.map {
            "leaf \(KeyPath.display($0.path)) \($0.range) \($0.type) line \($0.line) column \($0.column)\($0.inFlow ? " in flow" : "") value \($0.value.debugDescription)\n"
        }
        let mappings = outline.mappings.map {
            "mapping \(KeyPath.display($0.path)) insert at \($0.insertionOffset) column \($0.keyColumn)\($0.isFlow ? " flow" : "")\n"
        }
        return (leaves + mappings).joined()
    }

    // MARK: Targets

    /// Reader invariants the sealer relies on: leaves in bounds, in order and not overlapping,
    /// paths unique, mappings' insertion points in bounds; only `HushError`s thrown.
    static func reader(_ syntax: Syntax, _ bytes: [UInt8]) -> String? {
        let outline: DocumentOutline
        do {
            outline = try syntax.scan(bytes, file: "fuzz")
        } catch is HushError {
            return nil
        } catch {
            return "\(syntax) reader threw a non-HushError: \(error)"
        }
        var end = 0
        var paths = Set<[PathComponent]>()
        for (i, leaf) in outline.leaves.enumerated() {
            guard leaf.range.lowerBound >= end, leaf.range.upperBound <= bytes.count else {
                return "\(syntax) leaf \(i) range \(leaf.range) is out of order or out of bounds (previous end \(end), \(bytes.count) bytes)"
            }
            guard leaf.line >= 1, leaf.column >= 1 else { return "\(syntax) leaf \(i) has line \(leaf.line) column \(leaf.column)" }
            guard paths.insert(leaf.path).inserted else { return "\(syntax) path \(KeyPath.display(leaf.path)) appears twice" }
            guard syntax == .yaml || leaf.type == .string else { return "dotenv leaf \(i) has type \(leaf.type)" }
            end = leaf.range.upperBound
        }
        for mapping in outline.mappings where !(0...bytes.count).contains(mapping.insertionOffset) {
            return "\(syntax) mapping \(KeyPath.display(mapping.path)) insertion offset \(mapping.insertionOffset) is out of bounds"
        }
        // The data model (anchors, aliases, merge keys, tags) that decrypt --format, exec and
        // export read: errors are fine, crashes and hangs are not.
        if syntax == .yaml {
            _ = try? DataModel.build(outline, syntax: .yaml, file: "fuzz")
            _ = try? DataModel.build(outline, syntax: .yaml, file: "fuzz", typed: false)
        }
        return nil
    }

    /// The whole read. The data key is taken from the wrap without the MAC check, so that
    /// `decrypt` also sees bodies changed after sealing (as an insider holding the key could).
    static func sealed(_ bytes: [UInt8]) -> String? {
        for syntax in [Syntax.dotenv, .yaml] {
            guard let file = try? SealedFile.parse(bytes, syntax: syntax, file: "fuzz", context: context) else { continue }
            _ = try? SealedFile.parse(bytes, syntax: syntax, file: "fuzz", context: nil)
            _ = file.bytes
            _ = file.recipientNames
            _ = try? file.checkSignature(team)
            _ = try? file.unlock(with: [identity])
            for wrap in file.trailer.wraps where wrap.key == identity.recipient.text {
                guard
                    let dek = try? KeyAgreement.open(wrap.wrapped, publicKey: identity.recipient.x25519PublicKey, secretKey: identity.secretKey),
                    dek.count == KeyDerivation.keyLength
                else { continue }
                let keys = FileKeys(dek: dek)
                if let opened = try? file.decrypt(keys) { _ = try? opened.conflicts() }
                _ = try? file.decrypt(keys, decodeValues: false)
            }
        }
        return nil
    }

    /// The round-trip law for one syntax.
    static func roundTrip(_ syntax: Syntax, _ bytes: [UInt8], strict: Bool) -> String? {
        guard let outline = try? syntax.scan(bytes, file: "fuzz") else { return nil }
        guard let finding = roundTripFinding(syntax, bytes, outline) else { return nil }
        if !strict, known(finding, syntax, bytes, outline) != nil { return nil }
        switch finding {
        case .sealRefused(let error): return "\(syntax): the reader accepts the document but sealing refuses it: \(error)"
        case .emptyValueMoved(let leaf): return "\(syntax): the empty value of \(KeyPath.display(leaf.path)) opened without decoding is not at \(leaf.range)"
        case .other(let text): return "\(syntax): \(text)"
        }
    }

    static func roundTripFinding(_ syntax: Syntax, _ bytes: [UInt8], _ outline: DocumentOutline) -> Finding? {
        let sealed: [UInt8]
        do {
            sealed = try Sealer.seal(
                bytes, syntax: syntax, file: "fuzz", context: context, recipients: recipients, keys: keys, signer: signer, seq: 1, previous: nil,
                now: "2025-01-01T00:00:00Z")
        } catch let error as HushError where error.message.contains("reserved for Hush metadata") {
            return nil  // documented refusal: a `#hush:` line in the plaintext (format.md §6)
        } catch let error as HushError {
            return .sealRefused(error)
        } catch {
            return .other("sealing threw a non-HushError: \(error)")
        }
        let opened: OpenedFile
        let raw: OpenedFile
        do {
            let file = try SealedFile.parse(sealed, syntax: syntax, file: "fuzz", context: context)
            try file.checkSignature(team)
            let keys = try file.unlock(with: [identity])
            opened = try file.decrypt(keys)
            raw = try file.decrypt(keys, decodeValues: false)
        } catch {
            return .other("the sealed document does not open: \(error)")
        }
        guard opened.plaintext == bytes else { return .other("the opened plaintext differs from the sealed one") }
        guard raw.plaintext == bytes else { return .other("the plaintext opened without decoding differs from the sealed one") }
        let want = outline.leaves
        let got = opened.outline.leaves
        guard want.count == got.count else { return .other("\(want.count) leaves sealed, \(got.count) opened") }
        for (a, b) in zip(want, got) where a.path != b.path || a.value != b.value || a.type != b.type {
            return .other("leaf \(KeyPath.display(a.path)) opened as \(KeyPath.display(b.path)) with another value or type")
        }
        // The merge driver's outline: ranges moved from the sealed body onto the plaintext.
        for (a, b) in zip(want, raw.outline.leaves) where a.path != b.path || a.range != b.range {
            return a.path == b.path && a.range.isEmpty
                ? .emptyValueMoved(a) : .other("leaf \(KeyPath.display(a.path)) opened without decoding at \(b.range), not \(a.range)")
        }
        return nil
    }
}
