import Access
import Assembly
import Foundation
import SQLKit
import WuyeCore

extension Committees {
    /// One compound on an office's overview: its stage, what is due next and whether it is late.
    public struct Row: Sendable, Equatable {
        public let compoundID: Int64
        public let name: String
        public let stage: CommitteeStage
        public let due: [CommitteeRecord.Due]
        /// Not started, and the first assembly is due (the reason).
        public let eligibility: String?

        public func isOverdue(today: CivilDate) -> Bool { due.contains { $0.by.map { today > $0 } ?? false } }
    }

    /// The compounds of `division` (at most `limit`) with their committees: late ones first, then
    /// those due to start, then the rest by name.
    public func overview(in division: DivisionCode, limit: Int = 500) async throws -> [Row] {
        let today = today
        return try await database.read { sql in
            let compounds = try await sql.raw("""
                SELECT id, name, community_code FROM compounds WHERE community_code LIKE \(bind: division.sharedPrefix + "%") ORDER BY name, id
                LIMIT \(unsafeRaw: String(max(1, min(limit, 2000))))
                """).all().map { (id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self),
                                  community: DivisionCode(rawValue: try $0.decode(column: "community_code", as: String.self))) }
            guard !compounds.isEmpty else { return [] }
            let ids = compounds.map(\.id)
            // Each table read once for all the compounds, not once per compound.
            let serving = try await Self.serving(ids, sql: sql)
            var started: [Int64: Committee] = [:]
            for row in try await sql.raw("SELECT * FROM committees WHERE compound_id IN (\(binds: ids))").all() {
                let committee = try Self.committee(row, serving: serving[try row.decode(column: "compound_id", as: Int64.self)] ?? 0)
                started[committee.compoundID] = committee
            }
            let waiting = ids.filter { started[$0] == nil }
            let delivery = waiting.isEmpty ? [:] : try await Self.deliveries(waiting, sql: sql)
            var rulesOfDistrict: [DivisionCode: CommitteeRules] = [:]
            var rows: [Row] = []
            for compound in compounds {
                var committee = started[compound.id]
                if committee == nil, let district = compound.community?.parent?.parent {
                    if rulesOfDistrict[district] == nil { rulesOfDistrict[district] = try await Self.rules(forDistrict: district, sql: sql) }
                    committee = Self.notStarted(compound.id, rules: rulesOfDistrict[district] ?? .qingdao)
                }
                guard let committee else { continue }
                rows.append(Row(compoundID: compound.id, name: compound.name, stage: committee.record.stage,
                                due: committee.record.due(committee.rules),
                                eligibility: started[compound.id] != nil ? nil : delivery[compound.id]?.eligibility(firstDelivered: nil, today: today)))
            }
            func rank(_ row: Row) -> Int { row.isOverdue(today: today) ? 0 : row.eligibility != nil ? 1 : row.stage == .notStarted ? 3 : 2 }
            return rows.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        }
    }

    /// Sets the rules a district or the city follows for committees from now on; committees already
    /// started keep theirs.
    public func setRules(_ jurisdiction: CommitteeRules.Jurisdiction, for division: DivisionCode, by actor: AuditActor) async throws {
        guard division.level <= .district else {
            throw DomainError(code: "rules_level", message: "适用规则由区或市设定", english: "a district or the city sets the rules", field: "division")
        }
        let now = clock.now()
        try await database.write { sql in
            try await sql.raw("DELETE FROM committee_rule_settings WHERE division_code = \(bind: division.rawValue)").run()
            try await sql.raw("INSERT INTO committee_rule_settings (division_code, rules) VALUES (\(bind: division.rawValue), \(bind: jurisdiction.rawValue))").run()
            try await AuditLog.append(AuditChange(action: "committee.rules", targetType: "division", targetID: division.rawValue,
                                                  after: ["rules": jurisdiction.rawValue]), by: actor, at: now, sql: sql)
        }
    }

    // MARK: documents

    public struct Document: Sendable, Equatable {
        public let id: Int64
        public let step: Step
        public let name: String
        public let contentType: String
        public let uploadedBy: String
        public let uploadedAt: Date
    }

    @discardableResult
    public func attach(name: String, bytes: [UInt8], to step: Step, compound: Int64, by actor: AuditActor) async throws -> Int64 {
        let checked = try CommitteeDocument.check(name: name, bytes: bytes)
        let now = clock.now()
        return try await database.write { sql in
            guard let row = try await sql.raw("""
                INSERT INTO committee_documents (compound_id, step, name, content_type, bytes, uploaded_by_label, uploaded_at)
                VALUES (\(bind: compound), \(bind: step.rawValue), \(bind: checked.name), \(bind: checked.kind.rawValue), \(bind: Data(bytes)),
                        \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "committee.document", targetType: "compound", targetID: String(compound),
                                                  after: ["document": String(id), "step": step.rawValue, "bytes": String(bytes.count)]),
                                      by: actor, at: now, sql: sql)
            return id
        }
    }

    public func documents(compound: Int64) async throws -> [Document] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT id, step, name, content_type, uploaded_by_label, uploaded_at FROM committee_documents
                WHERE compound_id = \(bind: compound) ORDER BY id
                """).all().map { row in
                Document(id: try row.decode(column: "id", as: Int64.self), step: try row.known("step", as: Step.self),
                         name: try row.decode(column: "name", as: String.self), contentType: try row.decode(column: "content_type", as: String.self),
                         uploadedBy: AuditActor.shown(try row.decode(column: "uploaded_by_label", as: String.self)),
                         uploadedAt: Date(timeIntervalSince1970: Double(try row.decode(column: "uploaded_at", as: Int64.self))))
            }
        }
    }

    /// A document's bytes, if it belongs to the compound.
    public func document(id: Int64, compound: Int64) async throws -> (contentType: String, bytes: [UInt8])? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT content_type, bytes FROM committee_documents WHERE id = \(bind: id) AND compound_id = \(bind: compound)
                """).first() else { return nil }
            return (try row.decode(column: "content_type", as: String.self), [UInt8](try row.decode(column: "bytes", as: Data.self)))
        }
    }
}
