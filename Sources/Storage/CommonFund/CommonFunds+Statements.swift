import Assembly
import Foundation
import Funds
import SQLKit
import WuyeCore

extension CommonFunds {
    public struct Entry: Sendable, Equatable {
        public let id: Int64
        public let postedOn: String
        public let kind: Kind
        public let category: CommonFundAccount
        public let amount: Fen
        public let memo: String
        public let approval: String?
        public let reversed: Bool
        /// An expense with no approval attached: flagged for the subdistrict.
        public var unapproved: Bool { kind == .expense && approval == nil }
    }

    /// A month's statement: what came in and went out by category (reversals netted), the balances,
    /// the entries, and the bank's balance if recorded.
    public struct Statement: Sendable, Equatable {
        public let month: String
        public let opening: Fen
        public let closing: Fen
        public let income: [CategoryTotal]
        public let expense: [CategoryTotal]
        public let entries: [Entry]
        public let bankBalance: Fen?
        public var reconciles: Bool? { bankBalance.map { $0 == closing } }
    }

    public struct CategoryTotal: Sendable, Equatable {
        public let account: CommonFundAccount
        public let amount: Fen
    }

    static func monthRange(_ month: String) throws -> (String, String) {
        let period = try BillingPeriod(first: month, months: 1)
        let next = period.month == 12 ? "\(period.year + 1)-01" : "\(period.year)-" + (period.month < 9 ? "0" : "") + "\(period.month + 1)"
        return (period.key + "-01", next + "-01")
    }

    public func statement(compound: Int64, month: String) async throws -> Statement {
        let (from, until) = try Self.monthRange(month)
        return try await database.read { sql in
            func sum(_ condition: SQLQueryString) async throws -> [String: Int64] {
                var query: SQLQueryString = """
                    SELECT l.account, CAST(SUM(l.debit_fen - l.credit_fen) AS BIGINT) AS net FROM common_fund_lines l
                    JOIN common_fund_entries e ON e.id = l.entry_id WHERE l.compound_id = \(bind: compound) AND
                    """
                query += " "
                query += condition
                query += " GROUP BY l.account"
                var result: [String: Int64] = [:]
                for row in try await sql.raw(query).all() {
                    result[try row.decode(column: "account", as: String.self)] = try row.decode(column: "net", as: Int64.self)
                }
                return result
            }
            let before = try await sum("e.posted_on < \(bind: from)")
            let during = try await sum("e.posted_on >= \(bind: from) AND e.posted_on < \(bind: until)")
            let opening = before["bank"] ?? 0
            let entries = try await Self.entries(compound: compound, from: from, until: until, sql: sql)
            let bank = try await sql.raw("SELECT balance_fen FROM bank_statements WHERE compound_id = \(bind: compound) AND month = \(bind: String(from.prefix(7)))")
                .first()?.decode(column: "balance_fen", as: Int64.self)
            return Statement(month: String(from.prefix(7)), opening: Fen(opening), closing: Fen(opening + (during["bank"] ?? 0)),
                             income: CommonFundAccount.incomes.compactMap { account in during[account.rawValue].map { CategoryTotal(account: account, amount: Fen(-$0)) } },
                             expense: CommonFundAccount.expenses.compactMap { account in during[account.rawValue].map { CategoryTotal(account: account, amount: Fen($0)) } },
                             entries: entries, bankBalance: bank.map { Fen($0) })
        }
    }

    static func entries(compound: Int64, from: String, until: String, sql: any SQLDatabase) async throws -> [Entry] {
        try await sql.raw("""
            SELECT e.id, e.posted_on, e.kind, e.category, e.amount_fen, e.memo, a.decision,
                   EXISTS (SELECT 1 FROM common_fund_entries r WHERE r.reverses_id = e.id) AS reversed
            FROM common_fund_entries e LEFT JOIN common_fund_approvals a ON a.entry_id = e.id
            WHERE e.compound_id = \(bind: compound) AND e.posted_on >= \(bind: from) AND e.posted_on < \(bind: until)
            ORDER BY e.posted_on, e.id
            """).all().map { row in
            Entry(id: try row.decode(column: "id", as: Int64.self), postedOn: try row.decode(column: "posted_on", as: String.self),
                  kind: Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .income,
                  category: CommonFundAccount(rawValue: try row.decode(column: "category", as: String.self)) ?? .otherIncome,
                  amount: Fen(try row.decode(column: "amount_fen", as: Int64.self)), memo: try row.decode(column: "memo", as: String.self),
                  approval: try row.decode(column: "decision", as: String?.self), reversed: try row.decode(column: "reversed", as: Bool.self))
        }
    }

