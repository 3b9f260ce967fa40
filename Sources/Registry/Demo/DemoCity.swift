import WuyeCore

/// A deterministic synthetic city for demos, load tests and import tests.
///
/// The same scale and seed always give byte-identical data. Only small metadata is kept (one
/// `DemoCompound` per compound, the grids, companies and service arrangements); registry rows
/// are regenerated compound by compound from per-compound random streams, so even the city
/// scale (2.7 million rows) streams through `forEachRow` in little memory.
public struct DemoCity: Sendable {
    public let scale: DemoScale
    public let seed: UInt64
    /// All compounds in generation order (district, subdistrict, community, compound).
    public let compounds: [DemoCompound]
    public let propertyCompanies: [DemoPropertyCompany]
    /// By compound, an ended contract (if any) before the current arrangement.
    public let serviceArrangements: [DemoServiceArrangement]
    public let grids: [DemoGrid]
    /// Counted once, by a pass over the compounds that builds no strings.
    public let totals: DemoTotals

    public init(scale: DemoScale, seed: UInt64 = 1) {
        self.scale = scale
        self.seed = seed
        let targets = DemoScaleTargets.of(scale)
        var random = DemoRandom(seed: seed, stream: .city, index: 0)
        let communities = DemoCommunityPlan.communities(targets: targets, random: &random)
        let sized = DemoCompoundPlan.compounds(communities: communities, targets: targets, seed: seed, random: &random)

        var compounds: [DemoCompound] = []
        compounds.reserveCapacity(sized.count)
        var grids: [DemoGrid] = []
        var gridBuilder: DemoGridBuilder?
        var totals = DemoTotals()
        // Running positions in the city-wide numbering of registry lines and owners.
        var line = 2
        var person = 0
        var organisation = 0
        for entry in sized {
            let draft = entry.draft
            let layout = DemoCompoundLayout(
                seed: seed, index: draft.index, type: draft.type, buildingCount: entry.buildings,
                unitCount: entry.units, homeCount: entry.homes, developerHeldBuildings: entry.developerHeldBuildings)
            let count = DemoCompoundCount(layout: layout, seed: seed, index: draft.index, type: draft.type)

            if gridBuilder?.communityIndex != draft.community.index {
                if var finished = gridBuilder { grids += finished.finish() }
                gridBuilder = DemoGridBuilder(
                    seed: seed, communityIndex: draft.community.index, community: draft.community.community)
            }
            for (number, building) in layout.buildings.enumerated() {
                gridBuilder?.add(compoundIndex: draft.index, building: String(number + 1), homes: building.homes)
            }

            compounds.append(
                DemoCompound(
                    index: draft.index, district: draft.community.district, subdistrict: draft.community.subdistrict,
                    community: draft.community.community, name: draft.name, type: draft.type, address: draft.address,
                    renovatedOld: draft.renovatedOld, builtYear: draft.builtYear, buildingCount: entry.buildings,
                    unitCount: entry.units, homeCount: entry.homes,
                    developerHeldBuildings: entry.developerHeldBuildings, firstLine: line, rowCount: count.rows,
                    communityIndex: draft.community.index, firstPersonIndex: person,
                    firstOrganisationIndex: organisation))
            line += count.rows
            person += count.persons
            organisation += count.organisations
            totals.compounds += 1
            totals.buildings += entry.buildings
            totals.units += entry.units
            totals.homes += entry.homes
            totals.rows += count.rows
            totals.ownerRows += count.rows - count.undeliveredHomes
            totals.undeliveredHomes += count.undeliveredHomes
            totals.coOwnedHomes += count.coOwnedHomes
        }
        if var finished = gridBuilder { grids += finished.finish() }
        totals.distinctOwners = person + organisation
        totals.organisationOwners = organisation

        let companies = DemoServicePlan.companies(targets: targets, seed: seed)
        self.compounds = compounds
        self.grids = grids
        self.totals = totals
        self.propertyCompanies = companies.map(\.company)
        self.serviceArrangements = DemoServicePlan.arrangements(
            compounds: compounds, companyCities: companies.map(\.cityCode), seed: seed)
    }
}

/// What one compound contributes to the totals, from a walk over its homes that builds no rows.
struct DemoCompoundCount {
    var rows = 0
    var persons = 0
    var organisations = 0
    var undeliveredHomes = 0
    var coOwnedHomes = 0

    init(layout: DemoCompoundLayout, seed: UInt64, index: Int, type: CompoundType) {
        // Walked with owner numbering from 0, so the highest index seen + 1 is the number used.
        layout.walk(seed: seed, index: index, type: type, firstPerson: 0, firstOrganisation: 0) { home in
            guard let holding = home.holding else {
                rows += 1
                undeliveredHomes += 1
                return
            }
            switch holding.owner {
            case .person(let person): persons = max(persons, person + 1)
            case .organisation(let organisation): organisations = max(organisations, organisation + 1)
            }
            if let coOwner = holding.coOwner {
                persons = max(persons, coOwner + 1)
                coOwnedHomes += 1
                rows += 2
            } else {
                rows += 1
            }
        }
    }
}
