import Foundation
import Party
import SQLKit
import WuyeCore

extension PartyBuilding {
    /// The organisations registered over or inside the division, with what each sits in.
    public func organisations(in division: DivisionCode) async throws -> [Organisation] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT o.id, o.kind, o.name, o.members, o.secretary, o.established_on,
                       COALESCE(p.name, g.name, c.name, '') AS target
                FROM party_organisations o
                LEFT JOIN property_companies p ON o.kind = 'company_branch' AND p.id = o.target_id
                LEFT JOIN grids g ON o.kind = 'grid_branch' AND g.id = o.target_id
                LEFT JOIN compounds c ON o.kind = 'committee_branch' AND c.id = o.target_id
                WHERE (o.kind = 'grid_branch' AND g.community_code LIKE \(bind: division.sharedPrefix + "%"))
                   OR (o.kind = 'committee_branch' AND c.community_code LIKE \(bind: division.sharedPrefix + "%"))
                   OR (o.kind = 'company_branch' AND EXISTS (SELECT 1 FROM service_arrangements a JOIN compounds s ON s.id = a.compound_id
                       WHERE a.company_id = o.target_id AND a.ends_on IS NULL AND s.community_code LIKE \(bind: division.sharedPrefix + "%")))
                ORDER BY o.kind, o.id LIMIT 2000
                """).all().map { row in
                Organisation(id: try row.decode(column: "id", as: Int64.self),
                             kind: PartyOrganisationKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .companyBranch,
                             name: try row.decode(column: "name", as: String.self), target: try row.decode(column: "target", as: String.self),
                             members: Int(try row.decode(column: "members", as: Int64.self)), secretary: try row.decode(column: "secretary", as: String.self),
                             establishedOn: try row.decode(column: "established_on", as: String.self))
            }
        }
    }

    public func instructors(in division: DivisionCode) async throws -> [(name: String, unit: String, phone: String, target: String, kind: PartyOrganisationKind)] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT i.name, i.unit, i.phone, i.target_kind, COALESCE(p.name, c.name, '') AS target FROM party_instructors i
                LEFT JOIN property_companies p ON i.target_kind = 'company_branch' AND p.id = i.target_id
                LEFT JOIN compounds c ON i.target_kind = 'committee_branch' AND c.id = i.target_id
                WHERE (i.target_kind = 'committee_branch' AND c.community_code LIKE \(bind: division.sharedPrefix + "%"))
                   OR (i.target_kind = 'company_branch' AND EXISTS (SELECT 1 FROM service_arrangements a JOIN compounds s ON s.id = a.compound_id
                       WHERE a.company_id = i.target_id AND a.ends_on IS NULL AND s.community_code LIKE \(bind: division.sharedPrefix + "%")))
                ORDER BY i.id LIMIT 2000
                """).all().map { row in
                (try row.decode(column: "name", as: String.self), try row.decode(column: "unit", as: String.self), try row.decode(column: "phone", as: String.self),
                 try row.decode(column: "target", as: String.self),
                 PartyOrganisationKind(rawValue: try row.decode(column: "target_kind", as: String.self)) ?? .companyBranch)
            }
        }
    }

    /// Coverage over the division, each part and whole counted from the records.
    public func coverage(in division: DivisionCode) async throws -> Coverage {
        let prefix = division.sharedPrefix + "%"
        let parts = try await database.read { sql in
            func pair(_ query: SQLQueryString) async throws -> PartyCoverage {
                let row = try await sql.raw(query).first()
                return PartyCoverage(covered: Int(try row?.decode(column: "covered", as: Int64?.self) ?? 0), of: Int(try row?.decode(column: "total", as: Int64?.self) ?? 0))
            }
            let companies = try await pair("""
                SELECT CAST(COUNT(DISTINCT a.company_id) AS BIGINT) AS total,
                       CAST(COUNT(DISTINCT CASE WHEN o.id IS NOT NULL THEN a.company_id END) AS BIGINT) AS covered
                FROM service_arrangements a JOIN compounds c ON c.id = a.compound_id
                LEFT JOIN party_organisations o ON o.kind = 'company_branch' AND o.target_id = a.company_id
                WHERE a.company_id IS NOT NULL AND a.ends_on IS NULL AND c.community_code LIKE \(bind: prefix)
                """)
            let committees = try await pair("""
                SELECT CAST(COUNT(*) AS BIGINT) AS total, CAST(SUM(CASE WHEN o.id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS covered
                FROM committees k JOIN compounds c ON c.id = k.compound_id
                LEFT JOIN party_organisations o ON o.kind = 'committee_branch' AND o.target_id = k.compound_id
                WHERE k.stage IN ('elected', 'filed', 'active') AND c.community_code LIKE \(bind: prefix)
                """)
            let grids = try await pair("""
                SELECT CAST(COUNT(*) AS BIGINT) AS total, CAST(SUM(CASE WHEN o.id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS covered
                FROM grids g LEFT JOIN party_organisations o ON o.kind = 'grid_branch' AND o.target_id = g.id
                WHERE g.community_code LIKE \(bind: prefix)
                """)
            let instructed = try await pair("""
                SELECT CAST(COUNT(*) AS BIGINT) AS total, CAST(SUM(CASE WHEN i.id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS covered
                FROM committees k JOIN compounds c ON c.id = k.compound_id
                LEFT JOIN party_instructors i ON i.target_kind = 'committee_branch' AND i.target_id = k.compound_id
                WHERE k.stage IN ('elected', 'filed', 'active') AND c.community_code LIKE \(bind: prefix)
                """)
            return (companies, committees, grids, instructed)
        }
        // Members of the organisations that sit in (or serve) the division.
        let members = try await organisations(in: division).reduce(0) { $0 + $1.members }
        return Coverage(companies: parts.0, committees: parts.1, grids: parts.2, instructed: parts.3, members: members)
    }
}

