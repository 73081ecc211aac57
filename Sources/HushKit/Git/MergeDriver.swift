/// `hush merge-driver BASE OURS THEIRS PATH`, the git merge driver for `.secrets/*`
/// (docs/git.md): decrypts the three versions, merges them per key (`ThreeWayMerge`), and
/// writes a correctly sealed result over OURS.
///
/// Who may read the result: recipients merge as sets, so a recipient removed on either branch
/// stays removed and one added on either branch is added. The result keeps ours' data key if
/// nobody outside the merged recipients ever held it, else theirs', else a new one; values
/// sealed under a key that a now-excluded recipient held are marked exposed.
public enum MergeDriver {
    /// Merges into `ours` and returns the keys left in conflict (empty for a clean merge).
    /// On any error every file is left as it was.
    public static func run(_ vault: Vault, base: String, ours: String, theirs: String, path: String) throws -> [String] {
        guard let syntax = Syntax.forPath(path) else {
            throw HushError(
                .badInput, "\(path) is not a .yaml, .yml or .env file", hint: "the hush merge driver is for .secrets/ files only (see .gitattributes)")
        }
        let identities = try vault.identities()
        let env = EnvironmentFile(name: FileContext.environmentName(ofPath: path), path: path, display: path, syntax: syntax)
        let context = try vault.context(env)
        let team = try vault.membership()
        // The three versions share most tokens: each is opened once (`known`).
        var known: OpenedFile?
        var mergingIdentity: Identity?
        func open(_ file: String, _ label: String) throws -> OpenedFile? {
            let bytes = try FileSystem.read(file)
            if bytes.isEmpty && label == "base" { return nil }
            let sealed = try SealedFile.parse(bytes, syntax: syntax, file: "\(path) (\(label))", context: context)
            // Both tips must be writes of the team; the base may predate a member's removal.
            if label != "base" { try sealed.checkSignature(team) }
            let (keys, identity) = try sealed.unlockWithIdentity(identities)
            if label == "ours" { mergingIdentity = identity }
            let opened = try sealed.decrypt(keys, known: known, decodeValues: false)
            known = opened
            return opened
        }
        let oursFile = try open(ours, "ours")
        let baseFile = try open(base, "base")
        guard let oursFile, let theirsFile = try open(theirs, "theirs") else {
            throw HushError(.badInput, "\(path): empty version to merge", hint: "merge this file by hand")
        }
        let merge = try ThreeWayMerge(base: baseFile, ours: oursFile, theirs: theirsFile)

        // Recipients as sets of "name key".
        func wraps(_ file: OpenedFile?) -> Set<String> { Set(file?.sealed.trailer.wraps.map { $0.name + " " + $0.key } ?? []) }
        let (b, o, t) = (wraps(baseFile), wraps(oursFile), wraps(theirsFile))
        // Never more than the policy grants: a wrap it does not grant is left out (and the data
        // key changes below if that recipient held it).
        let granted = Set(team.recipients(of: env.name).map { $0.name + " " + $0.recipient.text })
        let merged = (baseFile == nil ? o.union(t) : b.intersection(o).intersection(t).union(o.subtracting(b)).union(t.subtracting(b)))
            .intersection(granted)
        func holders(_ file: OpenedFile) -> Set<String> {
            var known = wraps(file)
            for other in [baseFile, oursFile, theirsFile].compactMap({ $0 }) where other.keys.dek.isEqual(to: file.keys.dek) {
                known.formUnion(wraps(other))
            }
            return known
        }
        let chosen: OpenedFile? = [oursFile, theirsFile].first { holders($0).isSubset(of: merged) }
        let keys = chosen?.keys ?? .random()
        let recipients = try merged.sorted().map { entry -> NamedRecipient in
            let name = String(entry.prefix { $0 != " " })
            return NamedRecipient(name: name, recipient: try Recipient.parse(String(entry.dropFirst(name.count + 1))))
        }

        // Per value: tokens to keep (same data key), and names that could read it elsewhere.
        func outsiders(_ file: OpenedFile) -> Set<String> { Set(holders(file).subtracting(merged).map { String($0.prefix { $0 != " " }) }) }
        let sides = [(oursFile, outsiders(oursFile)), (theirsFile, outsiders(theirsFile))]
        let foreignMarks = sides.map { side in
            side.0.keys.dek.isEqual(to: keys.dek)
                ? [:] : Dictionary(side.0.sealed.trailer.exposed.map { ($0.path, $0.members) }, uniquingKeysWith: { a, _ in a })
        }
        var exposing: [[PathComponent]: [String]] = [:]
        var previous: [[PathComponent]: OpenedFile.Sealed] = [:]
        for leaf in merge.outline.leaves {
            let index = merge.fromTheirs.contains(leaf.path) ? 1 : 0
            let (source, outside) = sides[index]
            var names = outside
            if !foreignMarks[index].isEmpty, let members = foreignMarks[index][KeyPath.display(leaf.path)] { names.formUnion(members) }
            if !names.isEmpty { exposing[leaf.path] = names.sorted() }
            if source.keys.dek.isEqual(to: keys.dek), let sealed = source.previous[leaf.path] { previous[leaf.path] = sealed }
        }
        var base: OpenedFile?
        if let chosen {
            // Wraps and marks of every version sealed under the kept key are still valid.
            var trailer = chosen.sealed.trailer
            let sameKey = [oursFile, theirsFile].filter { $0.keys.dek.isEqual(to: keys.dek) }
            var seen = Set<String>()
            trailer.wraps = Trailer.canonicalOrder(sameKey.flatMap(\.sealed.trailer.wraps).filter { seen.insert($0.name + " " + $0.key).inserted })
            trailer.conflicts = []
            let sealed = SealedFile(
                syntax: syntax, file: path, context: context, body: chosen.sealed.body, outline: chosen.sealed.outline, trailer: trailer,
                tokens: chosen.sealed.tokens, digest: [])
            base = OpenedFile(sealed: sealed, keys: keys, plaintext: chosen.plaintext, outline: chosen.outline, previous: previous, marks: chosen.marks)
        }
        let signer = try vault.writer(for: env, identity: mergingIdentity!)
        let result = try Sealer.seal(
            merge.plaintext, syntax: syntax, file: path, context: context, recipients: recipients, keys: keys, signer: signer,
            seq: max(oursFile.sealed.trailer.seq, theirsFile.sealed.trailer.seq) + 1, previous: base, exposingPaths: exposing,
            conflicts: merge.conflicts, outline: merge.outline)
        try FileSystem.writeAtomically(ours, result)
        return merge.conflicts.map { KeyPath.display($0.path) }
    }
}
