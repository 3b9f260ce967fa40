import Access
import Foundation
import SQLKit
import WuyeCore

/// Where registry things sit, for the access policy: a compound's community, its grids and the
/// companies serving it on `today`; a building's or home's one grid.
public struct RegistryPlaces: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public var today: String { CivilDate.inChina(clock.now()).text }

    public func place(ofDivision code: DivisionCode) async throws -> Place? {
        try await database.read { sql in
            try await sql.raw("SELECT code FROM divisions WHERE code = \(bind: code.rawValue)").first() == nil
                ? nil : Place.division(code)
        }
    }

    public func place(ofCompound id: Int64) async throws -> Place? {
        try await database.read { sql in try await compoundPlace(id, sql: sql) }
    }

    public func place(ofBuilding id: Int64) async throws -> Place? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT b.compound_id, gb.grid_id FROM buildings b LEFT JOIN grid_buildings gb ON gb.building_id = b.id
                WHERE b.id = \(bind: id)
                """).first() else { return nil }
            return try await compoundPlace(try row.decode(column: "compound_id", as: Int64.self),
                                           grids: Set([try row.decode(column: "grid_id", as: Int64?.self)].compactMap { $0 }), sql: sql)
        }
    }

    public func place(ofHome id: Int64) async throws -> Place? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT h.compound_id, gb.grid_id FROM homes h LEFT JOIN grid_buildings gb ON gb.building_id = h.building_id
                WHERE h.id = \(bind: id)
                """).first() else { return nil }
            var place = try await compoundPlace(try row.decode(column: "compound_id", as: Int64.self),
                                                grids: Set([try row.decode(column: "grid_id", as: Int64?.self)].compactMap { $0 }), sql: sql)
            place?.homeID = id
            return place
        }
    }

    /// A grid's place: its community, the grid, and the companies serving any compound it covers
    /// (the compound is the grid's first, so company roles are judged as at a compound).
    public func place(ofGrid id: Int64) async throws -> Place? {
        try await database.read { sql in
            guard let row = try await sql.raw("SELECT community_code FROM grids WHERE id = \(bind: id)").first(),
                  let community = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self)) else { return nil }
            let compounds = try await sql.raw("SELECT DISTINCT compound_id FROM grid_buildings WHERE grid_id = \(bind: id)")
                .all().map { try $0.decode(column: "compound_id", as: Int64.self) }
            var companies: Set<Int64> = []
            for compound in compounds {
                companies.formUnion(try await compoundPlace(compound, grids: [id], sql: sql)?.servingCompanyIDs ?? [])
            }
            return Place(division: community, compoundID: compounds.min(), gridIDs: [id], servingCompanyIDs: companies)
        }
    }

    /// The community a grid lies in.
    public func community(ofGrid id: Int64) async throws -> DivisionCode? {
        try await database.read { sql in
            try await sql.raw("SELECT community_code FROM grids WHERE id = \(bind: id)").first()
                .flatMap { DivisionCode(rawValue: try $0.decode(column: "community_code", as: String.self)) }
        }
    }

    public func companyExists(_ id: Int64) async throws -> Bool {
        try await database.read { sql in
            try await sql.raw("SELECT id FROM property_companies WHERE id = \(bind: id)").first() != nil
        }
    }

    /// A compound's place; `grids` when the caller already knows them (a building's or home's one grid),
    /// else all of the compound's.
    private func compoundPlace(_ id: Int64, grids known: Set<Int64>? = nil, sql: any SQLDatabase) async throws -> Place? {
        guard let row = try await sql.raw("""
            SELECT c.community_code, k.stage FROM compounds c LEFT JOIN committees k ON k.compound_id = c.id WHERE c.id = \(bind: id)
            """).first(),
              let community = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self))
        else { return nil }
        var grids = known ?? []
        if known == nil {
            grids = Set(try await sql.raw("SELECT DISTINCT grid_id FROM grid_buildings WHERE compound_id = \(bind: id)")
                .all().map { try $0.decode(column: "grid_id", as: Int64.self) })
        }
        let companies = try await sql.raw("""
            SELECT company_id FROM service_arrangements
            WHERE compound_id = \(bind: id) AND company_id IS NOT NULL AND starts_on <= \(bind: today)
              AND (ends_on IS NULL OR ends_on > \(bind: today))
            """).all().map { try $0.decode(column: "company_id", as: Int64.self) }
        var place = Place(division: community, compoundID: id, gridIDs: grids, servingCompanyIDs: Set(companies))
        place.preparatoryGroup = try row.decode(column: "stage", as: String?.self) == "preparatory_group"
        return place
    }
}
