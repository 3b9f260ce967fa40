import WuyeCore

/// A deposit rate in fen per m² of floor area.
public struct MaintenanceRate: Hashable, Sendable, CustomStringConvertible {
    public let fenPerSquareMetre: Int64

    /// "80", "120.50" 元/m²: a positive amount up to 1,000 元/m².
    public init(yuan text: String) throws(DomainError) {
        let fen: Fen
        do { fen = try Fen.parse(yuan: text) } catch { throw Self.invalid }
        guard (1...100_000).contains(fen.rawValue) else { throw Self.invalid }
        fenPerSquareMetre = fen.rawValue
    }

    public init(fenPerSquareMetre: Int64) { self.fenPerSquareMetre = fenPerSquareMetre }

    public var description: String { Fen(fenPerSquareMetre).description }

    /// A home's first deposit (165号令 Art. 7): floor area × rate, half up to the fen once.
    /// Area is in 0.01 m², so area × fen/m² is in 0.01 fen.
    public func firstDeposit(area: Int64) -> Fen {
        Fen((area * fenPerSquareMetre + 50) / 100)
    }

    static let invalid = DomainError(code: "invalid_rate", message: "交存标准应为每平方米的元数（大于 0，至多 1000 元），如 80、120.50",
                                     english: "a deposit rate is yuan per m², more than 0 and at most 1000", field: "rate")
}

/// A home's balance against its first deposit.
public enum MaintenanceBalance {
    /// 165号令 Art. 17: an owner tops up when the balance is *below* 30 % of the first deposit
    /// ("不足首期交存额30%"): strictly below, compared exactly as balance × 10 < first × 3.
    public static func needsTopUp(balance: Fen, firstDeposit: Fen) -> Bool {
        firstDeposit > .zero && balance.rawValue * 10 < firstDeposit.rawValue * 3
    }

    public static let topUpCitation = "《住宅专项维修资金管理办法》（建设部、财政部令第165号）第十七条"
}
