/// `hush access`: who can read what, and what is left to do, read from the
/// files' metadata and `recipients/` alone, so it needs no key and runs in CI.
public enum AccessCommand {
    public struct Report: Sendable {
        /// Every environment, compared with the policy.
        public let environments: [EnvironmentAccess]
        /// Rows: the members, then names that hold a wrap but are no longer members.
        public let names: [String]
        /// Files whose signature does not verify or that were rolled back (with `checkWriters`).
        public var untrusted: [String] = []
        /// Names the policy lists without a `recipients/NAME.pub` (pending), with the line.
        public var absent: [String: Int] = [:]

        /// One line per thing `hush access --check` fails on, each saying what to run.
        public var problems: [String] {
            var lines = untrusted
            for (name, line) in absent.sorted(by: { $0.key < $1.key }) {
                lines.append(
                    "\(AccessPolicy.fileName):\(line): \(name) has no recipients/\(name).pub yet: pending until it is added and a member runs `hush sync`")
            }
            for access in environments {
                let env = access.env.display
                for name in access.pending.map(\.name).uniqued() {
                    lines.append("\(env): \(name) is granted but not wrapped yet (run `hush sync`)")
                }
                for (name, key) in access.unknown {
                    lines.append(
                        "\(env): wrapped for \(name) with a key that is not in recipients/\(name).pub (\(Self.short(key))); run `hush sync` to rotate it out")
                }
                let unknown = Set(access.unknown.map { $0.name + " " + $0.key })
                for name in access.revoked.filter({ !unknown.contains($0.name + " " + $0.key) }).map(\.name).uniqued() {
                    lines.append("\(env): \(name) still holds the data key but is not granted (run `hush sync`)")
                }
                if !access.conflicts.isEmpty {
                    lines.append("\(env): unresolved merge conflicts (\(access.conflicts.joined(separator: ", "))): run `hush edit \(access.env.name)`")
                }
                if !access.exposed.isEmpty {
                    let since = access.exposed.map(\.since).min() ?? ""
                    lines.append(
                        "\(env): \(access.exposed.count) value(s) exposed to former members since \(since): change them at their source, then `hush set` them (`hush status` lists them)"
                    )
                }
            }
            return lines
        }

        /// The matrix as aligned text, with a legend.
        public func matrix() -> String {
            let columns = environments.map(\.env.name)
            let first = max(6, names.map(\.count).max() ?? 0)
            let widths = columns.map { max($0.count, 7) }
            func row(_ cells: [String]) -> String {
                var line = cells[0].padded(to: first)
                for (cell, width) in zip(cells.dropFirst(), widths) { line += "  " + cell.padded(to: width) }
                return String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
            }
            var out = row(["member"] + columns)
            for name in names {
                out += row([name] + environments.map { $0.cell(for: name).rawValue })
            }
            out += "\nread: can decrypt   pending: granted, run `hush sync`   REKEY: holds a key it should not, run `hush sync`   -: no access\n"
            return out
        }

        static func short(_ key: String) -> String {
            key.count > 20 ? String(key.prefix(16)) + "…" : key
        }
    }

    /// With `checkWriters` (`--check`), every file's signature is verified and its sequence
    /// number compared with history too: both need no key.
    public static func report(_ repository: Repository, checkWriters: Bool = false) throws -> Report {
        let membership = try Membership.load(repository)
        let environments = try repository.environments().map(membership.access)
        let members = membership.members.map(\.name).uniqued()
        let former = environments.flatMap(\.holders).filter { !membership.memberNames.contains($0) }
        var report = Report(environments: environments, names: members + Set(former).sorted())
        report.absent = membership.policy.absent
        if checkWriters {
            for env in repository.environments() {
                do {
                    let bytes = try FileSystem.read(env.path)
                    let (body, trailer) = try Trailer.split(bytes, file: env.display)
                    try SealedFile.checkSignature(
                        body: body, trailer: trailer, file: env.display, context: FileContext.of(repository, environment: env.name), membership)
                    if let stale = Freshness.error(env, Freshness.check(repository, env, seq: trailer.seq, bytes: bytes)) {
                        report.untrusted.append(stale.message)
                    }
                } catch let error as HushError {
                    report.untrusted.append(error.message)
                }
            }
        }
        return report
    }
}

extension String {
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
