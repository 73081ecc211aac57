import ArgumentParser
import HushKit

struct Log: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        abstract: "List the commits that added, changed or removed each key, newest first.",
        discussion:
            "Reads git history; no key needed: a value changed exactly when its token changed. A new data key (rekey, offboarding) is one line, \"all values re-sealed (new data key)\". With --values, each value is decrypted where one of your identities opens that commit's file (else <sealed>), and a rotation also lists the values whose plaintext changed."
    )
    static let example = "  hush log\n  hush log production\n  hush log production DATABASE_URL --values"

    @Argument(help: "Environment name or sealed file path (all environments when omitted).", completion: Completions.environments)
    var env: String?

    @Argument(help: "Key (dotted path for nested YAML).", completion: Completions.keys)
    var key: String?

    @Flag(help: "Show the values (decrypted with your identities).")
    var values = false

    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let vault = try identity.vault()
        let commits = try KeyHistory.log(vault.repository, env: env, key: key, identities: values ? vault.identities() : nil)
        if commits.isEmpty {
            let what = key.map { "key \($0)" } ?? env.map { "environment \($0)" } ?? ".secrets/"
            Console.err("hush: no commit changes \(TerminalSafe.escape(what))\n")
        }
        Console.out(KeyHistory.render(commits))
    }
}
