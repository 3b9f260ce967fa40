/// Counts over a whole demo city, computed once when the city is made.
public struct DemoTotals: Sendable, Equatable {
    public var compounds = 0
    public var buildings = 0
    public var units = 0
    public var homes = 0
    /// All registry rows, including one owner-less row per undelivered home.
    public var rows = 0
    /// Rows that name an owner (co-owners make several rows for one home).
    public var ownerRows = 0
    /// Distinct people and organisations owning at least one home.
    public var distinctOwners = 0
    public var organisationOwners = 0
    public var undeliveredHomes = 0
    /// Homes with more than one owner row.
    public var coOwnedHomes = 0

    public init() {}
}
