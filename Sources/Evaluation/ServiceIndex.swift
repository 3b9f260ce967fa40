import WuyeCore

/// The quarterly property-service index (行业指数) of a district, 0–100 in hundredths: a weighted sum of
/// the dashboard's rates, each a share of 100. The weights are the platform's, stated with the
/// published index: service coverage 20, on-time closing 20, complaints 15 (none per 100 homes is
/// full marks, 5 or more is none), collection 15, committee formation 10, 三公开 coverage 10, company
/// party coverage 10. A component without data counts as none.
public enum ServiceIndex {
    public struct Component: Sendable, Equatable, Codable {
        public let name: String
        public let weight: Int
        /// ‰ of the component's full marks.
        public let permille: Int?
    }

    public static let complaintsWorst = 500  // 5.00 complaints per 100 homes

    public static func components(service: Int?, onTime: Int?, complaintsPer100Homes: Int?, collection: Int?, committees: Int?,
                                  disclosure: Int?, party: Int?) -> [Component] {
        let complaints = complaintsPer100Homes.map { max(0, (complaintsWorst - min(complaintsWorst, $0)) * 1000 / complaintsWorst) }
        return [Component(name: "专业化物业服务覆盖率", weight: 20, permille: service), Component(name: "案件按时办结率", weight: 20, permille: onTime),
                Component(name: "每百户投诉量", weight: 15, permille: complaints), Component(name: "物业费收缴率", weight: 15, permille: collection),
                Component(name: "业委会组建率", weight: 10, permille: committees), Component(name: "三公开覆盖率", weight: 10, permille: disclosure),
                Component(name: "物业企业党组织覆盖率", weight: 10, permille: party)]
    }

    /// Σ weight × ‰ / 10 in hundredths of a point, half up once.
    public static func value(_ components: [Component]) -> Int {
        let sum = components.reduce(0) { $0 + $1.weight * ($1.permille ?? 0) }  // in 0.001 points
        return (sum + 5) / 10
    }

    /// "2026Q4" for a day.
    public static func quarter(of day: CivilDate) -> String { "\(day.year)Q\((day.month - 1) / 3 + 1)" }
}
