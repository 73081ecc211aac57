/// The checks on where a file is rather than what it matches: a file under `.secrets/` must be
/// a sound sealed Hush file (the same rules as the pre-commit hook), and a tracked `.env` or
/// `.env.*` file must be one too (a plaintext dotenv file committed by accident).
enum StructureCheck {
    /// Dotenv templates that are meant to be committed: `.env.example` and its kin.
    static let templateSuffixes: Set<String> = ["example", "sample", "template", "dist", "defaults", "schema"]

    /// Whether `path` gets a structure check: anything under a `.secrets/` folder, and a tracked
    /// `.env` / `.env.NAME` (not a template).
    static func applies(to path: String, tracked: Bool) -> Bool {
        isUnderSecrets(path) || (tracked && isDotenv(path))
    }

    static func isUnderSecrets(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains(".secrets")
    }

    static func isDotenv(_ path: String) -> Bool {
        let name = Paths.fileName(of: path)
        if name == ".env" { return true }
        guard name.hasPrefix(".env.") else { return false }
        return !templateSuffixes.contains(String(name.dropFirst(5)).lowercased())
    }

    /// A finding when `bytes` at `path` is not a sound sealed Hush file; nil when it is (or is
    /// one of git's own files).
    static func finding(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> ScanFinding? {
        let name = Paths.fileName(of: path)
        let underSecrets = isUnderSecrets(path)
        let rule = underSecrets ? ScanFinding.unsealedSecretsRule : ScanFinding.plaintextDotenvRule
        func problem(_ what: String) -> ScanFinding {
            ScanFinding(
                rule: rule, message: what, path: path, line: 1, column: 1, redacted: "",
                fingerprint: ScanFinding.fingerprint(rule: rule, secret: Array(path.utf8)))
        }
        let syntax: Syntax
        if underSecrets {
            if GitHooks.gitFiles.contains(name) { return nil }
            let direct = Paths.fileName(of: Paths.folder(of: path)) == ".secrets"
            guard direct, !name.hasPrefix("."), let found = Syntax.forPath(name) else {
                return problem("not a sealed Hush file: only sealed NAME.yaml, NAME.yml and NAME.env files belong in .secrets/")
            }
            syntax = found
        } else {
            syntax = .dotenv
        }
        do {
            let sealed = try SealedFile.parse(Array(bytes), syntax: syntax, file: path, context: nil)
            guard sealed.trailer.conflicts.isEmpty else {
                return problem("unresolved merge conflicts (\(sealed.trailer.conflicts.map(\.path).joined(separator: ", "))): run `hush edit`")
            }
            return nil
        } catch let error as HushError {
            let what = underSecrets ? "not a sound sealed Hush file" : "a dotenv file that is not sealed by Hush (plaintext committed?)"
            return problem("\(what): \(error.message)")
        } catch {
            return problem(underSecrets ? "not a sound sealed Hush file" : "a dotenv file that is not sealed by Hush")
        }
    }
}
