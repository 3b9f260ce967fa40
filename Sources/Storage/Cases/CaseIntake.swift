import Cases
import Foundation
import SQLKit
import WuyeCore

/// Group commit for intake. Reports that arrive while a write is under way wait, then go into the
/// database together in one transaction: each case with its photos, one multi-row insert of their
/// first timeline events, and the audit chain moved once for all of them. A caller is answered
/// only after the transaction holding its case commits. If a batch fails, its cases are retried
/// one by one, so one bad case fails alone.
actor CaseIntake {
    let database: WuyeDatabase
    /// Large enough to carry a burst; small enough that one transaction stays short.
    static let batchLimit = 64

    /// A checked, routed report ready to be written.
    struct Pending: Sendable {
        let new: CaseStore.NewCase
        let description: String
        let phone: String?
        let photoFormats: [CasePhoto.Format]
        let site: CaseStore.Located
        let route: CaseRouting.Route
        let due: Date
        let reporter: Int64?
        let actor: AuditActor
        let at: Date
    }

    private var waiting: [(Pending, CheckedContinuation<Int64, any Error>)] = []
    private var writing = false

    init(database: WuyeDatabase) {
        self.database = database
    }

    /// Writes the report with whatever others are waiting and returns its case number.
    func submit(_ pending: Pending) async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((pending, continuation))
            if !writing {
                writing = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.batchLimit))
            waiting.removeFirst(batch.count)
            do {
                let ids = try await database.write { sql in try await Self.insert(batch.map(\.0), sql: sql) }
                for (index, item) in batch.enumerated() { item.1.resume(returning: ids[index]) }
            } catch {
                if batch.count == 1 {
                    batch[0].1.resume(throwing: error)
                    continue
                }
                for item in batch {
                    do {
                        let id = try await database.write { sql in try await Self.insert([item.0], sql: sql) }[0]
                        item.1.resume(returning: id)
                    } catch {
                        item.1.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }

    /// The statements of one batch, inside its transaction.
    static func insert(_ batch: [Pending], sql: any SQLDatabase) async throws -> [Int64] {
        var ids: [Int64] = []
        var events: [SQLQueryString] = []
        var audit: [(AuditChange, AuditActor)] = []
        for pending in batch {
            let new = pending.new, site = pending.site, route = pending.route
            let seconds = Int64(pending.at.timeIntervalSince1970)
            guard let row = try await sql.raw("""
                INSERT INTO cases (compound_id, building_id, home_id, grid_id, company_id, community_code, kind, source, urgent,
                                   description, department, state, level, reporter_account_id, contact_name, contact_phone,
                                   reported_at, updated_at, due_at, acknowledged, event_count, photo_count,
                                   open311_key_id, media_url, latitude_e6, longitude_e6)
                VALUES (\(bind: new.compoundID), \(bind: site.building), \(bind: new.homeID), \(bind: site.grid),
                        \(bind: route.firstLevel == .company ? site.company : nil), \(bind: site.community.rawValue),
                        \(bind: new.kind.rawValue), \(bind: new.source.rawValue), \(bind: new.urgent), \(bind: pending.description),
                        \(bind: route.department.rawValue), 'reported', \(bind: route.firstLevel.rawValue), \(bind: pending.reporter),
                        \(bind: new.contactName?.trimmedWhitespace), \(bind: pending.phone), \(bind: seconds), \(bind: seconds),
                        \(bind: Int64(pending.due.timeIntervalSince1970)), TRUE, 1, \(bind: Int64(new.photos.count)),
                        \(bind: new.open311?.keyID), \(bind: new.open311?.mediaURL), \(bind: new.open311?.point?.latitudeE6),
                        \(bind: new.open311?.point?.longitudeE6))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            ids.append(id)
            for (index, photo) in new.photos.enumerated() {
                try await CaseStore.insertPhoto(caseID: id, number: index + 1, format: pending.photoFormats[index], bytes: photo,
                                                at: seconds, sql: sql)
            }
            let note = "\(new.source.chineseName)：\(new.kind.chineseName)"
            events.append("""
                (\(bind: id), 1, \(bind: seconds), 'report', NULL, 'reported', \(bind: route.firstLevel.rawValue), 'reporter',
                 \(bind: pending.actor.accountID), \(bind: pending.actor.label), \(bind: note))
                """)
            audit.append((AuditChange(action: "case.report", targetType: "case", targetID: String(id),
                                      after: ["kind": new.kind.rawValue, "source": new.source.rawValue,
                                              "compound_id": String(new.compoundID), "level": route.firstLevel.rawValue,
                                              "photos": String(new.photos.count)]), pending.actor))
        }
        try await sql.raw("""
            INSERT INTO case_events (case_id, seq, at, event, from_state, to_state, level, capacity, actor_account_id, actor_label, note)
            VALUES \(events.joined(separator: ", "))
            """).run()
        try await AuditLog.appendAll(audit, at: batch[0].at, sql: sql)
        return ids
    }
}
