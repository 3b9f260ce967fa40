import Foundation
import Funds
import SQLKit
import WuyeCore

/// The housing maintenance fund (专项维修资金) of each compound, kept per home: a double-entry ledger
/// in which the bank's line (no home) always equals the homes' lines, so the bank balance is the sum
/// of the homes' balances at every point. Deposits and payouts are recorded by the authority that
/// holds the fund (the district's or city's housing office); entries are never changed (the
/// database refuses), and every write is one transaction with its audit entry.
public struct MaintenanceFunds: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// Sets a division's deposit rate for a building kind (165号令 Art. 7: the local authority sets it).
    /// A district's rate applies before its city's.
    public func setRate(_ kind: BuildingKind, yuan text: String, division: DivisionCode, by actor: AuditActor) async throws {
        let rate = try MaintenanceRate(yuan: text)
        let now = clock.now()
        try await database.write { sql in
            try await sql.raw("DELETE FROM maintenance_fund_rates WHERE division_code = \(bind: division.rawValue) AND building_kind = \(bind: kind.rawValue)").run()
            try await sql.raw("""
                INSERT INTO maintenance_fund_rates (division_code, building_kind, fen_per_m2)
                VALUES (\(bind: division.rawValue), \(bind: kind.rawValue), \(bind: rate.fenPerSquareMetre))
                """).run()
            try await AuditLog.append(AuditChange(action: "maintenance_fund.rate", targetType: "division", targetID: division.rawValue,
                                                  after: ["building_kind": kind.rawValue, "fen_per_m2": String(rate.fenPerSquareMetre)]),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// The rates that apply in a division: its own, else the nearest division above it that set one.
    public func rates(at division: DivisionCode) async throws -> [BuildingKind: (rate: MaintenanceRate, setBy: DivisionCode)] {
        try await database.read { sql in try await Self.rates(at: division, sql: sql) }
    }

    static func rates(at division: DivisionCode, sql: any SQLDatabase) async throws -> [BuildingKind: (rate: MaintenanceRate, setBy: DivisionCode)] {
        let chain = sequence(first: division, next: \.parent).map(\.rawValue)
        var found: [BuildingKind: (rate: MaintenanceRate, setBy: DivisionCode)] = [:]
        for row in try await sql.raw("SELECT division_code, building_kind, fen_per_m2 FROM maintenance_fund_rates WHERE division_code IN (\(binds: chain))").all() {
            guard let kind = BuildingKind(rawValue: try row.decode(column: "building_kind", as: String.self)),
                  let code = DivisionCode(rawValue: try row.decode(column: "division_code", as: String.self)) else { continue }
            if let known = found[kind], known.setBy.level > code.level { continue }
            found[kind] = (MaintenanceRate(fenPerSquareMetre: try row.decode(column: "fen_per_m2", as: Int64.self)), code)
        }
        return found
    }

    /// Records the first deposit of every home in a building that has none yet: floor area × the
    /// rate for the building's kind (165号令 Art. 7, paid before move-in, Art. 12). The building's
    /// kind is fixed by its first deposits.
    @discardableResult
    public func recordFirstDeposits(building: Int64, kind: BuildingKind, on raw: String, compound: Int64,
                                    by actor: AuditActor) async throws -> (homes: Int, total: Fen) {
        let day = try CivilDate.typed(raw, notAfter: CivilDate.inChina(clock.now()))
        let now = clock.now()
        return try await database.write { sql in
            guard let place = try await sql.raw("""
                SELECT c.community_code, k.building_kind FROM buildings b JOIN compounds c ON c.id = b.compound_id
                LEFT JOIN maintenance_fund_buildings k ON k.building_id = b.id
                WHERE b.id = \(bind: building) AND b.compound_id = \(bind: compound)
                """).first(), let community = DivisionCode(rawValue: try place.decode(column: "community_code", as: String.self)) else {
                throw DomainError(code: "unknown_building", message: "请选择本小区的楼栋", english: "choose a building of this compound", field: "building")
            }
            if let fixed = try place.decode(column: "building_kind", as: String?.self), fixed != kind.rawValue {
                throw DomainError(code: "kind_fixed", message: "该楼栋已按“\(BuildingKind(rawValue: fixed)?.chineseName ?? fixed)”交存",
                                  english: "the building's kind is fixed by its first deposits", field: "kind")
            }
            guard let rate = try await Self.rates(at: community, sql: sql)[kind]?.rate else {
                throw DomainError(code: "no_rate", message: "区（市）尚未设定“\(kind.chineseName)”的交存标准", english: "no deposit rate is set for this kind",
                                  field: "kind")
            }
            let homes = try await sql.raw("""
                SELECT h.id, h.area_centi FROM homes h WHERE h.building_id = \(bind: building)
                  AND NOT EXISTS (SELECT 1 FROM maintenance_fund_lines l WHERE l.home_id = h.id AND l.first_deposit = 1)
                ORDER BY h.id
                """).all().map { (id: try $0.decode(column: "id", as: Int64.self), deposit: rate.firstDeposit(area: try $0.decode(column: "area_centi", as: Int64.self))) }
            guard !homes.isEmpty else {
                throw DomainError(code: "already_deposited", message: "该楼栋各户均已交存首期维修资金", english: "every home in the building has its first deposit",
                                  field: "building")
            }
            try await sql.raw("""
                INSERT INTO maintenance_fund_buildings (building_id, compound_id, building_kind)
                SELECT \(bind: building), \(bind: compound), \(bind: kind.rawValue)
                WHERE NOT EXISTS (SELECT 1 FROM maintenance_fund_buildings WHERE building_id = \(bind: building))
                """).run()
            let total = homes.reduce(Fen.zero) { $0 + $1.deposit }
            let entry = try await Self.post(kind: "deposit", use: nil, amount: total, on: day, memo: "首期交存：\(kind.chineseName) \(rate) 元/m²",
                                            homes: homes.map { ($0.id, $0.deposit) }, first: true, compound: compound, actor: actor, at: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "maintenance_fund.deposit", targetType: "compound", targetID: String(compound),
                                                  after: ["entry": String(entry), "building": String(building), "homes": String(homes.count),
                                                          "amount_fen": String(total.rawValue)]), by: actor, at: now, sql: sql)
            return (homes.count, total)
        }
    }

    /// An owner's top-up (续交, 165号令 Art. 17), into the home's own account.
    @discardableResult
    public func topUp(home: Int64, amount raw: String, on rawDay: String, compound: Int64, by actor: AuditActor) async throws -> Int64 {
        let amount: Fen
        do { amount = try Fen.parse(yuan: raw) } catch { throw error.on(field: "amount") }
        guard amount > .zero else {
            throw DomainError(code: "invalid_amount", message: "金额须大于 0", english: "an amount is more than 0", field: "amount")
        }
        let day = try CivilDate.typed(rawDay, notAfter: CivilDate.inChina(clock.now()))
        let now = clock.now()
        return try await database.write { sql in
            guard try await sql.raw("""
                SELECT 1 FROM maintenance_fund_lines WHERE home_id = \(bind: home) AND compound_id = \(bind: compound) AND first_deposit = 1
                """).first() != nil else {
                throw DomainError(code: "no_account", message: "这户尚未交存首期维修资金", english: "the home has no first deposit", field: "home")
            }
            let entry = try await Self.post(kind: "top_up", use: nil, amount: amount, on: day, memo: "业主续交", homes: [(home, amount)], first: false,
                                            compound: compound, actor: actor, at: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "maintenance_fund.top_up", targetType: "home", targetID: String(home),
                                                  after: ["entry": String(entry), "amount_fen": String(amount.rawValue)]), by: actor, at: now, sql: sql)
            return entry
        }
    }

    /// Writes one balanced entry. Money in (`deposit`, `top_up`): the bank is debited and each home's
    /// account credited; a payout (`disbursement`): each home's account debited and the bank credited.
    static func post(kind: String, use: Int64?, amount: Fen, on day: CivilDate, memo: String, homes: [(id: Int64, amount: Fen)], first: Bool,
                     compound: Int64, actor: AuditActor, at now: Date, sql: any SQLDatabase) async throws -> Int64 {
        precondition(homes.reduce(Fen.zero) { $0 + $1.amount } == amount, "an entry's home lines add up to its bank line")
        guard let row = try await sql.raw("""
            INSERT INTO maintenance_fund_entries (compound_id, kind, use_id, amount_fen, posted_on, memo, recorded_by_label, recorded_at)
            VALUES (\(bind: compound), \(bind: kind), \(bind: use), \(bind: amount.rawValue), \(bind: day.text), \(bind: memo), \(bind: actor.label),
                    \(bind: Int64(now.timeIntervalSince1970)))
            RETURNING id
            """).first() else { throw AuditLogMissing() }
        let id = try row.decode(column: "id", as: Int64.self)
        let payout = kind == "disbursement"
        let bank: [SQLValue] = [.int(id), .int(1), .int(compound), .null, .int(0), .int(payout ? 0 : amount.rawValue), .int(payout ? amount.rawValue : 0)]
        try await BulkInsert.insert(sql, into: "maintenance_fund_lines",
                                    columns: ["entry_id", "line_no", "compound_id", "home_id", "first_deposit", "debit_fen", "credit_fen"],
                                    rows: [bank] + homes.enumerated().map { index, home in
            [.int(id), .int(Int64(index + 2)), .int(compound), .int(home.id), .int(first ? 1 : 0),
             .int(payout ? home.amount.rawValue : 0), .int(payout ? 0 : home.amount.rawValue)]
        })
        return id
    }
}
