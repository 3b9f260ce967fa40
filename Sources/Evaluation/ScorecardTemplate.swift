import WuyeCore

/// The scheme a jurisdiction starts from, after Jinan's 住宅小区物业服务质量综合评价办法 (reference §5):
/// owner satisfaction 40, on-site inspection 30, the subdistrict's and community's party-organisation
/// assessment 30; bands ≥ 85, 60–85, < 60 with Jinan's actions. Measured items take part of each
/// dimension. The three compound types get different standards (Lixia): an open compound under
/// government-backstopped service has no fees to collect, so its inspection weighs more; an office
/// building has no owners' survey of homes, so its complaints and case ratings weigh more.
public enum ScorecardTemplate {
    public static func jinan(for type: String) -> Scorecard {
        func item(_ name: String, _ points: Int, _ rule: Scorecard.Rule) -> Scorecard.Item { .init(name: name, max: points * 100, rule: rule) }
        let complaints = Scorecard.Rule.indicator(.complaintsPer100Homes, best: 0, worst: 500)   // 0 → full; 5 per 100 homes → none
        let onTime = Scorecard.Rule.indicator(.onTimeRate, best: 950, worst: 600)
        let rating = Scorecard.Rule.indicator(.caseRating, best: 900, worst: 500)
        let survey = Scorecard.Rule.indicator(.ownerSatisfaction, best: 950, worst: 600)
        let collection = Scorecard.Rule.indicator(.collectionRate, best: 950, worst: 600)
        let disclosure = Scorecard.Rule.indicator(.disclosureCompleteness, best: 1000, worst: 600)
        let fund = Scorecard.Rule.indicator(.commonFundCompliance, best: 1000, worst: 0)
        let satisfaction: Scorecard.Dimension
        let inspection: Scorecard.Dimension
        switch type {
        case "open":
            satisfaction = .init(name: "业主满意度", items: [item("业主满意度调查", 25, survey), item("每百户投诉量", 10, complaints), item("按时办结率", 5, onTime)])
            inspection = .init(name: "现场检查", items: [item("现场检查（环境卫生、秩序维护、设施设备）", 25, .inspection), item("三公开完整度", 5, disclosure)])
        case "commercial":
            satisfaction = .init(name: "业主满意度", items: [item("业主满意度调查", 20, survey), item("每百户投诉量", 10, complaints), item("报事评价", 10, rating)])
            inspection = .init(name: "现场检查", items: [item("现场检查（环境卫生、秩序维护、设施设备）", 20, .inspection), item("物业费收缴率", 5, collection),
                                                      item("三公开完整度", 5, disclosure)])
        default:
            satisfaction = .init(name: "业主满意度", items: [item("业主满意度调查", 30, survey), item("每百户投诉量", 5, complaints), item("按时办结率", 5, onTime)])
            inspection = .init(name: "现场检查", items: [item("现场检查（环境卫生、秩序维护、设施设备）", 20, .inspection), item("物业费收缴率", 5, collection),
                                                      item("三公开完整度", 5, disclosure)])
        }
        let party = Scorecard.Dimension(name: "党组织评价", items: [item("街道、社区党组织评价", 25, .inspection), item("共有资金合规", 5, fund)])
        // The template adds up by construction; `try!` would hide a broken template, so check it in tests.
        return Scorecard(unchecked: [satisfaction, inspection, party], bands: bands)
    }

    public static let bands: [Scorecard.Band] = [
        .init(min: 8_500, label: "良好", action: "企业对照问题清单自行整改"),
        .init(min: 6_000, label: "一般", action: "街道物业办书面通知，限期整改，街道、社区、业委会监督"),
        .init(min: 0, label: "较差", action: "街道会同区住建局约谈企业，记入信用档案"),
    ]
}

extension Scorecard {
    init(unchecked dimensions: [Dimension], bands: [Band]) {
        self.dimensions = dimensions
        self.bands = bands
    }
}
