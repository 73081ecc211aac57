import ArgumentParser
import HushKit

/// Shell completion of environment and key names (`hush --generate-completion-script SHELL`).
/// Key names are plaintext in the sealed file, so completing them needs no key.
enum Completions {
    /// The environments in `.secrets/`.
    static let environments = CompletionKind.custom { _, _, prefix in
        ((try? Repository.find().environments().map(\.name)) ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// The keys of the environment named earlier on the command line.
    static let keys = CompletionKind.custom { words, index, prefix in
        guard let repository = try? Repository.find() else { return [] }
        let names = Set(repository.environments().map(\.name))
        guard let env = words.prefix(index).last(where: { names.contains($0) }),
            let keys = try? ValueCommands.keys(Vault(repository: repository), env: env)
        else { return [] }
        return keys.filter { $0.hasPrefix(prefix) }
    }
}
