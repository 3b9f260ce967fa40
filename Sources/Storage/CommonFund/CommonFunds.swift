import Assembly
import Foundation
import Funds
import SQLKit
import WuyeCore

/// Each compound's common fund as a double-entry ledger in the owners' assembly's name. Income is
/// recorded by the committee or the serving company (which collects parking and advertising money
/// for the owners); expenses only by the committee, with their approval; corrections only by
/// reversal. Every write is one transaction with its audit entry, and the database refuses to
/// change or delete an entry.
public struct CommonFunds: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public enum Kind: String, Sendable { case income, expense, reversal }

    /// Records an entry on `day` (not in the future). An expense carries its approval, or none when
    /// it is entered from the bank statement first — then it is flagged until one is attached.
    @discardableResult
    public func post(_ kind: Kind, category: CommonFundAccount, amount raw: String, on day: String, memo raw2: String,
                     approval: ExpenseApproval?, compound: Int64, by actor: AuditActor) async throws -> Int64 {
        let amount: Fen
        do { amount = try Fen.parse(yuan: raw) } catch { throw error.on(field: "amount") }
        let entry = kind == .income ? try JournalEntry.income(category, amount: amount) : try JournalEntry.expense(category, amount: amount)
        let posted = try CivilDate.typed(day, notAfter: CivilDate.inChina(clock.now()))
        let memo = raw2.trimmedWhitespace
        guard (1...200).contains(memo.count) else {
            throw DomainError(code: "memo_required", message: "请填写摘要（200 字以内）", english: "a memo of 1 to 200 characters", field: "memo")
        }
        let now = clock.now()
        return try await database.write { sql in
            if let approval { try await Self.check(approval, amount: amount, compound: compound, sql: sql) }
            if kind == .expense {
                // The account is a bank account: it cannot pay out more than it holds.
                let balance = try await sql.raw("""
                    SELECT CAST(COALESCE(SUM(debit_fen - credit_fen), 0) AS BIGINT) AS balance FROM common_fund_lines
                    WHERE compound_id = \(bind: compound) AND account = 'bank'
                    """).first()?.decode(column: "balance", as: Int64.self) ?? 0
                guard amount.rawValue <= balance else {
                    throw DomainError(code: "insufficient_balance", message: "共有资金余额 \(Fen(balance)) 元，不足以支出 \(amount) 元",
                                      english: "the fund holds less than the expense", field: "amount")
                }
            }
            let id = try await Self.insert(kind: kind.rawValue, category: category, amount: amount, posted: posted, memo: memo, reverses: nil,
                                           entry: entry, compound: compound, actor: actor, at: now, sql: sql)
            if let approval { try await Self.attach(approval, to: id, actor: actor, at: now, sql: sql) }
            try await AuditLog.append(AuditChange(action: "common_fund.\(kind.rawValue)", targetType: "compound", targetID: String(compound),
                                                  after: ["entry": String(id), "category": category.rawValue, "amount_fen": String(amount.rawValue),
                                                          "approval": approval?.decision ?? "none"]),
                                      by: actor, at: now, sql: sql)
            return id
        }
    }

    /// Attaches an approval to an expense posted without one.
    public func approve(entry id: Int64, approval: ExpenseApproval, compound: Int64, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard let row = try await sql.raw("""
                SELECT amount_fen FROM common_fund_entries e WHERE id = \(bind: id) AND compound_id = \(bind: compound) AND kind = 'expense'
                  AND NOT EXISTS (SELECT 1 FROM common_fund_approvals a WHERE a.entry_id = e.id)
                """).first() else {
                throw DomainError(code: "nothing_to_approve", message: "这笔支出不存在或已有审批", english: "no unapproved expense", field: "entry")
            }
            try await Self.check(approval, amount: Fen(try row.decode(column: "amount_fen", as: Int64.self)), compound: compound, sql: sql)
            try await Self.attach(approval, to: id, actor: actor, at: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "common_fund.approve", targetType: "compound", targetID: String(compound),
                                                  after: ["entry": String(id), "decision": approval.decision]), by: actor, at: now, sql: sql)
        }
    }

    /// Corrects an entry by its reversal, once.
    @discardableResult
    public func reverse(entry id: Int64, reason raw: String, compound: Int64, by actor: AuditActor) async throws -> Int64 {
        let reason = raw.trimmedWhitespace
        guard (1...200).contains(reason.count) else {
            throw DomainError(code: "reason_required", message: "请写明冲销原因", english: "give the reason for the reversal", field: "reason")
        }
        let now = clock.now()
        return try await database.write { sql in
            guard let row = try await sql.raw("""
                SELECT category, amount_fen FROM common_fund_entries e WHERE id = \(bind: id) AND compound_id = \(bind: compound) AND kind <> 'reversal'
                  AND NOT EXISTS (SELECT 1 FROM common_fund_entries r WHERE r.reverses_id = e.id)
                """).first() else {
                throw DomainError(code: "cannot_reverse", message: "这笔记录不存在或已冲销", english: "no such entry, or already reversed", field: "entry")
            }
            let lines = try await sql.raw("SELECT account, debit_fen, credit_fen FROM common_fund_lines WHERE entry_id = \(bind: id) ORDER BY line_no")
                .all().map { line in
                    JournalLine(account: CommonFundAccount(rawValue: try line.decode(column: "account", as: String.self)) ?? .bank,
                                debit: Fen(try line.decode(column: "debit_fen", as: Int64.self)), credit: Fen(try line.decode(column: "credit_fen", as: Int64.self)))
                }
            let category = CommonFundAccount(rawValue: try row.decode(column: "category", as: String.self)) ?? .otherIncome
            let reversal = try await Self.insert(kind: Kind.reversal.rawValue, category: category, amount: Fen(try row.decode(column: "amount_fen", as: Int64.self)),
                                                 posted: CivilDate.inChina(now), memo: "冲销第 \(id) 号：\(reason)", reverses: id,
                                                 entry: JournalEntry.reversal(of: lines), compound: compound, actor: actor, at: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "common_fund.reverse", targetType: "compound", targetID: String(compound),
                                                  after: ["entry": String(reversal), "reverses": String(id), "reason": reason]), by: actor, at: now, sql: sql)
            return reversal
        }
    }

    /// The bank's balance at a month's end, as its statement shows; a ledger that disagrees is flagged.
    public func recordBankStatement(month raw: String, balance: String, compound: Int64, by actor: AuditActor) async throws {
        let month = try BillingPeriod(first: raw, months: 1).key
        let fen: Fen
        do { fen = try Fen.parse(yuan: balance) } catch { throw error.on(field: "balance") }
        let now = clock.now()
        try await database.write { sql in
            try await sql.raw("DELETE FROM bank_statements WHERE compound_id = \(bind: compound) AND month = \(bind: month)").run()
            try await sql.raw("""
                INSERT INTO bank_statements (compound_id, month, balance_fen, recorded_by_label, recorded_at)
                VALUES (\(bind: compound), \(bind: month), \(bind: fen.rawValue), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "common_fund.bank_statement", targetType: "compound", targetID: String(compound),
                                                  after: ["month": month, "balance_fen": String(fen.rawValue)]), by: actor, at: now, sql: sql)
        }
    }

    // MARK: inside the transaction

    static func check(_ approval: ExpenseApproval, amount: Fen, compound: Int64, sql: any SQLDatabase) async throws {
        let set = try await sql.raw("SELECT assembly_above_fen FROM common_fund_settings WHERE compound_id = \(bind: compound)").first()?
            .decode(column: "assembly_above_fen", as: Int64.self)
        let above = set.map { Fen($0) } ?? ExpenseApproval.defaultAssemblyAbove
        try approval.check(amount: amount, assemblyAbove: above)
        guard case .assemblyMotion(_, let meeting, let motion) = approval else { return }
        guard let row = try await sql.raw("""
            SELECT results_json FROM meetings WHERE id = \(bind: meeting) AND compound_id = \(bind: compound) AND status = 'closed'
            """).first(), let json = try row.decode(column: "results_json", as: String?.self),
              let results = try? JSONDecoder().decode([MotionResult].self, from: Data(json.utf8)),
              results.first(where: { $0.motionID == motion })?.passed == true else {
            throw DomainError(code: "motion_not_passed", message: "所选议题不是本小区业主大会已表决通过的议题", english: "the motion is not one this compound's assembly passed",
                              field: "motion")
        }
    }

    static func insert(kind: String, category: CommonFundAccount, amount: Fen, posted: CivilDate, memo: String, reverses: Int64?,
                       entry: JournalEntry, compound: Int64, actor: AuditActor, at now: Date, sql: any SQLDatabase) async throws -> Int64 {
        precondition(entry.isBalanced, "a journal entry is balanced by construction")
        guard let row = try await sql.raw("""
            INSERT INTO common_fund_entries (compound_id, kind, category, amount_fen, posted_on, memo, reverses_id, recorded_by_label, recorded_at)
            VALUES (\(bind: compound), \(bind: kind), \(bind: category.rawValue), \(bind: amount.rawValue), \(bind: posted.text), \(bind: memo),
                    \(bind: reverses), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
            RETURNING id
            """).first() else { throw AuditLogMissing() }
        let id = try row.decode(column: "id", as: Int64.self)
        try await BulkInsert.insert(sql, into: "common_fund_lines", columns: ["entry_id", "line_no", "compound_id", "account", "debit_fen", "credit_fen"],
                                    rows: entry.lines.enumerated().map { index, line in
            [.int(id), .int(Int64(index + 1)), .int(compound), .text(line.account.rawValue), .int(line.debit.rawValue), .int(line.credit.rawValue)]
        })
        return id
    }

    static func attach(_ approval: ExpenseApproval, to id: Int64, actor: AuditActor, at now: Date, sql: any SQLDatabase) async throws {
        var meeting: Int64?, motion: Int64?
        if case .assemblyMotion(_, let m, let n) = approval { meeting = m; motion = Int64(n) }
        try await sql.raw("""
            INSERT INTO common_fund_approvals (entry_id, decision, meeting_id, motion_number, approved_by_label, approved_at)
            VALUES (\(bind: id), \(bind: approval.decision.trimmedWhitespace), \(bind: meeting), \(bind: motion), \(bind: actor.label),
                    \(bind: Int64(now.timeIntervalSince1970)))
            """).run()
    }
}
