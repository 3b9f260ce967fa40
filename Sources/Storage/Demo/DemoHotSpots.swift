import Cases
import Foundation
import SQLKit
import WuyeCore

/// Complaint history, a remediation campaign and grid teams for the demo district, so the hot-spot,
/// campaign and team pages have something real to show: 12345 complaints of the last 85 days
/// (closed, a few compounds drawing many), the district's campaign over its top 10 with some
/// compounds rectified and re-checked, and the district's grids on rosters, some below the norm. Deterministic; nothing is added when the district already has a campaign.
public enum DemoHotSpots {
    static let marker = "业主投诉物业服务（示例历史数据）"

    @discardableResult
    public static func seed(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Int64? {
        guard let owner = accounts.first(where: { $0.portal == .owner }), let demoCompound = owner.roles.first?.compoundID,
              let subdistrict = accounts.lazy.flatMap(\.roles).first(where: { $0.kind == .administrationStaff && $0.division?.level == .subdistrict })?.division,
              let district = subdistrict.parent else { return nil }
        let existing = try await database.read { sql in
            try await sql.raw("SELECT id FROM remediation_campaigns WHERE division_code = \(bind: district.rawValue) LIMIT 1").first()
        }
        guard existing == nil else { return nil }
        try await writeComplaints(in: district, heavy: demoCompound, now: now, database: database)
        try await writeTeams(in: district, now: now, database: database)
        return try await launchCampaign(in: district, leavingPending: demoCompound, now: now, database: database)
    }

    /// Deterministic "randomness" from an id, so every demo has the same hot spots.
    static func spread(_ id: Int64, _ salt: Int64) -> Int { Int((id &* 2_654_435_761 &+ salt &* 40_503) % 1_000_003) }

    static func writeComplaints(in district: DivisionCode, heavy demoCompound: Int64, now: Date, database: WuyeDatabase) async throws {
        let seconds = Int64(now.timeIntervalSince1970)
        try await database.write { sql in
            let compounds = try await sql.raw("""
                SELECT id, community_code FROM compounds WHERE community_code LIKE \(bind: district.sharedPrefix + "%") ORDER BY id
                """).all().map { (id: try $0.decode(column: "id", as: Int64.self), community: try $0.decode(column: "community_code", as: String.self)) }
            var total = 0
            for compound in compounds {
                let draw = spread(compound.id, 1)
                let count = compound.id == demoCompound ? 30 : draw % 9 == 0 ? 8 + draw % 25 : draw % 4
                guard count > 0 else { continue }
                total += count
                try await sql.raw("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(bind: Int64(count)))
                    INSERT INTO cases (compound_id, grid_id, company_id, community_code, kind, source, urgent, description, department,
                                       state, level, contact_name, reported_at, updated_at, due_at, acknowledged, event_count,
                                       closed_at, closed_on_time, rating)
                    SELECT \(bind: compound.id), (SELECT MIN(grid_id) FROM grid_buildings WHERE compound_id = \(bind: compound.id)),
                           (SELECT MIN(company_id) FROM service_arrangements WHERE compound_id = \(bind: compound.id)),
                           \(bind: compound.community), 'complaint', 'hotline', FALSE, \(bind: marker), 'housing', 'closed', 'company',
                           '12345 来电', r, r, r + 5 * 86400, TRUE, 2, r + 2 * 86400, TRUE, 3 + i % 3
                    FROM (SELECT i, \(bind: seconds) - 86400 - (i * 7919 + \(bind: compound.id) * 104729) % (84 * 86400) AS r FROM n) AS t
                    """).run()
            }
            for (seq, event, from, to, note) in [(1, "report", nil, "reported", "12345 热线：投诉（示例历史数据）"),
                                                 (2, "close", "verifying", "closed", "核查属实，已整改并回访（示例历史数据）")] as [(Int64, String, String?, String, String)] {
                try await sql.raw("""
                    INSERT INTO case_events (case_id, seq, at, event, from_state, to_state, level, capacity, actor_account_id, actor_label, note)
                    SELECT id, \(bind: seq), \(unsafeRaw: seq == 1 ? "reported_at" : "closed_at"), \(bind: event), \(bind: from), \(bind: to),
                           'company', NULL, NULL, '12345 热线', \(bind: note)
                    FROM cases WHERE description = \(bind: marker) AND community_code LIKE \(bind: district.sharedPrefix + "%")
                    """).run()
            }
            try await AuditLog.append(AuditChange(action: "demo.complaints", targetType: "division", targetID: district.rawValue,
                                                  after: ["cases": String(total)]),
                                      by: actor, at: now, sql: sql)
        }
    }
}
