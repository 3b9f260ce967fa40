/// The exact integer rules of Civil Code Art. 278 para 2 (reference §1.5). Areas are in 0.01 m²,
/// headcounts in voting rights; no division, no floating point, so the bound cases are exact.
public enum Art278 {
    /// Participants hold ≥ 2/3 of the total area AND ≥ 2/3 of the total headcount ("三分之二以上", Art. 1259: inclusive).
    public static func quorum(_ count: VoteCount, of total: VoteTotals) -> Bool {
        3 * count.participatingArea >= 2 * total.area && 3 * count.participatingHeadcount >= 2 * total.headcount
    }

    /// Whether the agreeing part carries the motion among the participants.
    public static func carried(_ count: VoteCount, threshold: MotionMatter.Threshold) -> Bool {
        switch threshold {
        case .special:
            // 四分之三以上: 4·Y ≥ 3·P for area and headcount.
            4 * count.agreeArea >= 3 * count.participatingArea && 4 * count.agreeHeadcount >= 3 * count.participatingHeadcount
        case .ordinary:
            // 过半数: 2·Y > P, strictly, for area and headcount.
            2 * count.agreeArea > count.participatingArea && 2 * count.agreeHeadcount > count.participatingHeadcount
        }
    }

    public static func passed(_ count: VoteCount, of total: VoteTotals, threshold: MotionMatter.Threshold) -> Bool {
        quorum(count, of: total) && carried(count, threshold: threshold)
    }
}

/// The voting rights of a meeting, in total: the denominators of the quorum.
public struct VoteTotals: Codable, Equatable, Sendable {
    /// Sum of the exclusive areas, 0.01 m².
    public var area: Int64
    /// Number of voting rights.
    public var headcount: Int64

    public init(area: Int64, headcount: Int64) {
        self.area = area
        self.headcount = headcount
    }
}

/// One motion's count. Abstentions participate but do not agree (reference §1.5).
public struct VoteCount: Codable, Equatable, Sendable {
    public var participatingArea: Int64 = 0
    public var participatingHeadcount: Int64 = 0
    public var agreeArea: Int64 = 0
    public var agreeHeadcount: Int64 = 0
    public var disagreeArea: Int64 = 0
    public var disagreeHeadcount: Int64 = 0

    public init() {}

    public init(participatingArea: Int64, participatingHeadcount: Int64, agreeArea: Int64, agreeHeadcount: Int64,
                disagreeArea: Int64 = 0, disagreeHeadcount: Int64 = 0) {
        self.participatingArea = participatingArea
        self.participatingHeadcount = participatingHeadcount
        self.agreeArea = agreeArea
        self.agreeHeadcount = agreeHeadcount
        self.disagreeArea = disagreeArea
        self.disagreeHeadcount = disagreeHeadcount
    }

    public var abstainArea: Int64 { participatingArea - agreeArea - disagreeArea }
    public var abstainHeadcount: Int64 { participatingHeadcount - agreeHeadcount - disagreeHeadcount }

    public mutating func add(_ choice: Choice, area: Int64) {
        participatingArea += area
        participatingHeadcount += 1
        switch choice {
        case .agree:
            agreeArea += area
            agreeHeadcount += 1
        case .disagree:
            disagreeArea += area
            disagreeHeadcount += 1
        case .abstain:
            break
        }
    }
}

/// A voter's choice on one motion.
public enum Choice: String, Codable, CaseIterable, Sendable {
    case agree, disagree, abstain

    public var chineseName: String {
        switch self {
        case .agree: "同意"
        case .disagree: "反对"
        case .abstain: "弃权"
        }
    }
}
