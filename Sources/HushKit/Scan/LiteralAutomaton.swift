/// An Aho-Corasick automaton over bytes that finds every occurrence of many literals in one
/// pass, comparing ASCII letters case-insensitively: the first stage of `hush scan`, run over
/// every byte of every file with all rules' keywords and the vault's values at once.
///
/// It is built as a complete DFA (every state has a transition for every input class, failure
/// links folded in), so the scan loop is one table load per byte and no branch but the match
/// test. Bytes are first mapped to equivalence classes: all bytes that occur in no literal
/// share class 0, and an ASCII letter shares the class of its lower-case form. States that
/// report a match are numbered after all others, so the match test is one comparison.
struct LiteralAutomaton: Sendable {
    /// Number of literals given (ids are their indexes).
    let patternCount: Int
    /// Byte length of each literal.
    let lengths: [Int]
    /// Number of DFA states.
    let stateCount: Int

    /// Input class of each byte value.
    private let classes: [UInt8]
    private let classCount: Int
    /// `transitions[state + class]` is the next state; states are pre-multiplied by `classCount`.
    private let transitions: [Int32]
    /// The first (pre-multiplied) state that reports matches.
    private let firstMatchState: Int32
    /// For match state `k` (its index minus the first match state's), `outputs[outputStart[k]
    /// ..< outputStart[k + 1]]` are the ids of the literals that end there.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    /// Builds the automaton; empty literals never match.
    init(_ literals: [[UInt8]]) {
        patternCount = literals.count
        lengths = literals.map(\.count)
        // Input classes: one per distinct byte (letters folded to lower case) in the literals.
        var classOf = [UInt8](repeating: 0, count: 256)
        var count = 1
        for literal in literals {
            for byte in literal {
                let folded = Self.fold(byte)
                if classOf[Int(folded)] == 0 {
                    precondition(count < 256)
                    classOf[Int(folded)] = UInt8(count)
                    count += 1
                }
            }
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classOf[Int(upper)] = classOf[Int(upper | 0x20)] }
        classes = classOf
        classCount = count

        // The trie: sparse children, outputs per node.
        var children: [[(UInt8, Int32)]] = [[]]
        var nodeOutputs: [[Int32]] = [[]]
        for (id, literal) in literals.enumerated() where !literal.isEmpty {
            var node = 0
            for byte in literal {
                let c = classOf[Int(byte)]
                if let next = children[node].first(where: { $0.0 == c })?.1 {
                    node = Int(next)
                } else {
                    children.append([])
                    nodeOutputs.append([])
                    children[node].append((c, Int32(children.count - 1)))
                    node = children.count - 1
                }
            }
            nodeOutputs[node].append(Int32(id))
        }
        let nodes = children.count
        stateCount = nodes

        // Breadth-first: failure links and the complete transition table (unnumbered states).
        var table = [Int32](repeating: 0, count: nodes * count)
        var fail = [Int32](repeating: 0, count: nodes)
        var queue: [Int] = []
        queue.reserveCapacity(nodes)
        for (c, child) in children[0] {
            table[Int(c)] = child
            queue.append(Int(child))
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let failRow = Int(fail[node]) * count
            let row = node * count
            for c in 0..<count { table[row + c] = table[failRow + c] }
            for (c, child) in children[node] {
                let target = table[failRow + Int(c)]
                fail[Int(child)] = target
                nodeOutputs[Int(child)] += nodeOutputs[Int(target)]
                table[row + Int(c)] = child
                queue.append(Int(child))
            }
        }

        // Renumber: states without outputs first (the start state stays 0), then match states.
        var order = (0..<nodes).filter { nodeOutputs[$0].isEmpty }
        let firstMatch = order.count
        order += (0..<nodes).filter { !nodeOutputs[$0].isEmpty }
        var newIndex = [Int32](repeating: 0, count: nodes)
        for (new, old) in order.enumerated() { newIndex[old] = Int32(new) }
        var renumbered = [Int32](repeating: 0, count: nodes * count)
        for (new, old) in order.enumerated() {
            for c in 0..<count { renumbered[new * count + c] = newIndex[Int(table[old * count + c])] * Int32(count) }
        }
        transitions = renumbered
        firstMatchState = Int32(firstMatch * count)
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for old in order[firstMatch...] {
            flat += nodeOutputs[old]
            starts.append(Int32(flat.count))
        }
        outputStart = starts
        outputs = flat
    }

    /// ASCII upper-case letters to lower case; other bytes unchanged.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// Calls `hit(id, end)` for every occurrence of every literal in `bytes`, in order of their
    /// end offset (exclusive); occurrences may overlap.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ hit: (_ id: Int, _ end: Int) -> Void) {
        guard let base = bytes.baseAddress, patternCount > 0 else { return }
        let n = bytes.count
        transitions.withUnsafeBufferPointer { table in
            classes.withUnsafeBufferPointer { classOf in
                var state: Int32 = 0
                var i = 0
                while i < n {
                    i = Self.advance(table.baseAddress!, classOf.baseAddress!, base, from: i, to: n, state: &state, firstMatch: firstMatchState)
                    if state >= firstMatchState { report(state, end: i, hit) }
                }
            }
        }
    }

    /// The hot loop, kept apart so that its state lives in registers: runs the DFA from `start`
    /// until it enters a match state (returns the offset after that byte) or reaches `n`.
    @inline(never)
    private static func advance(
        _ table: UnsafePointer<Int32>, _ classOf: UnsafePointer<UInt8>, _ bytes: UnsafePointer<UInt8>, from start: Int, to n: Int,
        state: inout Int32, firstMatch: Int32
    ) -> Int {
        var s = state
        var i = start
        while i < n {
            s = table[Int(s) &+ Int(classOf[Int(bytes[i])])]
            i &+= 1
            if s >= firstMatch { break }
        }
        state = s
        return i
    }

    private func report(_ state: Int32, end: Int, _ hit: (Int, Int) -> Void) {
        let index = Int(state - firstMatchState) / classCount
        for j in Int(outputStart[index])..<Int(outputStart[index + 1]) { hit(Int(outputs[j]), end) }
    }

    /// Every occurrence as (id, end) pairs, for tests.
    func matches(in bytes: [UInt8]) -> [(id: Int, end: Int)] {
        var found: [(Int, Int)] = []
        bytes.withUnsafeBufferPointer { buffer in scan(buffer) { found.append(($0, $1)) } }
        return found
    }
}
