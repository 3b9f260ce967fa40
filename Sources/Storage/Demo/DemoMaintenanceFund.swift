import Assembly
import Foundation
import Funds
import SQLKit
import WuyeCore

/// The demo compound's maintenance fund: the city's deposit rates, first deposits for every building
/// but the last (so a newcomer can record one), an emergency roof repair paid and published last
/// spring, and a unit's stairwell repair whose owners' vote ended yesterday — waiting for the chair to
/// close the meeting and carry it through approval, payout, acceptance and publication. Nothing is
/// added when the compound already has a fund.
public enum DemoMaintenanceFund {
    @discardableResult
    public static func seed(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Bool {
        guard let compound = accounts.first(where: { $0.portal == .owner })?.roles.first?.compoundID else { return false }
        let past = MaintenanceFunds(database: database, clock: FixedClock(now.addingTimeInterval(-700 * 86_400)))
        guard try await past.summary(compound: compound).homesWithAccount == 0 else { return false }
        let rows = try await database.read { sql in
            try await sql.raw("""
                SELECT c.community_code, b.id, (SELECT MIN(u.id) FROM units u WHERE u.building_id = b.id) AS unit
                FROM buildings b JOIN compounds c ON c.id = b.compound_id WHERE b.compound_id = \(bind: compound) ORDER BY b.id
                """).all()
        }
        guard rows.count >= 2, let community = DivisionCode(rawValue: try rows[0].decode(column: "community_code", as: String.self)),
              let city = sequence(first: community, next: \.parent).first(where: { $0.level == .city }) else { return false }
        let office = AuditActor.command("demo")
        try await past.setRate(.multiStorey, yuan: "80", division: city, by: office)
        try await past.setRate(.withLift, yuan: "120", division: city, by: office)
        let buildings = try rows.map { (id: try $0.decode(column: "id", as: Int64.self), unit: try $0.decode(column: "unit", as: Int64?.self)) }
        let opened = CivilDate.inChina(now.addingTimeInterval(-700 * 86_400)).text
        for (index, building) in buildings.dropLast().enumerated() {
            try await past.recordFirstDeposits(building: building.id, kind: index % 2 == 0 ? .withLift : .multiStorey, on: opened, compound: compound, by: office)
        }

        // Last spring: a roof leak repaired at once (an emergency), paid, accepted and published.
        let spring = MaintenanceFunds(database: database, clock: FixedClock(now.addingTimeInterval(-200 * 86_400)))
        let roof = try await spring.propose(try MaintenancePlan(title: "屋面防水抢修（示例）", budget: "18600", contractor: "青岛某防水工程有限公司（示例）",
                                                                scope: .building(buildings[0].id), emergency: .roofLeak, notExcluded: true),
                                            compound: compound, by: office)
        try await spring.approve(use: roof, decision: "业委会〔示例〕2 号", filing: "住建应急备〔示例〕017", by: office)
        try await spring.disburse(use: roof, amount: "18600", on: CivilDate.inChina(now.addingTimeInterval(-200 * 86_400)).text, by: office)
        try await spring.accept(use: roof, note: "屋面闭水试验合格，业委会、物业与施工单位共同验收（示例）", by: office)
        try await spring.publish(use: roof, by: office)

        // A unit's stairwell: voted on by that unit's owners; the vote ended yesterday.
        guard let unit = buildings[0].unit else { return true }
        let convened = MaintenanceFunds(database: database, clock: FixedClock(now.addingTimeInterval(-30 * 86_400)))
        let stairs = try await convened.propose(try MaintenancePlan(title: "单元楼道墙面及扶手翻新（示例）", budget: "9876.54", contractor: "青岛某建筑装饰有限公司（示例）",
                                                                    scope: .unit(unit), emergency: nil, notExcluded: true), compound: compound, by: office)
        let meeting = try await convened.startVote(use: stairs, opensAt: now.addingTimeInterval(-13 * 86_400), closesAt: now.addingTimeInterval(-86_400), by: office)
        let voting = AssemblyStore(database: database, clock: FixedClock(now.addingTimeInterval(-5 * 86_400)))
        let rights = Int(try await voting.meeting(id: meeting)?.totals.headcount ?? 0)
        for right in 1...max(1, rights) where right % 4 != 0 {
            _ = try await voting.cast(meetingID: meeting, rightNumber: right, choices: [1: right % 5 == 1 ? .disagree : .agree], channel: .paper,
                                      scan: Array("%PDF-1.4\n% 示例表决票\n".utf8), by: office)
        }
        return true
    }
}
