import Cases
import Foundation
import SQLKit
import WuyeCore

/// Each grid's service team on a roster, and the staffing norm it is measured against. The norm is
/// the most specific one set for the grid's district or city, else the 万科城 default.
public struct GridTeams: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// A person on a roster as lists show them: the phone masked.
    public struct Member: Sendable, Equatable {
        public let id: Int64
        public let gridID: Int64
        public let role: TeamRole
        public let name: String
        public let phone: PhoneNumber?
        public let companyID: Int64?
    }

    /// One grid against the norm.
    public struct GridStaffing: Sendable {
        public let gridID: Int64
        public let code: String
        public let name: String
        public let communityName: String
        public let staffing: TeamStaffing
        public let norm: StaffingNorm
    }

    // MARK: the norm

    /// The norm for grids in `division`, and the division that set it (nil: the 万科城 default).
    public func norm(for division: DivisionCode) async throws -> (norm: StaffingNorm, setBy: DivisionCode?) {
        try await database.read { sql in try await Self.norms(for: [division], sql: sql)[division] ?? (.wanke, nil) }
    }

    /// Sets the norm of a district or the city; audited with the old and new values.
    public func setNorm(_ norm: StaffingNorm, for division: DivisionCode, by actor: AuditActor) async throws {
        guard division.level <= .district else {
            throw DomainError(code: "norm_level", message: "配置标准由区或市设定", english: "a district or the city sets the norm",
                              field: "division")
        }
        let now = clock.now()
        try await database.write { sql in
            let before = try await Self.norms(for: [division], sql: sql)[division]
            try await sql.raw("DELETE FROM staffing_norms WHERE division_code = \(bind: division.rawValue)").run()
            try await sql.raw("""
                INSERT INTO staffing_norms (division_code, households_per_team, stewards, security_guards, cleaners, set_by_label, set_at)
                VALUES (\(bind: division.rawValue), \(bind: Int64(norm.householdsPerTeam)), \(bind: Int64(norm.stewards)),
                        \(bind: Int64(norm.securityGuards)), \(bind: Int64(norm.cleaners)), \(bind: actor.label),
                        \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "staffing_norm.set", targetType: "division", targetID: division.rawValue,
                                                  before: before.map { ["norm": $0.norm.chineseText] }, after: ["norm": norm.chineseText]),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// The effective norm for each of `divisions`: the one set at the longest code among the
    /// division's district and city (and the division itself when it is one).
    static func norms(for divisions: [DivisionCode], sql: any SQLDatabase) async throws -> [DivisionCode: (norm: StaffingNorm, setBy: DivisionCode?)] {
        func ancestors(_ code: DivisionCode) -> [DivisionCode] {
            var chain: [DivisionCode] = [], next: DivisionCode? = code
            while let current = next { if current.level <= .district { chain.append(current) }; next = current.parent }
            return chain
        }
        let codes = Set(divisions.flatMap(ancestors)).map(\.rawValue)
        guard !codes.isEmpty else { return [:] }
        var set: [String: StaffingNorm] = [:]
        for row in try await sql.raw("SELECT * FROM staffing_norms WHERE division_code IN (\(binds: codes))").all() {
            set[try row.decode(column: "division_code", as: String.self)] = try StaffingNorm(
                householdsPerTeam: Int(try row.decode(column: "households_per_team", as: Int64.self)),
                stewards: Int(try row.decode(column: "stewards", as: Int64.self)),
                securityGuards: Int(try row.decode(column: "security_guards", as: Int64.self)),
                cleaners: Int(try row.decode(column: "cleaners", as: Int64.self)))
        }
        var result: [DivisionCode: (norm: StaffingNorm, setBy: DivisionCode?)] = [:]
        for division in divisions {
            // ancestors() runs from the division up, so the first one set is the most specific.
            let found = ancestors(division).first { set[$0.rawValue] != nil }
            result[division] = found.map { (set[$0.rawValue]!, $0) } ?? (.wanke, nil)
        }
        return result
    }

    // MARK: the roster

    /// Puts a person on a grid's team. `company` is the employer of company staff.
    @discardableResult
    public func add(_ member: TeamMember, grid: Int64, company: Int64?, by actor: AuditActor) async throws -> Int64 {
        let now = clock.now()
        return try await database.write { sql in
            guard try await sql.raw("SELECT id FROM grids WHERE id = \(bind: grid)").first() != nil else {
                throw DomainError(code: "no_such_grid", message: "没有这个网格", english: "no such grid", field: "grid")
            }
            guard let row = try await sql.raw("""
                INSERT INTO grid_team_members (grid_id, role, name, phone, company_id, added_by_label, joined_at)
                VALUES (\(bind: grid), \(bind: member.role.rawValue), \(bind: member.name), \(bind: member.phone.rawValue),
                        \(bind: member.role.isCompanyStaff ? company : nil), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "grid_team.add", targetType: "grid", targetID: String(grid),
                                                  after: ["member": String(id), "role": member.role.rawValue, "name": Masking.name(member.name)]),
                                      by: actor, at: now, sql: sql)
            return id
        }
    }

    /// Takes a person off the roster; the record stays, with the day they left.
    public func remove(memberID: Int64, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard let row = try await sql.raw("""
                UPDATE grid_team_members SET left_at = \(bind: Int64(now.timeIntervalSince1970))
                WHERE id = \(bind: memberID) AND left_at IS NULL RETURNING grid_id, role
                """).first() else {
                throw DomainError(code: "no_such_member", message: "该人员不在名册上", english: "not on the roster", field: "member")
            }
            try await AuditLog.append(AuditChange(action: "grid_team.remove", targetType: "grid",
                                                  targetID: String(try row.decode(column: "grid_id", as: Int64.self)),
                                                  before: ["member": String(memberID), "role": try row.decode(column: "role", as: String.self)]),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// A current member, for the access check before removing them.
    public func member(id: Int64) async throws -> Member? {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM grid_team_members WHERE id = \(bind: id) AND left_at IS NULL").first().map(Self.member)
        }
    }

    /// The current teams of `grids`, by grid.
    public func rosters(of grids: [Int64]) async throws -> [Int64: [Member]] {
        guard !grids.isEmpty else { return [:] }
        return try await database.read { sql in
            Dictionary(grouping: try await sql.raw("""
                SELECT * FROM grid_team_members WHERE grid_id IN (\(binds: grids)) AND left_at IS NULL ORDER BY grid_id, role, id
                """).all().map(Self.member), by: \.gridID)
        }
    }

    /// Every grid in `division` (anywhere for nil; only `grids`, when given) with its households, its
    /// team and its norm; grids below the norm first.
    public func staffing(in division: DivisionCode?, onlyGrids grids: [Int64]? = nil) async throws -> [GridStaffing] {
        if let grids, grids.isEmpty { return [] }
        return try await database.read { sql in
            var query: SQLQueryString = """
                SELECT g.id, g.code, g.name, g.community_code, d.name AS community_name,
                       (SELECT CAST(COALESCE(SUM(b.home_count), 0) AS BIGINT) FROM grid_buildings gb JOIN buildings b ON b.id = gb.building_id
                        WHERE gb.grid_id = g.id) AS households
                FROM grids g JOIN divisions d ON d.code = g.community_code
                WHERE g.community_code LIKE \(bind: (division?.sharedPrefix ?? "") + "%")
                """
            if let grids { query += " AND g.id IN (\(binds: grids))" }
            query += " ORDER BY g.code LIMIT 2000"
            let rows = try await sql.raw(query).all()
            let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
            var present: [Int64: [TeamRole: Int]] = [:]
            if !ids.isEmpty {
                for row in try await sql.raw("""
                    SELECT grid_id, role, COUNT(*) AS n FROM grid_team_members WHERE grid_id IN (\(binds: ids)) AND left_at IS NULL
                    GROUP BY grid_id, role
                    """).all() {
                    present[try row.decode(column: "grid_id", as: Int64.self), default: [:]][try row.known("role", as: TeamRole.self)] =
                        Int(try row.decode(column: "n", as: Int64.self))
                }
            }
            let communities = try rows.compactMap { DivisionCode(rawValue: try $0.decode(column: "community_code", as: String.self)) }
            let norms = try await Self.norms(for: Array(Set(communities)), sql: sql)
            let result = try rows.map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                let community = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self))
                let norm = community.flatMap { norms[$0]?.norm } ?? .wanke
                return GridStaffing(gridID: id, code: try row.decode(column: "code", as: String.self),
                                    name: try row.decode(column: "name", as: String.self),
                                    communityName: try row.decode(column: "community_name", as: String.self),
                                    staffing: TeamStaffing(households: Int(try row.decode(column: "households", as: Int64.self)),
                                                           present: present[id] ?? [:], norm: norm),
                                    norm: norm)
            }
            return result.filter(\.staffing.isBelowNorm) + result.filter { !$0.staffing.isBelowNorm }
        }
    }

    /// The grids covering the compounds `company` serves on `today`.
    public func grids(servedBy company: Int64, today: String) async throws -> [Int64] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT DISTINCT gb.grid_id FROM grid_buildings gb JOIN service_arrangements a ON a.compound_id = gb.compound_id
                WHERE a.company_id = \(bind: company) AND a.starts_on <= \(bind: today) AND (a.ends_on IS NULL OR a.ends_on > \(bind: today))
                """).all().map { try $0.decode(column: "grid_id", as: Int64.self) }
        }
    }

    static func member(_ row: any SQLRow) throws -> Member {
        Member(id: try row.decode(column: "id", as: Int64.self), gridID: try row.decode(column: "grid_id", as: Int64.self),
               role: try row.known("role", as: TeamRole.self), name: try row.decode(column: "name", as: String.self),
               phone: PhoneNumber(rawValue: try row.decode(column: "phone", as: String.self)),
               companyID: try row.decode(column: "company_id", as: Int64?.self))
    }
}
