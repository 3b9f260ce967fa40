import Access
import Foundation
import Funds
import Registry
import Storage
import Testing
import WuyeCore

/// Bills, payments and collection rates on both databases: amounts by the rounding rule, the
/// developer billed for undelivered homes, a period billed once, no overpayment, and totals that
/// match the bills at every level.
@Suite(.serialized)
struct ServiceFeesTests {
    @Test(arguments: TestBackend.available)
    func aPeriodIsBilledOncePaidWithoutOverpaymentAndTheRateMovesAtEveryLevel(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let fees = ServiceFees(database: db, clock: ManualClock(Date(timeIntervalSince1970: 1_795_000_000)))
        let actor = AuditActor.command("test")
        let month = try BillingPeriod(first: "2026-11", months: 1)
        await #expect(throws: DomainError.self) { try await fees.issue(month, compound: 1, by: actor) }  // no standard yet
        try await fees.setStandard(.init(rate: try FeeRate(text: "2.35"), method: .lumpSum), compound: 1, by: actor)
        let issued = try await fees.issue(month, compound: 1, by: actor)
        let homes = try await db.read { sql in
            try await sql.raw("SELECT id, area_centi, delivered FROM homes WHERE compound_id = 1").all().map {
                (id: try $0.decode(column: "id", as: Int64.self), area: try $0.decode(column: "area_centi", as: Int64.self),
                 delivered: try $0.decode(column: "delivered", as: Bool.self))
            }
        }
        #expect(issued.bills == homes.count)
        #expect(issued.total.rawValue == homes.reduce(0) { $0 + ServiceFee.amount(area: $1.area, rate: try! FeeRate(text: "2.35"), months: 1).rawValue })
        // Nothing is paid yet: the arrears are every bill with an amount.
        let bills = try await fees.arrears(compound: 1, limit: 10_000)
        #expect(try await fees.bills(ofHomes: [homes[0].id]).map(\.homeID) == [homes[0].id])
        for home in homes {
            guard let bill = bills.first(where: { $0.homeID == home.id }) else { continue }  // a zero bill owes nothing
            #expect(bill.payer == FeePayer(delivered: home.delivered))
        }
        let again = await #expect(throws: DomainError.self) { try await fees.issue(month, compound: 1, by: actor) }
        #expect(again?.code == "already_billed")
        #expect(try await db.count("fee_bills") == Int64(homes.count))

        let bill = try #require(bills.first { $0.amount.rawValue > 100 })
        let half = Fen(bill.amount.rawValue / 2)
        #expect(try await fees.pay(bill: bill.id, amount: half.description, method: "cash", receiptNumber: "SJ-1", invoiceNumber: nil, by: actor)
            == Fen(bill.amount.rawValue - half.rawValue))
        let over = await #expect(throws: DomainError.self) {
            try await fees.pay(bill: bill.id, amount: bill.amount.description, method: "cash", receiptNumber: "SJ-2", invoiceNumber: nil, by: actor)
        }
        #expect(over?.code == "overpayment")
        // Two clerks take the rest at once: one succeeds, the other is refused; nothing is paid twice.
        let rest = Fen(bill.amount.rawValue - half.rawValue).description
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for receipt in ["SJ-3", "SJ-4"] {
                group.addTask { (try? await fees.pay(bill: bill.id, amount: rest, method: "wechat", receiptNumber: receipt, invoiceNumber: "FP-9", by: actor)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await fees.bill(id: bill.id)?.outstanding == .zero)
        await #expect(throws: DomainError.self) { try await fees.remind(bill: bill.id, note: "请缴费", by: actor) }  // nothing owed

        let other = try #require(bills.first { $0.id != bill.id && $0.amount.rawValue > 0 })
        try await fees.remind(bill: other.id, note: "请于 15 日内缴纳", by: actor)
        #expect(try await fees.arrears(compound: 1).first { $0.id == other.id }?.reminders == 1)

        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let city = try #require(district.parent)
        for division in [city, district] {
            let report = try await fees.collection(in: division, period: month.key)
            #expect(report.total.billed == issued.total.rawValue && report.total.collected == bill.amount.rawValue)
        }
        #expect(try await fees.periods(compound: 1).first?.collected == bill.amount)
        let audit = try await AuditLog(database: db).entries(targetType: "fee_bill", targetID: String(bill.id)).map(\.action)
        #expect(audit == ["fee.payment", "fee.payment"])
    }

    @Test(arguments: TestBackend.available)
    func theWholeCityIsBilledInOneRun(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let fees = ServiceFees(database: db)
        let set = try await fees.setDefaultStandards(by: .command("test"))
        let month = try BillingPeriod(first: "2026-12", months: 1)
        let issued = try await fees.issueEverywhere(month, by: .command("test"), batch: 5)
        #expect(set == DemoCity(scale: .small).compounds.count)
        #expect(Int64(issued.bills) == (try await db.count("homes")))
        #expect(try await fees.issueEverywhere(month, by: .command("test")).bills == 0)  // nothing billed twice
    }

    @Test(arguments: TestBackend.available)
    func homesInALiftBuildingPayTheLiftRateAndTheRestTheBaseRate(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
        let actor = AuditActor.command("test")
        let homes = try await db.read { sql in
            try await sql.raw("SELECT id, building_id, area_centi FROM homes WHERE compound_id = 1 ORDER BY id").all().map {
                (id: try $0.decode(column: "id", as: Int64.self), building: try $0.decode(column: "building_id", as: Int64.self),
                 area: try $0.decode(column: "area_centi", as: Int64.self))
            }
        }
        let lift = try #require(homes.first?.building)
        // The housing department records the building's kind with its first deposits.
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let funds = MaintenanceFunds(database: db, clock: clock)
        try await funds.setRate(.withLift, yuan: "120", division: district, by: actor)
        try await funds.recordFirstDeposits(building: lift, kind: .withLift, on: "2026-11-18", compound: 1, by: actor)
        let fees = ServiceFees(database: db, clock: clock)
        let standard = ServiceFees.Standard(rate: try FeeRate(text: "1.00"), method: .lumpSum, byKind: [.withLift: try FeeRate(text: "2.35")])
        try await fees.setStandard(standard, compound: 1, by: actor)
        #expect(try await fees.standard(compound: 1) == standard)
        let issued = try await fees.issue(try BillingPeriod(first: "2026-11", months: 3), compound: 1, by: actor)
        let bills = Dictionary(uniqueKeysWithValues: try await db.read { sql in
            try await sql.raw("SELECT home_id, amount_fen FROM fee_bills WHERE compound_id = 1").all().map {
                (try $0.decode(column: "home_id", as: Int64.self), try $0.decode(column: "amount_fen", as: Int64.self))
            }
        })
        for home in homes {
            let rate: Int64 = home.building == lift ? 2_350 : 1_000
            #expect(bills[home.id] == (home.area * rate * 3 + 500) / 1000)
        }
        #expect(issued.total.rawValue == bills.values.reduce(0, +) && homes.contains { $0.building != lift })
    }
}
