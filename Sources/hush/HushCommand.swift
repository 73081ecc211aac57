import ArgumentParser
import HushKit

@main
struct Hush: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "hush",
        abstract: "A Git-native encrypted secrets vault.",
        version: "hush \(HushVersion.release) (format v\(HushVersion.format))",
        subcommands: [
            Keygen.self,
            Whoami.self,
            Init.self,
            Recipients.self,
            SetValue.self,
            GetValue.self,
            Keys.self,
            Unset.self,
            Encrypt.self,
            Decrypt.self,
            Export.self,
            Edit.self,
            Exec.self,
            Verify.self,
            Scan.self,
            Sync.self,
            Rekey.self,
            Access.self,
            Status.self,
            MergeDriverCommand.self,
            GitGroup.self,
            Log.self,
            Hooks.self,
            DiffCommand.self,
            Upgrade.self,
            Restore.self,
            Exposed.self,
        ]
    )

    static let example = """
          hush keygen && hush init            # once per person / per repository
          hush set production DATABASE_URL    # value read from stdin, input hidden
          hush exec production -- ./server    # run with the secrets in the environment
        """

    static func main() {
        CLI.main(Hush.self)
    }
}
