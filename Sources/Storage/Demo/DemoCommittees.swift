import Assembly
import Foundation
import SQLKit
import WuyeCore

/// Committees for the demo subdistrict: the demo accounts' compound has an active committee (the demo
/// chair and member on it, filed and sealed last year), and a neighbouring compound's preparatory
/// group is 15 days late with its first assembly, so the overview has something to chase. Nothing is
/// added when the demo compound already has a committee record.
public enum DemoCommittees {
    @discardableResult
    public static func seed(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Bool {
        guard let compound = accounts.first(where: { $0.portal == .owner })?.roles.first?.compoundID,
              let subdistrict = accounts.lazy.flatMap(\.roles).first(where: { $0.kind == .administrationStaff && $0.division?.level == .subdistrict })?.division
        else { return false }
        let committees = Committees(database: database, clock: FixedClock(now))
        guard try await committees.committee(compound: compound).record.stage == .notStarted else { return false }
        let today = CivilDate.inChina(now)
        func ago(_ days: Int) -> String { CivilDate(daysSince1970: today.daysSince1970 - days).text }
        let office = AuditActor.command("demo")
        let group = "业主甲\n业主乙\n业主丙\n业主丁\n社区代表,非业主\n社区民警,非业主\n街道代表,街道"
        try await committees.take(.report, compound: compound, on: ago(400), note: "开发建设单位书面报告（示例）", asOffice: true, by: office)
        try await committees.take(.formGroup(members: try CommitteeMember.lines(group)), compound: compound, on: ago(380), note: "", asOffice: true, by: office)
        let names = accounts.filter { $0.portal == .committee }.map(\.name) + ["业主戊", "业主己", "业主庚"]
        try await committees.take(.elect(members: try CommitteeMember.lines(names.prefix(5).joined(separator: "\n")), termYears: 5),
                                  compound: compound, on: ago(330), note: "首次业主大会表决通过（示例）", asOffice: true, by: office)
        try await committees.take(.firstMeeting(chair: names[0], viceChairs: [names[2]]), compound: compound, on: ago(328), note: "",
                                  asOffice: false, by: office)
        try await committees.take(.file(number: "备〔示例〕001 号"), compound: compound, on: ago(310), note: "", asOffice: true, by: office)
        try await committees.take(.recordSeal(number: "刻章〔示例〕001 号"), compound: compound, on: ago(300), note: "", asOffice: true, by: office)
        let neighbour = try await database.read { sql in
            try await sql.raw("""
                SELECT MIN(id) AS id FROM compounds WHERE community_code LIKE \(bind: subdistrict.sharedPrefix + "%") AND id <> \(bind: compound)
                """).first()?.decode(column: "id", as: Int64?.self)
        }
        if let neighbour {
            try await committees.take(.report, compound: neighbour, on: ago(100), note: "业主 12% 面积联名申请（示例）", asOffice: true, by: office)
            try await committees.take(.formGroup(members: try CommitteeMember.lines(group)), compound: neighbour, on: ago(75), note: "",
                                      asOffice: true, by: office)
        }
        return true
    }
}
