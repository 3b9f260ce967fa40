import Evaluation
import Foundation
import SQLKit
import WuyeCore

/// An evaluation round open over the demo district for this year: the owners of one home in three
/// in the demo subdistrict's served compounds have answered the survey (not the demo owner's homes,
/// which the demo owner can answer for in the portal), and an inspection has found problems in a few compounds — ready for the
/// district to publish. Nothing is added when the district already has a round.
public enum DemoEvaluation {
    @discardableResult
    public static func seed(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Int64? {
        guard let owner = accounts.first(where: { $0.portal == .owner }), let compound = owner.roles.first?.compoundID else { return nil }
        let evaluations = Evaluations(database: database, clock: FixedClock(now))
        guard let row = try await database.read({ sql in
            try await sql.raw("SELECT community_code FROM compounds WHERE id = \(bind: compound)").first()
        }), let community = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self)),
              let subdistrict = community.parent, let district = subdistrict.parent else { return nil }
        guard try await evaluations.rounds(around: district).isEmpty else { return nil }
        let year = CivilDate.inChina(now).year
        let office = AuditActor.command("demo")
        let round = try await evaluations.createRound(division: district, name: "\(year) 年度物业服务质量综合评价（示例）", startsOn: "\(year)-01-01",
                                                      endsOn: "\(year)-12-31", by: office)
        let served = try await database.read { sql in
            try await sql.raw("""
                SELECT h.id, h.compound_id FROM homes h JOIN compounds c ON c.id = h.compound_id
                WHERE c.community_code LIKE \(bind: subdistrict.sharedPrefix + "%")
                  AND EXISTS (SELECT 1 FROM service_arrangements a WHERE a.compound_id = c.id AND a.company_id IS NOT NULL AND a.ends_on IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM ownerships s WHERE s.home_id = h.id AND s.owner_id = \(bind: owner.ownerID ?? 0))
                ORDER BY h.id
                """).all().map { (home: try $0.decode(column: "id", as: Int64.self), compound: try $0.decode(column: "compound_id", as: Int64.self)) }
        }
        for (index, home) in served.enumerated() where index % 3 == 0 {
            // Eight in ten satisfied, spread differently in each compound.
            let rating = [5, 5, 4, 4, 4, 3, 5, 4, 2, 5][Int((home.compound + Int64(index / 3)) % 10)]
            try await evaluations.answer(round: round, home: home.home, rating: String(rating), comment: "", by: office)
        }
        for (offset, compound) in Set(served.map(\.compound)).sorted().enumerated() where offset % 4 == 1 {
            try await evaluations.deduct(round: round, compound: compound, item: "现场检查（环境卫生、秩序维护、设施设备）", points: String(2 + offset % 5),
                                         evidence: "楼道堆放杂物、消防通道被占用（示例检查记录）", by: office)
        }
        return round
    }
}
