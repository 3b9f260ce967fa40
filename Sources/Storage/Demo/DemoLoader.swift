import Foundation
import Registry
import SQLKit
import WuyeCore

/// `wuye demo` and `wuye serve --demo`: loads a synthetic city. The registry goes through the
/// same writer as `wuye import registry`; companies, service arrangements and grids follow in
/// the same transaction. Loading the same scale and seed again changes nothing.
public enum DemoLoader {
    public static func load(_ city: DemoCity, into database: WuyeDatabase) async throws -> RegistryImportSummary {
        try await database.writeRegistry(compounds: city.compounds.count, rows: { city.rows(of: city.compounds[$0]) }) {
            sql, touched, summary in
            var compoundIDs: [Int64] = []
            for compound in city.compounds {
                guard let id = touched[CompoundKey(communityCode: compound.community.code, name: compound.name)] else {
                    throw DomainError(code: "demo_inconsistent", message: "示例数据不一致", english: "demo compound not written")
                }
                compoundIDs.append(id)
                try await sql.raw("""
                    UPDATE compounds SET address = \(bind: compound.address), renovated_old = \(bind: compound.renovatedOld),
                           latitude_e6 = \(bind: compound.location.latitudeE6), longitude_e6 = \(bind: compound.location.longitudeE6)
                    WHERE id = \(bind: id)
                    """).run()
            }
            let companyIDs = try await writeCompanies(city.propertyCompanies, sql: sql)
            try await writeArrangements(city.serviceArrangements, compoundIDs: compoundIDs, companyIDs: companyIDs, sql: sql)
            try await writeGrids(city.grids, compoundIDs: compoundIDs, sql: sql)
            // As for an import: loading the same demo again writes nothing, so it logs nothing.
            if summary.changedAnything {
                try await AuditLog.append(AuditChange(action: "demo.load", targetType: "registry", targetID: "demo",
                                                      after: summary.auditFields),
                                          by: .command("demo"), at: Date(), sql: sql)
            }
        }
    }

    private static func nextID(_ table: String, _ sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("SELECT CAST(COALESCE(MAX(id), 0) + 1 AS BIGINT) AS next FROM \(unsafeRaw: table)")
            .first()?.decode(column: "next", as: Int64.self) ?? 1
    }

    private static func writeCompanies(_ companies: [DemoPropertyCompany], sql: any SQLDatabase) async throws -> [Int64] {
        var next = try await nextID("property_companies", sql)
        try await BulkInsert.insert(sql, into: "property_companies", columns: ["id", "name", "credit_code"],
                                    rows: companies.map { company in
            defer { next += 1 }
            return [.int(next), .text(company.name), .text(company.creditCode.rawValue)]
        }, suffix: "ON CONFLICT (credit_code) DO NOTHING")
        var ids: [String: Int64] = [:]
        for row in try await sql.raw("SELECT id, credit_code FROM property_companies").all() {
            ids[try row.decode(column: "credit_code", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        return companies.map { ids[$0.creditCode.rawValue] ?? 0 }
    }

    private static func writeArrangements(_ arrangements: [DemoServiceArrangement], compoundIDs: [Int64],
                                          companyIDs: [Int64], sql: any SQLDatabase) async throws {
        let compounds = Array(Set(arrangements.map { compoundIDs[$0.compoundIndex] }))
        var start = 0
        while start < compounds.count {
            let batch = Array(compounds[start..<min(start + 500, compounds.count)])
            start += 500
            try await sql.raw("DELETE FROM service_arrangements WHERE compound_id IN (\(binds: batch))").run()
        }
        var next = try await nextID("service_arrangements", sql)
        try await BulkInsert.insert(sql, into: "service_arrangements", columns: [
            "id", "compound_id", "kind", "company_id", "fee_model", "starts_on", "ends_on",
        ], rows: arrangements.map { arrangement in
            defer { next += 1 }
            return [.int(next), .int(compoundIDs[arrangement.compoundIndex]), .text(arrangement.kind.rawValue),
                    arrangement.companyIndex.map { .int(companyIDs[$0]) } ?? .null,
                    .optional(arrangement.feeModel?.rawValue), .text(arrangement.startsOn), .optional(arrangement.endsOn)]
        })
    }

    private static func writeGrids(_ grids: [DemoGrid], compoundIDs: [Int64], sql: any SQLDatabase) async throws {
        var next = try await nextID("grids", sql)
        try await BulkInsert.insert(sql, into: "grids", columns: ["id", "code", "community_code", "name"],
                                    rows: grids.map { grid in
            defer { next += 1 }
            return [.int(next), .text(grid.code), .text(grid.community.code.rawValue), .text(grid.name)]
        }, suffix: "ON CONFLICT (code) DO NOTHING")
        var gridIDs: [String: Int64] = [:]
        for row in try await sql.raw("SELECT id, code FROM grids").all() {
            gridIDs[try row.decode(column: "code", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        var buildingIDs: [Int64: [String: Int64]] = [:]
        for row in try await sql.raw("SELECT id, compound_id, number FROM buildings").all() {
            buildingIDs[try row.decode(column: "compound_id", as: Int64.self), default: [:]][
                try row.decode(column: "number", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        var rows: [[SQLValue]] = []
        for grid in grids {
            guard let gridID = gridIDs[grid.code] else { continue }
            for building in grid.buildings {
                let compoundID = compoundIDs[building.compoundIndex]
                guard let buildingID = buildingIDs[compoundID]?[building.building] else { continue }
                rows.append([.int(buildingID), .int(gridID), .int(compoundID)])
            }
        }
        try await BulkInsert.insert(sql, into: "grid_buildings", columns: ["building_id", "grid_id", "compound_id"],
                                    rows: rows, suffix: "ON CONFLICT (building_id) DO UPDATE SET grid_id = excluded.grid_id")
    }
}
