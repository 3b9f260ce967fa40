import Foundation
import Funds
import SQLKit
import WuyeCore

/// Service fees for the demo subdistrict: every compound gets a standard by its type, this month is
/// billed, and two in three bills are paid at the counter — all but the demo owner's, which waits
/// for the owner to see and pay. Nothing is added when the month is already billed.
public enum DemoFees {
    @discardableResult
    public static func seed(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Bool {
        guard let subdistrict = accounts.lazy.flatMap(\.roles).first(where: { $0.kind == .administrationStaff && $0.division?.level == .subdistrict })?.division
        else { return false }
        let fees = ServiceFees(database: database, clock: FixedClock(now))
        let today = CivilDate.inChina(now)
        let month = try BillingPeriod(first: today.monthText, months: 1)
        let compounds = try await database.read { sql in
            try await sql.raw("""
                SELECT id FROM compounds c WHERE community_code LIKE \(bind: subdistrict.sharedPrefix + "%")
                  AND NOT EXISTS (SELECT 1 FROM fee_periods p WHERE p.compound_id = c.id AND p.period_key = \(bind: month.key))
                ORDER BY id
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        guard !compounds.isEmpty else { return false }
        try await fees.setDefaultStandards(by: .command("demo"))
        let ownerIDs = Set(accounts.first { $0.portal == .owner }.flatMap { $0.ownerID }.map { [$0] } ?? [])
        for compound in compounds { try await fees.issue(month, compound: compound, by: .command("demo")) }
        let bills = try await database.read { sql in
            try await sql.raw("""
                SELECT b.id, b.amount_fen, EXISTS (SELECT 1 FROM ownerships o WHERE o.home_id = b.home_id AND o.owner_id IN (\(binds: Array(ownerIDs) + [-1]))) AS mine
                FROM fee_bills b JOIN fee_periods p ON p.id = b.period_id
                WHERE p.period_key = \(bind: month.key) AND b.compound_id IN (\(binds: compounds)) ORDER BY b.id
                """).all().map { (id: try $0.decode(column: "id", as: Int64.self), amount: try $0.decode(column: "amount_fen", as: Int64.self),
                                  mine: try $0.decode(column: "mine", as: Bool.self)) }
        }
        for (index, bill) in bills.enumerated() where index % 3 != 0 && !bill.mine && bill.amount > 0 {
            try await fees.pay(bill: bill.id, amount: Fen(bill.amount).description, method: index % 2 == 0 ? "wechat" : "cash",
                               receiptNumber: "SJ\(month.key.replacingOccurrences(of: "-", with: ""))-\(bill.id)", invoiceNumber: nil,
                               by: .command("demo"))
        }
        return true
    }
}
