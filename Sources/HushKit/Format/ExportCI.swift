/// What `hush export --format` can produce: the four document formats `hush decrypt` shares,
/// and three deployment targets.
///
/// A separate type from `ExportFormat` because the targets are not documents: `github-env`
/// appends to a file and prints workflow commands, `docker-secrets` writes a folder of files.
/// `hush decrypt --format` keeps offering only what can be printed or written as one new file.
public enum ExportTarget: String, CaseIterable, Sendable {
    case dotenv, yaml, json, shell
    /// Lines for GitHub Actions' `$GITHUB_ENV` file, with `::add-mask::` commands.
    case githubEnv = "github-env"
    /// A Kubernetes `Secret` manifest (type Opaque, base64 `data`).
    case k8sSecret = "k8s-secret"
    /// One file per variable in a folder, as Docker and Compose mount secrets.
    case dockerSecrets = "docker-secrets"

    /// The `hush decrypt` format with the same output, for the four document formats.
    public var documentFormat: ExportFormat? { ExportFormat(rawValue: rawValue) }
}

/// GitHub Actions file and workflow commands, following the runner's parsers
/// (`SetEnvFileCommand` and `ActionCommand` in actions/runner).
enum GitHubEnv {
    /// `NAME=value` lines for `$GITHUB_ENV`. A value with a line break uses the heredoc form
    /// `NAME<<DELIM`, the value, a newline, `DELIM`: the runner reads the value up to the
    /// newline before the first line equal to `DELIM`, so any text round-trips as long as
    /// `DELIM` does not occur in it, which is checked (a new delimiter is drawn if it does).
    static func envLines(_ variables: [(name: String, value: String)], delimiter: () -> String = randomDelimiter) throws -> [UInt8] {
        var out = ""
        for (name, value) in variables {
            // The runner cannot put a NUL into a process environment either.
            if Bytes.contains(0, in: value) {
                throw HushError(
                    .badInput, "the value of \(name) contains a NUL character, which an environment variable cannot hold",
                    hint: "use --format docker-secrets or k8s-secret for binary values")
            }
            // A lone CR is a line break for some readers (and the runner on Windows drops a
            // CR before LF), so only values without either are written as `NAME=value`.
            guard value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
                out += "\(name)=\(value)\n"
                continue
            }
            var chosen: String?
            for _ in 0..<8 {
                let candidate = delimiter()
                // Bytes, not Characters: the runner compares lines ordinally.
                if !candidate.isEmpty && !value.utf8.contains(candidate.utf8) {
                    chosen = candidate
                    break
                }
            }
            guard let chosen else {
                throw HushError(.system, "cannot find a heredoc delimiter that does not occur in the value of \(name)")
            }
            out += "\(name)<<\(chosen)\n\(value)\n\(chosen)\n"
        }
        return Array(out.utf8)
    }

    /// `ghadelimiter_` and 128 random bits in hex, the shape `@actions/core` uses: unguessable,
    /// so a value cannot be crafted to end the heredoc early and set other variables.
    static func randomDelimiter() -> String {
        let digits = Array("0123456789abcdef")
        return "ghadelimiter_" + String(Sodium.randomBytes(16).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }

    /// `::add-mask::` commands for every value, one per line of a value, because the runner
    /// masks its log line by line and a multi-line mask would never match. Blank lines are
    /// skipped (the runner refuses to mask them with a warning); repeated lines are masked once.
    static func maskCommands(_ variables: [(name: String, value: String)]) -> [UInt8] {
        // Byte arrays, because String equality is canonical equivalence and the runner's
        // masker is not: two spellings of `é` each need their mask.
        var seen = Set<[UInt8]>()
        var out = ""
        for (_, value) in variables {
            for line in value.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            where !line.allSatisfy(\.isWhitespace) && seen.insert(Array(line.utf8)).inserted {
                out += "::add-mask::" + escapeData(line) + "\n"
            }
        }
        return Array(out.utf8)
    }

    /// Workflow-command data escaping (`escapeData` in `@actions/core`): the runner turns
    /// `%25`, `%0D` and `%0A` back into `%`, CR and LF, so a literal `%` must be escaped or a
    /// value containing `%25` would register the wrong mask.
    static func escapeData(_ text: Substring) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A Kubernetes `Secret` manifest: `data` maps each variable name to the standard, padded
/// base64 of its value, which is what the API server decodes.
enum KubernetesSecret {
    static func manifest(_ variables: [(name: String, value: String)], name: String, namespace: String?) throws -> [UInt8] {
        try manifest(binary: variables.map { ($0.name, Array($0.value.utf8)) }, name: name, namespace: namespace)
    }

    /// `manifest` for values as bytes (a `!!binary` value is its decoded bytes).
    static func manifest(binary variables: [(name: String, value: [UInt8])], name: String, namespace: String?) throws -> [UInt8] {
        guard isSubdomain(name) else {
            throw HushError(
                .badInput, "\"\(name)\" is not a valid Kubernetes Secret name",
                hint: "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 253)")
        }
        if let namespace, !isLabel(namespace) {
            throw HushError(
                .badInput, "\"\(namespace)\" is not a valid Kubernetes namespace",
                hint: "use lower-case letters, digits and '-', starting and ending with a letter or digit (at most 63)")
        }
        var out = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: \(plain(name))\n"
        if let namespace { out += "  namespace: \(plain(namespace))\n" }
        out += "type: Opaque\n"
        guard !variables.isEmpty else { return Array((out + "data: {}\n").utf8) }
        out += "data:\n"
        for (key, value) in variables {
            // Variable names are already narrower than this; the check keeps a manifest the
            // API server would reject from ever being written.
            guard isValidKey(key) else {
                throw HushError(
                    .badInput, "\(key) cannot be a key of a Kubernetes Secret",
                    hint: "keys may hold only letters, digits, '-', '_' and '.' (at most 253, not starting with '..')")
            }
            let encoded = Sodium.base64Encode(value, .original)
            out += "  " + String(decoding: YAMLScalar.renderKey(key), as: UTF8.self) + ": " + plain(encoded) + "\n"
        }
        return Array(out.utf8)
    }

    /// A string as a YAML scalar; quoted when a reader would see something else (base64 text
    /// can spell `true`, `null` or a number).
    private static func plain(_ text: String) -> String {
        String(decoding: YAMLScalar.render(text, as: .string), as: UTF8.self)
    }

    /// The environment name made into a DNS-1123 subdomain: lower case, anything other than
    /// letters, digits, '-' and '.' becomes '-', and each dot-separated part starts and ends
    /// with a letter or digit (`Prod_EU` → `prod-eu`).
    static func defaultName(for environment: String) -> String {
        var labels: [String] = []
        for part in environment.lowercased().split(separator: ".") {
            let mapped = String(String.UnicodeScalarView(part.unicodeScalars.map { isAlphanumeric($0) || $0 == "-" ? $0 : "-" }))
            var label = Substring(mapped)
            while label.first == "-" { label.removeFirst() }
            while label.last == "-" { label.removeLast() }
            if !label.isEmpty { labels.append(String(label)) }
        }
        var name = labels.joined(separator: ".")
        while name.utf8.count > 253 || name.last == "-" || name.last == "." { name.removeLast() }
        return name.isEmpty ? "hush-secret" : name
    }

    /// RFC 1123 subdomain as Kubernetes checks it for object names.
    static func isSubdomain(_ text: String) -> Bool {
        text.utf8.count <= 253 && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isLabelText)
    }

    /// RFC 1123 label, as Kubernetes checks it for namespaces.
    static func isLabel(_ text: String) -> Bool {
        text.utf8.count <= 63 && isLabelText(Substring(text))
    }

    /// A Secret `data` key (`IsConfigMapKey`): `[-._a-zA-Z0-9]+`, at most 253, not `.`, `..`
    /// or starting with `..`.
    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 253 && !key.hasPrefix("..") && key != "."
            && key.unicodeScalars.allSatisfy { isAlphanumeric($0) || ("A"..."Z").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func isLabelText(_ label: Substring) -> Bool {
        guard let first = label.unicodeScalars.first, let last = label.unicodeScalars.last else { return false }
        return isAlphanumeric(first) && isAlphanumeric(last) && label.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
    }

    /// ASCII lower-case letters and digits.
    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
