import Assembly
import Foundation
import WuyeCore

/// A meeting open for voting in the demo accounts' compound, so a newcomer can vote as the demo
/// owner at once. It is convened as if 16 days ago (the agenda's 15-day notice has passed), opened
/// yesterday and closes in 30 days. Nothing is convened when the compound already has a meeting.
public enum DemoMeeting {
    @discardableResult
    public static func convene(in database: WuyeDatabase, for accounts: [DemoAccounts.Account],
                               now: Date = Date()) async throws -> Int64? {
        guard let compound = accounts.first(where: { $0.portal == .owner })?.roles.first?.compoundID else { return nil }
        let store = AssemblyStore(database: database, clock: FixedClock(now.addingTimeInterval(-16 * 86_400)))
        if let existing = try await store.meetings(ofCompound: compound).first { return existing.id }
        let plan = try MeetingPlan(title: "2026 年度业主大会（示例）",
                                   motions: [(4, "续聘现物业服务企业，合同期三年"), (6, "续筹住宅专项维修资金"),
                                             (5, "使用维修资金维修 3 号楼屋面防水")],
                                   opensAt: now.addingTimeInterval(-86_400), closesAt: now.addingTimeInterval(30 * 86_400),
                                   publishedAt: now.addingTimeInterval(-16 * 86_400))
        return try await store.convene(compoundID: compound, plan: plan, by: .command("demo"))
    }
}
