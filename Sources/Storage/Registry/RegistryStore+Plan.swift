import Registry
import SQLKit
import WuyeCore

extension RegistryStore {
    /// Writes one compound's plan: first what changes in rows already stored (these never refer
    /// to the new ones), then the new rows in the order of the foreign keys (compound, buildings,
    /// units, homes, owners, ownerships) in one bulk insert.
    func apply(_ plan: CompoundPlan, key: CompoundKey) async throws {
        let counts = plan.compoundCounts
        if !plan.isNewCompound, plan.compoundTypeChanged || plan.compoundCountsChanged {
            try await sql.raw("""
                UPDATE compounds SET type = \(bind: plan.compoundType.rawValue),
                building_count = \(bind: counts.buildings), unit_count = \(bind: counts.units),
                home_count = \(bind: counts.homes), area_centi = \(bind: counts.area.rawValue)
                WHERE id = \(bind: plan.compoundID)
                """).run()
        }
        for building in plan.recountedBuildings {
            try await sql.raw("""
                UPDATE buildings SET unit_count = \(bind: building.counts.units),
                home_count = \(bind: building.counts.homes), area_centi = \(bind: building.counts.area.rawValue)
                WHERE id = \(bind: building.id)
                """).run()
        }
        for home in plan.changedHomes {
            try await sql.raw("""
                UPDATE homes SET area_centi = \(bind: home.area.rawValue), delivered = \(bind: home.delivered)
                WHERE id = \(bind: home.id)
                """).run()
        }
        for owner in plan.changedOwners {
            try await sql.raw("""
                UPDATE owners SET name = \(bind: owner.name), phone = \(bind: owner.phone?.rawValue)
                WHERE id = \(bind: owner.id)
                """).run()
        }
        var start = 0
        while start < plan.clearedOwnershipHomes.count {
            let batch = Array(plan.clearedOwnershipHomes[start..<min(start + 500, plan.clearedOwnershipHomes.count)])
            start += 500
            try await sql.raw("DELETE FROM ownerships WHERE home_id IN (\(binds: batch))").run()
        }
        try await BulkInsert.insert(sql, Self.newRows(of: plan, key: key))
    }

    private static func newRows(of plan: CompoundPlan, key: CompoundKey) -> [BulkTable] {
        let compoundID = plan.compoundID
        return [
            BulkTable(table: "compounds", columns: [
                "id", "community_code", "name", "type", "building_count", "unit_count", "home_count", "area_centi",
            ], count: plan.isNewCompound ? 1 : 0) { _, row in
                let counts = plan.compoundCounts
                row.int(compoundID); row.text(key.communityCode.rawValue); row.text(key.name)
                row.text(plan.compoundType.rawValue); row.int(counts.buildings); row.int(counts.units)
                row.int(counts.homes); row.int(counts.area.rawValue)
            },
            BulkTable(table: "buildings", columns: [
                "id", "compound_id", "number", "unit_count", "home_count", "area_centi",
            ], count: plan.newBuildings.count) { index, row in
                let building = plan.newBuildings[index]
                row.int(building.id); row.int(compoundID); row.text(building.number); row.int(building.counts.units)
                row.int(building.counts.homes); row.int(building.counts.area.rawValue)
            },
            BulkTable(table: "units", columns: ["id", "compound_id", "building_id", "number"],
                      count: plan.newUnits.count) { index, row in
                let unit = plan.newUnits[index]
                row.int(unit.id); row.int(compoundID); row.int(unit.buildingID); row.text(unit.number)
            },
            BulkTable(table: "homes", columns: [
                "id", "compound_id", "building_id", "unit_id", "number", "area_centi", "delivered",
            ], count: plan.newHomes.count) { index, row in
                let home = plan.newHomes[index]
                row.int(home.id); row.int(compoundID); row.int(home.buildingID); row.int(home.unitID)
                row.text(home.number); row.int(home.area.rawValue); row.bool(home.delivered)
            },
            BulkTable(table: "owners", columns: ["id", "kind", "id_number", "name", "phone"],
                      count: plan.newOwners.count) { index, row in
                let owner = plan.newOwners[index]
                row.int(owner.id); row.text(owner.identifier.isPerson ? "person" : "organisation")
                row.text(owner.identifier.rawValue); row.text(owner.name); row.optional(owner.phone?.rawValue)
            },
            BulkTable(table: "ownerships", columns: ["home_id", "owner_id", "compound_id"],
                      count: plan.newOwnerships.count) { index, row in
                let ownership = plan.newOwnerships[index]
                row.int(ownership.homeID); row.int(ownership.ownerID); row.int(compoundID)
            },
        ]
    }
}
