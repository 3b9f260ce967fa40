import Evaluation
import Foundation
import Registry
import SQLKit
import Storage
import Testing
import WuyeCore

/// Credit on both databases: a company's score is 80 % of its latest published evaluation mean plus
/// its valid good records (capped) minus its valid bad ones; a serious record blacklists it while
/// valid; records lapse and are never removed.
@Suite(.serialized)
struct CreditRecordsTests {
    @Test(arguments: TestBackend.available)
    func scoresFollowTheEvaluationAndTheValidRecords(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18
        let credit = CreditRecords(database: db, clock: clock)
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let office = AuditActor(accountID: nil, label: "区住建局")
        let today = CivilDate.inChina(clock.now())
        var standings = try await credit.standings(in: district)
        let first = try #require(standings.first)
        #expect(first.evaluationMean == nil && first.basic == 4_800 && first.grade == .b && !first.blackList)

        // A published evaluation sets the basic score.
        let evaluations = Evaluations(database: db, clock: clock)
        let round = try await evaluations.createRound(division: district, name: "2026 年度评价", startsOn: "2026-01-01", endsOn: "2026-12-31", by: office)
        try await evaluations.publish(round: round, by: office)
        let results = try #require(try await evaluations.results(round: round))
        let company = first.companyID
        let totals = results.results.entries.filter { $0.companyID == company }.map(\.score.total)
        let mean = (2 * totals.reduce(0, +) + totals.count) / (2 * totals.count)
        standings = try await credit.standings(in: district)
        #expect(standings.first { $0.companyID == company }?.basic == CreditGrade.basic(evaluationMean: mean))

        for (kind, points, serious) in [(CreditEntryDraft.Kind.good, "15", false), (.good, "10", false), (.bad, "3", false)] {
            try await credit.record(try CreditEntryDraft(kind: kind, points: points, reason: "测试记录（文号）", validFrom: today.text, months: 12, serious: serious,
                                                         today: today), company: company, division: district, by: office)
        }
        var standing = try #require(try await credit.standings(in: district).first { $0.companyID == company })
        #expect(standing.good == 2_000 && standing.bad == 300 && standing.score == CreditGrade.basic(evaluationMean: mean) + 2_000 - 300)
        try await credit.record(try CreditEntryDraft(kind: .bad, points: "1", reason: "停水催缴物业费（12345 工单）", validFrom: today.text, months: 1, serious: true,
                                                     today: today), company: company, division: district, by: office)
        standing = try #require(try await credit.standings(in: district).first { $0.companyID == company })
        #expect(standing.blackList && !standing.redList)
        // Two months on, the one-month serious record has lapsed; it is still on file.
        clock.advance(seconds: 62 * 86_400)
        standing = try #require(try await credit.standings(in: district).first { $0.companyID == company })
        #expect(!standing.serious && standing.bad == 300)
        let entries = try await credit.entries(company: company)
        #expect(entries.count == 4 && entries.filter(\.valid).count == 3)
        let elsewhere = await #expect(throws: DomainError.self) {
            try await credit.record(try CreditEntryDraft(kind: .good, points: "1", reason: "测试记录（文号）", validFrom: today.text, months: 12, serious: false,
                                                         today: today), company: 999_999, division: district, by: office)
        }
        #expect(elsewhere?.field == "company")
        await #expect(throws: (any Error).self) { try await db.write { sql in try await sql.raw("DELETE FROM credit_entries").run() } }
    }
}
