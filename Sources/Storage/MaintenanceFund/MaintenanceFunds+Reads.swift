import Foundation
import Funds
import SQLKit
import WuyeCore

/// What the fund shows: each compound's totals and buildings, each home's balance against its first
/// deposit, each use with its steps and shares, and the supervision list of a division.
extension MaintenanceFunds {
    public struct Summary: Sendable {
        public var deposited = Fen.zero, paidOut = Fen.zero, balance = Fen.zero
        public var homesWithAccount = 0, homesNeedingTopUp = 0
        public var buildings: [Building] = []
    }

    public struct Building: Sendable {
        public let id: Int64
        public let number: String
        public let kind: BuildingKind?
        public let homes: Int
        public let deposited: Int
        public let units: [(id: Int64, number: String)]
    }

    public struct HomeBalance: Sendable {
        public let homeID: Int64
        public let label: String
        public let area: Int64
        public let firstDeposit: Fen
        public let balance: Fen
        public var needsTopUp: Bool { MaintenanceBalance.needsTopUp(balance: balance, firstDeposit: firstDeposit) }
    }

    public struct UseView: Sendable {
        public let id: Int64
        public let compoundID: Int64
        public let title: String
        public let budget: Fen
        public let contractor: String
        public let scope: MaintenanceScope
        public let scopeName: String
        public let emergency: MaintenanceEmergency?
        public let stage: MaintenanceUseStage
        public let meetingID: Int64?
        public let decision: String?
        public let filingNumber: String?
        public let acceptance: String?
        public var steps: [(stage: MaintenanceUseStage, note: String, by: String, at: Date)] = []
        public var shares: [(label: String, area: Int64, share: Fen, fromFund: Fen)] = []
    }

