import WuyeCore

/// Where a thing sits in the city, as far as access is concerned. The web layer looks a place up
/// from the database (a compound's community, its grids, the companies serving it today) and the
/// policy decides on it without I/O.
public struct Place: Hashable, Sendable {
    /// The division the thing is in: the division itself, or a compound's community.
    public var division: DivisionCode?
    public var compoundID: Int64?
    public var homeID: Int64?
    /// The grids the thing lies in: all grids of a compound, the one grid of a building or home.
    public var gridIDs: Set<Int64>
    /// The property companies serving the compound today.
    public var servingCompanyIDs: Set<Int64>
    /// The compound has no committee yet and its preparatory group, led by the subdistrict, is preparing
    /// the first assembly (Qingdao Art. 23–24): the group convenes that assembly.
    public var preparatoryGroup = false

    public init(division: DivisionCode?, compoundID: Int64? = nil, homeID: Int64? = nil,
                gridIDs: Set<Int64> = [], servingCompanyIDs: Set<Int64> = []) {
        self.division = division
        self.compoundID = compoundID
        self.homeID = homeID
        self.gridIDs = gridIDs
        self.servingCompanyIDs = servingCompanyIDs
    }

    public static func division(_ code: DivisionCode) -> Place { Place(division: code) }

    /// Nowhere in particular: the city-wide things (the audit log, the list of cities).
    public static let platform = Place(division: nil)
}
