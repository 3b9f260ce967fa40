import WuyeCore

/// A service-fee rate in 元 per m² per month, kept in 0.001 元 (厘): a rate is written to 0.01 元
/// ("0.60") and sometimes to 0.001; money is never floating point (reference §9).
public struct FeeRate: Hashable, Sendable, Codable, CustomStringConvertible {
    public let milliYuan: Int64

    public init(milliYuan: Int64) throws(DomainError) {
        guard (1...100_000).contains(milliYuan) else { throw Self.invalid }
        self.milliYuan = milliYuan
    }

    /// "0.60", "2.35", "1.255" 元/m²/月.
    public init(text raw: String) throws(DomainError) {
        let text = raw.trimmedWhitespace
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || (1...3).contains(parts[1].count), let whole = Int64(parts[0]) else { throw Self.invalid }
        var fraction: Int64 = 0
        if parts.count == 2, let digits = Int64(parts[1]) {
            fraction = digits * [1, 100, 10, 1][parts[1].count]
        }
        try self.init(milliYuan: whole * 1000 + fraction)
    }

    /// "2.35", "1.255": at least two decimals.
    public var description: String {
        let decimals = milliYuan % 1000
        let text = decimals % 10 == 0 ? "\(decimals / 10)".leftPadded(to: 2) : "\(decimals)".leftPadded(to: 3)
        return "\(milliYuan / 1000).\(text)"
    }

    static let invalid = DomainError(code: "invalid_rate", message: "收费标准应为每平方米每月的元数，最多三位小数，如 0.60、2.35",
                                     english: "a rate is yuan per m² per month with at most 3 decimals, e.g. 2.35", field: "rate")
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Who pays a home's service fee (Qingdao 物业管理条例 Art. 51; Shandong Art. 62): the developer for
/// homes it has not yet delivered, the owner from delivery on.
public enum FeePayer: String, CaseIterable, Codable, Sendable {
    case owner, developer

    public init(delivered: Bool) { self = delivered ? .owner : .developer }

    public var chineseName: String {
        switch self {
        case .owner: "业主"
        case .developer: "开发建设单位"
        }
    }
}

/// A bill line: area × rate × months, rounded half up to the fen once per line (reference §9):
/// 89.37 m² × 2.35 元 = 210.0195 → 210.02 元 a month; twelve months as one line 2,520.234 → 2,520.23.
public enum ServiceFee {
    public static func amount(area: Int64, rate: FeeRate, months: Int) -> Fen {
        // 0.01 m² × 0.001 元 = 0.001 fen; half up to the fen.
        Fen((area * rate.milliYuan * Int64(months) + 500) / 1000)
    }
}

/// The months a bill covers: from a first month, one to twelve of them.
public struct BillingPeriod: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let months: Int

    public init(first raw: String, months: Int) throws(DomainError) {
        let parts = raw.trimmedWhitespace.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              (2000...2100).contains(year), (1...12).contains(month) else {
            throw DomainError(code: "invalid_period", message: "账期请按 年-月 填写，如 2026-11", english: "a period starts at YYYY-MM", field: "period")
        }
        guard (1...12).contains(months) else {
            throw DomainError(code: "invalid_months", message: "一期账单为 1 到 12 个月", english: "a bill covers 1 to 12 months", field: "months")
        }
        self.year = year
        self.month = month
        self.months = months
    }

    /// "2026-11", the key periods are stored and grouped under.
    public var key: String { "\(year)-" + "\(month)".leftPadded(to: 2) }

    /// "2026-11" or "2026-11 至 2027-01".
    public var description: String {
        guard months > 1 else { return key }
        let last = (year * 12 + month - 1) + months - 1
        return key + " 至 \(last / 12)-" + "\(last % 12 + 1)".leftPadded(to: 2)
    }
}

/// How the contract charges (Shandong 物业管理条例 Art. 61): a flat fee the company keeps the
/// surplus of (包干制), or costs plus a fee with every yuan of income and spending open to the
/// committee (酬金制).
public enum FeeMethod: String, CaseIterable, Codable, Sendable {
    case lumpSum = "lump_sum"
    case commission

    public var chineseName: String {
        switch self {
        case .lumpSum: "包干制"
        case .commission: "酬金制"
        }
    }
}
