import WuyeCore

/// What the records say about one compound in a round: each indicator's value (nil: no data) and
/// the inspectors' deductions per inspection item, in centipoints.
public struct CompoundMeasures: Sendable, Equatable {
    public var values: [Indicator: Int]
    public var deductions: [String: Int]

    public init(values: [Indicator: Int] = [:], deductions: [String: Int] = [:]) {
        self.values = values
        self.deductions = deductions
    }
}

/// A compound's score under a scorecard: every item's points with the value it came from, the
/// total and its band. Exact: centipoints, each item rounded half up once.
public struct CompoundScore: Sendable, Equatable, Codable {
    public struct ItemScore: Sendable, Equatable, Codable {
        public let dimension: String
        public let item: String
        public let max: Int
        public let points: Int
        /// Scored by an inspector's deductions rather than from an indicator.
        public let inspection: Bool
        /// How the points came about: "按时办结率 92.0%", "现场检查扣 3.00 分", "无数据".
        public let basis: String
    }

    public let items: [ItemScore]
    public let total: Int
    public let band: String

    public init(_ scorecard: Scorecard, _ measures: CompoundMeasures) {
        var items: [ItemScore] = []
        for dimension in scorecard.dimensions {
            for item in dimension.items {
                let (points, basis) = Self.points(item, measures)
                items.append(ItemScore(dimension: dimension.name, item: item.name, max: item.max, points: points, inspection: item.rule == .inspection,
                                       basis: basis))
            }
        }
        self.items = items
        total = items.reduce(0) { $0 + $1.points }
        band = scorecard.band(of: total).label
    }

    static func points(_ item: Scorecard.Item, _ measures: CompoundMeasures) -> (Int, String) {
        switch item.rule {
        case .inspection:
            let deducted = min(item.max, measures.deductions[item.name] ?? 0)
            return (item.max - deducted, deducted == 0 ? "未扣分" : "扣 \(Hundredths.text(Int64(deducted))) 分")
        case .indicator(let indicator, let best, let worst):
            guard let value = measures.values[indicator] else {
                return (indicator.fullMarksWithoutData ? item.max : 0, "无数据")
            }
            return (linear(value, best: best, worst: worst, max: item.max), "\(indicator.chineseName) \(indicator.text(value))")
        }
    }

    /// max × (value − worst) / (best − worst), clamped to 0…max, half up to the centipoint. Works in
    /// both directions: for "lower is better" best is below worst and both differences are negative.
    public static func linear(_ value: Int, best: Int, worst: Int, max: Int) -> Int {
        let span = best - worst
        var part = value - worst
        if span > 0 { part = Swift.min(Swift.max(part, 0), span) } else { part = Swift.max(Swift.min(part, 0), span) }
        let numerator = max * abs(part), denominator = abs(span)
        return (2 * numerator + denominator) / (2 * denominator)
    }
}

/// The owners' survey: one answer per home per round, 1 (非常不满意) to 5 (非常满意).
public enum SatisfactionAnswer {
    public static let labels = ["非常不满意", "不满意", "一般", "满意", "非常满意"]

    public static func rating(_ text: String) throws(DomainError) -> Int {
        guard let rating = Int(text.trimmedWhitespace), (1...5).contains(rating) else {
            throw DomainError(code: "invalid_rating", message: "请选择满意程度", english: "choose a rating from 1 to 5", field: "rating")
        }
        return rating
    }

    /// Answers of 4 or 5 over all answers, ‰ half up; nil when nobody answered.
    public static func satisfaction(_ ratings: [Int]) -> Int? {
        Permille.of(ratings.count { $0 >= 4 }, ratings.count)
    }
}
