import Foundation
import Party
import SQLKit
import WuyeCore

/// Party building around the demo compound: its company's branch, the demo grid's branch, the
/// committee's party working group with its instructor, and the community service station's next
/// three activities. Nothing is added when the district already has an organisation.
public enum DemoParty {
    @discardableResult
    public static func seed(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Bool {
        guard let compound = accounts.first(where: { $0.portal == .owner })?.roles.first?.compoundID,
              let company = accounts.first(where: { $0.roles.first?.kind == .companyAdministrator })?.roles.first?.companyID,
              let grid = accounts.first(where: { $0.roles.first?.kind == .gridWorker })?.roles.first?.gridID,
              let row = try await database.read({ sql in try await sql.raw("SELECT community_code FROM compounds WHERE id = \(bind: compound)").first() }),
              let community = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self)),
              let district = community.parent?.parent else { return false }
        let party = PartyBuilding(database: database, clock: FixedClock(now))
        guard try await party.organisations(in: district).isEmpty else { return false }
        let today = CivilDate.inChina(now)
        let office = AuditActor.command("demo")
        for (kind, target, name, members, secretary) in [(PartyOrganisationKind.companyBranch, company, "物业服务企业联合党支部（示例）", "9", "王建华"),
                                                         (.gridBranch, grid, "第一网格党支部（示例）", "23", "刘海燕"),
                                                         (.committeeBranch, compound, "业委会党的工作小组（示例）", "3", "陈立民")] {
            try await party.register(try PartyOrganisationDraft(kind: kind, name: name, members: members, secretary: secretary, establishedOn: "2021-07-01",
                                                                today: today), target: target, division: district, by: office)
        }
        try await party.assignInstructor(name: "赵敏", unit: "街道党工委（示例）", phone: "13800000001", to: .committeeBranch, target: compound,
                                         division: district, by: office)
        for (days, kind, title) in [(1, PartyActivityKind.secretaryReception, "书记接待日：听取业主意见（示例）"), (3, .redCouncil, "红色议事会：电动车充电桩选址（示例）"),
                                    (6, .ownersDay, "业主沟通日：物业服务季度通报（示例）")] {
            try await party.schedule(kind, title: title, place: "社区党群服务站", starts: CivilDate(daysSince1970: today.daysSince1970 + days).startInChina
                                        .addingTimeInterval(9 * 3600), hours: 2, community: community, by: office)
        }
        // The subdistrict's joint meeting last week: one decision done, one overdue; and a project for a company's branch to claim.
        let coordination = Coordination(database: database, clock: FixedClock(now.addingTimeInterval(-7 * 86_400)))
        let lastWeek = CivilDate(daysSince1970: today.daysSince1970 - 7)
        let meeting = try await coordination.hold(try CoordinationMeetingDraft(kind: .joint, title: "小区停车与消防通道联席会议（示例）",
                                                                               agenda: "消防通道占用、地面停车秩序", heldOn: lastWeek.text,
                                                                               parties: [.departments, .company, .committee, .community], minutes: "议定两项（示例）",
                                                                               today: lastWeek), division: community.parent ?? district, by: office)
        let done = try await coordination.assign(try CoordinationTaskDraft(description: "清理消防通道占用车辆（示例）", assignee: "物业服务企业", dueOn: lastWeek.text,
                                                                           today: lastWeek), meeting: meeting, by: office)
        try await coordination.complete(task: done, meeting: meeting, note: "已清理并设置隔离桩（示例）", by: office)
        try await coordination.assign(try CoordinationTaskDraft(description: "施划地面停车位（示例）", assignee: "业主委员会", dueOn: CivilDate(daysSince1970: lastWeek.daysSince1970 + 3).text,
                                                                today: lastWeek), meeting: meeting, by: office)
        try await coordination.publishProject(title: "楼道微改造（示例）", description: "清理楼道堆物、粉刷墙面、更换声控灯", community: community, by: office)
        return true
    }
}
