import Registry
import SQLKit
import WuyeCore

extension RegistryStore {
    /// Rolls the compounds' counts up to every division (community → subdistrict → district →
    /// city), so the drill-down reads ten rows, not 2.54M homes. Runs after each registry write;
    /// it reads the 4,000 compounds once.
    func refreshDivisionCounts() async throws {
        var parents: [String: String] = [:]
        var stored: [String: [Int64]] = [:]
        for row in try await sql.raw("""
            SELECT code, parent_code, compound_count, building_count, unit_count, home_count, area_centi FROM divisions
            """).all() {
            let code = try row.decode(column: "code", as: String.self)
            parents[code] = try row.decode(column: "parent_code", as: String?.self)
            stored[code] = try ["compound_count", "building_count", "unit_count", "home_count", "area_centi"].map {
                try row.decode(column: $0, as: Int64.self)
            }
        }
        var totals: [String: [Int64]] = [:]
        for row in try await sql.raw("""
            SELECT community_code, CAST(COUNT(*) AS BIGINT) AS compounds,
            CAST(SUM(building_count) AS BIGINT) AS buildings, CAST(SUM(unit_count) AS BIGINT) AS units,
            CAST(SUM(home_count) AS BIGINT) AS homes, CAST(SUM(area_centi) AS BIGINT) AS area
            FROM compounds GROUP BY community_code
            """).all() {
            let counts = try ["compounds", "buildings", "units", "homes", "area"].map {
                try row.decode(column: $0, as: Int64.self)
            }
            var code: String? = try row.decode(column: "community_code", as: String.self)
            while let current = code {
                totals[current] = zip(totals[current] ?? [0, 0, 0, 0, 0], counts).map { $0 + $1 }
                code = parents[current] ?? nil
            }
        }
        for (code, old) in stored {
            let new = totals[code] ?? [0, 0, 0, 0, 0]
            guard new != old else { continue }
            try await sql.raw("""
                UPDATE divisions SET compound_count = \(bind: new[0]), building_count = \(bind: new[1]),
                unit_count = \(bind: new[2]), home_count = \(bind: new[3]), area_centi = \(bind: new[4])
                WHERE code = \(bind: code)
                """).run()
        }
    }
}
