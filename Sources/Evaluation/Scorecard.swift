import WuyeCore

/// A scoring scheme as data (reference §5): dimensions with weights, items with a maximum and a rule,
/// bands with the action each calls for. Kept per jurisdiction, year and compound type, and versioned:
/// a change is a new version, and a published round keeps the version it used. Points are kept in
/// hundredths (centipoints), so 40 points is 4,000.
public struct Scorecard: Codable, Sendable, Equatable {
    public var dimensions: [Dimension]
    public var bands: [Band]

    public struct Dimension: Codable, Sendable, Equatable {
        public var name: String
        public var items: [Item]
        /// A dimension's weight is the sum of its items' maxima.
        public var weight: Int { items.reduce(0) { $0 + $1.max } }
    }

    public struct Item: Codable, Sendable, Equatable {
        public var name: String
        /// Centipoints.
        public var max: Int
        public var rule: Rule
    }

    /// How an item is scored: from an indicator, linearly — full marks at `best` or better, none at
    /// `worst` or worse — or by an inspector's deductions, each with its evidence.
    public enum Rule: Codable, Sendable, Equatable {
        case indicator(Indicator, best: Int, worst: Int)
        case inspection
    }

    public struct Band: Codable, Sendable, Equatable {
        /// The lowest total (centipoints) in the band; bands run from the highest.
        public var min: Int
        public var label: String
        public var action: String
    }

    public static let total = 10_000

    public init(dimensions: [Dimension], bands: [Band]) throws(DomainError) {
        self.dimensions = dimensions
        self.bands = bands
        try check()
    }

    /// Every item has a name and a positive maximum, an indicator's best and worst differ, the
    /// weights add up to 100 points, and the bands run downwards to 0.
    public func check() throws(DomainError) {
        for dimension in dimensions {
            for item in dimension.items {
                guard !item.name.trimmedWhitespace.isEmpty, item.max > 0 else {
                    throw DomainError(code: "invalid_item", message: "“\(dimension.name)”的每个评分项须有名称和大于 0 的分值",
                                      english: "every item has a name and a positive maximum", field: "items")
                }
                if case .indicator(_, let best, let worst) = item.rule, best == worst {
                    throw DomainError(code: "invalid_rule", message: "“\(item.name)”的满分线和零分线不能相同", english: "best and worst differ", field: "items")
                }
            }
        }
        let sum = dimensions.reduce(0) { $0 + $1.weight }
        guard sum == Self.total else {
            throw DomainError(code: "weights_not_100", message: "各项分值合计应为 100 分，现为 \(Hundredths.text(Int64(sum))) 分",
                              english: "the items add up to 100 points", field: "items")
        }
        guard !bands.isEmpty, zip(bands, bands.dropFirst()).allSatisfy({ $0.min > $1.min }), bands.last?.min == 0 else {
            throw DomainError(code: "invalid_bands", message: "分档须从高到低排列，最低一档从 0 分起", english: "bands run down to 0", field: "bands")
        }
    }

    public var items: [Item] { dimensions.flatMap(\.items) }

    public func band(of score: Int) -> Band {
        bands.first { score >= $0.min } ?? bands[bands.count - 1]
    }
}
