/// The team as the repository declares it: the member keys in `recipients/` and the access
/// policy. Answers which recipients each environment should be sealed to.
public struct Membership: Sendable {
    /// Every member key, in `recipients/` order.
    public let members: [NamedRecipient]
    public let policy: AccessPolicy
    /// Member name → the Ed25519 keys that may sign as that member.
    let signingKeys: [String: Set<[UInt8]>]

    public var memberNames: Set<String> { Set(members.map(\.name)) }

    public static func load(_ repository: Repository) throws -> Membership {
        var members: [NamedRecipient] = []
        var signing: [String: Set<[UInt8]>] = [:]
        for (name, keys) in try repository.memberFiles() {
            members += keys.recipients.map { NamedRecipient(name: name, recipient: $0) }
            signing[name] = Set(keys.signingKeys.map(\.bytes))
        }
        return Membership(members: members, policy: try AccessPolicy.load(repository, members: Set(members.map(\.name))), signingKeys: signing)
    }

    /// Where `hush recipients remove NAME` keeps `NAME.pub` until every file is re-sealed.
    static func removingPath(_ repository: Repository, _ name: String) -> String {
        "\(repository.recipientsFolder)/.\(name).pub.removing"
    }

    /// This team plus the signing keys of members being removed: what reconciling writes
    /// check signatures against, so an interrupted removal can be finished.
    func withRemovals(_ repository: Repository) throws -> Membership {
        var signing = signingKeys
        for file in FileSystem.list(repository.recipientsFolder) where file.hasPrefix(".") && file.hasSuffix(".pub.removing") {
            let name = String(file.dropFirst().dropLast(".pub.removing".count))
            guard Trailer.isValidName(name), signing[name] == nil else { continue }
            let text = String(decoding: try FileSystem.read("\(repository.recipientsFolder)/\(file)"), as: UTF8.self)
            signing[name] = Set(try RecipientsFile.parseMember(text, name: name).signingKeys.map(\.bytes))
        }
        return Membership(members: members, policy: policy, signingKeys: signing)
    }

    /// Deletes the moved-aside `.NAME.pub.removing` files of members no file is sealed to any
    /// more: their removal is complete.
    static func finishRemovals(_ repository: Repository) throws {
        let removing = FileSystem.list(repository.recipientsFolder).filter { $0.hasPrefix(".") && $0.hasSuffix(".pub.removing") }
        guard !removing.isEmpty else { return }
        var holders = Set<String>()
        for env in repository.environments() {
            if let (_, trailer) = try? Trailer.split(FileSystem.read(env.path), file: env.display) { holders.formUnion(trailer.wraps.map(\.name)) }
        }
        for file in removing {
            let name = String(file.dropFirst().dropLast(".pub.removing".count))
            if !holders.contains(name) { try FileSystem.delete("\(repository.recipientsFolder)/\(file)", display: "recipients/\(file)") }
        }
    }

    /// The team as committed at git HEAD (`recipients/*.pub` and the policy there), or nil
    /// outside git or before the first commit. A reconciling write uses it to vouch for a
    /// file whose writer a removal already took out of the work tree (an interrupted
    /// `hush recipients remove`).
    static func committed(_ repository: Repository) throws -> Membership? {
        let listing = try Git.run(["ls-tree", "--name-only", "HEAD", "--", "recipients/"], in: repository.root)
        guard listing.status == 0 else { return nil }
        let objects = try Git.objects(in: repository.root)
        defer { objects.close() }
        var members: [NamedRecipient] = []
        var signing: [String: Set<[UInt8]>] = [:]
        var policyBytes: [UInt8]?
        for path in String(decoding: listing.output, as: UTF8.self).split(separator: "\n").map(String.init) {
            let file = Paths.fileName(of: path)
            if path == AccessPolicy.fileName {
                policyBytes = try objects.read("HEAD:" + path)
            } else if file.hasSuffix(".pub"), Trailer.isValidName(file.dropLast(4)), let bytes = try objects.read("HEAD:" + path),
                let keys = try? RecipientsFile.parseMember(String(decoding: bytes, as: UTF8.self), name: String(file.dropLast(4)))
            {
                let name = String(file.dropLast(4))
                members += keys.recipients.map { NamedRecipient(name: name, recipient: $0) }
                signing[name] = Set(keys.signingKeys.map(\.bytes))
            }
        }
        let names = Set(members.map(\.name))
        let policy = try policyBytes.map { try AccessPolicy.parse($0, file: AccessPolicy.fileName + " at HEAD", members: names) } ?? AccessPolicy()
        return Membership(members: members, policy: policy, signingKeys: signing)
    }

