import Registry
import SQLKit
import WuyeCore

extension RegistryStore {
    /// Writes one compound's plan. Order follows the foreign keys: compound, buildings, units,
    /// homes, owners, ownerships.
    func apply(_ plan: CompoundPlan, key: CompoundKey) async throws {
        let counts = plan.compoundCounts
        if plan.isNewCompound {
            try await BulkInsert.insert(sql, into: "compounds", columns: [
                "id", "community_code", "name", "type", "building_count", "unit_count", "home_count", "area_centi",
            ], rows: [[.int(plan.compoundID), .text(key.communityCode.rawValue), .text(key.name),
                       .text(plan.compoundType.rawValue), .int(counts.buildings), .int(counts.units),
                       .int(counts.homes), .int(counts.area.rawValue)]])
        } else if plan.compoundTypeChanged || plan.compoundCountsChanged {
            try await sql.raw("""
                UPDATE compounds SET type = \(bind: plan.compoundType.rawValue),
                building_count = \(bind: counts.buildings), unit_count = \(bind: counts.units),
                home_count = \(bind: counts.homes), area_centi = \(bind: counts.area.rawValue)
                WHERE id = \(bind: plan.compoundID)
                """).run()
        }
        try await BulkInsert.insert(sql, into: "buildings", columns: [
            "id", "compound_id", "number", "unit_count", "home_count", "area_centi",
        ], rows: plan.newBuildings.map {
            [.int($0.id), .int(plan.compoundID), .text($0.number), .int($0.counts.units), .int($0.counts.homes),
             .int($0.counts.area.rawValue)]
        })
        for building in plan.recountedBuildings {
            try await sql.raw("""
                UPDATE buildings SET unit_count = \(bind: building.counts.units),
                home_count = \(bind: building.counts.homes), area_centi = \(bind: building.counts.area.rawValue)
                WHERE id = \(bind: building.id)
                """).run()
        }
        try await BulkInsert.insert(sql, into: "units", columns: ["id", "compound_id", "building_id", "number"],
                                    rows: plan.newUnits.map {
            [.int($0.id), .int(plan.compoundID), .int($0.buildingID), .text($0.number)]
        })
        try await BulkInsert.insert(sql, into: "homes", columns: [
            "id", "compound_id", "building_id", "unit_id", "number", "area_centi", "delivered",
        ], rows: plan.newHomes.map {
            [.int($0.id), .int(plan.compoundID), .int($0.buildingID), .int($0.unitID), .text($0.number),
             .int($0.area.rawValue), .bool($0.delivered)]
        })
        for home in plan.changedHomes {
            try await sql.raw("""
                UPDATE homes SET area_centi = \(bind: home.area.rawValue), delivered = \(bind: home.delivered)
                WHERE id = \(bind: home.id)
                """).run()
        }
        try await BulkInsert.insert(sql, into: "owners", columns: ["id", "kind", "id_number", "name", "phone"],
                                    rows: plan.newOwners.map {
            [.int($0.id), .text($0.identifier.isPerson ? "person" : "organisation"),
             .text($0.identifier.rawValue), .text($0.name), .optional($0.phone?.rawValue)]
        })
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
        try await BulkInsert.insert(sql, into: "ownerships", columns: ["home_id", "owner_id", "compound_id"],
                                    rows: plan.newOwnerships.map {
            [.int($0.homeID), .int($0.ownerID), .int(plan.compoundID)]
        })
    }
}
