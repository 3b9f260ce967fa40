import WuyeCore

/// A grid (网格): a contiguous run of one community's buildings, about 300–500 households.
public struct DemoGrid: Sendable, Hashable {
    /// 15 digits: the 12-digit community code and a 3-digit grid number (numbered from 001
    /// inside the community, as the 6+3+3+3 grid code of the domain rules, section 6.1).
    public let code: String
    /// "第3网格".
    public let name: String
    public let community: NamedDivision
    public let buildings: [DemoGridBuilding]
    /// Homes in its buildings, delivered or not.
    public let households: Int
}

/// A building as a grid lists it.
public struct DemoGridBuilding: Sendable, Hashable {
    public let compoundIndex: Int
    /// The building number as the registry writes it, "1"…"N".
    public let building: String

    /// Public so callers can look a building up in a grid's list.
    public init(compoundIndex: Int, building: String) {
        self.compoundIndex = compoundIndex
        self.building = building
    }
}
