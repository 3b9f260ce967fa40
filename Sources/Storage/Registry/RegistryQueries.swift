import Registry
import SQLKit
import WuyeCore

/// Browsing the registry. Every query reads maintained counts or walks an index: none scans
/// the homes of the city.
public struct RegistryQueries: Sendable {
    public let database: WuyeDatabase

    public init(database: WuyeDatabase) {
        self.database = database
    }

    private static let divisionColumns = """
        code, level, name, parent_code, compound_count, building_count, unit_count, home_count, area_centi
        """

    /// The top of the tree: the cities the registry holds.
    public func cities() async throws -> [DivisionView] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT \(unsafeRaw: Self.divisionColumns) FROM divisions WHERE parent_code IS NULL ORDER BY code
                """).all().map(Self.division)
        }
    }

    public func division(code: String) async throws -> DivisionView? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.divisionColumns) FROM divisions WHERE code = \(bind: code)")
                .first().map(Self.division)
        }
    }

    public func children(ofDivision code: String) async throws -> [DivisionView] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT \(unsafeRaw: Self.divisionColumns) FROM divisions WHERE parent_code = \(bind: code) ORDER BY code
                """).all().map(Self.division)
        }
    }

    /// The communities in a division (the division itself when it is one), code and name, by code:
    /// one read however deep the division, where walking down level by level took one per division.
    public func communities(under division: DivisionCode, limit: Int = 2_000) async throws -> [(code: String, name: String)] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT code, name FROM divisions WHERE code LIKE \(bind: division.sharedPrefix + "%") AND LENGTH(code) = 12
                ORDER BY code LIMIT \(unsafeRaw: String(limit))
                """).all().map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "name", as: String.self)) }
        }
    }

    /// The division and its ancestors, city first: a breadcrumb.
    public func lineage(ofDivision code: String) async throws -> [DivisionView] {
        var codes: [String] = []
        var current = try? DivisionCode(code)
        while let division = current, division.level >= .city {
            codes.append(division.rawValue)
            current = division.parent
        }
        guard !codes.isEmpty else { return [] }
        return try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.divisionColumns) FROM divisions WHERE code IN (\(binds: codes))")
                .all().map(Self.division).sorted { $0.code.count < $1.code.count || ($0.code.count == $1.code.count && $0.code < $1.code) }
        }
    }

    private static let compoundColumns = """
        id, name, type, community_code, address, renovated_old, building_count, unit_count, home_count, area_centi
        """

    public func compounds(inCommunity code: String) async throws -> [CompoundView] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT \(unsafeRaw: Self.compoundColumns) FROM compounds WHERE community_code = \(bind: code) ORDER BY name
                """).all().map(Self.compound)
        }
    }

    public func compound(id: Int64) async throws -> CompoundView? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.compoundColumns) FROM compounds WHERE id = \(bind: id)")
                .first().map(Self.compound)
        }
    }

    /// Compounds inside `scope` whose name contains `text`, in id order from `after`.
    public func searchCompounds(name text: String, within scope: CompoundScope, today: String,
                                after cursor: Int64?, limit: Int) async throws -> Page<CompoundView> {
        let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let items = try await database.read { sql in
            try await sql.raw("""
                SELECT \(unsafeRaw: Self.compoundColumns) FROM compounds c
                WHERE c.name LIKE \(bind: pattern) ESCAPE '\\' AND \(scope.condition(today: today))
                AND c.id > \(bind: cursor ?? 0) ORDER BY c.id LIMIT \(literal: limit + 1)
                """).all().map(Self.compound)
        }
        return Self.page(items, limit: limit) { $0.id }
    }

    /// Compounds inside `scope`, in id order from `after`: a portal's list of what its account looks after.
    public func compounds(within scope: CompoundScope, today: String, after cursor: Int64?, limit: Int) async throws -> Page<CompoundView> {
        let items = try await database.read { sql in
            try await sql.raw("""
                SELECT \(unsafeRaw: Self.compoundColumns) FROM compounds c WHERE \(scope.condition(today: today))
                AND c.id > \(bind: cursor ?? 0) ORDER BY c.id LIMIT \(literal: limit + 1)
                """).all().map(Self.compound)
        }
        return Self.page(items, limit: limit) { $0.id }
    }

    public func buildings(inCompound id: Int64) async throws -> [BuildingView] {
        let buildings = try await database.read { sql in
            try await sql.raw("""
                SELECT id, compound_id, number, unit_count, home_count, area_centi FROM buildings
                WHERE compound_id = \(bind: id)
                """).all().map(Self.building)
        }
        return buildings.sorted { RegistryOrder.precedes($0.number, $1.number) }
    }

    public func building(id: Int64) async throws -> BuildingView? {
        try await database.read { sql in
            try await sql.raw("""
                SELECT id, compound_id, number, unit_count, home_count, area_centi FROM buildings WHERE id = \(bind: id)
                """).first().map(Self.building)
        }
    }

    /// A building's units with their homes, in number order.
    public func units(inBuilding id: Int64) async throws -> [UnitView] {
        let homes = try await database.read { sql in
            try await sql.raw("""
                SELECT h.id, h.compound_id, h.building_id, b.number AS building, u.id AS unit_id, u.number AS unit,
                h.number, h.area_centi, h.delivered
                FROM units u JOIN homes h ON h.unit_id = u.id JOIN buildings b ON b.id = u.building_id
                WHERE u.building_id = \(bind: id)
                """).all().map { row in (try row.decode(column: "unit_id", as: Int64.self), try Self.home(row)) }
        }
        var units: [Int64: UnitView] = [:]
        for (unitID, home) in homes {
            units[unitID, default: UnitView(id: unitID, number: home.unit, homes: [])].homes.append(home)
        }
        return units.values.map { unit in
            var unit = unit
            unit.homes.sort { RegistryOrder.precedes($0.number, $1.number) }
            return unit
        }.sorted { RegistryOrder.precedes($0.number, $1.number) }
    }

    /// A compound's homes in id order, a page at a time.
    public func homes(inCompound id: Int64, after cursor: Int64?, limit: Int) async throws -> Page<HomeView> {
        let items = try await database.read { sql in
            try await sql.raw("""
                SELECT h.id, h.compound_id, h.building_id, b.number AS building, u.number AS unit, h.number,
                h.area_centi, h.delivered
                FROM homes h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = h.building_id
                WHERE h.compound_id = \(bind: id) AND h.id > \(bind: cursor ?? 0) ORDER BY h.id LIMIT \(literal: limit + 1)
                """).all().map(Self.home)
        }
        return Self.page(items, limit: limit) { $0.id }
    }

    public func home(id: Int64) async throws -> HomeView? {
        try await database.read { sql in
            try await sql.raw("""
                SELECT h.id, h.compound_id, h.building_id, b.number AS building, u.number AS unit, h.number,
                h.area_centi, h.delivered
                FROM homes h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = h.building_id
                WHERE h.id = \(bind: id)
                """).first().map(Self.home)
        }
    }

    public func owners(ofHome id: Int64) async throws -> [OwnerRecordView] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT o.id, o.kind, o.id_number, o.name, o.phone FROM ownerships s JOIN owners o ON o.id = s.owner_id
                WHERE s.home_id = \(bind: id) ORDER BY o.id
                """).all().map { row in
                OwnerRecordView(id: try row.decode(column: "id", as: Int64.self),
                                kind: try row.decode(column: "kind", as: String.self),
                                idNumber: try row.decode(column: "id_number", as: String.self),
                                name: try row.decode(column: "name", as: String.self),
                                phone: try row.decode(column: "phone", as: String?.self))
            }
        }
    }

    /// The arrangements of a compound, newest first; the first is the current one.
    public func serviceArrangements(ofCompound id: Int64) async throws -> [ServiceArrangementView] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT a.kind, a.company_id, c.name AS company_name, a.fee_model, a.starts_on, a.ends_on
                FROM service_arrangements a LEFT JOIN property_companies c ON c.id = a.company_id
                WHERE a.compound_id = \(bind: id) ORDER BY a.starts_on DESC
                """).all().map { row in
                ServiceArrangementView(
                    kind: try row.decode(column: "kind", as: String.self),
                    companyID: try row.decode(column: "company_id", as: Int64?.self),
                    companyName: try row.decode(column: "company_name", as: String?.self),
                    feeModel: try row.decode(column: "fee_model", as: String?.self),
                    startsOn: try row.decode(column: "starts_on", as: String.self),
                    endsOn: try row.decode(column: "ends_on", as: String?.self))
            }
        }
    }

    public func grids(ofCompound id: Int64) async throws -> [GridView] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT g.id, g.code, g.name, CAST(COUNT(*) AS BIGINT) AS buildings
                FROM grid_buildings gb JOIN grids g ON g.id = gb.grid_id
                WHERE gb.compound_id = \(bind: id) GROUP BY g.id, g.code, g.name ORDER BY g.code
                """).all().map { row in
                GridView(id: try row.decode(column: "id", as: Int64.self),
                         code: try row.decode(column: "code", as: String.self),
                         name: try row.decode(column: "name", as: String.self),
                         buildingCount: try row.decode(column: "buildings", as: Int64.self))
            }
        }
    }

    // MARK: rows

    private static func division(_ row: any SQLRow) throws -> DivisionView {
        DivisionView(
            code: try row.decode(column: "code", as: String.self),
            level: try row.decode(column: "level", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            parentCode: try row.decode(column: "parent_code", as: String?.self),
            counts: RegistryCounts(
                buildings: try row.decode(column: "building_count", as: Int64.self),
                units: try row.decode(column: "unit_count", as: Int64.self),
                homes: try row.decode(column: "home_count", as: Int64.self),
                area: CentiSquareMetres(try row.decode(column: "area_centi", as: Int64.self))),
            compounds: try row.decode(column: "compound_count", as: Int64.self))
    }

    private static func compound(_ row: any SQLRow) throws -> CompoundView {
        CompoundView(
            id: try row.decode(column: "id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            type: CompoundType(rawValue: try row.decode(column: "type", as: String.self)) ?? .closed,
            communityCode: try row.decode(column: "community_code", as: String.self),
            address: try row.decode(column: "address", as: String?.self),
            renovatedOld: try row.decode(column: "renovated_old", as: Bool.self),
            counts: RegistryCounts(
                buildings: try row.decode(column: "building_count", as: Int64.self),
                units: try row.decode(column: "unit_count", as: Int64.self),
                homes: try row.decode(column: "home_count", as: Int64.self),
                area: CentiSquareMetres(try row.decode(column: "area_centi", as: Int64.self))))
    }

    private static func building(_ row: any SQLRow) throws -> BuildingView {
        BuildingView(
            id: try row.decode(column: "id", as: Int64.self),
            compoundID: try row.decode(column: "compound_id", as: Int64.self),
            number: try row.decode(column: "number", as: String.self),
            counts: RegistryCounts(
                units: try row.decode(column: "unit_count", as: Int64.self),
                homes: try row.decode(column: "home_count", as: Int64.self),
                area: CentiSquareMetres(try row.decode(column: "area_centi", as: Int64.self))))
    }

    private static func home(_ row: any SQLRow) throws -> HomeView {
        HomeView(
            id: try row.decode(column: "id", as: Int64.self),
            compoundID: try row.decode(column: "compound_id", as: Int64.self),
            buildingID: try row.decode(column: "building_id", as: Int64.self),
            building: try row.decode(column: "building", as: String.self),
            unit: try row.decode(column: "unit", as: String.self),
            number: try row.decode(column: "number", as: String.self),
            area: CentiSquareMetres(try row.decode(column: "area_centi", as: Int64.self)),
            delivered: try row.decode(column: "delivered", as: Bool.self))
    }

    private static func page<Item>(_ items: [Item], limit: Int, cursor: (Item) -> Int64) -> Page<Item> {
        guard items.count > limit else { return Page(items: items, nextCursor: nil) }
        let shown = Array(items.prefix(limit))
        return Page(items: shown, nextCursor: shown.last.map { String(cursor($0)) })
    }
}
