/// Brings sealed files in line with `recipients/` and the access policy: wraps the data key
/// for granted members that lack it, and rotates the data key of every file that holds a
/// wrap the policy no longer grants. `hush sync`, `hush rekey` and `hush recipients add` /
/// `remove` are this one operation with different limits.
public enum SyncCommand {
    /// A key about to be given a file's data key, shown before anything is written.
    public struct Grant: Sendable, Equatable {
        public let env: String
        public let name: String
        public let keyType: String
        public let fingerprint: String
        let key: String
    }

    /// What a sync may do.
    public struct Limits: Sendable {
        /// Environment names or paths; nil for all.
        public var environments: [String]?
        /// Members whose pending keys may be wrapped; nil for every pending member.
        public var grantOnly: Set<String>?
        /// Rotate the data key of files holding wraps the policy does not grant.
        public var revoke = true
        /// Rotate every selected file's data key, whatever its wraps.
        public var rotateAll = false
        /// The team files' signatures are checked against (the team before a removal).
        var signedUnder: Membership?

        public init(environments: [String]? = nil, grantOnly: Set<String>? = nil, revoke: Bool = true, rotateAll: Bool = false) {
            self.environments = environments
            self.grantOnly = grantOnly
            self.revoke = revoke
            self.rotateAll = rotateAll
        }
    }

    /// One file that was rewritten.
    public struct Change: Sendable {
        public let env: String
        public let granted: [String]
        public let revoked: [String]
        public let rotated: Bool
        /// Keys of the values that the revoked names could read: change them at their source.
        public let exposed: [String]
        /// Signed anew: its last writer is still a member but may no longer write it.
        public var resigned: String?
    }

    public struct Outcome: Sendable {
        public var changes: [Change] = []
        /// Files that needed a change this caller cannot make, with the names who can.
        public var notOpened: [(env: String, readers: [String])] = []
        /// Granted keys left unwrapped because of `grantOnly`.
        public var stillPending: [(env: String, names: [String])] = []
        /// Files that needed a change and could not be written (a full disk, an immutable
        /// file): the others were still done, so the outcome says exactly what changed.
        public var failed: [(env: String, error: HushError)] = []
    }

    /// Plans, asks `confirm` about every key to be granted (when there is any; declining
    /// changes nothing), then rewrites each file atomically under the lock.
    public static func run(_ vault: Vault, _ limits: Limits, confirm: ([Grant]) throws -> Bool) throws -> Outcome {
        let repository = vault.repository
        let membership = try Membership.load(repository)
        // Members being removed (`recipients/.NAME.pub.removing`) still vouch for what they wrote.
        let vouching = try limits.signedUnder ?? membership.withRemovals(repository)
        let files = try limits.environments.map { try $0.map(repository.environment) } ?? repository.environments()
        let accesses = try files.map(membership.access)
        var outcome = Outcome()
        var grants: [Grant] = []
        for access in accesses {
            let allowed = access.pending.filter { limits.grantOnly?.contains($0.name) ?? true }
            grants += allowed.map {
                Grant(env: access.env.display, name: $0.name, keyType: $0.recipient.typeName, fingerprint: $0.recipient.fingerprint, key: $0.recipient.text)
            }
            let left = access.pending.filter { !(limits.grantOnly?.contains($0.name) ?? true) }.map(\.name).uniqued()
            if !left.isEmpty { outcome.stillPending.append((access.env.display, left)) }
        }
        if !grants.isEmpty, try !confirm(grants) {
            throw HushError(.refused, "nothing was changed: the grants were not confirmed", hint: "review the keys with `hush access`, then run again")
        }
        for access in accesses {
            let env = access.env
            let granting = grants.filter { $0.env == env.display }
            let rotate = limits.rotateAll || (limits.revoke && !access.revoked.isEmpty)
            // A file its writer may no longer write (the policy narrowed) reads as invalid
            // until a writer signs it anew.
            let resign = limits.grantOnly == nil ? try unwelcomeSigner(vault, env, under: vouching) : nil
            guard rotate || !granting.isEmpty || resign != nil else { continue }
            var change: Change?
            do {
                try vault.update(env, policy: .reconcile, signedUnder: vouching) { opened in
                    // Re-read under the lock: the file may have changed since the plan.
                    let now = EnvironmentAccess(env: env, desired: access.desired, trailer: opened.sealed.trailer, members: membership.members)
                    let confirmed = Set(granting.map { $0.name + " " + $0.key })
                    var recipients = try opened.currentRecipients()
                    if rotate {
                        let kept = Set(access.desired.map { $0.name + " " + $0.recipient.text })
                        recipients = recipients.filter { kept.contains($0.name + " " + $0.recipient.text) }
                    }
                    recipients += now.pending.filter { confirmed.contains($0.name + " " + $0.recipient.text) }
                    let revoked = rotate ? now.revoked.map(\.name).uniqued() : []
                    let exposed = revoked.isEmpty ? [] : opened.outline.leaves.filter { !$0.range.isEmpty }.map { KeyPath.display($0.path) }
                    change = Change(
                        env: env.display, granted: granting.map(\.name).uniqued(), revoked: revoked, rotated: rotate, exposed: exposed, resigned: resign)
                    return try opened.reseal(opened.plaintext, recipients: recipients, rotate: rotate, exposing: revoked, rewrite: resign != nil)
                }
            } catch let error as HushError where error.kind == .noKey {
                outcome.notOpened.append((env.display, access.desired.map(\.name).filter(access.holders.contains).uniqued()))
                continue
            } catch let error as HushError {
                outcome.failed.append((env.display, error))
                continue
            }
            if let change { outcome.changes.append(change) }
        }
        if outcome.failed.isEmpty && outcome.notOpened.isEmpty && limits.environments == nil {
            try Membership.finishRemovals(repository)
        }
        return outcome
    }

