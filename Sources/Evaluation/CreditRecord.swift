import WuyeCore

/// A property company's credit (reference §5; 《山东省物业服务企业信用信息管理办法》 as Jinan publishes it):
/// score = basic + good − bad, graded AAA ≥ 85, AA 80–<85, A 70–<80, B 60–<70 — or below 60 with no bad
/// record — and C below 60 with one. The basic score is 80 × the company's mean in the latest published
/// evaluation (60 × 0.8 = 48 when it has never been evaluated); good records add up to 20 points in all;
/// bad records subtract without limit. A record counts while it is valid (a year unless stated).
/// Points in hundredths.
public enum CreditGrade: String, CaseIterable, Codable, Sendable {
    case aaa = "AAA", aa = "AA", a = "A", b = "B", c = "C"

    public static let basicMax = 8_000
    public static let goodCap = 2_000
    public static let unevaluatedMean = 6_000

    /// 80 × mean / 100, half up.
    public static func basic(evaluationMean: Int?) -> Int {
        let mean = evaluationMean ?? unevaluatedMean
        return (mean * basicMax * 2 + 10_000) / 20_000
    }

    public static func score(basic: Int, good: [Int], bad: [Int]) -> Int {
        basic + min(goodCap, good.reduce(0, +)) - bad.reduce(0, +)
    }

    public static func of(score: Int, hasBadRecord: Bool) -> CreditGrade {
        switch score {
        case 8_500...: .aaa
        case 8_000..<8_500: .aa
        case 7_000..<8_000: .a
        case 6_000..<7_000: .b
        default: hasBadRecord ? .c : .b
        }
    }
}

/// A good or bad record with its evidence and validity.
public struct CreditEntryDraft: Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case good, bad }

    public let kind: Kind
    public let points: Int
    public let reason: String
    public let validFrom: CivilDate
    public let validUntil: CivilDate
    /// A serious bad record (abandoning a compound, fraud, a utility cut-off to force payment) puts
    /// the company on the black list while it is valid.
    public let serious: Bool

    public init(kind: Kind, points text: String, reason raw: String, validFrom day: String, months: Int, serious: Bool, today: CivilDate) throws(DomainError) {
        guard let points = Hundredths.parse(text.trimmedWhitespace), points > 0, points <= 10_000 else {
            throw DomainError(code: "invalid_points", message: "分值须大于 0、至多 100 分，最多两位小数", english: "points more than 0, at most 100", field: "points")
        }
        let reason = raw.trimmedWhitespace
        guard (4...300).contains(reason.count) else {
            throw DomainError(code: "reason_required", message: "请写明事由和依据（文号、检查记录等）", english: "give the reason and its evidence", field: "reason")
        }
        guard (1...60).contains(months) else {
            throw DomainError(code: "invalid_months", message: "有效期为 1 到 60 个月", english: "valid for 1 to 60 months", field: "months")
        }
        let from = try CivilDate.typed(day, notAfter: today, field: "valid_from")
        var (year, month) = (from.year, from.month + months)
        while month > 12 { year += 1; month -= 12 }
        self.kind = kind
        self.points = Int(points)
        self.reason = reason
        validFrom = from
        validUntil = CivilDate(year: year, month: month, day: min(from.day, 28)) ?? from
        self.serious = serious && kind == .bad
    }
}
