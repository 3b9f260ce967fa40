/// How big a demo city to generate.
public enum DemoScale: String, Sendable, CaseIterable {
    /// A newcomer's click-through city: two districts, 24 compounds, about 5,000 homes.
    case small
    /// Qingdao's 市南区 with all its official subdistricts, a tenth of the city.
    case district
    /// Qingdao at its published size (see shared/domain.md, "Scale the platform must carry").
    case city
}

/// The exact totals a scale is built to, and where it lies.
struct DemoScaleTargets {
    /// Districts with the subdistricts to use (nil: all official ones).
    let districts: [(code: String, subdistrictLimit: Int?)]
    /// Total communities, or nil for a fixed number per subdistrict.
    let communities: Int?
    let communitiesPerSubdistrict: Int
    /// Total compounds, or nil for a fixed number per community.
    let compounds: Int?
    let compoundsPerCommunity: Int
    let buildings: Int
    let units: Int
    let homes: Int
    /// Property companies registered in each city (city code → count).
    let companies: [(cityCode: String, count: Int)]

    static func of(_ scale: DemoScale) -> DemoScaleTargets {
        switch scale {
        case .small:
            // Two official subdistricts of each district, 2 communities each, 3 compounds each.
            DemoScaleTargets(
                districts: [("370202", 2), ("370102", 2)], communities: nil, communitiesPerSubdistrict: 2,
                compounds: nil, compoundsPerCommunity: 3, buildings: 130, units: 400, homes: 5_000,
                companies: [("370200", 6), ("370100", 6)])
        case .district:
            // A tenth of Qingdao's published totals, all in 市南区.
            DemoScaleTargets(
                districts: [("370202", nil)], communities: 100, communitiesPerSubdistrict: 0,
                compounds: 400, compoundsPerCommunity: 0, buildings: 6_380, units: 20_800, homes: 254_000,
                companies: [("370200", 100)])
        case .city:
            // shared/domain.md: 4,000+ compounds, 63,800 buildings, 208,000 units, 2,540,000 homes,
            // 10 districts and county-level cities, 141 subdistricts and towns.
            DemoScaleTargets(
                districts: OfficialDivisions.children(of: "370200").map { ($0.code, nil) }, communities: 1_000,
                communitiesPerSubdistrict: 0, compounds: 4_000, compoundsPerCommunity: 0, buildings: 63_800,
                units: 208_000, homes: 2_540_000, companies: [("370200", 1_000)])
        }
    }
}
