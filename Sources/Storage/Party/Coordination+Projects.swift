import Foundation
import Party
import SQLKit
import WuyeCore

/// Community party-building service projects (党建服务项目): the community office lists them; a
/// company's party organisation claims one (认领) and reports it done. Claimed once, done once.
extension Coordination {
    @discardableResult
    public func publishProject(title raw: String, description rawDescription: String, community: DivisionCode, by actor: AuditActor) async throws -> Int64 {
        let title = raw.trimmedWhitespace, description = rawDescription.trimmedWhitespace
        guard (2...60).contains(title.count) else {
            throw DomainError(code: "title_required", message: "请填写项目名称", english: "a title of 2 to 60 characters", field: "project_title")
        }
        guard (2...500).contains(description.count) else {
            throw DomainError(code: "description_required", message: "请写明项目内容", english: "what the project is", field: "project_description")
        }
        guard community.level == .community else {
            throw DomainError(code: "community_required", message: "请选择社区", english: "choose a community", field: "project_community")
        }
        let now = clock.now()
        return try await database.write { sql in
            guard let row = try await sql.raw("""
                INSERT INTO service_projects (community_code, title, description, recorded_by_label, recorded_at)
                VALUES (\(bind: community.rawValue), \(bind: title), \(bind: description), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "service_project.publish", targetType: "division", targetID: community.rawValue,
                                                  after: ["project": String(id), "title": title]), by: actor, at: now, sql: sql)
            return id
        }
    }

    /// A company claims a project through its party organisation; it must have one.
    public func claim(project id: Int64, company: Int64, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard let organisation = try await sql.raw("""
                SELECT id FROM party_organisations WHERE kind = 'company_branch' AND target_id = \(bind: company)
                """).first()?.decode(column: "id", as: Int64.self) else {
                throw DomainError(code: "no_party_organisation", message: "本企业尚未登记党组织，不能认领党建服务项目", english: "the company has no party organisation",
                                  field: "project")
            }
            guard try await sql.raw("""
                UPDATE service_projects SET claimed_by = \(bind: organisation), claimed_at = \(bind: Int64(now.timeIntervalSince1970))
                WHERE id = \(bind: id) AND claimed_by IS NULL RETURNING id
                """).first() != nil else {
                throw DomainError(code: "already_claimed", message: "该项目已被认领", english: "already claimed", field: "project")
            }
            try await AuditLog.append(AuditChange(action: "service_project.claim", targetType: "service_project", targetID: String(id),
                                                  after: ["company": String(company), "organisation": String(organisation)]), by: actor, at: now, sql: sql)
        }
    }

    /// The claiming company reports the project done.
    public func completeProject(_ id: Int64, company: Int64, note raw: String, by actor: AuditActor) async throws {
        let note = raw.trimmedWhitespace
        guard (2...300).contains(note.count) else {
            throw DomainError(code: "note_required", message: "请写明完成情况", english: "say what was done", field: "project")
        }
        let now = clock.now()
        try await database.write { sql in
            guard try await sql.raw("""
                UPDATE service_projects SET completed_on = \(bind: CivilDate.inChina(now).text), completion_note = \(bind: note)
                WHERE id = \(bind: id) AND completed_on IS NULL
                  AND claimed_by IN (SELECT id FROM party_organisations WHERE kind = 'company_branch' AND target_id = \(bind: company))
                RETURNING id
                """).first() != nil else {
                throw DomainError(code: "not_claimed_by_you", message: "只有认领的企业可以报告完成，且只能报告一次", english: "only the claimer reports it done, once",
                                  field: "project")
            }
            try await AuditLog.append(AuditChange(action: "service_project.complete", targetType: "service_project", targetID: String(id),
                                                  after: ["note": note]), by: actor, at: now, sql: sql)
        }
    }

    public func projects(in division: DivisionCode) async throws -> [Project] {
        try await projects(where: "s.community_code LIKE \(bind: division.sharedPrefix + "%")")
    }

    /// Projects in the communities where a company serves, in one read.
    public func projects(forCompany company: Int64) async throws -> [Project] {
        try await projects(where: """
            s.community_code IN (SELECT c.community_code FROM service_arrangements a JOIN compounds c ON c.id = a.compound_id
                                 WHERE a.company_id = \(bind: company) AND a.ends_on IS NULL)
            """)
    }

    private func projects(where filter: SQLQueryString) async throws -> [Project] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT s.*, d.name AS community, COALESCE(p.name, '') AS claimer FROM service_projects s JOIN divisions d ON d.code = s.community_code
                LEFT JOIN party_organisations o ON o.id = s.claimed_by LEFT JOIN property_companies p ON o.kind = 'company_branch' AND p.id = o.target_id
                WHERE \(filter) ORDER BY s.id DESC LIMIT 200
                """).all().map { row in
                let claimed = try row.decode(column: "claimed_by", as: Int64?.self)
                return Project(id: try row.decode(column: "id", as: Int64.self), community: try row.decode(column: "community", as: String.self),
                               title: try row.decode(column: "title", as: String.self), description: try row.decode(column: "description", as: String.self),
                               claimedBy: claimed == nil ? nil : try row.decode(column: "claimer", as: String.self),
                               completedOn: try row.decode(column: "completed_on", as: String?.self), completionNote: try row.decode(column: "completion_note", as: String?.self))
            }
        }
    }
}
