#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs other programs (git, the user's editor) with `posix_spawnp`, without a shell unless
/// asked, and never with secret material in their arguments.
enum Subprocess {
    /// Runs `argv` and returns its exit status and standard output (stderr is inherited).
    @discardableResult
    /// `started` is told the child's process id (the editor's, for signal forwarding).
    static func run(
        _ argv: [String], captureOutput: Bool = false, quietErrors: Bool = false, started: ((pid_t) -> Void)? = nil
    ) throws -> (status: Int32, output: [UInt8]) {
        var pipeFDs: [Int32] = [-1, -1]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if captureOutput {
            guard pipe(&pipeFDs) == 0 else { throw HushError(.system, "cannot create a pipe: \(Platform.errorText())") }
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        }
        if quietErrors { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        var pid = pid_t()
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
        if captureOutput { close(pipeFDs[1]) }
        guard rc == 0 else {
            if captureOutput { close(pipeFDs[0]) }
            throw HushError(.system, "cannot run \(argv[0]): \(Platform.errorText(rc))", hint: "check that \(argv[0]) is installed and on PATH")
        }
        started?(pid)
        var output: [UInt8] = []
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(pipeFDs[0], $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                output += buffer[0..<n]
            }
            close(pipeFDs[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (exitCode(status), output)
    }

    /// A running program whose standard input and output are pipes held by this process, for
    /// request/response tools such as `git cat-file --batch`: write a request, read its answer,
    /// repeat. Its stderr is discarded unless `showErrors`. `finish()` closes its input and
    /// waits; a channel dropped without `finish()` does that itself.
    final class Channel {
        private let pid: pid_t
        private var input: Int32
        private var output: Int32
        private var buffer: [UInt8] = []
        private var position = 0
        private var chunk = [UInt8](repeating: 0, count: 65536)

        init(_ argv: [String], showErrors: Bool = false) throws {
            var toChild: [Int32] = [-1, -1]
            var fromChild: [Int32] = [-1, -1]
            guard pipe(&toChild) == 0 else { throw HushError(.system, "cannot create a pipe: \(Platform.errorText())") }
            guard pipe(&fromChild) == 0 else {
                close(toChild[0])
                close(toChild[1])
                throw HushError(.system, "cannot create a pipe: \(Platform.errorText())")
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
            for fd in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, fd) }
            if !showErrors { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
            var pid = pid_t()
            let cArgs = argv.map { strdup($0) } + [nil]
            defer { cArgs.forEach { free($0) } }
            let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
            close(toChild[0])
            close(fromChild[1])
            guard rc == 0 else {
                close(toChild[1])
                close(fromChild[0])
                throw HushError(.system, "cannot run \(argv[0]): \(Platform.errorText(rc))", hint: "check that \(argv[0]) is installed and on PATH")
            }
            _ = fcntl(toChild[1], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fromChild[0], F_SETFD, FD_CLOEXEC)
            self.pid = pid
            input = toChild[1]
            output = fromChild[0]
        }

        deinit { _ = finish() }

        /// Sends `bytes` to the program's standard input.
        func send(_ bytes: [UInt8]) throws {
            guard input >= 0 else { throw HushError(.system, "cannot write to a finished program") }
            try Platform.writeAll(input, bytes)
        }

        /// The next line of output without its `\n`, or nil at the end of the output.
        func readLine() throws -> [UInt8]? {
            var scanned = position
            while true {
                if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                    let line = Array(buffer[position..<newline])
                    position = newline + 1
                    return line
                }
                let unread = buffer.count - position
                guard try fill() else {
                    guard position < buffer.count else { return nil }
                    let line = Array(buffer[position...])
                    position = buffer.count
                    return line
                }
                scanned = unread  // `fill` moved the unread bytes to the front
            }
        }

        /// Exactly `count` bytes of output; throws when the output ends first.
        func readExactly(_ count: Int) throws -> [UInt8] {
            let buffered = buffer.count - position
            if count <= buffered {
                let bytes = Array(buffer[position..<(position + count)])
                position += count
                return bytes
            }
            // More than is buffered (a whole file from `git cat-file`) is read straight into an
            // array of its size: growing the buffer to hold it, then copying it out, took up
            // to four times the file's size at once.
            let bytes = try [UInt8](unsafeUninitializedCapacity: count) { out, filled in
                buffer.withUnsafeBufferPointer { unread in
                    out.baseAddress!.initialize(from: unread.baseAddress! + position, count: buffered)
                }
                filled = buffered
                while filled < count {
                    let n = read(output, out.baseAddress! + filled, count - filled)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { throw HushError(.system, "cannot read a subprocess's output: \(Platform.errorText())") }
                    if n == 0 { throw HushError(.system, "a subprocess's output ended early") }
                    filled += n
                }
            }
            buffer.removeAll(keepingCapacity: true)
            position = 0
            return bytes
        }

        /// Closes the program's input, reads what is left of its output, waits for it and
        /// returns its exit status.
        @discardableResult
        func finish() -> Int32 {
            guard output >= 0 else { return 0 }
            if input >= 0 {
                close(input)
                input = -1
            }
            while (try? fill()) == true { buffer.removeAll(keepingCapacity: true) }
            close(output)
            output = -1
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return exitCode(status)
        }

        /// Reads one more chunk of output after the unread bytes; false at its end.
        private func fill() throws -> Bool {
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            while true {
                let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw HushError(.system, "cannot read a subprocess's output: \(Platform.errorText())") }
                if n == 0 { return false }
                buffer.append(contentsOf: chunk[0..<n])
                return true
            }
        }
    }

    /// The exit code of a wait status, or 128 + signal number for a killed process (as shells do).
    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Replaces this process with `argv`, its environment being the current one without the
    /// variables named in `removing`, plus `variables`. A variable already set keeps its value
    /// unless `override` is true. The program is looked up as `execvp` does, in this process's
    /// PATH. Returns the `errno` of a failed exec; does not return otherwise.
    ///
    /// The environment block is built once and passed to `execve`: calling `setenv` per
    /// variable rescans the whole environment each time, which is quadratic in its size.
    static func replaceProcess(
        _ argv: [String], adding variables: [(name: String, value: String)], removing: Set<String> = [], override: Bool
    ) -> Int32 {
        var entries: [UnsafeMutablePointer<CChar>?] = []
        var index: [String: Int] = [:]
        var inherited = NameFilter()
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            let name = text.firstIndex(of: "=").map { String(text[..<$0]) } ?? text
            cursor += 1
            if removing.contains(name) { continue }
            if index[name] == nil { index[name] = entries.count }
            inherited.insert(name)
            entries.append(entry)
        }
        entries.reserveCapacity(entries.count + variables.count + 1)
        // All `NAME=value` strings in one block (10,000 values: one allocation, not 20,000).
        let size = variables.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 }
        let block = UnsafeMutablePointer<CChar>.allocate(capacity: max(size, 1))
        // Runs only when no `execve` succeeded: the values do not outlive the failure.
        defer {
            block.update(repeating: 0, count: max(size, 1))
            block.deallocate()
        }
        var offset = 0
        func copy(_ text: String) { offset += Bytes.copy(text, to: block + offset) }
        func place(_ name: String, _ value: String) -> UnsafeMutablePointer<CChar> {
            let start = block + offset
            copy(name)
            block[offset] = 0x3D  // =
            offset += 1
            copy(value)
            block[offset] = 0
            offset += 1
            return start
        }
        for (name, value) in variables {
            if inherited.mayContain(name), let existing = index[name] {
                if override { entries[existing] = place(name, value) }
            } else {
                entries.append(place(name, value))
            }
        }
        entries.append(nil)
        // On success these copies go away with the old process image.
        let cArgs = argv.map { strdup($0) } + [nil]
        let program = argv[0]
        if program.contains("/") { return execute(program, cArgs, entries) }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        var denied = false
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let code = execute((directory.isEmpty ? "." : String(directory)) + "/" + program, cArgs, entries)
            switch code {
            case EACCES: denied = true
            case ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG: continue
            default: return code
            }
        }
        return denied ? EACCES : ENOENT
    }

    /// `execve`, falling back to `/bin/sh FILE ARGS…` for a script without `#!`, as `execvp` does.
    private static func execute(_ file: String, _ argv: [UnsafeMutablePointer<CChar>?], _ envp: [UnsafeMutablePointer<CChar>?]) -> Int32 {
        execve(file, argv, envp)
        let code = errno
        guard code == ENOEXEC else { return code }
        let shellArgs = [strdup("/bin/sh"), strdup(file)] + argv.dropFirst()
        execve("/bin/sh", Array(shellArgs), envp)
        return errno
    }
}

/// A quick "certainly not there" for the few names of the inherited environment, checked
/// for each of the values `exec` adds: by first byte and length, so that the hash lookup runs
/// only for a name that could match (10,000 hashed lookups were a tenth of building the block).
struct NameFilter {
    private var firstBytes = [Bool](repeating: false, count: 256)
    /// Indexed by length; every length from `longest` on shares the last slot.
    private var lengths = [Bool](repeating: false, count: longest + 1)
    private static let longest = 128

    mutating func insert(_ name: String) {
        firstBytes[Int(name.utf8.first ?? 0)] = true
        lengths[min(name.utf8.count, Self.longest)] = true
    }

    /// False only when `name` was certainly not inserted.
    func mayContain(_ name: String) -> Bool {
        firstBytes[Int(name.utf8.first ?? 0)] && lengths[min(name.utf8.count, Self.longest)]
    }
}