    /// The member keys the policy grants `env`.
    public func recipients(of env: String) -> [NamedRecipient] {
        let readers = policy.readers(of: env, members: memberNames)
        return members.filter { readers.contains($0.name) }
    }

    /// True when `name` may write `env` and sign with `key`.
    func maySign(_ name: String, key: [UInt8], env: String) -> Bool {
        (signingKeys[name]?.contains(key) ?? false) && policy.writers(of: env, members: memberNames).contains(name)
    }

    /// True when `name` may write `env`.
    public func mayWrite(_ name: String, env: String) -> Bool {
        memberNames.contains(name) && policy.writers(of: env, members: memberNames).contains(name)
    }

    /// How the sealed file of `env` differs from what the policy asks, read from its metadata
    /// alone (no key needed).
    func access(_ env: EnvironmentFile) throws -> EnvironmentAccess {
        let (_, trailer) = try Trailer.split(FileSystem.read(env.path), file: env.display)
        return EnvironmentAccess(env: env, desired: recipients(of: env.name), trailer: trailer, members: members)
    }
}

/// One environment file compared with the policy.
public struct EnvironmentAccess: Sendable {
    public let env: EnvironmentFile
    /// Member keys the policy grants, wrapped or not.
    public let desired: [NamedRecipient]
    /// Granted keys the file has no wrap for yet.
    public let pending: [NamedRecipient]
    /// Wraps the policy does not grant (a removed member, a replaced key, an unknown key):
    /// only a new data key takes their access away.
    public let revoked: [(name: String, key: String)]
    /// Wraps whose key is in no `recipients/*.pub` file under that name: someone with the data
    /// key wrapped it to a key the repository does not declare.
    public let unknown: [(name: String, key: String)]
    /// Names holding a wrap now.
    public let holders: Set<String>
    public let modified: String
    /// Values a former recipient could read: (key path, since, names).
    public let exposed: [(path: String, since: String, members: [String])]
    /// Keys left in conflict by a merge (`hush edit` resolves them).
    public let conflicts: [String]

    init(env: EnvironmentFile, desired: [NamedRecipient], trailer: Trailer, members: [NamedRecipient]) {
        self.env = env
        self.desired = desired
        let wrapped = Set(trailer.wraps.map { $0.name + " " + $0.key })
        let wanted = Set(desired.map { $0.name + " " + $0.recipient.text })
        let declared = Set(members.map { $0.name + " " + $0.recipient.text })
        pending = desired.filter { !wrapped.contains($0.name + " " + $0.recipient.text) }
        revoked = trailer.wraps.filter { !wanted.contains($0.name + " " + $0.key) }.map { ($0.name, $0.key) }
        unknown = trailer.wraps.filter { !declared.contains($0.name + " " + $0.key) }.map { ($0.name, $0.key) }
        holders = Set(trailer.wraps.map(\.name))
        modified = trailer.modified
        exposed = trailer.exposed.map { ($0.path, $0.since, $0.members) }
        conflicts = trailer.conflicts.map(\.path)
    }

    /// True when the file is sealed to exactly the granted keys.
    public var matchesPolicy: Bool { pending.isEmpty && revoked.isEmpty }

    /// What `hush access` shows for one member of this environment.
    public func cell(for member: String) -> AccessCell {
        let granted = desired.contains { $0.name == member }
        let holds = holders.contains(member)
        if granted {
            if pending.contains(where: { $0.name == member }) { return .pending }
            return revoked.contains(where: { $0.name == member }) ? .mustRekey : .read
        }
        return holds ? .mustRekey : .none
    }
}

/// One cell of the access matrix.
public enum AccessCell: String, Sendable {
    /// Granted and every key of the member is wrapped.
    case read
    /// Granted, but a key is not wrapped yet: `hush sync` by someone who can read it.
    case pending
    /// Holds a wrap it should not (no longer granted, or a replaced key): `hush sync` or `hush rekey`.
    case mustRekey = "REKEY"
    /// Not granted, holds nothing.
    case none = "-"
}
