// The libFuzzer driver of docs/robustness.md. Built by `scripts/fuzz` with
// `-sanitize=fuzzer -DHUSH_FUZZER`, libFuzzer supplies `main` and calls
// `LLVMFuzzerTestOneInput` for the target named by HUSH_FUZZ_TARGET. A plain `swift build`
// makes a small tool instead, which replays inputs and seals seed files:
//
//     hush-fuzz run TARGET FILE...                      each file once, findings reported
//     hush-fuzz seal yaml|dotenv [exposed] [conflict]   stdin (plaintext) to stdout (sealed)
//     hush-fuzz dump yaml|dotenv                        stdin's leaves and mappings
import HushKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The target chosen by HUSH_FUZZ_TARGET (dotenv, yaml, sealed, roundtrip).
let fuzzTarget: FuzzEntry.Target = {
    let name = getenv("HUSH_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzEntry.Target(rawValue: name) else {
        fatalError("set HUSH_FUZZ_TARGET to one of: \(FuzzEntry.Target.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

/// HUSH_FUZZ_STRICT=1: known, reported round-trip findings (FuzzEntry.known) count too.
let fuzzStrict = getenv("HUSH_FUZZ_STRICT").map { String(cString: $0) == "1" } ?? false

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let finding = FuzzEntry.run(fuzzTarget, bytes, strict: fuzzStrict) {
        fatalError("hush-fuzz \(fuzzTarget.rawValue) finding: \(finding)")
    }
    return 0
}

#if !HUSH_FUZZER
    /// The replay and seed tool of a plain build.
    @main enum HushFuzzTool {
        /// All the bytes left on a file descriptor.
        static func readAll(_ fd: Int32) -> [UInt8] {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                bytes += chunk[0..<n]
            }
            return bytes
        }

        static func output(_ bytes: [UInt8], to fd: Int32) {
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n <= 0 { exit(2) }
                offset += n
            }
        }

        static func fail(_ message: String) -> Never {
            output(Array("hush-fuzz: \(message)\n".utf8), to: 2)
            exit(2)
        }

        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            switch arguments.first {
            case "run":
                guard arguments.count >= 2, let target = FuzzEntry.Target(rawValue: arguments[1]) else { fail("usage: hush-fuzz run TARGET FILE...") }
                var findings = 0
                for path in arguments.dropFirst(2) {
                    let fd = open(path, O_RDONLY)
                    guard fd >= 0 else { fail("cannot open \(path)") }
                    let bytes = readAll(fd)
                    close(fd)
                    if let finding = FuzzEntry.run(target, bytes) {
                        let known = FuzzEntry.run(target, bytes, strict: false) == nil ? " (known, reported: FuzzEntry.known)" : ""
                        print("\(path): \(finding)\(known)")
                        findings += 1
                    }
                }
                print("hush-fuzz \(target.rawValue): \(arguments.count - 2) input(s), \(findings) finding(s)")
                exit(findings == 0 ? 0 : 1)
            case "seal":
                guard arguments.count >= 2 else { fail("usage: hush-fuzz seal yaml|dotenv [exposed] [conflict]") }
                do {
                    let sealed = try FuzzEntry.seal(
                        readAll(0), syntax: arguments[1], exposing: arguments.contains("exposed"), conflicting: arguments.contains("conflict"))
                    output(sealed, to: 1)
                } catch {
                    fail("\(error)")
                }
            case "dump":
                guard arguments.count == 2 else { fail("usage: hush-fuzz dump yaml|dotenv") }
                do {
                    print(try FuzzEntry.dump(readAll(0), syntax: arguments[1]), terminator: "")
                } catch {
                    fail("\(error)")
                }
            default:
                fail("usage: hush-fuzz run TARGET FILE... | seal yaml|dotenv [exposed] [conflict] | dump yaml|dotenv (fuzzing: scripts/fuzz)")
            }
        }
    }
#endif
