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
        if let existing = try await store.meetings(ofCompound: compound).first(where: { $0.isOpen(at: now) }) { return existing.id }
        let plan = try MeetingPlan(title: "2026 年度业主大会（示例）",
                                   motions: [(4, "续聘现物业服务企业，合同期三年"), (6, "续筹住宅专项维修资金"),
                                             (5, "使用维修资金维修 3 号楼屋面防水")],
                                   opensAt: now.addingTimeInterval(-86_400), closesAt: now.addingTimeInterval(30 * 86_400),
                                   publishedAt: now.addingTimeInterval(-16 * 86_400))
        return try await store.convene(compoundID: compound, plan: plan, by: .command("demo"))
    }
}

extension DemoMeeting {
    /// A second meeting in the demo compound whose voting ended yesterday, with paper ballots from
    /// three in four voting rights (each with its scan), waiting for the chair to close it and publish
    /// the result. Convened before the open one, so the open one heads the list; nothing is added when
    /// the compound already has a meeting.
    @discardableResult
    public static func awaitingClose(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Int64? {
        guard let compound = accounts.first(where: { $0.portal == .owner })?.roles.first?.compoundID else { return nil }
        let convened = AssemblyStore(database: database, clock: FixedClock(now.addingTimeInterval(-30 * 86_400)))
        guard try await convened.meetings(ofCompound: compound).isEmpty else { return nil }
        let plan = try MeetingPlan(title: "2026 年第一次临时业主大会（示例，表决已截止）", motions: [(4, "选聘新的物业服务企业"), (9, "设置电动自行车集中充电区")],
                                   opensAt: now.addingTimeInterval(-12 * 86_400), closesAt: now.addingTimeInterval(-86_400),
                                   publishedAt: now.addingTimeInterval(-30 * 86_400))
        let meeting = try await convened.convene(compoundID: compound, plan: plan, by: .command("demo"))
        let voting = AssemblyStore(database: database, clock: FixedClock(now.addingTimeInterval(-5 * 86_400)))
        let rights = Int(try await voting.meeting(id: meeting)?.totals.headcount ?? 0)
        let scan = Array("%PDF-1.4\n% 示例扫描件\n".utf8)
        for right in 1...max(1, rights) where right % 4 != 0 {
            _ = try await voting.cast(meetingID: meeting, rightNumber: right,
                                      choices: [1: right % 10 == 1 ? .disagree : .agree, 2: right % 7 == 2 ? .abstain : .agree],
                                      channel: .paper, scan: scan, by: .command("demo"))
        }
        return meeting
    }
}
