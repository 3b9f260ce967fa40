import WuyeCore

/// One generated compound: the small metadata kept for every compound of the demo city, enough to
/// regenerate its registry rows on demand (`DemoCity.rows(of:)`) without keeping them.
public struct DemoCompound: Sendable, Hashable {
    /// Position in generation order, 0-based; also the index of its random streams.
    public let index: Int
    public let district: NamedDivision
    public let subdistrict: NamedDivision
    public let community: NamedDivision
    /// Unique within its community (the registry's natural key).
    public let name: String
    public let type: CompoundType
    public let address: String
    /// An old open neighbourhood that went through the 老旧小区 renovation programme.
    public let renovatedOld: Bool
    public let builtYear: Int
    public let buildingCount: Int
    public let unitCount: Int
    public let homeCount: Int
    /// The last `developerHeldBuildings` buildings are still held by the developer (undelivered).
    public let developerHeldBuildings: Int
    /// The registry line of its first row, as if the whole city were one CSV file with a header.
    public let firstLine: Int
    /// Registry rows: one per (home, owner), one per undelivered home.
    public let rowCount: Int

    /// Its point on the map: compounds sit on a lattice over Qingdao's urban area, about 450 m
    /// apart, so an Open311 request's lat/long always has a compound within reach.
    public var location: GeoPoint {
        GeoPoint(latitudeE6: 36_050_000 + Int64(index / 60) * 4_000, longitudeE6: 120_300_000 + Int64(index % 60) * 5_000)
    }

    // Where its owners start in the city-wide owner numbering, which makes identifiers unique.
    let communityIndex: Int
    let firstPersonIndex: Int
    let firstOrganisationIndex: Int
}