    /// The signer of `env` when the file verifies except that the policy no longer lets them
    /// write it; nil when it verifies (or fails for another reason, which the write reports).
    private static func unwelcomeSigner(_ vault: Vault, _ env: EnvironmentFile, under team: Membership) throws -> String? {
        guard let file = try? vault.sealed(env), (try? file.checkSignature(team)) == nil,
            (try? file.checkSignature(team, requireWriter: false)) != nil
        else { return nil }
        return file.trailer.signature?.name
    }

    /// `hush recipients remove NAME`: takes NAME out of the policy and `recipients/`, then
    /// rotates the data key of every file NAME held a wrap for. Grants nothing.
    public static func remove(_ vault: Vault, name: String) throws -> Outcome {
        let repository = vault.repository
        let pub = "\(repository.recipientsFolder)/\(name).pub"
        let policyPath = repository.root + "/" + AccessPolicy.fileName
        var newPolicy: [UInt8]?
        if FileSystem.exists(policyPath) {
            let old = try FileSystem.read(policyPath)
            let edited = try AccessPolicy.removing(name, from: old, file: AccessPolicy.fileName)
            if edited != old { newPolicy = edited }
        }
        let holds = try repository.environments().contains { env in
            try Trailer.split(FileSystem.read(env.path), file: env.display).trailer.wraps.contains { $0.name == name }
        }
        guard FileSystem.exists(pub) || newPolicy != nil || holds else {
            throw HushError(.badInput, "no member named \"\(name)\"", hint: "`hush recipients list` shows the members")
        }
        // NAME.pub is first moved aside (if that fails, nothing has changed), and deleted only
        // once every file is re-sealed: until then the files NAME wrote last are checked against
        // the key it holds, so an interrupted removal is finished by running it again or `hush
        // sync` (which read the moved-aside files too).
        if FileSystem.exists(pub) {
            try FileSystem.rename(pub, to: Membership.removingPath(repository, name), display: "recipients/\(name).pub")
        }
        if let newPolicy { try FileSystem.writeAtomically(policyPath, newPolicy) }
        vault.forgetMembership()
        return try run(vault, Limits(grantOnly: []), confirm: { _ in true })
    }
}
