/// `hush status`: per environment its values, recipients, last change, whether it verifies,
/// and what is left to do (grants pending, keys to revoke, values exposed to former members).
///
/// It stays fast: files are parsed once, git runs once per file plus twice, and values are
/// decrypted only for files one of the caller's identities opens.
public enum StatusCommand {
    public enum Verification: Sendable, Equatable {
        /// MAC and every value checked.
        case verified
        case failed(String)
        /// The caller has no identity at all.
        case noKey
        /// None of the caller's identities is a recipient of the file.
        case notARecipient
        /// The file could not even be parsed (see `damage`).
        case notChecked
    }

    public struct Environment: Sendable {
        public let access: EnvironmentAccess
        /// Number of values (nil when the file does not parse).
        public let values: Int?
        /// Why the file does not parse as a sealed file.
        public let damage: String?
        /// `SHORT by AUTHOR, DATE` of the last commit that changed the file; nil when it was never committed.
        public let lastCommit: String?
        /// The work tree or the index differs from HEAD for this file.
        public let uncommitted: Bool
        /// False outside a git repository.
        public let inGit: Bool
        public let verification: Verification
    }

    /// Every environment, or those named in `names` (names or file paths).
    public static func run(_ vault: Vault, envs names: [String] = []) throws -> [Environment] {
        let repository = vault.repository
        let report = try AccessCommand.report(repository)
        let wanted = try Set(names.map { try repository.environment($0).path })
        let identities: [Identity]
        do {
            identities = try vault.identities()
        } catch let error as HushError where error.kind == .noKey {
            identities = []
        }
        let git = GitState(repository)
        return report.environments.filter { wanted.isEmpty || wanted.contains($0.env.path) }.map { access in
            let env = access.env
            var values: Int?
            var damage: String?
            var verification = Verification.notChecked
            do {
                let sealed = try vault.sealed(env)
                values = sealed.outline.leaves.count
                let mine = Set(identities.map(\.recipient.text))
                // The signature and the history need no key: checked for everyone.
                let signed = Result { try sealed.checkSignature(vault.membership()) }
                let stale = Freshness.error(env, Freshness.check(repository, env, seq: sealed.trailer.seq, isCurrent: sealed.isStored))
                if case .failure(let error as HushError) = signed {
                    verification = .failed(error.message)
                } else if !sealed.trailer.conflicts.isEmpty {
                    let keys = sealed.trailer.conflicts.map(\.path).joined(separator: ", ")
                    verification = .failed("unresolved merge conflicts (\(keys)): run `hush edit \(env.name)`")
                } else if let stale {
                    verification = .failed(stale.message)
                } else if identities.isEmpty {
                    verification = .noKey
                } else if !sealed.trailer.wraps.contains(where: { mine.contains($0.key) }) {
                    verification = .notARecipient
                } else {
                    do {
                        _ = try sealed.decrypt(sealed.unlock(with: identities), keepTokens: false)
                        verification = .verified
                    } catch let error as HushError {
                        verification = .failed(error.message)
                    }
                }
            } catch let error as HushError {
                damage = error.message
            } catch {
                damage = "\(error)"
            }
            return Environment(
                access: access, values: values, damage: damage, lastCommit: git.lastCommit(env.display), uncommitted: git.changed.contains(env.display),
                inGit: git.inGit, verification: verification)
        }
    }

    /// The text `hush status` prints.
    public static func render(_ environments: [Environment]) -> String {
        guard !environments.isEmpty else { return "no environments in .secrets/ yet (create one with `hush set ENV KEY`)\n" }
        var out = ""
        for (index, status) in environments.enumerated() {
            let access = status.access
            if index > 0 { out += "\n" }
            out += "\(access.env.name) (\(access.env.display))\n"
            if let damage = status.damage {
                out += "  damaged: \(damage)\n"
            } else if let values = status.values {
                out += "  values: \(values)\n"
            }
            out += "  recipients: \(access.holders.sorted().joined(separator: ", "))\n"
            out += "  modified: \(access.modified)\n"
            var change =
                !status.inGit ? "unknown (not in a git repository)" : status.lastCommit ?? "not committed yet"
            if status.inGit && status.lastCommit != nil && status.uncommitted { change += "; uncommitted changes" }
            out += "  last change: \(change)\n"
            switch status.verification {
            case .verified: out += "  verifies: yes (signature, MAC and every value)\n"
            case .failed(let why): out += "  verifies: NO: \(why)\n"
            case .noKey: out += "  verifies: signature only (values not checked: no key)\n"
            case .notARecipient: out += "  verifies: signature only (values not checked: none of your keys is a recipient)\n"
            case .notChecked: out += "  verifies: not checked: the file does not parse\n"
            }
            let pending = access.pending.map(\.name).uniqued()
            if !pending.isEmpty { out += "  pending: \(pending.joined(separator: ", ")) (granted, not wrapped yet: run `hush sync`)\n" }
            let unknown = Set(access.unknown.map { $0.name + " " + $0.key })
            let revoke = access.revoked.filter { !unknown.contains($0.name + " " + $0.key) }.map(\.name).uniqued()
            if !revoke.isEmpty { out += "  to revoke: \(revoke.joined(separator: ", ")) (hold the data key, not granted: run `hush sync`)\n" }
            for (name, key) in access.unknown {
                out += "  unknown key: \(name) (\(AccessCommand.Report.short(key)), not in recipients/\(name).pub: run `hush sync`)\n"
            }
            for (path, since, members) in access.exposed {
                out += "  exposed: \(path) (readable by \(members.joined(separator: ", ")) since \(since))\n"
            }
        }
        return out
    }
}

/// What git says about `.secrets/`: which files differ from HEAD, and each file's last commit.
private struct GitState {
    let root: String
    let inGit: Bool
    /// Repository-relative paths (as `EnvironmentFile.display`) that differ from HEAD or are untracked.
    let changed: Set<String>

    init(_ repository: Repository) {
        root = repository.root
        // Porcelain paths are relative to the top of the work tree; the Hush root may be below it.
        guard let prefix = try? Git.run(["rev-parse", "--show-prefix"], in: root), prefix.status == 0 else {
            inGit = false
            changed = []
            return
        }
        inGit = true
        let folder = String(decoding: prefix.output, as: UTF8.self).trimmingNewlines()
        let status = try? Git.run(["status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", ".secrets/"], in: root)
        var paths = Set<String>()
        for entry in (status?.output ?? []).split(separator: 0) where entry.count > 3 {
            let path = String(decoding: entry.dropFirst(3), as: UTF8.self)
            paths.insert(path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path)
        }
        changed = paths
    }

    /// `SHORT by AUTHOR, DATE` of the last commit that changed `path`, nil when none did.
    func lastCommit(_ path: String) -> String? {
        guard inGit, let log = try? Git.run(["log", "-1", "--no-color", "--format=%h by %an, %ad", "--date=short", "--", ":(literal)" + path], in: root),
            log.status == 0
        else { return nil }
        let text = String(decoding: log.output, as: UTF8.self).trimmingNewlines()
        return text.isEmpty ? nil : text
    }
}
