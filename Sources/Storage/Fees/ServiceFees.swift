import Foundation
import Funds
import SQLKit
import WuyeCore

/// Service fees in the database: a compound's standard, bills issued for a period (one per home,
/// computed in one statement), payments and reminders, and the per-compound totals the collection
/// rate reads. Every write is one transaction with its audit entry; amounts only ever grow by
/// payments, and a bill is never edited.
public struct ServiceFees: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// A compound's standard: a base rate, and rates by building kind for the homes in buildings whose
    /// kind is recorded (多层 and 高层 homes are charged differently under Qingdao's guide prices).
    public struct Standard: Sendable, Equatable {
        public let rate: FeeRate
        public let method: FeeMethod
        public let byKind: [BuildingKind: FeeRate]

        public init(rate: FeeRate, method: FeeMethod, byKind: [BuildingKind: FeeRate] = [:]) {
            self.rate = rate
            self.method = method
            self.byKind = byKind
        }

        public func rate(for kind: BuildingKind?) -> FeeRate { kind.flatMap { byKind[$0] } ?? rate }
    }

    public func standard(compound: Int64) async throws -> Standard? {
        try await database.read { sql in
            guard let row = try await sql.raw("SELECT rate_milli, method FROM fee_standards WHERE compound_id = \(bind: compound)").first()
            else { return nil }
            var byKind: [BuildingKind: FeeRate] = [:]
            for rate in try await sql.raw("SELECT building_kind, rate_milli FROM fee_standard_rates WHERE compound_id = \(bind: compound)").all() {
                if let kind = BuildingKind(rawValue: try rate.decode(column: "building_kind", as: String.self)) {
                    byKind[kind] = try FeeRate(milliYuan: try rate.decode(column: "rate_milli", as: Int64.self))
                }
            }
            return Standard(rate: try FeeRate(milliYuan: try row.decode(column: "rate_milli", as: Int64.self)),
                            method: FeeMethod(rawValue: try row.decode(column: "method", as: String.self)) ?? .lumpSum, byKind: byKind)
        }
    }

    /// Sets (or changes) a compound's standard for the periods billed from now on.
    public func setStandard(_ standard: Standard, compound: Int64, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            let before = try await sql.raw("SELECT rate_milli FROM fee_standards WHERE compound_id = \(bind: compound)").first()?
                .decode(column: "rate_milli", as: Int64.self)
            try await sql.raw("DELETE FROM fee_standards WHERE compound_id = \(bind: compound)").run()
            try await sql.raw("DELETE FROM fee_standard_rates WHERE compound_id = \(bind: compound)").run()
            try await BulkInsert.insert(sql, into: "fee_standard_rates", columns: ["compound_id", "building_kind", "rate_milli"],
                                        rows: standard.byKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { [.int(compound), .text($0.key.rawValue), .int($0.value.milliYuan)] })
            try await sql.raw("""
                INSERT INTO fee_standards (compound_id, rate_milli, method, set_by_label, set_at)
                VALUES (\(bind: compound), \(bind: standard.rate.milliYuan), \(bind: standard.method.rawValue), \(bind: actor.label),
                        \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "fee_standard.set", targetType: "compound", targetID: String(compound),
                                                  before: before.map { ["rate_milli": String($0)] },
                                                  after: ["rate_milli": String(standard.rate.milliYuan), "method": standard.method.rawValue]
                                                    .merging(standard.byKind.map { ("rate_milli_\($0.key.rawValue)", String($0.value.milliYuan)) }) { a, _ in a }),
                                      by: actor, at: now, sql: sql)
        }
    }

    public struct Issued: Sendable, Equatable {
        public let bills: Int
        public let total: Fen
    }

    /// Bills every home of the compound for the period at its standard: the owner for delivered
    /// homes, the developer for the rest (Qingdao Art. 51), area × rate × months rounded half up
    /// once per line. A period is billed once.
    @discardableResult
    public func issue(_ period: BillingPeriod, compound: Int64, by actor: AuditActor) async throws -> Issued {
        let now = clock.now()
        return try await database.write { sql in try await Self.issue(period, compound: compound, by: actor, at: now, sql: sql) }
    }

    static func issue(_ period: BillingPeriod, compound: Int64, by actor: AuditActor, at now: Date, sql: any SQLDatabase) async throws -> Issued {
        guard let rate = try await sql.raw("SELECT rate_milli FROM fee_standards WHERE compound_id = \(bind: compound)").first()?
            .decode(column: "rate_milli", as: Int64.self) else {
            throw DomainError(code: "no_fee_standard", message: "请先设定本小区的收费标准", english: "set the compound's fee standard first",
                              field: "rate")
        }
        if try await sql.raw("""
            SELECT id FROM fee_periods WHERE compound_id = \(bind: compound) AND period_key = \(bind: period.key)
            """).first() != nil {
            throw DomainError(code: "already_billed", message: "\(period.key) 起的账期已经开过账单", english: "this period is already billed",
                              field: "period")
        }
        guard let row = try await sql.raw("""
            INSERT INTO fee_periods (compound_id, period_key, months, rate_milli, issued_by_label, issued_at)
            VALUES (\(bind: compound), \(bind: period.key), \(bind: Int64(period.months)), \(bind: rate), \(bind: actor.label),
                    \(bind: Int64(now.timeIntervalSince1970)))
            RETURNING id
            """).first() else { throw AuditLogMissing() }
        let periodID = try row.decode(column: "id", as: Int64.self)
        // Half up to the fen: (area × rate × months + 500) / 1000, in integers on both databases. A home
        // in a building of a kind with its own rate pays that rate; the join is made only when there is one.
        if try await sql.raw("SELECT 1 FROM fee_standard_rates WHERE compound_id = \(bind: compound)").first() == nil {
            try await sql.raw("""
                INSERT INTO fee_bills (period_id, compound_id, home_id, payer, area_centi, amount_fen)
                SELECT \(bind: periodID), compound_id, id, CASE WHEN delivered THEN 'owner' ELSE 'developer' END, area_centi,
                       (area_centi * \(bind: rate) * \(bind: Int64(period.months)) + 500) / 1000
                FROM homes WHERE compound_id = \(bind: compound)
                """).run()
        } else {
            try await sql.raw("""
                INSERT INTO fee_bills (period_id, compound_id, home_id, payer, area_centi, amount_fen)
                SELECT \(bind: periodID), h.compound_id, h.id, CASE WHEN h.delivered THEN 'owner' ELSE 'developer' END, h.area_centi,
                       (h.area_centi * COALESCE(r.rate_milli, \(bind: rate)) * \(bind: Int64(period.months)) + 500) / 1000
                FROM homes h LEFT JOIN maintenance_fund_buildings k ON k.building_id = h.building_id
                LEFT JOIN fee_standard_rates r ON r.compound_id = h.compound_id AND r.building_kind = k.building_kind
                WHERE h.compound_id = \(bind: compound)
                """).run()
        }
        let totals = try await sql.raw("""
            SELECT CAST(COUNT(*) AS BIGINT) AS n, CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS total FROM fee_bills WHERE period_id = \(bind: periodID)
            """).first()
        let count = Int(try totals?.decode(column: "n", as: Int64.self) ?? 0), total = try totals?.decode(column: "total", as: Int64.self) ?? 0
        try await sql.raw("""
            INSERT INTO fee_totals (compound_id, period_key, billed_fen, collected_fen) VALUES (\(bind: compound), \(bind: period.key), \(bind: total), 0)
            """).run()
        try await AuditLog.append(AuditChange(action: "fee_bills.issue", targetType: "compound", targetID: String(compound),
                                              after: ["period": period.description, "bills": String(count), "total_fen": String(total)]),
                                  by: actor, at: now, sql: sql)
        return Issued(bills: count, total: Fen(total))
    }

    /// Bills every compound that has a standard (the month's run for the whole city); compounds
    /// already billed for the period are skipped. Returns the bills and total written.
    public func issueEverywhere(_ period: BillingPeriod, by actor: AuditActor, batch: Int = 50) async throws -> Issued {
        let compounds = try await database.read { sql in
            try await sql.raw("""
                SELECT s.compound_id FROM fee_standards s
                WHERE NOT EXISTS (SELECT 1 FROM fee_periods p WHERE p.compound_id = s.compound_id AND p.period_key = \(bind: period.key))
                ORDER BY s.compound_id
                """).all().map { try $0.decode(column: "compound_id", as: Int64.self) }
        }
        var bills = 0, total = Fen.zero
        var start = 0
        while start < compounds.count {
            let chunk = compounds[start..<min(compounds.count, start + batch)]
            let now = clock.now()
            let issued = try await database.write { sql in
                var sum = Issued(bills: 0, total: .zero)
                for compound in chunk {
                    let one = try await Self.issue(period, compound: compound, by: actor, at: now, sql: sql)
                    sum = Issued(bills: sum.bills + one.bills, total: sum.total + one.total)
                }
                return sum
            }
            bills += issued.bills
            total = total + issued.total
            start += batch
        }
        return Issued(bills: bills, total: total)
    }
}

extension ServiceFees {
    /// Gives every compound without a standard one by its type (the benchmark's and the demo's
    /// city): 2.35 元 closed, 0.60 open, 4.50 commercial, 包干制. Returns how many were set.
    @discardableResult
    public func setDefaultStandards(by actor: AuditActor) async throws -> Int {
        let now = clock.now()
        return try await database.write { sql in
            let missing = try await sql.raw("""
                SELECT CAST(COUNT(*) AS BIGINT) AS n FROM compounds c WHERE NOT EXISTS (SELECT 1 FROM fee_standards s WHERE s.compound_id = c.id)
                """).first()?.decode(column: "n", as: Int64.self) ?? 0
            try await sql.raw("""
                INSERT INTO fee_standards (compound_id, rate_milli, method, set_by_label, set_at)
                SELECT id, CASE type WHEN 'closed' THEN 2350 WHEN 'open' THEN 600 ELSE 4500 END, 'lump_sum', \(bind: actor.label),
                       \(bind: Int64(now.timeIntervalSince1970))
                FROM compounds c WHERE NOT EXISTS (SELECT 1 FROM fee_standards s WHERE s.compound_id = c.id)
                """).run()
            try await AuditLog.append(AuditChange(action: "fee_standard.defaults", targetType: "platform", targetID: "*",
                                                  after: ["compounds": String(missing)]), by: actor, at: now, sql: sql)
            return Int(missing)
        }
    }
}
