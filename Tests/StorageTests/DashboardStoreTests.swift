import Cases
import Foundation
import Party
import Funds
import Registry
import SQLKit
import Storage
import Testing
import WuyeCore

/// The dashboard on both databases: every figure equals what a direct count of the underlying
/// records gives — homes and areas from the homes themselves, collection from the bills rather than
/// the kept totals, cases from the cases — and the children add up to their parent.
@Suite(.serialized)
struct DashboardStoreTests {
    @Test(arguments: TestBackend.available)
    func everyFigureEqualsTheRecordsAndChildrenAddUpToTheirParent(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date())
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let actor = AuditActor(accountID: nil, label: "测试")
        // Records: a month of bills with some paid, complaints and a repair, a common fund.
        let fees = ServiceFees(database: db, clock: clock)
        let compounds = try await db.read { sql in
            try await sql.raw("SELECT id FROM compounds ORDER BY id LIMIT 3").all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        let month = CivilDate.inChina(clock.now()).monthText
        for compound in compounds {
            try await fees.setStandard(.init(rate: try FeeRate(text: "1.25"), method: .lumpSum), compound: compound, by: actor)
            try await fees.issue(try BillingPeriod(first: month, months: 1), compound: compound, by: actor)
            for bill in try await fees.arrears(compound: compound, limit: 5) {
                _ = try await fees.pay(bill: bill.id, amount: (bill.amount - bill.paid).description, method: "wechat", receiptNumber: "R\(bill.id)",
                                       invoiceNumber: nil, by: actor)
            }
        }
        let cases = CaseStore(database: db, clock: clock)
        for (kind, compound) in [(CaseKind.complaint, compounds[0]), (.complaint, compounds[1]), (.repair, compounds[0])] {
            _ = try await cases.report(.init(kind: kind, source: .hotline, description: "测试案件", compoundID: compound, photos: []), reporter: nil, by: actor)
        }
        try await CommonFunds(database: db, clock: clock).post(.income, category: .parking, amount: "1234.56", on: CivilDate.inChina(clock.now()).text,
                                                               memo: "停车收益", approval: nil, compound: compounds[0], by: actor)

        let party = PartyBuilding(database: db, clock: clock)
        let company = try #require(try await party.targets(in: district)[.companyBranch]?.first?.id)
        try await party.register(try PartyOrganisationDraft(kind: .companyBranch, name: "测试党支部", members: "5", secretary: "李红", establishedOn: "2020-07-01",
                                                           today: CivilDate.inChina(clock.now())), target: company, division: district, by: actor)

        let dashboard = Dashboard(database: db, clock: clock)
        let (total, children) = try await dashboard.figures(in: district)
        let prefix = district.sharedPrefix + "%"
        func count(_ query: SQLQueryString) async throws -> Int64 {
            try await db.read { sql in try await sql.raw(query).first()?.decode(column: "n", as: Int64?.self) ?? 0 }
        }
        #expect(total.homes == (try await count("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM homes h JOIN compounds c ON c.id = h.compound_id WHERE c.community_code LIKE \(bind: prefix)")))
        #expect(total.areaCenti == (try await count("SELECT CAST(SUM(h.area_centi) AS BIGINT) AS n FROM homes h JOIN compounds c ON c.id = h.compound_id WHERE c.community_code LIKE \(bind: prefix)")))
        #expect(total.compounds == (try await count("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM compounds WHERE community_code LIKE \(bind: prefix)")))
        #expect(total.billedFen == (try await count("""
            SELECT CAST(SUM(b.amount_fen) AS BIGINT) AS n FROM fee_bills b JOIN compounds c ON c.id = b.compound_id
            JOIN fee_periods p ON p.id = b.period_id WHERE c.community_code LIKE \(bind: prefix) AND p.period_key = \(bind: month)
            """)))
        #expect(total.collectedFen == (try await count("""
            SELECT CAST(SUM(p.amount_fen) AS BIGINT) AS n FROM fee_payments p JOIN compounds c ON c.id = p.compound_id WHERE c.community_code LIKE \(bind: prefix)
            """)) && total.collectedFen > 0)
        #expect(total.openCases == (try await count("""
            SELECT CAST(COUNT(*) AS BIGINT) AS n FROM cases WHERE community_code LIKE \(bind: prefix) AND state NOT IN ('closed', 'rejected')
            """)) && total.openCases >= 3)
        #expect(total.complaints == (try await count("""
            SELECT CAST(COUNT(*) AS BIGINT) AS n FROM cases WHERE community_code LIKE \(bind: prefix) AND kind = 'complaint'
            """)))
        #expect(total.served == (try await count("""
            SELECT CAST(COUNT(DISTINCT c.id) AS BIGINT) AS n FROM compounds c JOIN service_arrangements a ON a.compound_id = c.id
            WHERE c.community_code LIKE \(bind: prefix) AND a.company_id IS NOT NULL AND a.ends_on IS NULL
            """)))
        #expect(total.commonFundFen == 123_456)
        #expect(total.partyServed == (try await count("""
            SELECT CAST(COUNT(DISTINCT c.id) AS BIGINT) AS n FROM compounds c JOIN service_arrangements a ON a.compound_id = c.id
            WHERE c.community_code LIKE \(bind: prefix) AND a.company_id = \(bind: company) AND a.ends_on IS NULL
            """)) && total.partyServed > 0)

        // Children add up to the parent, figure by figure.
        var sum = DashboardFigures(key: total.key, name: total.name)
        for child in children { sum.add(child) }
        #expect(sum == total)
        #expect(children.allSatisfy { $0.name != $0.key })

        // Down to a compound: the same figures as its community lists for it.
        let compound = compounds[0]
        let community = try await db.read { sql in
            try await sql.raw("SELECT community_code FROM compounds WHERE id = \(bind: compound)").first()?.decode(column: "community_code", as: String.self)
        }
        let communityCode = try DivisionCode(try #require(community))
        let listed = try #require(try await dashboard.figures(in: communityCode).children.first { $0.key == String(compound) })
        var alone = try #require(try await dashboard.figures(ofCompound: compound))
        alone.name = listed.name
        #expect(alone == listed)
        #expect(alone.homes == (try await count("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM homes WHERE compound_id = \(bind: compound)")))

        let trend = try await dashboard.trend(in: district)
        #expect(trend.count == 12 && trend.last?.month == month && trend.last?.reported == 3 && trend.last?.complaints == 2)
        #expect(trend.last?.billedFen == total.billedFen && trend.last?.collectedFen == total.collectedFen && trend.dropLast().allSatisfy { $0.billedFen == 0 })
    }
}
