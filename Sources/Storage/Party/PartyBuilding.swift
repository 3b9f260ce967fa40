import Foundation
import Party
import SQLKit
import WuyeCore

/// Party building in the database: organisations in companies, grids and committees, instructors,
/// the activity calendar, and coverage over a division. Offices record them for their division;
/// every write is one transaction with its audit entry.
public struct PartyBuilding: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Organisation: Sendable, Equatable {
        public let id: Int64
        public let kind: PartyOrganisationKind
        public let name: String
        public let target: String
        public let members: Int
        public let secretary: String
        public let establishedOn: String
    }

    public struct Coverage: Sendable, Equatable {
        /// Companies serving the division's compounds with a party organisation of their own.
        public let companies: PartyCoverage
        /// Owners' committees formed in the division with a party organisation.
        public let committees: PartyCoverage
        public let grids: PartyCoverage
        /// Committees formed with an instructor assigned.
        public let instructed: PartyCoverage
        public let members: Int
    }

    /// The target of an organisation: where it sits, checked against the office's division.
    static func target(_ kind: PartyOrganisationKind, _ id: Int64, in division: DivisionCode, sql: any SQLDatabase) async throws -> String? {
        let prefix = division.sharedPrefix + "%"
        switch kind {
        case .companyBranch:
            // A company qualifies when it serves a compound in the division today.
            guard try await CreditRecords.serves(id, in: division, sql: sql) else { return nil }
            return try await sql.raw("SELECT name FROM property_companies WHERE id = \(bind: id)").first()?.decode(column: "name", as: String.self)
        case .gridBranch:
            return try await sql.raw("SELECT name FROM grids WHERE id = \(bind: id) AND community_code LIKE \(bind: prefix)").first()?
                .decode(column: "name", as: String.self)
        case .committeeBranch:
            return try await sql.raw("SELECT name FROM compounds WHERE id = \(bind: id) AND community_code LIKE \(bind: prefix)").first()?
                .decode(column: "name", as: String.self)
        }
    }

    /// Records an organisation for a company, grid or compound in the office's division; one each.
    @discardableResult
    public func register(_ draft: PartyOrganisationDraft, target id: Int64, division: DivisionCode, by actor: AuditActor) async throws -> Int64 {
        let now = clock.now()
        return try await database.write { sql in
            guard try await Self.target(draft.kind, id, in: division, sql: sql) != nil else {
                throw DomainError(code: "unknown_target", message: "请选择辖区内的\(draft.kind == .companyBranch ? "物业服务企业" : draft.kind == .gridBranch ? "网格" : "小区")",
                                  english: "choose a company, grid or compound in the division", field: "target")
            }
            guard try await sql.raw("SELECT 1 FROM party_organisations WHERE kind = \(bind: draft.kind.rawValue) AND target_id = \(bind: id)").first() == nil else {
                throw DomainError(code: "already_registered", message: "该单位已登记党组织", english: "already has a party organisation", field: "target")
            }
            guard let row = try await sql.raw("""
                INSERT INTO party_organisations (kind, target_id, division_code, name, members, secretary, established_on, recorded_by_label, recorded_at)
                VALUES (\(bind: draft.kind.rawValue), \(bind: id), \(bind: division.rawValue), \(bind: draft.name), \(bind: draft.members),
                        \(bind: draft.secretary), \(bind: draft.establishedOn.text), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let organisation = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "party.organisation", targetType: "party_organisation", targetID: String(organisation),
                                                  after: ["kind": draft.kind.rawValue, "target": String(id), "members": String(draft.members)]),
                                      by: actor, at: now, sql: sql)
            return organisation
        }
    }

    /// Assigns (or replaces) the instructor of a company or a committee (党建指导员).
    public func assignInstructor(name raw: String, unit rawUnit: String, phone rawPhone: String, to kind: PartyOrganisationKind, target id: Int64,
                                 division: DivisionCode, by actor: AuditActor) async throws {
        let name = raw.trimmedWhitespace, unit = rawUnit.trimmedWhitespace
        guard (2...20).contains(name.count) else {
            throw DomainError(code: "name_required", message: "请填写指导员姓名", english: "name the instructor", field: "instructor")
        }
        guard (2...60).contains(unit.count) else {
            throw DomainError(code: "unit_required", message: "请填写指导员所在单位", english: "the instructor's unit", field: "unit")
        }
        let phone = try PhoneNumber(rawPhone).rawValue
        guard kind != .gridBranch else { throw DomainError(code: "unknown_target", message: "指导员派驻到企业或业委会", english: "a company or a committee", field: "target") }
        let now = clock.now()
        try await database.write { sql in
            guard try await Self.target(kind, id, in: division, sql: sql) != nil else {
                throw DomainError(code: "unknown_target", message: "请选择辖区内的企业或小区", english: "choose a company or compound in the division", field: "target")
            }
            try await sql.raw("DELETE FROM party_instructors WHERE target_kind = \(bind: kind.rawValue) AND target_id = \(bind: id)").run()
            try await sql.raw("""
                INSERT INTO party_instructors (target_kind, target_id, division_code, name, unit, phone, assigned_on, recorded_by_label)
                VALUES (\(bind: kind.rawValue), \(bind: id), \(bind: division.rawValue), \(bind: name), \(bind: unit), \(bind: phone),
                        \(bind: CivilDate.inChina(now).text), \(bind: actor.label))
                """).run()
            try await AuditLog.append(AuditChange(action: "party.instructor", targetType: kind.rawValue, targetID: String(id), after: ["instructor": name, "unit": unit]),
                                      by: actor, at: now, sql: sql)
        }
    }
}
