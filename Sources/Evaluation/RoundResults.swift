import WuyeCore

/// A round's published results: compounds ranked within their type, demonstration projects, reward
/// tiers, star projects and star companies. The rules are stated here so a published page can say them.
public struct RoundResults: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let compoundID: Int64
        public let companyID: Int64?
        public let type: String
        public let score: CompoundScore
        public var rank = 0
        public var reward: Fen = .zero
        public var demonstration = false
        public var star = false

        public init(compoundID: Int64, companyID: Int64?, type: String, score: CompoundScore) {
            self.compoundID = compoundID
            self.companyID = companyID
            self.type = type
            self.score = score
        }
    }

    /// Rewards by rank within a type, for compounds in the top band only: 1st 100,000 元, 2nd–3rd
    /// 80,000 元, 4th–6th 50,000 元 (the tiers of reference §5's example; a round may set others).
    public static let defaultTiers: [(lastRank: Int, amount: Fen)] = [(1, Fen(10_000_000)), (3, Fen(8_000_000)), (6, Fen(5_000_000))]
    public static let starLine = 9_000
    public static let rules = "同类型小区按得分排名（同分按小区编号）；“良好”档中排名第 1 奖励 10 万元、第 2–3 名 8 万元、第 4–6 名 5 万元；90 分以上为星级项目，各类型第一名且 90 分以上为示范项目；所服务小区平均 90 分以上的企业为星级企业"

    public let entries: [Entry]
    /// Companies' mean scores over their compounds in the round (centipoints, half up), and stars.
    public let companies: [(companyID: Int64, mean: Int, compounds: Int, star: Bool)]

    public static func == (lhs: RoundResults, rhs: RoundResults) -> Bool {
        lhs.entries == rhs.entries && lhs.companies.map(\.companyID) == rhs.companies.map(\.companyID)
            && lhs.companies.map(\.mean) == rhs.companies.map(\.mean)
    }

    /// `topBand`: the compounds in their scorecard's top band, the only ones that earn rewards.
    public init(_ scored: [Entry], topBand: Set<Int64>, tiers: [(lastRank: Int, amount: Fen)] = RoundResults.defaultTiers) {
        var ranked: [Entry] = []
        for type in Set(scored.map(\.type)).sorted() {
            let group = scored.filter { $0.type == type }.sorted { ($0.score.total, -$0.compoundID) > ($1.score.total, -$1.compoundID) }
            for (index, var entry) in group.enumerated() {
                entry.rank = index + 1
                entry.star = entry.score.total >= Self.starLine
                entry.demonstration = entry.rank == 1 && entry.star
                if topBand.contains(entry.compoundID), let tier = tiers.first(where: { entry.rank <= $0.lastRank }) { entry.reward = tier.amount }
                ranked.append(entry)
            }
        }
        entries = ranked
        companies = Self.companies(of: ranked)
    }

    /// Each company's mean over its compounds, half up to the centipoint; a star at 90 or more.
    static func companies(of entries: [Entry]) -> [(companyID: Int64, mean: Int, compounds: Int, star: Bool)] {
        var byCompany: [Int64: [Int]] = [:]
        for entry in entries { if let company = entry.companyID { byCompany[company, default: []].append(entry.score.total) } }
        return byCompany.map { company, totals in
            let mean = (2 * totals.reduce(0, +) + totals.count) / (2 * totals.count)
            return (company, mean, totals.count, mean >= Self.starLine)
        }.sorted { ($0.mean, -$0.companyID) > ($1.mean, -$1.companyID) }
    }
}

extension RoundResults {
    /// Results read back as published: ranks, rewards and stars as they were written.
    public init(frozen entries: [Entry]) {
        self.entries = entries
        companies = Self.companies(of: entries)
    }
}
