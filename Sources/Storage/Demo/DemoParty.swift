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
        return true
    }
}
