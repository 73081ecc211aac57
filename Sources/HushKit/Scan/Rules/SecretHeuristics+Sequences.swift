/// Sequences and repetition: values of counting, keyboard-row or repeated characters.
extension SecretHeuristics {
    /// True when `text` holds a run of 6 or more characters that count up or down by one
    /// (`123456`, `abcdef`, `987654`), or a keyboard row.
    public static func hasLongSequence(_ text: some StringProtocol) -> Bool {
        let bytes = Array(String(text).lowercased().utf8)
        if bytes.count >= 6 {
            var up = 1
            var down = 1
            for i in 1..<bytes.count {
                let (a, b) = (Int(bytes[i - 1]), Int(bytes[i]))
                let alnum = isAlphanumeric(bytes[i - 1]) && isAlphanumeric(bytes[i])
                up = alnum && b == a + 1 ? up + 1 : 1
                down = alnum && b == a - 1 ? down + 1 : 1
                if up >= 6 || down >= 6 { return true }
            }
        }
        // Mostly made of short runs (`abc123def456`): half the characters in runs of 3 or more.
        if bytes.count >= 8 {
            var inRuns = 0
            var runStart = 0
            var direction = 0
            for i in 1...bytes.count {
                let step = i < bytes.count && isAlphanumeric(bytes[i - 1]) && isAlphanumeric(bytes[i]) ? Int(bytes[i]) - Int(bytes[i - 1]) : 0
                let continues = (step == 1 || step == -1) && (direction == 0 || step == direction)
                if continues {
                    direction = step
                } else {
                    if i - runStart >= 3 { inRuns += i - runStart }
                    runStart = i
                    direction = 0
                    if step == 1 || step == -1 {
                        runStart = i - 1
                        direction = step
                    }
                }
            }
            if inRuns * 2 >= bytes.count { return true }
        }
        let lower = String(decoding: bytes, as: UTF8.self)
        return ["qwerty", "asdfgh", "zxcvbn", "qwertz", "azerty"].contains { lower.contains($0) }
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b)
    }

    /// The longest run of one repeated character.
    public static func longestRun(_ text: some StringProtocol) -> Int {
        var best = 0
        var run = 0
        var previous: UInt8?
        for b in text.utf8 {
            run = b == previous ? run + 1 : 1
            best = max(best, run)
            previous = b
        }
        return best
    }

    /// Repeated characters or a short pattern repeated (`aaaaaaaa`, `abcabcabcabc`, `x1x1x1x1`).
    public static func isRepetitive(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return true }
        if longestRun(text) * 3 >= bytes.count || longestRun(text) >= 6 { return true }
        for period in 1...min(4, bytes.count / 2) {
            var same = 0
            for i in period..<bytes.count where bytes[i] == bytes[i - period] { same += 1 }
            if same * 10 >= (bytes.count - period) * 8 { return true }
        }
        let distinct = Set(bytes).count
        return distinct <= 3 || distinct * 6 < bytes.count
    }
}
