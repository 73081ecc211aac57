import ArgumentParser
import HushKit

/// `--format dotenv|yaml` for new environments (`set`, `encrypt -`).
extension Syntax: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "yaml", "yml": self = .yaml
        case "dotenv", "env": self = .dotenv
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["dotenv", "yaml"] }
}
