/// Who may read which environment: `recipients/access.yaml`, committed in plaintext so that
/// every change of access is a reviewable line in a pull request.
///
/// ```yaml
/// environments:
///   production: {read: [alice, ci-production], write: [alice]}
///   staging: [developers, ci-staging]
/// groups:
///   developers: [alice, bob, carol]
/// ```
///
/// A list grants reading and writing; the `{read:, write:}` form grants them separately, and a
/// writer also reads. An environment that is not listed is read and written by every member;
/// without the file every member reads and writes everything. Names are members
/// (`recipients/NAME.pub`) or groups; groups hold members only. A listed environment must name
/// at least one member.
public struct AccessPolicy: Sendable {
    /// Path of the policy file, relative to the repository root.
    public static let fileName = "recipients/access.yaml"

    /// Environment name → the names that read it (members and groups), in file order; writers
    /// are included.
    public private(set) var environments: [String: [String]] = [:]
    /// Environment name → the names that may write it (members and groups).
    public private(set) var writers: [String: [String]] = [:]
    /// Group name → its members.
    public private(set) var groups: [String: [String]] = [:]
    /// True when the repository has a policy file.
    public private(set) var exists = false
    /// Names the policy lists that are neither members nor groups (no `recipients/NAME.pub`
    /// yet, e.g. in the same pull request), with the line: pending, and shown by `hush access`.
    public private(set) var absent: [String: Int] = [:]

    public init() {}

    /// Loads the policy of `repository`, checking every name against `members`.
    public static func load(_ repository: Repository, members: Set<String>) throws -> AccessPolicy {
        let path = repository.root + "/" + fileName
        guard FileSystem.exists(path) else { return AccessPolicy() }
        var policy = try parse(FileSystem.read(path), file: fileName, members: members)
        policy.exists = true
        return policy
    }

    /// Parses policy text. Every error names the line and says what to write instead.
    static func parse(_ bytes: [UInt8], file: String, members: Set<String>) throws -> AccessPolicy {
        var policy = AccessPolicy()
        guard case .mapping(let sections, _) = try YAMLNode.parse(bytes, file: file) else {
            throw HushError.syntax(file, line: 1, column: 1, "the policy must be a mapping with `environments:` and `groups:`")
        }
        func names(_ node: YAMLNode, of owner: String) throws -> [String] {
            guard case .sequence(let items, let line) = node else {
                throw HushError.syntax(file, line: node.line, column: 1, "\(owner) must be a list of names, e.g. [alice, bob]")
            }
            guard !items.isEmpty else {
                throw HushError.syntax(file, line: line, column: 1, "\(owner) lists nobody", hint: "name at least one member, or remove the entry")
            }
            return try items.map { item in
                guard case .scalar(let name, _) = item, Trailer.isValidName(name) else {
                    throw HushError.syntax(file, line: item.line, column: 1, "\(owner): each entry must be a member or group name")
                }
                return name
            }
        }
        var environmentNodes: [(key: String, line: Int, value: YAMLNode)] = []
        for (section, line, value) in sections {
            guard case .mapping(let entries, _) = value else {
                throw HushError.syntax(file, line: line, column: 1, "`\(section):` must be a mapping of names to lists")
            }
            switch section {
            case "environments": environmentNodes = entries
            case "groups":
                for (group, groupLine, list) in entries {
                    guard !members.contains(group) else {
                        throw HushError.syntax(file, line: groupLine, column: 1, "group \"\(group)\" has the name of a member", hint: "rename the group")
                    }
                    let listed = try names(list, of: "group \(group)")
                    // A member whose .pub is not in yet (the same pull request, not merged): pending.
                    for unknown in listed where !members.contains(unknown) { policy.absent[unknown] = policy.absent[unknown] ?? list.line }
                    policy.groups[group] = listed
                }
            default:
                throw HushError.syntax(file, line: line, column: 1, "unknown section `\(section):`", hint: "the policy has `environments:` and `groups:`")
            }
        }
        func check(_ listed: [String], _ env: String, _ line: Int) throws {
            for unknown in listed where !members.contains(unknown) && policy.groups[unknown] == nil {
                policy.absent[unknown] = policy.absent[unknown] ?? line
            }
        }
        for (env, _, node) in environmentNodes {
            var read: [String] = []
            var write: [String] = []
            if case .mapping(let entries, let line) = node {
                for (mode, modeLine, list) in entries {
                    guard mode == "read" || mode == "write" else {
                        throw HushError.syntax(
                            file, line: modeLine, column: 1, "environment \(env): unknown key `\(mode):`",
                            hint: "write `{read: [names], write: [names]}`, or a plain list for read and write")
                    }
                    let listed = try names(list, of: "environment \(env) \(mode)")
                    try check(listed, env, list.line)
                    if mode == "read" { read = listed } else { write = listed }
                }
                guard !read.isEmpty || !write.isEmpty else {
                    throw HushError.syntax(file, line: line, column: 1, "environment \(env) lists nobody", hint: "name at least one member")
                }
            } else {
                read = try names(node, of: "environment \(env)")
                try check(read, env, node.line)
                write = read
            }
            policy.environments[env] = (read + write).uniqued()
            policy.writers[env] = write
        }
        return policy
    }

    /// The members who may read `env`, sorted; every member when the policy does not list it.
    public func readers(of env: String, members: Set<String>) -> Set<String> {
        guard let listed = environments[env] else { return members }
        return Set(listed.flatMap { groups[$0] ?? [$0] })
    }

    /// The members who may write `env` (and sign its file); every member when it is not listed.
    public func writers(of env: String, members: Set<String>) -> Set<String> {
        guard let listed = writers[env] else { return members }
        return Set(listed.flatMap { groups[$0] ?? [$0] })
    }
}
