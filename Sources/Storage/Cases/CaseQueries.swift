import Access
import Cases
import Foundation
import SQLKit
import WuyeCore

/// Reading cases: one case with its timeline and photos, an account's queues, an office's board.
public struct CaseQueries: Sendable {
    public let database: WuyeDatabase

    public init(database: WuyeDatabase) {
        self.database = database
    }

    public func find(id: Int64) async throws -> CaseRecord? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: CaseRecord.columns) FROM \(unsafeRaw: CaseRecord.joins) WHERE c.id = \(bind: id)")
                .first().map(CaseRecord.init(row:))
        }
    }

    /// The case's steps, oldest first. Staff names are masked as personal data.
    public func timeline(caseID: Int64) async throws -> [CaseTimelineEntry] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT seq, at, event, from_state, to_state, level, capacity, actor_label, note FROM case_events
                WHERE case_id = \(bind: caseID) ORDER BY seq
                """).all().map { row in
                let label = try row.decode(column: "actor_label", as: String.self)
                return CaseTimelineEntry(
                    seq: try row.decode(column: "seq", as: Int64.self),
                    at: Date(timeIntervalSince1970: Double(try row.decode(column: "at", as: Int64.self))),
                    event: try row.decode(column: "event", as: String.self),
                    fromState: try row.decode(column: "from_state", as: String?.self).flatMap(CaseState.init(rawValue:)),
                    toState: try row.decode(column: "to_state", as: String?.self).flatMap(CaseState.init(rawValue:)),
                    level: try row.known("level", as: CaseLevel.self),
                    capacity: try row.decode(column: "capacity", as: String?.self).flatMap(CaseCapacity.init(rawValue:)),
                    actor: AuditActor.shown(label),
                    note: try row.decode(column: "note", as: String.self))
            }
        }
    }

    public func photo(caseID: Int64, number: Int) async throws -> (contentType: String, bytes: [UInt8])? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT content_type, bytes FROM case_photos WHERE case_id = \(bind: caseID) AND number = \(bind: Int64(number))
                """).first() else { return nil }
            return (try row.decode(column: "content_type", as: String.self), [UInt8](try row.decode(column: "bytes", as: Data.self)))
        }
    }

    /// What an account sees on its case page.
    public struct Queue: Codable, Sendable {
        /// Cases the account reported.
        public var reported: [CaseRecord]
        /// Open cases at a level the account is staff of: its to-do list.
        public var toHandle: [CaseRecord]
        /// Open cases one level below, which the account supervises (the grid worker over the company).
        public var supervised: [CaseRecord]
    }

    public func queue(for principal: Principal, limit: Int = 100) async throws -> Queue {
        let handling = principal.roles.compactMap { Self.staffCondition($0, supervising: false) }
        let supervising = principal.roles.compactMap { Self.staffCondition($0, supervising: true) }
        return try await database.read { sql in
            func cases(_ condition: SQLQueryString, open: Bool) async throws -> [CaseRecord] {
                var query: SQLQueryString = "SELECT \(unsafeRaw: CaseRecord.columns) FROM \(unsafeRaw: CaseRecord.joins) WHERE ("
                query += condition
                query += open ? ") AND c.state NOT IN ('closed', 'rejected') ORDER BY c.due_at, c.id" : ") ORDER BY c.id DESC"
                query.appendInterpolation(unsafeRaw: " LIMIT \(max(1, min(limit, 500)))")
                return try await sql.raw(query).all().map(CaseRecord.init(row:))
            }
            return Queue(
                reported: try await cases("c.reporter_account_id = \(bind: principal.accountID)", open: false),
                toHandle: handling.isEmpty ? [] : try await cases(handling.joined(separator: " OR "), open: true),
                supervised: supervising.isEmpty ? [] : try await cases(supervising.joined(separator: " OR "), open: true))
        }
    }

    /// An office's board: the open cases in its division that are overdue or have climbed, most
    /// urgent first.
    public func board(division: DivisionCode, now: Date, limit: Int = 200) async throws -> [CaseRecord] {
        let seconds = Int64(now.timeIntervalSince1970)
        return try await database.read { sql in
            try await sql.raw("""
                SELECT \(unsafeRaw: CaseRecord.columns) FROM \(unsafeRaw: CaseRecord.joins)
                WHERE c.community_code LIKE \(bind: division.sharedPrefix + "%") AND c.state NOT IN ('closed', 'rejected')
                  AND (c.escalations > 0 OR c.due_at <= \(bind: seconds)
                       OR (c.acknowledged = FALSE AND c.acknowledge_by <= \(bind: seconds)))
                ORDER BY c.due_at, c.id LIMIT \(unsafeRaw: String(max(1, min(limit, 1000))))
                """).all().map(CaseRecord.init(row:))
        }
    }

    /// The SQL for "cases at the level this role is staff of" (or the level below, when supervising),
    /// the same rule as `CaseParties.isStaff`.
    static func staffCondition(_ role: Role, supervising: Bool) -> SQLQueryString? {
        func at(_ level: CaseLevel) -> CaseLevel? {
            guard supervising else { return level }
            return CaseLevel.allCases.first { $0.above == level }
        }
        switch role.kind {
        case .companyAdministrator, .companyManager, .steward:
            guard let company = role.companyID, let level = at(.company) else { return nil }
            return "(c.level = \(bind: level.rawValue) AND c.company_id = \(bind: company))"
        case .gridWorker:
            guard let grid = role.gridID, let level = at(.grid) else { return nil }
            return "(c.level = \(bind: level.rawValue) AND c.grid_id = \(bind: grid))"
        case .administrationStaff:
            guard let division = role.division, division.level == .subdistrict, let level = at(.subdistrict) else { return nil }
            return "(c.level = \(bind: level.rawValue) AND c.community_code LIKE \(bind: division.sharedPrefix + "%"))"
        case .departmentStaff:
            guard let division = role.division, let department = role.department, division.level <= .district,
                  let level = at(.department) else { return nil }
            return "(c.level = \(bind: level.rawValue) AND c.department = \(bind: department.rawValue) AND c.community_code LIKE \(bind: division.sharedPrefix + "%"))"
        default:
            return nil
        }
    }
}
