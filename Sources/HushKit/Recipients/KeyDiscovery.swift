/// Finds the caller's identities, in the documented order; all that are found are tried:
/// 1. `--identity FILE` (repeatable), 2. `HUSH_IDENTITY` (the key text itself, for CI),
/// 3. `HUSH_IDENTITY_FILE`, 4. `$XDG_CONFIG_HOME/hush/identity` (default
/// `~/.config/hush/identity`), 5. `~/.ssh/id_ed25519`.
///
/// A source the user named (1-3) that cannot be used is an error. A default location (4-5)
/// that cannot be used is skipped, and its problem is reported only when nothing else was found.
public enum KeyDiscovery {
    /// The environment variables that carry an identity or name its file: `hush exec` keeps
    /// them from the command it runs unless asked to.
    public static let environmentVariables: Set<String> = ["HUSH_IDENTITY", "HUSH_IDENTITY_FILE"]

    /// The default identity file `hush keygen` writes.
    public static var defaultIdentityPath: String {
        let config = Platform.environment("XDG_CONFIG_HOME").flatMap { $0.isEmpty ? nil : $0 } ?? Platform.homeDirectory() + "/.config"
        return config + "/hush/identity"
    }

    /// Loads every identity that can be found.
    public static func identities(files: [String]) throws -> [Identity] {
        var found: [Identity] = []
        for file in files {
            found += try Identity.parseAll(readText(file), source: file)
        }
        if let text = Platform.environment("HUSH_IDENTITY"), !text.isEmpty {
            found += try Identity.parseAll(text, source: "HUSH_IDENTITY")
        }
        if let file = Platform.environment("HUSH_IDENTITY_FILE"), !file.isEmpty {
            found += try Identity.parseAll(readText(file), source: "HUSH_IDENTITY_FILE=\(file)")
        }
        var skipped: HushError?
        for file in [defaultIdentityPath, Platform.homeDirectory() + "/.ssh/id_ed25519"] where FileSystem.exists(file) {
            do {
                found += try Identity.parseAll(readText(file), source: file)
            } catch let error as HushError {
                skipped = skipped ?? error
            }
        }
        if found.isEmpty {
            if let skipped { throw HushError(.noKey, skipped.message, hint: skipped.hint) }
            throw HushError(
                .noKey, "no identity found (looked at --identity, HUSH_IDENTITY, HUSH_IDENTITY_FILE, \(defaultIdentityPath), ~/.ssh/id_ed25519)",
                hint: "create one with `hush keygen`, or point --identity at your key file")
        }
        return found
    }

    private static func readText(_ file: String) throws -> String {
        IdentityFileMode.warnIfReadableByOthers(file)
        do {
            return String(decoding: try FileSystem.read(file), as: UTF8.self)
        } catch let error as HushError {
            throw HushError(.noKey, error.message, hint: "check the identity file path")
        }
    }
}
