import WuyeCore

/// A compound's complaints in a period against its homes (投诉率): complaints per 100 homes. Qingdao
/// picks its key compounds (重点小区) by how many complaints they draw; dividing by homes keeps a large
/// compound from looking worse than a small one with the same share of unhappy owners.
public struct ComplaintLoad: Sendable, Equatable {
    public let compoundID: Int64
    public let complaints: Int
    public let homes: Int

    public init(compoundID: Int64, complaints: Int, homes: Int) {
        self.compoundID = compoundID
        self.complaints = complaints
        self.homes = homes
    }

    /// Complaints per 100 homes in hundredths (1250 = 12.50), rounded half up; 0 for a compound
    /// without homes.
    public var perHundredHomes: Int {
        guard homes > 0 else { return 0 }
        return (complaints * 20_000 + homes) / (2 * homes)
    }

    /// "12.50"
    public var perHundredHomesText: String {
        Hundredths.text(Int64(perHundredHomes))
    }

    /// Is the exact rate (not the rounded one) at or above `threshold` hundredths per 100 homes?
    /// complaints / homes × 100 ≥ threshold / 100  ⇔  complaints × 10,000 ≥ threshold × homes.
    public func reaches(_ threshold: Int) -> Bool {
        homes > 0 && complaints * 10_000 >= threshold * homes
    }

    /// Higher exact rate first, then more complaints, then the lower id: a total order, so the top N
    /// is the same on every run.
    public static func busierFirst(_ a: ComplaintLoad, _ b: ComplaintLoad) -> Bool {
        let left = a.complaints * max(b.homes, 1), right = b.complaints * max(a.homes, 1)
        if left != right { return left > right }
        if a.complaints != b.complaints { return a.complaints > b.complaints }
        return a.compoundID < b.compoundID
    }
}

/// How key compounds are chosen: every compound at or over a rate, or the N with the highest rate.
/// Compounds without a complaint are never key compounds.
public enum KeyCompoundRule: Sendable, Equatable {
    /// Complaints per 100 homes, in hundredths (500 = 5 complaints per 100 homes).
    case threshold(Int)
    case top(Int)

    public static let maximumTop = 1_000

    public init(kind: String, value: String) throws(DomainError) {
        let text = value.trimmedWhitespace
        switch kind {
        case "threshold":
            guard let hundredths = Hundredths.parse(text).map(Int.init), hundredths > 0, hundredths <= 1_000_000 else {
                throw DomainError(code: "invalid_threshold", message: "请填写每百户投诉数，如 5 或 2.5",
                                  english: "the threshold is complaints per 100 homes, e.g. 5 or 2.5", field: "value")
            }
            self = .threshold(hundredths)
        case "top":
            guard let count = Int(text), (1...Self.maximumTop).contains(count) else {
                throw DomainError(code: "invalid_top", message: "请填写 1 到 \(Self.maximumTop) 之间的个数",
                                  english: "top N takes a count from 1 to \(Self.maximumTop)", field: "value")
            }
            self = .top(count)
        default:
            throw DomainError(code: "invalid_rule", message: "请选择按投诉率门槛或按排名前 N 个",
                              english: "the rule is threshold or top", field: "rule")
        }
    }

    /// The key compounds among `loads`, busiest first.
    public func select(_ loads: [ComplaintLoad]) -> [ComplaintLoad] {
        let ranked = loads.filter { $0.complaints > 0 && $0.homes > 0 }.sorted(by: ComplaintLoad.busierFirst)
        switch self {
        case .threshold(let hundredths): return ranked.filter { $0.reaches(hundredths) }
        case .top(let count): return Array(ranked.prefix(count))
        }
    }

    public var kind: String {
        switch self {
        case .threshold: "threshold"
        case .top: "top"
        }
    }

    /// The value as a person typed it: "2.5" or "20".
    public var valueText: String {
        switch self {
        case .threshold(let h):
            if h % 100 == 0 { "\(h / 100)" } else if h % 10 == 0 { "\(h / 100).\(h % 100 / 10)" } else { "\(h / 100).\(h % 100 / 10)\(h % 10)" }
        case .top(let count): "\(count)"
        }
    }

    public var chineseDescription: String {
        switch self {
        case .threshold: "每百户投诉 ≥ \(valueText)"
        case .top(let count): "投诉率前 \(count) 名"
        }
    }
}
