import Registry
import SQLKit
import WuyeCore

/// Reads and writes the registry tables inside a caller's transaction.
struct RegistryStore {
    let sql: any SQLDatabase

    func nextIDs() async throws -> RegistryIDs {
        func next(_ table: String) async throws -> Int64 {
            let row = try await sql.raw("SELECT CAST(COALESCE(MAX(id), 0) + 1 AS BIGINT) AS next FROM \(unsafeRaw: table)").first()
            return try row?.decode(column: "next", as: Int64.self) ?? 1
        }
        return RegistryIDs(compound: try await next("compounds"), building: try await next("buildings"),
                           unit: try await next("units"), home: try await next("homes"),
                           owner: try await next("owners"))
    }

    func divisionNames() async throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try await sql.raw("SELECT code, name FROM divisions").all() {
            names[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }

    func insertDivision(code: DivisionCode, name: String, parent: DivisionCode?) async throws {
        try await sql.raw("""
            INSERT INTO divisions (code, level, name, parent_code)
            VALUES (\(bind: code.rawValue), \(bind: code.level.rawValue), \(bind: name), \(bind: parent?.rawValue))
            """).run()
    }

    func renameDivision(code: DivisionCode, name: String) async throws {
        try await sql.raw("UPDATE divisions SET name = \(bind: name) WHERE code = \(bind: code.rawValue)").run()
    }

    func compound(_ key: CompoundKey) async throws -> (id: Int64, type: CompoundType)? {
        guard let row = try await sql.raw("""
            SELECT id, type FROM compounds WHERE community_code = \(bind: key.communityCode.rawValue)
            AND name = \(bind: key.name)
            """).first() else { return nil }
        let type = CompoundType(rawValue: try row.decode(column: "type", as: String.self)) ?? .closed
        return (try row.decode(column: "id", as: Int64.self), type)
    }

    /// The whole compound as stored: buildings with counts, units, homes with their owners.
    func snapshot(id: Int64, type: CompoundType) async throws -> CompoundSnapshot {
        var snapshot = CompoundSnapshot(id: id, type: type)
        var buildingNumbers: [Int64: String] = [:]
        for row in try await sql.raw("""
            SELECT id, number, unit_count, home_count, area_centi FROM buildings WHERE compound_id = \(bind: id)
            """).all() {
            let buildingID = try row.decode(column: "id", as: Int64.self)
            let number = try row.decode(column: "number", as: String.self)
            buildingNumbers[buildingID] = number
            snapshot.buildings[number] = ExistingBuilding(id: buildingID, counts: RegistryCounts(
                units: try row.decode(column: "unit_count", as: Int64.self),
                homes: try row.decode(column: "home_count", as: Int64.self),
                area: CentiSquareMetres(try row.decode(column: "area_centi", as: Int64.self))))
        }
        var unitKeys: [Int64: UnitKey] = [:]
        for row in try await sql.raw("SELECT id, building_id, number FROM units WHERE compound_id = \(bind: id)").all() {
            let buildingID = try row.decode(column: "building_id", as: Int64.self)
            let key = UnitKey(building: buildingNumbers[buildingID] ?? "", unit: try row.decode(column: "number", as: String.self))
            let unitID = try row.decode(column: "id", as: Int64.self)
            unitKeys[unitID] = key
            snapshot.units[key] = unitID
        }
        var owners: [Int64: [Int64]] = [:]
        for row in try await sql.raw("SELECT home_id, owner_id FROM ownerships WHERE compound_id = \(bind: id)").all() {
            owners[try row.decode(column: "home_id", as: Int64.self), default: []]
                .append(try row.decode(column: "owner_id", as: Int64.self))
        }
        for row in try await sql.raw("""
            SELECT id, building_id, unit_id, number, area_centi, delivered FROM homes WHERE compound_id = \(bind: id)
            """).all() {
            let homeID = try row.decode(column: "id", as: Int64.self)
            guard let unit = unitKeys[try row.decode(column: "unit_id", as: Int64.self)] else { continue }
            let key = HomeKey(building: unit.building, unit: unit.unit, home: try row.decode(column: "number", as: String.self))
            snapshot.homes[key] = ExistingHome(
                id: homeID, buildingID: try row.decode(column: "building_id", as: Int64.self),
                area: CentiSquareMetres(try row.decode(column: "area_centi", as: Int64.self)),
                delivered: try row.decode(column: "delivered", as: Bool.self),
                ownerIDs: (owners[homeID] ?? []).sorted())
        }
        return snapshot
    }

    /// Stored owners among these ID numbers, by ID number.
    func owners(idNumbers: [String]) async throws -> [String: ExistingOwner] {
        var found: [String: ExistingOwner] = [:]
        var start = 0
        while start < idNumbers.count {
            let batch = Array(idNumbers[start..<min(start + 500, idNumbers.count)])
            start += 500
            for row in try await sql.raw("""
                SELECT id, id_number, name, phone FROM owners WHERE id_number IN (\(binds: batch))
                """).all() {
                found[try row.decode(column: "id_number", as: String.self)] = ExistingOwner(
                    id: try row.decode(column: "id", as: Int64.self),
                    name: try row.decode(column: "name", as: String.self),
                    phone: try row.decode(column: "phone", as: String?.self))
            }
        }
        return found
    }
}
