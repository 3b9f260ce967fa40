import Funds
import Testing
import WuyeCore

/// The maintenance fund's rules without a database: deposit rounding, the 30 % top-up line, exact
/// apportionment by area with its stated remainder rule, and the stage machine.
struct MaintenanceFundTests {
    @Test func aFirstDepositIsAreaTimesRateRoundedHalfUpOnce() throws {
        let rate = try MaintenanceRate(yuan: "80.50")
        #expect(rate.firstDeposit(area: 8_937) == Fen(719_429))   // 89.37 m² × 80.50 = 7,194.285 → 7,194.29
        #expect(rate.firstDeposit(area: 10_000) == Fen(805_000))
        #expect(try MaintenanceRate(yuan: "0.01").firstDeposit(area: 49) == Fen(0))   // 0.0049 → 0.00
        #expect(try MaintenanceRate(yuan: "0.01").firstDeposit(area: 50) == Fen(1))   // 0.005 → 0.01
        for bad in ["0", "-1", "1000.01", "abc", ""] { #expect(throws: DomainError.self) { try MaintenanceRate(yuan: bad) } }
    }

    @Test func aHomeTopsUpOnlyWhenStrictlyBelowThirtyPercent() {
        #expect(MaintenanceBalance.needsTopUp(balance: Fen(2_999), firstDeposit: Fen(10_000)))
        #expect(!MaintenanceBalance.needsTopUp(balance: Fen(3_000), firstDeposit: Fen(10_000)))
        #expect(!MaintenanceBalance.needsTopUp(balance: .zero, firstDeposit: .zero))
    }

    @Test func sharesAddUpExactlyAndTheRemainderGoesByTheStatedRule() throws {
        // 100.00 元 over three equal homes: 33.33 each and one fen left, to the lowest id.
        let equal = try Apportionment.byArea(Fen(10_000), homes: [(3, 5_000), (1, 5_000), (2, 5_000)])
        #expect(equal.map(\.amount) == [Fen(3_333), Fen(3_334), Fen(3_333)])
        // Largest remainder first: 1 fen over areas 1, 2 → exact shares 0.33 and 0.67 fen.
        let small = try Apportionment.byArea(Fen(1), homes: [(1, 100), (2, 200)])
        #expect(small.map(\.amount) == [Fen(0), Fen(1)])
        // A larger case: always exact, never more than one fen from the exact share.
        let homes = (1...997).map { (homeID: Int64($0), area: Int64(5_000 + ($0 * 7_919) % 9_000)) }
        let total = Fen(123_456_789)
        let shares = try Apportionment.byArea(total, homes: homes)
        #expect(shares.reduce(Fen.zero) { $0 + $1.amount } == total)
        let area = homes.reduce(Int64(0)) { $0 + $1.area }
        #expect(shares.allSatisfy { share in
            let exact = Double(total.rawValue) * Double(share.area) / Double(area)
            return abs(Double(share.amount.rawValue) - exact) < 1
        })
        #expect(throws: DomainError.self) { try Apportionment.byArea(Fen(1), homes: []) }
        #expect(throws: DomainError.self) { try Apportionment.byArea(Fen(1), homes: [(1, 0)]) }
    }

    @Test func theEmergencyPathSkipsTheVoteAndNothingFollowsPublication() {
        #expect(MaintenanceUseStage.proposed.next(emergency: false) == [.voting])
        #expect(MaintenanceUseStage.proposed.next(emergency: true) == [.approved])
        #expect(MaintenanceUseStage.voting.next(emergency: false) == [.passed, .rejected])
        #expect(MaintenanceUseStage.before(.approved, emergency: true) == [.proposed, .passed])
        #expect(MaintenanceUseStage.published.next(emergency: false).isEmpty && MaintenanceUseStage.rejected.next(emergency: false).isEmpty)
    }

    @Test func aPlanNeedsItsFieldsAndTheArticle25Confirmation() throws {
        #expect(throws: DomainError.self) { try MaintenancePlan(title: "x", budget: "1", contractor: "某公司", scope: .compound, emergency: nil, notExcluded: true) }
        #expect(throws: DomainError.self) { try MaintenancePlan(title: "屋面维修", budget: "0", contractor: "某公司", scope: .compound, emergency: nil, notExcluded: true) }
        let excluded = #expect(throws: DomainError.self) {
            try MaintenancePlan(title: "屋面维修", budget: "100", contractor: "某公司", scope: .compound, emergency: nil, notExcluded: false)
        }
        #expect(excluded?.field == "not_excluded")
        #expect(try MaintenanceScope(form: "unit-40") == .unit(40))
        #expect(throws: DomainError.self) { try MaintenanceScope(form: "unit-") }
    }
}
