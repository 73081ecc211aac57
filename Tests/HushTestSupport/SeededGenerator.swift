/// The random number generator of the tests: SplitMix64 from a fixed seed, so every run draws
/// the same values. Tests that make secret-shaped values at run time (so that the repository
/// holds no secret-looking literal) use it: with system randomness a value now and then looked
/// like a word or a placeholder and a scan test failed (about one run in 300). Property tests
/// use it so that a failure can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` characters of `alphabet`, one draw each (taken modulo the alphabet's size: the
    /// slight bias toward its first characters does not matter for test values).
    public mutating func string(_ alphabet: String, _ count: Int) -> String {
        let characters = Array(alphabet)
        return String((0..<count).map { _ in characters[Int(next() % UInt64(characters.count))] })
    }
}
