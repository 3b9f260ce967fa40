import WuyeCore

/// A compound as the database holds it before an import touches it.
public struct CompoundSnapshot: Sendable {
    public var id: Int64
    public var type: CompoundType
    public var buildings: [String: ExistingBuilding]
    public var units: [UnitKey: Int64]
    public var homes: [HomeKey: ExistingHome]

    public init(id: Int64, type: CompoundType, buildings: [String: ExistingBuilding] = [:],
                units: [UnitKey: Int64] = [:], homes: [HomeKey: ExistingHome] = [:]) {
        self.id = id
        self.type = type
        self.buildings = buildings
        self.units = units
        self.homes = homes
    }
}

public struct ExistingBuilding: Sendable, Equatable {
    public var id: Int64
    public var counts: RegistryCounts
    public init(id: Int64, counts: RegistryCounts) {
        self.id = id
        self.counts = counts
    }
}

public struct UnitKey: Sendable, Hashable {
    public var building: String
    public var unit: String
    public init(building: String, unit: String) {
        self.building = building
        self.unit = unit
    }
}

public struct ExistingHome: Sendable, Equatable {
    public var id: Int64
    public var buildingID: Int64
    public var area: CentiSquareMetres
    public var delivered: Bool
    /// Sorted owner ids.
    public var ownerIDs: [Int64]
    public init(id: Int64, buildingID: Int64, area: CentiSquareMetres, delivered: Bool, ownerIDs: [Int64]) {
        self.id = id
        self.buildingID = buildingID
        self.area = area
        self.delivered = delivered
        self.ownerIDs = ownerIDs
    }
}

/// An owner already in the database.
public struct ExistingOwner: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var phone: String?
    public init(id: Int64, name: String, phone: String?) {
        self.id = id
        self.name = name
        self.phone = phone
    }
}

/// Counts kept on every building, compound and division so that browsing never scans homes.
public struct RegistryCounts: Sendable, Equatable, Codable {
    public var buildings: Int64 = 0
    public var units: Int64 = 0
    public var homes: Int64 = 0
    public var area: CentiSquareMetres = CentiSquareMetres(0)

    /// Area travels as integer 0.01 m², and says so in its name.
    enum CodingKeys: String, CodingKey {
        case buildings, units, homes, area = "areaCenti"
    }

    public init(buildings: Int64 = 0, units: Int64 = 0, homes: Int64 = 0, area: CentiSquareMetres = CentiSquareMetres(0)) {
        self.buildings = buildings
        self.units = units
        self.homes = homes
        self.area = area
    }

    /// Counts one more home of `area`.
    public mutating func add(home area: CentiSquareMetres) {
        homes += 1
        self.area = self.area + area
    }

    public static func + (a: RegistryCounts, b: RegistryCounts) -> RegistryCounts {
        RegistryCounts(buildings: a.buildings + b.buildings, units: a.units + b.units, homes: a.homes + b.homes,
                       area: a.area + b.area)
    }
}

/// The next free id of each registry table. Ids are handed out by the importer, which holds the
/// registry's write lock, so one code path serves SQLite and PostgreSQL alike.
public struct RegistryIDs: Sendable, Equatable {
    public var compound: Int64
    public var building: Int64
    public var unit: Int64
    public var home: Int64
    public var owner: Int64
    public init(compound: Int64 = 1, building: Int64 = 1, unit: Int64 = 1, home: Int64 = 1, owner: Int64 = 1) {
        self.compound = compound
        self.building = building
        self.unit = unit
        self.home = home
        self.owner = owner
    }

    static func take(_ next: inout Int64) -> Int64 {
        defer { next += 1 }
        return next
    }
}
