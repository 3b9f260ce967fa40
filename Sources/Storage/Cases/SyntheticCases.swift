import Foundation
import SQLKit
import WuyeCore

/// Open cases in bulk for the escalation benchmark: `count` repairs being handled by the company,
/// spread over the registry's compounds, one in every `overdueEvery` already past its deadline.
public enum SyntheticCases {
    public static func insert(count: Int, overdueEvery: Int, now: Date, into database: WuyeDatabase) async throws {
        let seconds = Int64(now.timeIntervalSince1970)
        try await database.write { sql in
            let compounds = try await sql.raw("SELECT id, community_code FROM compounds ORDER BY id").all().map {
                (id: try $0.decode(column: "id", as: Int64.self), community: try $0.decode(column: "community_code", as: String.self))
            }
            guard !compounds.isEmpty else {
                throw DomainError(code: "no_registry", message: "数据库中没有小区", english: "the database holds no compounds; load a demo first")
            }
            var start = 0
            for (index, compound) in compounds.enumerated() {
                let share = count / compounds.count + (index < count % compounds.count ? 1 : 0)
                guard share > 0 else { continue }
                // Numbers start..<start+share across the whole set, so "every n-th overdue" holds overall.
                try await sql.raw("""
                    WITH RECURSIVE n(i) AS (SELECT \(bind: Int64(start)) UNION ALL SELECT i + 1 FROM n WHERE i < \(bind: Int64(start + share - 1)))
                    INSERT INTO cases (compound_id, community_code, kind, source, urgent, description, department, state, level,
                                       reported_at, updated_at, due_at, acknowledged, event_count)
                    SELECT \(bind: compound.id), \(bind: compound.community), 'repair', 'owner', FALSE, '基准测试', 'housing', 'handling',
                           'company', \(bind: seconds - 86_400), \(bind: seconds - 86_400),
                           CASE WHEN i % \(bind: Int64(overdueEvery)) = 0 THEN \(bind: seconds - 3_600) ELSE \(bind: seconds + 3 * 86_400) END,
                           TRUE, 1
                    FROM n
                    """).run()
                start += share
            }
        }
    }
}