    public func summary(compound: Int64) async throws -> Summary {
        try await database.read { sql in
            var summary = Summary()
            if let row = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(CASE WHEN e.kind <> 'disbursement' THEN l.debit_fen ELSE 0 END), 0) AS BIGINT) AS deposited,
                       CAST(COALESCE(SUM(l.credit_fen), 0) AS BIGINT) AS paid_out
                FROM maintenance_fund_lines l JOIN maintenance_fund_entries e ON e.id = l.entry_id
                WHERE l.compound_id = \(bind: compound) AND l.home_id IS NULL
                """).first() {
                summary.deposited = Fen(try row.decode(column: "deposited", as: Int64.self))
                summary.paidOut = Fen(try row.decode(column: "paid_out", as: Int64.self))
                summary.balance = summary.deposited - summary.paidOut
            }
            let balances = try await Self.balances(compound: compound, sql: sql)
            summary.homesWithAccount = balances.count
            summary.homesNeedingTopUp = balances.values.count { MaintenanceBalance.needsTopUp(balance: $0.balance, firstDeposit: $0.first) }
            var units: [Int64: [(Int64, String)]] = [:]
            for row in try await sql.raw("SELECT id, building_id, number FROM units WHERE compound_id = \(bind: compound) ORDER BY id").all() {
                units[try row.decode(column: "building_id", as: Int64.self), default: []]
                    .append((try row.decode(column: "id", as: Int64.self), try row.decode(column: "number", as: String.self)))
            }
            summary.buildings = try await sql.raw("""
                SELECT b.id, b.number, b.home_count, k.building_kind,
                       (SELECT CAST(COUNT(*) AS BIGINT) FROM maintenance_fund_lines l JOIN homes h ON h.id = l.home_id
                        WHERE l.first_deposit = 1 AND h.building_id = b.id) AS deposited
                FROM buildings b LEFT JOIN maintenance_fund_buildings k ON k.building_id = b.id
                WHERE b.compound_id = \(bind: compound) ORDER BY b.id
                """).all().map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                return Building(id: id, number: try row.decode(column: "number", as: String.self),
                                kind: try row.decode(column: "building_kind", as: String?.self).flatMap(BuildingKind.init(rawValue:)),
                                homes: Int(try row.decode(column: "home_count", as: Int64.self)), deposited: Int(try row.decode(column: "deposited", as: Int64.self)),
                                units: units[id] ?? [])
            }
            return summary
        }
    }

    /// Every home with an account: its first deposit and its balance, for the owners' disclosure
    /// (165号令 Art. 29: each household's amounts) and the top-up list.
    public func homeBalances(compound: Int64) async throws -> [HomeBalance] {
        try await database.read { sql in
            let balances = try await Self.balances(compound: compound, sql: sql)
            guard !balances.isEmpty else { return [] }
            return try await sql.raw("""
                SELECT h.id, h.area_centi, b.number AS building, u.number AS unit, h.number FROM homes h
                JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id
                WHERE h.compound_id = \(bind: compound) ORDER BY h.id
                """).all().compactMap { row in
                let id = try row.decode(column: "id", as: Int64.self)
                guard let account = balances[id] else { return nil }
                return HomeBalance(homeID: id, label: try Self.label(row), area: try row.decode(column: "area_centi", as: Int64.self),
                                   firstDeposit: account.first, balance: account.balance)
            }
        }
    }

    public func uses(compound: Int64) async throws -> [UseView] {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM maintenance_fund_uses WHERE compound_id = \(bind: compound) ORDER BY id DESC").all()
                .asyncMap { try await Self.useView($0, sql: sql) }
        }
    }

    public func use(id: Int64) async throws -> UseView? {
        try await database.read { sql in
            guard let row = try await sql.raw("SELECT * FROM maintenance_fund_uses WHERE id = \(bind: id)").first() else { return nil }
            var use = try await Self.useView(row, sql: sql)
            use.steps = try await sql.raw("SELECT stage, note, by_label, at FROM maintenance_fund_use_steps WHERE use_id = \(bind: id) ORDER BY seq").all().map { row in
                (MaintenanceUseStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .proposed, try row.decode(column: "note", as: String.self),
                 try row.decode(column: "by_label", as: String.self), Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "at", as: Int64.self))))
            }
            use.shares = try await sql.raw("""
                SELECT s.area_centi, s.share_fen, s.from_fund_fen, b.number AS building, u.number AS unit, h.number FROM maintenance_fund_shares s
                JOIN homes h ON h.id = s.home_id JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id
                WHERE s.use_id = \(bind: id) ORDER BY h.id
                """).all().map { row in
                (try Self.label(row), try row.decode(column: "area_centi", as: Int64.self), Fen(try row.decode(column: "share_fen", as: Int64.self)),
                 Fen(try row.decode(column: "from_fund_fen", as: Int64.self)))
            }
            return use
        }
    }

    public struct Supervision: Sendable {
        public let compoundID: Int64
        public let name: String
        public let balance: Fen
        public let homesNeedingTopUp: Int
        public let openUses: Int
        /// Emergency uses paid without the vote and not yet published to the owners (Art. 24).
        public let unpublishedEmergencies: Int
        public var flagged: Bool { unpublishedEmergencies > 0 }
    }

    /// The compounds of a division that hold a fund or have a use, flagged ones first.
    public func supervision(in division: DivisionCode) async throws -> [Supervision] {
        try await database.read { sql in
            let rows = try await sql.raw("""
                SELECT c.id, c.name,
                       (SELECT CAST(COALESCE(SUM(l.debit_fen - l.credit_fen), 0) AS BIGINT) FROM maintenance_fund_lines l
                        WHERE l.compound_id = c.id AND l.home_id IS NULL) AS balance,
                       (SELECT CAST(COUNT(*) AS BIGINT) FROM maintenance_fund_uses u WHERE u.compound_id = c.id AND u.stage NOT IN ('published', 'rejected')) AS open_uses,
                       (SELECT CAST(COUNT(*) AS BIGINT) FROM maintenance_fund_uses u WHERE u.compound_id = c.id AND u.emergency IS NOT NULL
                          AND u.stage IN ('disbursed', 'accepted')) AS unpublished
                FROM compounds c
                WHERE c.community_code LIKE \(bind: division.sharedPrefix + "%")
                  AND (EXISTS (SELECT 1 FROM maintenance_fund_entries e WHERE e.compound_id = c.id)
                       OR EXISTS (SELECT 1 FROM maintenance_fund_uses u WHERE u.compound_id = c.id))
                ORDER BY c.name LIMIT 1000
                """).all()
            var result: [Supervision] = []
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                let balances = try await Self.balances(compound: id, sql: sql)
                result.append(Supervision(compoundID: id, name: try row.decode(column: "name", as: String.self), balance: Fen(try row.decode(column: "balance", as: Int64.self)),
                                          homesNeedingTopUp: balances.values.count { MaintenanceBalance.needsTopUp(balance: $0.balance, firstDeposit: $0.first) },
                                          openUses: Int(try row.decode(column: "open_uses", as: Int64.self)),
                                          unpublishedEmergencies: Int(try row.decode(column: "unpublished", as: Int64.self))))
            }
            return result.filter(\.flagged) + result.filter { !$0.flagged }
        }
    }

    // MARK: shared reads

    /// Each home's first deposit and balance (credits − debits on its own lines).
    static func balances(compound: Int64, sql: any SQLDatabase) async throws -> [Int64: (first: Fen, balance: Fen)] {
        var result: [Int64: (first: Fen, balance: Fen)] = [:]
        for row in try await sql.raw("""
            SELECT home_id, CAST(SUM(CASE WHEN first_deposit = 1 THEN credit_fen ELSE 0 END) AS BIGINT) AS first,
                   CAST(SUM(credit_fen - debit_fen) AS BIGINT) AS balance
            FROM maintenance_fund_lines WHERE compound_id = \(bind: compound) AND home_id IS NOT NULL GROUP BY home_id
            """).all() {
            result[try row.decode(column: "home_id", as: Int64.self)] = (Fen(try row.decode(column: "first", as: Int64.self)),
                                                                         Fen(try row.decode(column: "balance", as: Int64.self)))
        }
        return result
    }

    static func label(_ row: any SQLRow) throws -> String {
        "\(try row.decode(column: "building", as: String.self))-\(try row.decode(column: "unit", as: String.self))-\(try row.decode(column: "number", as: String.self))"
    }

    static func useView(_ row: any SQLRow, sql: any SQLDatabase) async throws -> UseView {
        let kind = try row.decode(column: "scope_kind", as: String.self)
        let scopeID = try row.decode(column: "scope_id", as: Int64?.self)
        let scope = MaintenanceScope(kind: kind, id: scopeID) ?? .compound
        var scopeName = "全体"
        switch scope {
        case .compound: break
        case .building(let id):
            if let name = try await sql.raw("SELECT number FROM buildings WHERE id = \(bind: id)").first()?.decode(column: "number", as: String.self) {
                scopeName = "\(name)号楼"
            }
        case .unit(let id):
            if let found = try await sql.raw("SELECT b.number AS building, u.number AS unit FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = \(bind: id)").first() {
                scopeName = "\(try found.decode(column: "building", as: String.self))号楼\(try found.decode(column: "unit", as: String.self))单元"
            }
        }
        return UseView(id: try row.decode(column: "id", as: Int64.self), compoundID: try row.decode(column: "compound_id", as: Int64.self),
                       title: try row.decode(column: "title", as: String.self), budget: Fen(try row.decode(column: "budget_fen", as: Int64.self)),
                       contractor: try row.decode(column: "contractor", as: String.self), scope: scope, scopeName: scopeName,
                       emergency: try row.decode(column: "emergency", as: String?.self).flatMap(MaintenanceEmergency.init(rawValue:)),
                       stage: MaintenanceUseStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .proposed,
                       meetingID: try row.decode(column: "meeting_id", as: Int64?.self), decision: try row.decode(column: "decision", as: String?.self),
                       filingNumber: try row.decode(column: "filing_number", as: String?.self), acceptance: try row.decode(column: "acceptance", as: String?.self))
    }
}

extension MaintenanceFunds {
    /// The sums of all debits and all credits: equal after every entry.
    public func trialBalance(compound: Int64) async throws -> (debits: Fen, credits: Fen) {
        try await database.read { sql in
            let row = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(debit_fen), 0) AS BIGINT) AS debits, CAST(COALESCE(SUM(credit_fen), 0) AS BIGINT) AS credits
                FROM maintenance_fund_lines WHERE compound_id = \(bind: compound)
                """).first()
            return (Fen(try row?.decode(column: "debits", as: Int64.self) ?? 0), Fen(try row?.decode(column: "credits", as: Int64.self) ?? 0))
        }
    }
}
