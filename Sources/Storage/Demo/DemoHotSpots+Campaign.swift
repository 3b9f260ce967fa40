import Cases
import Foundation
import SQLKit
import WuyeCore

extension DemoHotSpots {
    static let actor = AuditActor.command("demo")

    /// The district's campaign over its top 10 of the last 90 days: three compounds rectified and
    /// re-checked, two waiting for the re-check, one sent back, the rest (and always the demo
    /// accounts' compound, so the demo company has a report to make) still pending.
    static func launchCampaign(in district: DivisionCode, leavingPending demoCompound: Int64, now: Date,
                               database: WuyeDatabase) async throws -> Int64? {
        let today = CivilDate.inChina(now)
        let period = HotSpots.Period.last(90, until: today)
        let rule = KeyCompoundRule.top(10)
        let rows = try await HotSpots(database: database).keyCompounds(in: district, period: period, rule: rule)
        guard !rows.isEmpty else { return nil }
        let campaigns = Campaigns(database: database, clock: FixedClock(now))
        let plan = try CampaignPlan(name: "物业服务品质提升攻坚行动（示例）",
                                    measures: "一小区一方案：物业企业对照投诉逐项整改；街道每周现场督办；整改完成后由街道复查并回访投诉业主。",
                                    startsOn: today, deadline: CivilDate(daysSince1970: today.daysSince1970 + 45).text,
                                    compoundIDs: rows.map(\.load.compoundID))
        let id = try await campaigns.launch(plan, division: district, rule: rule, period: period, loads: rows.map(\.load), by: actor)
        for (index, compound) in rows.map(\.load.compoundID).filter({ $0 != demoCompound }).enumerated() where index < 6 {
            try await campaigns.reportRectification(campaign: id, compound: compound,
                                                    note: "已更换楼道照明、补齐保洁人员，投诉业主已回访（示例）", by: actor)
            switch index {
            case 0...2: try await campaigns.recheck(campaign: id, compound: compound, passed: true, note: "现场复查合格（示例）", by: actor)
            case 5: try await campaigns.recheck(campaign: id, compound: compound, passed: false, note: "垃圾清运仍不及时，退回整改（示例）", by: actor)
            default: break
            }
        }
        return id
    }

    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
    static let givenNames = ["建国", "秀英", "志强", "丽娟", "海燕", "国庆", "桂兰", "晓明", "玉梅", "卫东", "红霞", "立新"]

    /// The demo district's grids on rosters: every grid has its grid worker; every third grid falls
    /// short of the norm by a steward, a guard or a cleaner.
    static func writeTeams(in district: DivisionCode, now: Date, database: WuyeDatabase) async throws {
        let teams = GridTeams(database: database, clock: FixedClock(now))
        let grids = try await teams.staffing(in: district)
        let today = CivilDate.inChina(now).text
        var rows: [[SQLValue]] = []
        var person = 0
        for (index, grid) in grids.sorted(by: { $0.gridID < $1.gridID }).enumerated() {
            let company = try await database.read { sql in
                try await sql.raw("""
                    SELECT MIN(a.company_id) AS company FROM grid_buildings gb JOIN service_arrangements a ON a.compound_id = gb.compound_id
                    WHERE gb.grid_id = \(bind: grid.gridID) AND a.starts_on <= \(bind: today) AND (a.ends_on IS NULL OR a.ends_on > \(bind: today))
                    """).first()?.decode(column: "company", as: Int64?.self)
            }
            let short = index % 3 == 1 ? TeamRole.allCases[1 + index / 3 % 3] : nil
            for role in TeamRole.allCases {
                let wanted = (grid.staffing.required[role] ?? 0) - (role == short ? 1 : 0)
                for _ in 0..<max(0, wanted) {
                    person += 1
                    let name = String(surnames[person % surnames.count]) + givenNames[(person / surnames.count) % givenNames.count]
                    rows.append([.int(grid.gridID), .text(role.rawValue), .text(name), .text("1390" + String(format: "%07d", 100_000 + person)),
                                 role.isCompanyStaff ? company.map { .int($0) } ?? .null : .null, .text("command:demo"),
                                 .int(Int64(now.timeIntervalSince1970))])
                }
            }
        }
        guard !rows.isEmpty else { return }
        try await database.write { sql in
            try await BulkInsert.insert(sql, into: "grid_team_members",
                                        columns: ["grid_id", "role", "name", "phone", "company_id", "added_by_label", "joined_at"], rows: rows)
            try await AuditLog.append(AuditChange(action: "demo.grid_teams", targetType: "division", targetID: district.rawValue,
                                                  after: ["members": String(rows.count)]), by: actor, at: now, sql: sql)
        }
    }
}
