import Evaluation
import Foundation
import Registry
import SQLKit
import Storage
import Testing
import WuyeCore

/// Evaluation on both databases: a round scores every company-served compound of its division from
/// the records — each figure equal to what a direct count of the records gives — the survey takes
/// one answer per home, deductions stop at the item's maximum, scorecards are versioned, and a
/// published round never changes.
@Suite(.serialized)
struct EvaluationStoreTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    @Test(arguments: TestBackend.available)
    func aRoundScoresFromTheRecordsAndFreezesWhenPublished(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Self.start)
        let evaluations = Evaluations(database: db, clock: clock)
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let office = AuditActor(accountID: nil, label: "区住建局")

        // A compound a company serves; two complaints there this year.
        let compound = try #require(try await db.read { sql in
            try await sql.raw("SELECT MIN(compound_id) AS id FROM service_arrangements WHERE company_id IS NOT NULL AND ends_on IS NULL").first()?
                .decode(column: "id", as: Int64.self)
        })
        let cases = CaseStore(database: db, clock: clock)
        for text in ["夜间施工噪音", "垃圾清运不及时"] {
            _ = try await cases.report(.init(kind: .complaint, source: .hotline, description: text, compoundID: compound, photos: []), reporter: nil, by: office)
        }
        let round = try await evaluations.createRound(division: district, name: "2026 年度物业服务质量评价", startsOn: "2026-01-01", endsOn: "2026-12-31",
                                                      by: office)
        let homes = try await db.read { sql in
            try await sql.raw("SELECT id FROM homes WHERE compound_id = \(bind: compound) ORDER BY id LIMIT 4").all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        for (home, rating) in zip(homes, ["5", "4", "2", "4"]) {
            try await evaluations.answer(round: round, home: home, rating: rating, comment: "", by: office)
        }
        let twice = await #expect(throws: DomainError.self) { try await evaluations.answer(round: round, home: homes[0], rating: "1", comment: "", by: office) }
        #expect(twice?.code == "already_answered")
        let item = "现场检查（环境卫生、秩序维护、设施设备）"
        try await evaluations.deduct(round: round, compound: compound, item: item, points: "3.5", evidence: "3 号楼楼道堆物，11 月 10 日检查", by: office)
        let tooMany = await #expect(throws: DomainError.self) {
            try await evaluations.deduct(round: round, compound: compound, item: item, points: "25", evidence: "重复扣分试验", by: office)
        }
        #expect(tooMany?.code == "too_many_points")
        let noEvidence = await #expect(throws: DomainError.self) { try await evaluations.deduct(round: round, compound: compound, item: item, points: "1", evidence: "", by: office) }
        #expect(noEvidence?.field == "evidence")

        let live = try #require(try await evaluations.results(round: round))
        let one = try #require(live.results.entries.first { $0.compoundID == compound })
        // Each figure as a direct count of the records says.
        let homeCount = try await db.read { sql in
            try await sql.raw("SELECT home_count FROM compounds WHERE id = \(bind: compound)").first()?.decode(column: "home_count", as: Int64.self) ?? 0
        }
        let roundRecord = try #require(try await evaluations.round(id: round))
        let measured = try #require(try await evaluations.measures(roundRecord).first { $0.compoundID == compound })
        #expect(measured.measures.values[.complaintsPer100Homes] == Int(2 * 10_000 / homeCount))
        #expect(measured.measures.values[.ownerSatisfaction] == 750)
        #expect(measured.measures.deductions[item] == 350)
        let itemMax = try #require(ScorecardTemplate.jinan(for: measured.type).items.first { $0.name == item }?.max)
        #expect(one.score.items.first { $0.item == item }?.points == itemMax - 350)
        #expect(one.score.total == CompoundScore(ScorecardTemplate.jinan(for: measured.type), measured.measures).total)
        // Every company-served compound of the district is in the round, ranked within its type.
        let served = try await db.read { sql in
            try await sql.raw("""
                SELECT CAST(COUNT(DISTINCT c.id) AS BIGINT) AS n FROM compounds c JOIN service_arrangements a ON a.compound_id = c.id
                WHERE c.community_code LIKE \(bind: district.sharedPrefix + "%") AND a.company_id IS NOT NULL AND a.ends_on IS NULL
                """).first()?.decode(column: "n", as: Int64.self) ?? 0
        }
        #expect(Int64(live.results.entries.count) == served && served > 0)
        for type in Set(live.results.entries.map(\.type)) {
            #expect(live.results.entries.filter { $0.type == type }.map(\.rank) == Array(1...live.results.entries.count { $0.type == type }))
        }

        // A new scorecard version changes the live scores; publication freezes them.
        var card = ScorecardTemplate.jinan(for: measured.type)
        card.dimensions[1].items[0].max -= 500
        card.dimensions[0].items[0].max += 500
        #expect(try await evaluations.saveScorecard(card, division: district, year: 2026, type: measured.type, by: office) == 1)
        #expect(try await evaluations.scorecard(at: district, year: 2026, type: measured.type).version == 1)
        try await evaluations.publish(round: round, by: office)
        let frozen = try #require(try await evaluations.results(round: round))
        #expect(frozen.published && frozen.results.entries.count == live.results.entries.count)
        let after = try #require(frozen.results.entries.first { $0.compoundID == compound })
        #expect(after.score == CompoundScore(card, measured.measures))
        _ = try await cases.report(.init(kind: .complaint, source: .hotline, description: "又一件投诉", compoundID: compound, photos: []), reporter: nil, by: office)
        #expect(try await evaluations.results(round: round)?.results.entries.first { $0.compoundID == compound }?.score == after.score)
        await #expect(throws: DomainError.self) { try await evaluations.publish(round: round, by: office) }
        await #expect(throws: DomainError.self) { try await evaluations.deduct(round: round, compound: compound, item: item, points: "1", evidence: "公布后扣分", by: office) }
        for statement in ["UPDATE evaluation_results SET total_centi = 10000", "DELETE FROM evaluation_deductions", "DELETE FROM scorecards"] {
            await #expect(throws: (any Error).self) { try await db.write { sql in try await sql.raw(SQLQueryString(statement)).run() } }
        }
    }
}
