import WuyeCore

/// What the platform measures about a compound's service from its own records, not from paperwork.
/// Rates are in ‰; complaints per 100 homes in hundredths.
public enum Indicator: String, CaseIterable, Codable, Sendable {
    /// Complaints (any source, not rejected) reported in the round's period per 100 homes — lower is better.
    case complaintsPer100Homes = "complaints_per_100_homes"
    /// Cases closed in the period that were closed by their deadline, ‰.
    case onTimeRate = "on_time_rate"
    /// Reporters' ratings of closed cases (1–5 stars) as ‰ of the scale: (stars − 1) / 4.
    case caseRating = "case_rating"
    /// Service fees collected over billed for the periods in the round, ‰.
    case collectionRate = "collection_rate"
    /// The company's 三公开 items current today, ‰.
    case disclosureCompleteness = "disclosure_completeness"
    /// 1000 when the common fund has nothing flagged (no expense without approval, no month whose bank
    /// statement disagrees), else 0.
    case commonFundCompliance = "common_fund_compliance"
    /// Owners answering 满意 or 非常满意 in the round's survey, ‰ of the answers.
    case ownerSatisfaction = "owner_satisfaction"

    public var chineseName: String {
        switch self {
        case .complaintsPer100Homes: "每百户投诉量"
        case .onTimeRate: "按时办结率"
        case .caseRating: "报事评价"
        case .collectionRate: "物业费收缴率"
        case .disclosureCompleteness: "三公开完整度"
        case .commonFundCompliance: "共有资金合规"
        case .ownerSatisfaction: "业主满意度调查"
        }
    }

    public var lowerIsBetter: Bool { self == .complaintsPer100Homes }

    /// How a value reads: "1.25 件/百户", "95.0%".
    public func text(_ value: Int) -> String {
        lowerIsBetter ? "\(Hundredths.text(Int64(value))) 件/百户" : Permille.text(value)
    }

    /// A compound without data for this indicator: nothing was late when nothing was closed, nothing
    /// was flagged in a fund never used; but a survey nobody answered or fees never billed earn nothing.
    public var fullMarksWithoutData: Bool {
        switch self {
        case .complaintsPer100Homes, .onTimeRate, .caseRating, .commonFundCompliance: true
        case .collectionRate, .disclosureCompleteness, .ownerSatisfaction: false
        }
    }
}
