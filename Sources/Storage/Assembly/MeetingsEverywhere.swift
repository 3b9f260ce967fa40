import Access
import Assembly
import Foundation
import SQLKit
import WuyeCore

/// The casting benchmark's world: a meeting open for voting in every compound at once, and for each
/// compound a committee chair's account with an API token to enter paper ballots. The accounts share
/// one password hash (bcrypt once, not 4,000 times); each meeting is convened as the law has it, its
/// agenda published 16 days ago.
public enum MeetingsEverywhere {
    public struct Seat: Sendable {
        public let token: String
        public let meetingID: Int64
        public let rights: Int
    }

    public static func open(in database: WuyeDatabase, compounds limit: Int?, now: Date = Date(),
                            progress: (Int, Int) -> Void = { _, _ in }) async throws -> [Seat] {
        let compounds = try await database.read { sql in
            try await sql.raw("SELECT id FROM compounds WHERE home_count > 0 ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
        }.prefix(limit ?? Int.max)
        let published = now.addingTimeInterval(-16 * 86_400)
        let assemblies = AssemblyStore(database: database, clock: FixedClock(published))
        let accounts = AccountStore(database: database)
        let tokens = APITokenStore(database: database)
        let hash = try await PasswordHasher(cost: 10).hash("bench-casting-2026")
        let plan = try MeetingPlan(title: "基准测试业主大会", motions: [(4, "续聘物业服务企业"), (6, "续筹住宅专项维修资金"), (5, "使用维修资金维修屋面")],
                                   opensAt: now.addingTimeInterval(-3_600), closesAt: now.addingTimeInterval(30 * 86_400), publishedAt: published)
        var seats: [Seat] = []
        for (index, compound) in compounds.enumerated() {
            let meeting = try await assemblies.convene(compoundID: compound, plan: plan, by: .command("bench casting"))
            let role = try Role.committee(.committeeChair, compound: compound)
            let account = try await database.write { sql in
                try await accounts.insert(.init(mobile: "1370" + String(format: "%07d", index), name: "基准测试主任", passwordHash: hash,
                                                ownerID: nil, roles: [role]), by: .command("bench casting"), sql: sql)
            }
            guard let roleID = try await accounts.roles(ofAccount: account).first?.id else { continue }
            let token = try await tokens.issue(accountID: account, roleID: roleID, name: "基准测试", by: .command("bench casting")).token
            let rights = try await database.read { sql in
                try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM voting_rights WHERE meeting_id = \(bind: meeting)").first()?
                    .decode(column: "n", as: Int64.self) ?? 0
            }
            seats.append(Seat(token: token, meetingID: meeting, rights: Int(rights)))
            progress(index + 1, compounds.count)
        }
        return seats
    }
}
