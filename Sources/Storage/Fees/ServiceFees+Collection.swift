import Foundation
import Funds
import SQLKit
import WuyeCore

extension ServiceFees {
    /// A bill as the pages list it.
    public struct Bill: Sendable, Equatable {
        public let id: Int64
        public let compoundID: Int64
        public let homeID: Int64
        public let homeLabel: String
        public let period: String
        public let months: Int
        public let payer: FeePayer
        public let area: Int64
        public let amount: Fen
        public let paid: Fen
        public let reminders: Int
        public var outstanding: Fen { Fen(amount.rawValue - paid.rawValue) }
    }

    static let billColumns = """
        b.id, b.compound_id, b.home_id, b.payer, b.area_centi, b.amount_fen, b.paid_fen, p.period_key, p.months,
        bd.number AS building, u.number AS unit, h.number AS home,
        (SELECT CAST(COUNT(*) AS BIGINT) FROM fee_reminders r WHERE r.bill_id = b.id) AS reminders
        FROM fee_bills b JOIN fee_periods p ON p.id = b.period_id JOIN homes h ON h.id = b.home_id
        JOIN units u ON u.id = h.unit_id JOIN buildings bd ON bd.id = h.building_id
        """

    static func bill(_ row: any SQLRow) throws -> Bill {
        Bill(id: try row.decode(column: "id", as: Int64.self), compoundID: try row.decode(column: "compound_id", as: Int64.self),
             homeID: try row.decode(column: "home_id", as: Int64.self),
             homeLabel: "\(try row.decode(column: "building", as: String.self))号楼\(try row.decode(column: "unit", as: String.self))单元\(try row.decode(column: "home", as: String.self))",
             period: try row.decode(column: "period_key", as: String.self), months: Int(try row.decode(column: "months", as: Int64.self)),
             payer: FeePayer(rawValue: try row.decode(column: "payer", as: String.self)) ?? .owner,
             area: try row.decode(column: "area_centi", as: Int64.self), amount: Fen(try row.decode(column: "amount_fen", as: Int64.self)),
             paid: Fen(try row.decode(column: "paid_fen", as: Int64.self)), reminders: Int(try row.decode(column: "reminders", as: Int64.self)))
    }

