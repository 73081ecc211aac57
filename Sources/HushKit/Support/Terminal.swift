#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the terminal the CLI layer needs.
public enum Terminal {
    public static var isStandardOutput: Bool { Platform.isTerminal(1) }
    public static var isStandardInput: Bool { Platform.isTerminal(0) }

    /// Asks a yes/no question on a terminal (prompt on stderr); only `y` or `yes` is yes.
    public static func confirm(_ question: String) -> Bool {
        Console.err(question + " [y/N] ")
        let answer = (readLine() ?? "").lowercased()
        return answer == "y" || answer == "yes"
    }
}

/// Reading a secret value from standard input.
public enum SecretInput {
    /// Reads a value for `hush set`: from a terminal, one line typed with echo off; from a pipe,
    /// everything. One trailing newline is dropped either way (use `--file` for exact bytes).
    public static func readValue(prompt: String) throws -> String {
        var bytes: [UInt8]
        if Platform.isTerminal(0) {
            Console.err(prompt)
            var saved = termios()
            let canHide = tcgetattr(0, &saved) == 0
            if canHide {
                var quiet = saved
                quiet.c_lflag &= ~tcflag_t(ECHO)
                tcsetattr(0, TCSANOW, &quiet)
            }
            defer {
                if canHide { tcsetattr(0, TCSANOW, &saved) }
                Console.err("\n")
            }
            bytes = Array((readLine(strippingNewline: false) ?? "").utf8)
        } else {
            bytes = try FileSystem.readDescriptor(0)
        }
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        return try text(bytes, what: "the value on standard input")
    }

    /// Reads a value from a file, byte for byte.
    public static func readFile(_ path: String) throws -> String {
        try text(FileSystem.readInput(path), what: path)
    }

    private static func text(_ bytes: [UInt8], what: String) throws -> String {
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw HushError(.badInput, "\(what) is not UTF-8 text", hint: "store binary data base64-encoded")
        }
        return string
    }
}
