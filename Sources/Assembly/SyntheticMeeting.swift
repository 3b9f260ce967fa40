/// A made-up compound and meeting of any size, the same for the same seed: for the tally benchmark
/// and for trying `wuye assembly recount` before a real meeting has been held. Its shape follows the
/// registry's: about 4 % of homes still with the developer, 3 % of owners with a second home, 10 % of
/// homes co-owned; four in five rights vote.
public struct SyntheticMeeting: Sendable {
    public let holdings: [Holding]
    public let roll: VotingRoll
    public let motions: [AssemblyExport.Motion]
    public let casts: [AssemblyExport.Cast]

    public init(homes: Int, seed: UInt64 = 1) {
        var random = SplitMix64(seed: seed)
        var holdings: [Holding] = []
        holdings.reserveCapacity(homes)
        var nextOwner = 0
        for home in 1...max(1, homes) {
            let area = Int64(5_000 + random.next(below: 10_000))  // 50.00–149.99 m²
            let roll = random.next(below: 100)
            if roll < 4 {
                holdings.append(Holding(homeID: Int64(home), area: area, delivered: false, owners: []))
                continue
            }
            if roll < 7, nextOwner > 0 {  // a second home of an earlier owner
                holdings.append(Holding(homeID: Int64(home), area: area, delivered: true,
                                        owners: ["owner-\(random.next(below: UInt64(nextOwner)))"]))
                continue
            }
            nextOwner += 1
            var owners = ["owner-\(nextOwner - 1)"]
            if roll < 17 {
                nextOwner += 1
                owners.append("owner-\(nextOwner - 1)")
            }
            holdings.append(Holding(homeID: Int64(home), area: area, delivered: true, owners: owners))
        }
        self.holdings = holdings
        roll = VotingRoll(holdings: holdings)
        motions = [
            .init(id: 1, matter: .hireOrDismissManager, title: "续聘物业服务企业"),
            .init(id: 2, matter: .raiseMaintenanceFund, title: "续筹住宅专项维修资金"),
            .init(id: 3, matter: .useMaintenanceFund, title: "使用维修资金更换电梯"),
        ]
        var casts: [AssemblyExport.Cast] = []
        for right in roll.rights where random.next(below: 5) != 0 {
            for motion in motions {
                let pick = random.next(below: 100)
                let choice: Choice = pick < 82 ? .agree : pick < 92 ? .disagree : .abstain
                casts.append(.init(rightID: right.id, motionID: motion.id, choice: choice,
                                   channel: random.next(below: 10) == 0 ? "paper" : "online",
                                   receipt: String(random.next(below: 1 << 40), radix: 36), castAt: "2026-11-20T02:00:00.000Z"))
            }
        }
        self.casts = casts
    }
}

/// SplitMix64: tiny, fast, and the same sequence everywhere for one seed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: UInt64) -> UInt64 { next() % bound }
}