    public func bill(id: Int64) async throws -> Bill? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.billColumns) WHERE b.id = \(bind: id)").first().map(Self.bill)
        }
    }

    /// The bills of some homes (an owner's), newest first.
    public func bills(ofHomes homes: [Int64]) async throws -> [Bill] {
        guard !homes.isEmpty else { return [] }
        return try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.billColumns) WHERE b.home_id IN (\(binds: homes)) ORDER BY p.period_key DESC, b.id LIMIT 200")
                .all().map(Self.bill)
        }
    }

    /// A compound's bills with something outstanding (all periods), largest first: the arrears list.
    public func arrears(compound: Int64, limit: Int = 2000) async throws -> [Bill] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT \(unsafeRaw: Self.billColumns) WHERE b.compound_id = \(bind: compound) AND b.paid_fen < b.amount_fen
                ORDER BY b.amount_fen - b.paid_fen DESC, b.id LIMIT \(unsafeRaw: String(max(1, min(limit, 10_000))))
                """).all().map(Self.bill)
        }
    }

    /// The periods billed in a compound with their totals, newest first.
    public func periods(compound: Int64) async throws -> [(key: String, months: Int, billed: Fen, collected: Fen)] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT p.period_key, p.months, t.billed_fen, t.collected_fen FROM fee_periods p
                JOIN fee_totals t ON t.compound_id = p.compound_id AND t.period_key = p.period_key
                WHERE p.compound_id = \(bind: compound) ORDER BY p.period_key DESC
                """).all().map { row in
                (try row.decode(column: "period_key", as: String.self), Int(try row.decode(column: "months", as: Int64.self)),
                 Fen(try row.decode(column: "billed_fen", as: Int64.self)), Fen(try row.decode(column: "collected_fen", as: Int64.self)))
            }
        }
    }

    /// Records a payment against a bill: full or partial, never more than is owed (checked again
    /// inside the transaction, so two clerks at once cannot overpay), with the compound's total.
    @discardableResult
    public func pay(bill id: Int64, amount: String, method: String, receiptNumber: String, invoiceNumber: String?,
                    by actor: AuditActor) async throws -> Fen {
        let now = clock.now()
        return try await database.write { sql in
            guard let bill = try await sql.raw("""
                SELECT b.compound_id, b.amount_fen, b.paid_fen, p.period_key FROM fee_bills b JOIN fee_periods p ON p.id = b.period_id
                WHERE b.id = \(bind: id)
                """).first() else {
                throw DomainError(code: "no_such_bill", message: "没有这张账单", english: "no such bill", field: "bill")
            }
            let compound = try bill.decode(column: "compound_id", as: Int64.self)
            let owed = Fen(try bill.decode(column: "amount_fen", as: Int64.self) - (try bill.decode(column: "paid_fen", as: Int64.self)))
            let payment = try FeePayment(amount: amount, method: method, receiptNumber: receiptNumber, outstanding: owed)
            let invoice = invoiceNumber?.trimmedWhitespace
            guard (invoice?.count ?? 0) <= 40 else {
                throw DomainError(code: "invalid_invoice", message: "发票号码最多 40 个字符", english: "an invoice number has at most 40 characters",
                                  field: "invoice_number")
            }
            guard try await sql.raw("""
                UPDATE fee_bills SET paid_fen = paid_fen + \(bind: payment.amount.rawValue)
                WHERE id = \(bind: id) AND paid_fen + \(bind: payment.amount.rawValue) <= amount_fen RETURNING id
                """).first() != nil else {
                throw DomainError(code: "overpayment", message: "账单刚被他人缴费，请刷新后再试", english: "the bill changed meanwhile", field: "amount")
            }
            try await sql.raw("""
                INSERT INTO fee_payments (bill_id, compound_id, amount_fen, method, receipt_number, invoice_number, paid_at, recorded_by_label)
                VALUES (\(bind: id), \(bind: compound), \(bind: payment.amount.rawValue), \(bind: payment.method.rawValue),
                        \(bind: payment.receiptNumber), \(bind: invoice?.isEmpty == false ? invoice : nil), \(bind: Int64(now.timeIntervalSince1970)),
                        \(bind: actor.label))
                """).run()
            try await sql.raw("""
                UPDATE fee_totals SET collected_fen = collected_fen + \(bind: payment.amount.rawValue)
                WHERE compound_id = \(bind: compound) AND period_key = \(bind: try bill.decode(column: "period_key", as: String.self))
                """).run()
            try await AuditLog.append(AuditChange(action: "fee.payment", targetType: "fee_bill", targetID: String(id),
                                                  after: ["amount_fen": String(payment.amount.rawValue), "method": payment.method.rawValue,
                                                          "receipt": payment.receiptNumber]),
                                      by: actor, at: now, sql: sql)
            return Fen(owed.rawValue - payment.amount.rawValue)
        }
    }

    /// A reminder to pay, as the law allows: a notice and a reasonable deadline — never cutting
    /// water, power, heat or gas (Civil Code Art. 944; Shandong Art. 64).
    public func remind(bill id: Int64, note raw: String, by actor: AuditActor) async throws {
        let note = raw.trimmedWhitespace
        guard (1...500).contains(note.count) else {
            throw DomainError(code: "note_required", message: "请填写催缴说明（如：请于 15 日内缴纳）", english: "a reminder says what and by when",
                              field: "note")
        }
        let now = clock.now()
        try await database.write { sql in
            guard let compound = try await sql.raw("SELECT compound_id FROM fee_bills WHERE id = \(bind: id) AND paid_fen < amount_fen").first()?
                .decode(column: "compound_id", as: Int64.self) else {
                throw DomainError(code: "nothing_owed", message: "这张账单没有欠费", english: "nothing is owed on this bill", field: "bill")
            }
            try await sql.raw("""
                INSERT INTO fee_reminders (bill_id, compound_id, note, sent_by_label, sent_at)
                VALUES (\(bind: id), \(bind: compound), \(bind: note), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "fee.reminder", targetType: "fee_bill", targetID: String(id), after: ["note": note]),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// Billed and collected for a period, per child of `division` (or per compound under a
    /// community) and in total: the collection rate at every level, from the maintained totals.
    public func collection(in division: DivisionCode, period: String) async throws -> (children: [CollectionLine], total: CollectionLine) {
        try await database.read { sql in
            let childLength = division.level == .community ? 0 : division.level == .subdistrict ? 12 : division.level == .district ? 9 : 6
            let group: SQLQueryString = childLength == 0 ? "CAST(c.id AS TEXT)" : "SUBSTR(c.community_code, 1, \(unsafeRaw: String(childLength)))"
            var query: SQLQueryString = "SELECT "
            query += group
            query += """
                 AS child, CAST(SUM(t.billed_fen) AS BIGINT) AS billed, CAST(SUM(t.collected_fen) AS BIGINT) AS collected
                FROM fee_totals t JOIN compounds c ON c.id = t.compound_id
                WHERE t.period_key = \(bind: period) AND c.community_code LIKE \(bind: division.sharedPrefix + "%")
                GROUP BY
                """
            query += " "
            query += group
            let rows = try await sql.raw(query).all().map { row in
                CollectionLine(key: try row.decode(column: "child", as: String.self), name: "",
                               billed: try row.decode(column: "billed", as: Int64.self), collected: try row.decode(column: "collected", as: Int64.self))
            }
            var names: [String: String] = [:]
            if childLength == 0 {
                for row in try await sql.raw("SELECT CAST(id AS TEXT) AS k, name FROM compounds WHERE community_code = \(bind: division.rawValue)").all() {
                    names[try row.decode(column: "k", as: String.self)] = try row.decode(column: "name", as: String.self)
                }
            } else if !rows.isEmpty {
                for row in try await sql.raw("SELECT code, name FROM divisions WHERE code IN (\(binds: rows.map(\.key)))").all() {
                    names[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
                }
            }
            let children = rows.map { CollectionLine(key: $0.key, name: names[$0.key] ?? $0.key, billed: $0.billed, collected: $0.collected) }
                .sorted { $0.key < $1.key }
            let total = CollectionLine(key: division.rawValue, name: "", billed: children.reduce(0) { $0 + $1.billed },
                                       collected: children.reduce(0) { $0 + $1.collected })
            return (children, total)
        }
    }
}

/// One line of a collection report: billed and collected fen and the rate.
public struct CollectionLine: Sendable, Equatable {
    public let key: String
    public let name: String
    public let billed: Int64
    public let collected: Int64
    public var permille: Int? { CollectionRate.permille(collected: collected, billed: billed) }
}