    /// The months with entries, newest first: each is a statement owners can read once it has ended.
    public func months(compound: Int64) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT DISTINCT SUBSTR(posted_on, 1, 7) AS month FROM common_fund_entries WHERE compound_id = \(bind: compound) ORDER BY month DESC
                """).all().map { try $0.decode(column: "month", as: String.self) }
        }
    }

    /// Debits and credits over the whole ledger: always equal.
    public func trialBalance(compound: Int64) async throws -> (debits: Int64, credits: Int64) {
        try await database.read { sql in
            let row = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(debit_fen), 0) AS BIGINT) AS d, CAST(COALESCE(SUM(credit_fen), 0) AS BIGINT) AS c
                FROM common_fund_lines WHERE compound_id = \(bind: compound)
                """).first()
            return (try row?.decode(column: "d", as: Int64.self) ?? 0, try row?.decode(column: "c", as: Int64.self) ?? 0)
        }
    }

    /// For the subdistrict: each compound in `division` with a ledger — its balance, expenses still
    /// without approval, and months whose bank statement disagrees with the ledger.
    public struct Supervision: Sendable, Equatable {
        public let compoundID: Int64
        public let name: String
        public let balance: Fen
        public let unapproved: Int
        public let mismatchedMonths: [String]
        public var flagged: Bool { unapproved > 0 || !mismatchedMonths.isEmpty }
    }

    public func supervision(in division: DivisionCode) async throws -> [Supervision] {
        try await database.read { sql in
            let rows = try await sql.raw("""
                SELECT c.id, c.name,
                       (SELECT CAST(COALESCE(SUM(l.debit_fen - l.credit_fen), 0) AS BIGINT) FROM common_fund_lines l
                        WHERE l.compound_id = c.id AND l.account = 'bank') AS balance,
                       (SELECT CAST(COUNT(*) AS BIGINT) FROM common_fund_entries e WHERE e.compound_id = c.id AND e.kind = 'expense'
                          AND NOT EXISTS (SELECT 1 FROM common_fund_approvals a WHERE a.entry_id = e.id)
                          AND NOT EXISTS (SELECT 1 FROM common_fund_entries r WHERE r.reverses_id = e.id)) AS unapproved
                FROM compounds c
                WHERE c.community_code LIKE \(bind: division.sharedPrefix + "%")
                  AND EXISTS (SELECT 1 FROM common_fund_entries e WHERE e.compound_id = c.id)
                ORDER BY c.name LIMIT 1000
                """).all().map { row in
                (id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                 balance: try row.decode(column: "balance", as: Int64.self), unapproved: Int(try row.decode(column: "unapproved", as: Int64.self)))
            }
            guard !rows.isEmpty else { return [] }
            // Each bank statement against the ledger's bank balance at that month's end, in one read.
            var mismatched: [Int64: [String]] = [:]
            for row in try await sql.raw("""
                SELECT s.compound_id, s.month FROM bank_statements s
                WHERE s.compound_id IN (\(binds: rows.map(\.id))) AND s.balance_fen <>
                      (SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM common_fund_lines l JOIN common_fund_entries e ON e.id = l.entry_id
                       WHERE l.compound_id = s.compound_id AND l.account = 'bank' AND SUBSTR(e.posted_on, 1, 7) <= s.month)
                ORDER BY s.month
                """).all() {
                mismatched[try row.decode(column: "compound_id", as: Int64.self), default: []].append(try row.decode(column: "month", as: String.self))
            }
            let result = rows.map { Supervision(compoundID: $0.id, name: $0.name, balance: Fen($0.balance), unapproved: $0.unapproved,
                                                mismatchedMonths: mismatched[$0.id] ?? []) }
            return result.filter(\.flagged) + result.filter { !$0.flagged }
        }
    }
}

extension CommonFunds {
    /// Motions the compound's assembly passed, newest first: what a large expense may cite.
    public func passedMotions(compound: Int64) async throws -> [(meetingID: Int64, motion: Int, title: String)] {
        try await database.read { sql in
            var passed: [(Int64, Int, String)] = []
            for row in try await sql.raw("""
                SELECT id, results_json FROM meetings WHERE compound_id = \(bind: compound) AND status = 'closed' ORDER BY id DESC LIMIT 20
                """).all() {
                let meeting = try row.decode(column: "id", as: Int64.self)
                guard let json = try row.decode(column: "results_json", as: String?.self),
                      let results = try? JSONDecoder().decode([MotionResult].self, from: Data(json.utf8)) else { continue }
                let titles = Dictionary(uniqueKeysWithValues: try await sql.raw("SELECT number, title FROM motions WHERE meeting_id = \(bind: meeting)").all().map {
                    (Int(try $0.decode(column: "number", as: Int64.self)), try $0.decode(column: "title", as: String.self))
                })
                for result in results where result.passed { passed.append((meeting, result.motionID, titles[result.motionID] ?? "")) }
            }
            return passed
        }
    }
}
