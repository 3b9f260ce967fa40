/// The demo generator's only source of randomness: SplitMix64 (Steele, Lea and Flood, 2014).
///
/// The system generator and the standard library's `random(in:using:)` are avoided on purpose:
/// the first is not seedable and the second's algorithm may change between toolchains, and the
/// demo promises byte-identical output for a seed. Each compound (and each community, for grids)
/// gets its own stream derived from (seed, purpose, index), so any one of them can be
/// regenerated alone, in any order, without replaying the others.
struct DemoRandom {
    private var state: UInt64

    /// Separate purposes draw from unrelated streams, so adding a draw to one (say, a new
    /// compound attribute) does not shift the numbers of another (its homes and owners).
    enum Stream: UInt64 {
        case city = 1, compoundPlan, compoundLayout, owners, service, grids, names, phones, identities
    }

    init(seed: UInt64, stream: Stream, index: Int) {
        state = Self.hash(seed: seed, stream: stream, index: index)
    }

    /// A stateless 64-bit hash of (seed, purpose, index), for values derived from a global index
    /// (an owner's name or phone) that must not depend on the order they are asked for.
    static func hash(seed: UInt64, stream: Stream, index: Int) -> UInt64 {
        mix(seed ^ mix(stream.rawValue &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: Int64(index))))
    }

    /// The SplitMix64 output function, a strong 64-bit finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A number in 0..<count by multiply-high (Lemire); the bias, below count/2^64, is irrelevant here.
    mutating func below(_ count: Int) -> Int {
        precondition(count > 0, "below needs a positive count")
        return Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability perMille/1000.
    mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }

    mutating func element<T>(of array: [T]) -> T {
        array[below(array.count)]
    }
}

extension UInt64 {
    /// A number in 0..<count from a hash value, for the stateless draws.
    func demoBelow(_ count: Int) -> Int {
        Int(multipliedFullWidth(by: UInt64(count)).high)
    }
}