extension PartyBuilding {
    public struct Activity: Sendable, Equatable {
        public let id: Int64
        public let community: String
        public let kind: PartyActivityKind
        public let title: String
        public let place: String
        public let starts: Date
        public let ends: Date
    }

    /// Adds an activity to a community service station's calendar.
    @discardableResult
    public func schedule(_ kind: PartyActivityKind, title raw: String, place rawPlace: String, starts: Date, hours: Int, community: DivisionCode,
                         by actor: AuditActor) async throws -> Int64 {
        let title = raw.trimmedWhitespace, place = rawPlace.trimmedWhitespace
        guard (2...60).contains(title.count) else {
            throw DomainError(code: "title_required", message: "请填写活动名称", english: "a title of 2 to 60 characters", field: "title")
        }
        guard (2...60).contains(place.count) else {
            throw DomainError(code: "place_required", message: "请填写活动地点", english: "where it takes place", field: "place")
        }
        guard (1...12).contains(hours) else {
            throw DomainError(code: "invalid_hours", message: "活动时长为 1 到 12 小时", english: "1 to 12 hours", field: "hours")
        }
        guard community.level == .community else {
            throw DomainError(code: "community_required", message: "请选择社区", english: "choose a community", field: "community")
        }
        let now = clock.now()
        return try await database.write { sql in
            guard try await sql.raw("SELECT 1 FROM divisions WHERE code = \(bind: community.rawValue)").first() != nil else {
                throw DomainError(code: "community_required", message: "请选择社区", english: "choose a community", field: "community")
            }
            guard let row = try await sql.raw("""
                INSERT INTO party_activities (community_code, kind, title, place, starts_at, ends_at, recorded_by_label, recorded_at)
                VALUES (\(bind: community.rawValue), \(bind: kind.rawValue), \(bind: title), \(bind: place), \(bind: Int64(starts.timeIntervalSince1970)),
                        \(bind: Int64(starts.timeIntervalSince1970) + Int64(hours) * 3600), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "party.activity", targetType: "division", targetID: community.rawValue,
                                                  after: ["activity": String(id), "kind": kind.rawValue, "title": title]), by: actor, at: now, sql: sql)
            return id
        }
    }

    /// Activities of the communities in `division` from `from` on, soonest first.
    public func activities(in division: DivisionCode, from: Date, limit: Int = 200) async throws -> [Activity] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT a.*, d.name AS community FROM party_activities a JOIN divisions d ON d.code = a.community_code
                WHERE a.community_code LIKE \(bind: division.sharedPrefix + "%") AND a.ends_at >= \(bind: Int64(from.timeIntervalSince1970))
                ORDER BY a.starts_at, a.id LIMIT \(unsafeRaw: String(limit))
                """).all().map { row in
                Activity(id: try row.decode(column: "id", as: Int64.self), community: try row.decode(column: "community", as: String.self),
                         kind: PartyActivityKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
                         title: try row.decode(column: "title", as: String.self), place: try row.decode(column: "place", as: String.self),
                         starts: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "starts_at", as: Int64.self))),
                         ends: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "ends_at", as: Int64.self))))
            }
        }
    }
}

extension PartyBuilding {
    /// What an office can register an organisation or assign an instructor in: the companies serving
    /// the division, its grids, its compounds (committees) — the first 500 of each, by name.
    public func targets(in division: DivisionCode) async throws -> [PartyOrganisationKind: [(id: Int64, name: String)]] {
        let prefix = division.sharedPrefix + "%"
        return try await database.read { sql in
            func list(_ query: SQLQueryString) async throws -> [(id: Int64, name: String)] {
                try await sql.raw(query).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self)) }
            }
            return [
                .companyBranch: try await list("""
                    SELECT DISTINCT p.id, p.name FROM property_companies p JOIN service_arrangements a ON a.company_id = p.id
                    JOIN compounds c ON c.id = a.compound_id WHERE a.ends_on IS NULL AND c.community_code LIKE \(bind: prefix) ORDER BY p.name LIMIT 500
                    """),
                .gridBranch: try await list("SELECT id, name FROM grids WHERE community_code LIKE \(bind: prefix) ORDER BY name LIMIT 500"),
                .committeeBranch: try await list("SELECT id, name FROM compounds WHERE community_code LIKE \(bind: prefix) ORDER BY name LIMIT 500"),
            ]
        }
    }
}
