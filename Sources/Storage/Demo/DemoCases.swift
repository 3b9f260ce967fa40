import Cases
import Foundation
import SQLKit
import WuyeCore

/// A few cases in the demo accounts' compound, so each queue has something in it: the demo owner's
/// leaking pipe waiting for the steward, and a grid worker's dispute report that went overdue
/// and climbed to the subdistrict. Nothing is added when the compound already has cases.
public enum DemoCases {
    @discardableResult
    public static func report(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Int {
        guard let owner = accounts.first(where: { $0.portal == .owner }), let compound = owner.roles.first?.compoundID else { return 0 }
        let existing = try await database.read { sql in
            try await sql.raw("SELECT id FROM cases WHERE compound_id = \(bind: compound) LIMIT 1").first()
        }
        guard existing == nil else { return 0 }
        let store = AccountStore(database: database)
        guard let ownerAccount = try await store.account(mobile: owner.mobile),
              let gridAccount = try await store.account(mobile: "13900000006"),
              let home = try await store.principal(accountID: ownerAccount.id)?.roles.first?.homeIDs.min() else { return 0 }
        let today = CaseStore(database: database, clock: FixedClock(now))
        _ = try await today.report(.init(kind: .repair, source: .owner, description: "厨房水管接口漏水，楼下已经渗水（示例）",
                                         compoundID: compound, homeID: home),
                                   reporter: ownerAccount.id, by: AuditActor(accountID: ownerAccount.id, label: ownerAccount.name))
        // Reported ten days ago and never handled: the first sweep climbs it to the subdistrict.
        let earlier = CaseStore(database: database, clock: FixedClock(now.addingTimeInterval(-10 * 86_400)))
        _ = try await earlier.report(.init(kind: .dispute, source: .patrol, description: "楼道堆物引发邻里纠纷（示例）", compoundID: compound),
                                     reporter: gridAccount.id, by: AuditActor(accountID: gridAccount.id, label: gridAccount.name))
        return try await CaseScheduler(database: database, clock: FixedClock(now), holder: "demo").sweep().escalated + 2
    }
}
