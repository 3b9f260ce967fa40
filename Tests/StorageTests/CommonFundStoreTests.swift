import Assembly
import Foundation
import Funds
import Registry
import Storage
import Testing
import WuyeCore

/// The common fund on both databases: the ledger balances after every entry, nothing can be
/// changed or deleted, approvals are enforced, and the statement and flags follow the ledger.
@Suite(.serialized)
struct CommonFundStoreTests {
    @Test(arguments: TestBackend.available)
    func theLedgerBalancesCannotBeEditedAndFlagsWhatLacksApproval(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let funds = CommonFunds(database: db, clock: ManualClock(Date(timeIntervalSince1970: 1_795_000_000)))  // 2026-11-18
        let committee = AuditActor(accountID: nil, label: "业委会主任")
        func balanced() async throws -> Bool { let t = try await funds.trialBalance(compound: 1); return t.debits == t.credits }
        let empty = await #expect(throws: DomainError.self) {
            try await funds.post(.expense, category: .repairs, amount: "1", on: "2026-10-30", memo: "无余额", approval: .committeeDecision("1 号"),
                                 compound: 1, by: committee)
        }
        #expect(empty?.code == "insufficient_balance")
        try await funds.post(.income, category: .parking, amount: "12000", on: "2026-10-31", memo: "10 月停车收益", approval: nil, compound: 1, by: committee)
        #expect(try await balanced())
        try await funds.post(.income, category: .advertising, amount: "3000.50", on: "2026-11-02", memo: "电梯广告", approval: nil, compound: 1, by: committee)
        let repair = try await funds.post(.expense, category: .repairs, amount: "800", on: "2026-11-05", memo: "更换单元门禁",
                                          approval: .committeeDecision("业委会〔2026〕5 号"), compound: 1, by: committee)
        let charge = try await funds.post(.expense, category: .bankCharges, amount: "2", on: "2026-11-06", memo: "银行手续费（对账单）",
                                          approval: nil, compound: 1, by: committee)
        #expect(try await balanced())
        let big = await #expect(throws: DomainError.self) {
            try await funds.post(.expense, category: .facilities, amount: "60000", on: "2026-11-07", memo: "更换电梯",
                                 approval: .committeeDecision("业委会〔2026〕6 号"), compound: 1, by: committee)
        }
        #expect(big?.code == "assembly_required")
        let notPassed = await #expect(throws: DomainError.self) {
            try await funds.post(.expense, category: .facilities, amount: "60000", on: "2026-11-07", memo: "更换电梯",
                                 approval: .assemblyMotion(decision: "业委会〔2026〕6 号", meetingID: 999, motion: 1), compound: 1, by: committee)
        }
        #expect(notPassed?.code == "motion_not_passed")
        let entries = try await db.count("common_fund_entries")

        var statement = try await funds.statement(compound: 1, month: "2026-11")
        #expect(statement.opening == Fen(1_200_000) && statement.closing == Fen(1_200_000 + 300_050 - 80_000 - 200))
        #expect(statement.entries.first { $0.id == charge }?.unapproved == true)
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        #expect(try await funds.supervision(in: district).first?.unapproved == 1)
        try await funds.approve(entry: charge, approval: .committeeDecision("业委会〔2026〕7 号"), compound: 1, by: committee)
        await #expect(throws: DomainError.self) {
            try await funds.approve(entry: charge, approval: .committeeDecision("again"), compound: 1, by: committee)
        }
        try await funds.reverse(entry: repair, reason: "金额录错", compound: 1, by: committee)
        await #expect(throws: DomainError.self) { try await funds.reverse(entry: repair, reason: "再次冲销", compound: 1, by: committee) }
        #expect(try await balanced())
        statement = try await funds.statement(compound: 1, month: "2026-11")
        #expect(statement.closing == Fen(1_200_000 + 300_050 - 200) && statement.expense.first { $0.account == .repairs }?.amount == .zero)
        try await funds.recordBankStatement(month: "2026-11", balance: "15000.00", compound: 1, by: committee)
        #expect(try await funds.supervision(in: district).first?.mismatchedMonths == ["2026-11"])
        try await funds.recordBankStatement(month: "2026-11", balance: "14998.50", compound: 1, by: committee)
        #expect(try await funds.supervision(in: district).first?.flagged == false)

        // The database itself refuses to change or remove an entry or a line.
        for statement in ["UPDATE common_fund_entries SET amount_fen = 1", "DELETE FROM common_fund_lines",
                          "DELETE FROM common_fund_approvals"] {
            await #expect(throws: (any Error).self) { try await db.write { sql in try await sql.raw(SQLQueryString(statement)).run() } }
        }
        #expect(try await db.count("common_fund_entries") == entries + 1)
    }
}

import SQLKit
