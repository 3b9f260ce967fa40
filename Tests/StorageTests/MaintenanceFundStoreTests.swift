import Assembly
import Foundation
import Funds
import Registry
import SQLKit
import Storage
import Testing
import WuyeCore

/// The maintenance fund on both databases: first deposits follow area × rate, a use goes from its
/// plan through the affected owners' vote to an exact payout by area, the emergency path skips the
/// vote but is flagged until published, and the ledger balances and refuses every change.
@Suite(.serialized)
struct MaintenanceFundStoreTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    struct Fixture {
        let db: WuyeDatabase
        let clock: ManualClock
        let funds: MaintenanceFunds
        let district: DivisionCode
        let building: Int64
        let unit: Int64
        let homes: [(id: Int64, area: Int64, unit: Int64)]
    }

    static func fixture(_ backend: TestBackend) async throws -> Fixture {
        let db = try await backend.open()
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(start)
        let funds = MaintenanceFunds(database: db, clock: clock)
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let rows = try await db.read { sql in
            try await sql.raw("SELECT id, area_centi, building_id, unit_id FROM homes WHERE compound_id = 1 ORDER BY id").all()
        }
        let building = try rows[0].decode(column: "building_id", as: Int64.self)
        let homes: [(id: Int64, area: Int64, unit: Int64)] = try rows.filter { try $0.decode(column: "building_id", as: Int64.self) == building }.map {
            (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "area_centi", as: Int64.self), try $0.decode(column: "unit_id", as: Int64.self))
        }
        return Fixture(db: db, clock: clock, funds: funds, district: district, building: building, unit: homes[0].unit, homes: homes)
    }

    static let office = AuditActor(accountID: nil, label: "区住建局")
    static let committee = AuditActor(accountID: nil, label: "业委会主任")

    func balanced(_ f: Fixture) async throws -> Bool {
        let t = try await f.funds.trialBalance(compound: 1)
        let homes = try await f.funds.homeBalances(compound: 1).reduce(Fen.zero) { $0 + $1.balance }
        let bank = try await f.funds.summary(compound: 1).balance
        return t.debits == t.credits && homes == bank
    }

    @Test(arguments: TestBackend.available)
    func firstDepositsAreAreaTimesTheNearestRateOncePerHome(backend: TestBackend) async throws {
        let f = try await Self.fixture(backend)
        defer { Task { await f.db.shutdown() } }
        let noRate = await #expect(throws: DomainError.self) {
            try await f.funds.recordFirstDeposits(building: f.building, kind: .multiStorey, on: "2026-11-18", compound: 1, by: Self.office)
        }
        #expect(noRate?.code == "no_rate")
        try await f.funds.setRate(.multiStorey, yuan: "100", division: try #require(f.district.parent), by: Self.office)
        try await f.funds.setRate(.multiStorey, yuan: "80.50", division: f.district, by: Self.office)
        #expect(try await f.funds.rates(at: f.district)[.multiStorey]?.rate == MaintenanceRate(fenPerSquareMetre: 8_050))
        let done = try await f.funds.recordFirstDeposits(building: f.building, kind: .multiStorey, on: "2026-11-18", compound: 1, by: Self.office)
        // 80.50 元/m² on each home's area (0.01 m²), half up to the fen.
        #expect(done.homes == f.homes.count)
        #expect(done.total == Fen(f.homes.reduce(Int64(0)) { $0 + ($1.area * 8_050 + 50) / 100 }))
        let again = await #expect(throws: DomainError.self) {
            try await f.funds.recordFirstDeposits(building: f.building, kind: .multiStorey, on: "2026-11-18", compound: 1, by: Self.office)
        }
        #expect(again?.code == "already_deposited")
        let otherKind = await #expect(throws: DomainError.self) {
            try await f.funds.recordFirstDeposits(building: f.building, kind: .withLift, on: "2026-11-18", compound: 1, by: Self.office)
        }
        #expect(otherKind?.code == "kind_fixed")
        #expect(try await balanced(f))
        let summary = try await f.funds.summary(compound: 1)
        #expect(summary.deposited == done.total && summary.homesWithAccount == f.homes.count && summary.homesNeedingTopUp == 0)
    }

    @Test(arguments: TestBackend.available)
    func aUseGoesFromPlanThroughTheAffectedOwnersVoteToAnExactPayoutAndPublication(backend: TestBackend) async throws {
        let f = try await Self.fixture(backend)
        defer { Task { await f.db.shutdown() } }
        try await f.funds.setRate(.multiStorey, yuan: "80", division: f.district, by: Self.office)
        let deposited = try await f.funds.recordFirstDeposits(building: f.building, kind: .multiStorey, on: "2026-11-18", compound: 1, by: Self.office)
        let unitHomes = f.homes.filter { $0.unit == f.unit }
        let plan = try MaintenancePlan(title: "单元屋面防水翻新", budget: "12345.67", contractor: "青岛某防水工程有限公司", scope: .unit(f.unit),
                                       emergency: nil, notExcluded: true)
        let use = try await f.funds.propose(plan, compound: 1, by: Self.committee)
        await #expect(throws: DomainError.self) { try await f.funds.approve(use: use, decision: "业委会〔2026〕9 号", filing: "备 001", by: Self.committee) }

        // The vote: only the unit's owners hold rights; voting opens after the 15 days' notice.
        let meeting = try await f.funds.startVote(use: use, opensAt: Self.start.addingTimeInterval(16 * 86_400),
                                                  closesAt: Self.start.addingTimeInterval(23 * 86_400), by: Self.committee)
        let assemblies = AssemblyStore(database: f.db, clock: f.clock)
        let rights = try #require(try await assemblies.meeting(id: meeting)).totals.headcount
        #expect(rights >= 1 && rights <= Int64(unitHomes.count))
        let early = await #expect(throws: DomainError.self) { try await f.funds.recordVote(use: use, by: Self.committee) }
        #expect(early?.code == "vote_open")
        f.clock.advance(seconds: 17 * 86_400)
        for right in 1...Int(rights) {
            _ = try await assemblies.cast(meetingID: meeting, rightNumber: right, choices: [1: .agree], channel: .online, by: .command("test"))
        }
        f.clock.advance(seconds: 7 * 86_400)
        _ = try await assemblies.close(meetingID: meeting, by: Self.committee)
        #expect(try await f.funds.recordVote(use: use, by: Self.committee))

        try await f.funds.approve(use: use, decision: "业委会〔2026〕9 号", filing: "市南住建备〔2026〕001", by: Self.committee)
        let over = await #expect(throws: DomainError.self) {
            try await f.funds.disburse(use: use, amount: "12345.68", on: "2026-12-12", by: Self.office)
        }
        #expect(over?.field == "amount")
        try await f.funds.disburse(use: use, amount: "12345.67", on: "2026-12-12", by: Self.office)
        let paid = try #require(try await f.funds.use(id: use))
        #expect(paid.stage == .disbursed && paid.shares.count == unitHomes.count)
        #expect(paid.shares.reduce(Fen.zero) { $0 + $1.share } == Fen(1_234_567))
        #expect(paid.shares.allSatisfy { $0.fromFund <= $0.share })
        let summary = try await f.funds.summary(compound: 1)
        #expect(summary.paidOut == paid.shares.reduce(Fen.zero) { $0 + $1.fromFund } && summary.balance == deposited.total - summary.paidOut)
        #expect(try await f.funds.homeBalances(compound: 1).allSatisfy { $0.balance >= .zero })
        #expect(try await balanced(f))

        await #expect(throws: DomainError.self) { try await f.funds.publish(use: use, by: Self.committee) }
        try await f.funds.accept(use: use, note: "经业委会、施工单位和物业共同验收合格", by: Self.committee)
        try await f.funds.publish(use: use, by: Self.committee)
        let published = try #require(try await f.funds.use(id: use))
        #expect(published.stage == .published && published.steps.map(\.stage) == [.proposed, .voting, .passed, .approved, .disbursed, .accepted, .published])
        let twice = await #expect(throws: DomainError.self) { try await f.funds.publish(use: use, by: Self.committee) }
        #expect(twice?.code == "wrong_stage")

        // The database itself refuses to change or remove the ledger, the shares and the steps.
        for statement in ["UPDATE maintenance_fund_lines SET debit_fen = 0", "DELETE FROM maintenance_fund_entries",
                          "DELETE FROM maintenance_fund_shares", "UPDATE maintenance_fund_use_steps SET note = ''"] {
            await #expect(throws: (any Error).self) { try await f.db.write { sql in try await sql.raw(SQLQueryString(statement)).run() } }
        }
    }

    @Test(arguments: TestBackend.available)
    func anEmergencySkipsTheVoteAndIsFlaggedUntilPublished(backend: TestBackend) async throws {
        let f = try await Self.fixture(backend)
        defer { Task { await f.db.shutdown() } }
        try await f.funds.setRate(.withLift, yuan: "120", division: f.district, by: Self.office)
        let deposited = try await f.funds.recordFirstDeposits(building: f.building, kind: .withLift, on: "2026-11-18", compound: 1, by: Self.office)
        // More than the building holds: each home pays what its balance covers, and the rest itself.
        let budget = deposited.total + Fen(1_000_00)
        let plan = try MaintenancePlan(title: "电梯曳引机抢修", budget: budget.description, contractor: "某电梯维保有限公司",
                                       scope: .building(f.building), emergency: .liftDanger, notExcluded: true)
        let use = try await f.funds.propose(plan, compound: 1, by: Self.committee)
        await #expect(throws: DomainError.self) {
            try await f.funds.startVote(use: use, opensAt: Self.start.addingTimeInterval(16 * 86_400), closesAt: Self.start.addingTimeInterval(20 * 86_400),
                                        by: Self.committee)
        }
        try await f.funds.approve(use: use, decision: "业委会〔2026〕10 号", filing: "应急备〔2026〕003", by: Self.committee)
        try await f.funds.disburse(use: use, amount: budget.description, on: "2026-11-18", by: Self.office)
        let summary = try await f.funds.summary(compound: 1)
        #expect(summary.balance == .zero && summary.paidOut == deposited.total && summary.homesNeedingTopUp == f.homes.count)
        #expect(try await balanced(f))
        #expect(try await f.funds.supervision(in: f.district).first?.unpublishedEmergencies == 1)
        try await f.funds.accept(use: use, note: "电梯恢复运行，特检院检验合格", by: Self.committee)
        #expect(try await f.funds.supervision(in: f.district).first?.flagged == true)
        try await f.funds.publish(use: use, by: Self.committee)
        #expect(try await f.funds.supervision(in: f.district).first?.flagged == false)
        _ = try await f.funds.topUp(home: f.homes[0].id, amount: "500", on: "2026-11-18", compound: 1, by: Self.office)
        #expect(try await f.funds.homeBalances(compound: 1).first { $0.homeID == f.homes[0].id }?.balance == Fen(50_000))
    }

    @Test(arguments: TestBackend.available)
    func twoApprovalsAtOnceMoveTheUseOnce(backend: TestBackend) async throws {
        let f = try await Self.fixture(backend)
        defer { Task { await f.db.shutdown() } }
        let plan = try MaintenancePlan(title: "外立面空鼓抢修", budget: "8000", contractor: "某建筑公司", scope: .building(f.building),
                                       emergency: .facadeFalling, notExcluded: true)
        let use = try await f.funds.propose(plan, compound: 1, by: Self.committee)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for n in 1...2 {
                group.addTask { (try? await f.funds.approve(use: use, decision: "决定 \(n)", filing: "备 \(n)", by: Self.committee)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await f.funds.use(id: use)?.steps.count == 2)
    }

    @Test(arguments: TestBackend.available)
    func theDemoLeavesAUseWhoseVoteEndedAndSeedsOnce(backend: TestBackend) async throws {
        let f = try await Self.fixture(backend)
        defer { Task { await f.db.shutdown() } }
        let accounts = try await DemoAccounts.create(in: f.db, hasher: quickHasher)
        let compound = try #require(accounts.first { $0.portal == .owner }?.roles.first?.compoundID)
        #expect(try await DemoMaintenanceFund.seed(in: f.db, for: accounts))
        #expect(try await DemoMaintenanceFund.seed(in: f.db, for: accounts) == false)
        let uses = try await f.funds.uses(compound: compound)
        #expect(uses.map(\.stage) == [.voting, .published])
        let voting = try #require(uses.first)
        let meetingID = try #require(voting.meetingID)
        let meeting = try #require(try await AssemblyStore(database: f.db).meeting(id: meetingID))
        #expect(meeting.closesAt < Date() && meeting.turnout.headcount > 0)
        let t = try await f.funds.trialBalance(compound: compound)
        #expect(t.debits == t.credits && t.debits > .zero)
    }
}
