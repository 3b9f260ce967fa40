/// The physical shape of one compound: its buildings, their units, floors and homes, and the
/// area of each home. Regenerated from the compound's own random stream whenever needed, so
/// the city never holds more than one compound's layout at a time.
struct DemoCompoundLayout {
    struct Building {
        let units: Int
        /// Every unit has `homesPerUnit` homes; the first `unitsWithExtraHome` have one more.
        let homesPerUnit: Int
        let unitsWithExtraHome: Int
        /// Homes per floor: home 501 is floor 5, door 1. A partly filled top floor is common
        /// (penthouses, duplexes), so a unit's home count need not be a multiple of this.
        let doors: Int
        /// One area per door position: the same flat plan stacks floor above floor, so all homes
        /// with one door number in a building share an area, as on real property certificates.
        let doorAreas: [Int64]
        let delivered: Bool

        var homes: Int { units * homesPerUnit + unitsWithExtraHome }
    }

    let buildings: [Building]

    init(
        seed: UInt64, index: Int, type: CompoundType, buildingCount: Int, unitCount: Int, homeCount: Int,
        developerHeldBuildings: Int
    ) {
        var random = DemoRandom(seed: seed, stream: .compoundLayout, index: index)
        // Buildings of one compound are alike: unit counts vary by at most about a factor of two.
        let unitWeights = (0..<buildingCount).map { _ in random.int(in: 10...20) }
        let units = DemoApportion.split(
            unitCount, weights: unitWeights, minimums: Array(repeating: 1, count: buildingCount))
        // Taller and shorter blocks: homes follow units times a per-building height factor.
        // At least two homes per unit, which the city-wide split guarantees is possible.
        let homeWeights = units.map { $0 * random.int(in: 80...120) }
        let homes = DemoApportion.split(homeCount, weights: homeWeights, minimums: units.map { $0 * 2 })
        var buildings: [Building] = []
        buildings.reserveCapacity(buildingCount)
        for number in 0..<buildingCount {
            let perUnit = homes[number] / units[number]
            let tallest = perUnit + (homes[number] % units[number] == 0 ? 0 : 1)
            let doors = Self.doors(type: type, tallestUnit: tallest, random: &random)
            let areas = (0..<doors).map { _ in Self.area(type: type, random: &random) }
            buildings.append(
                Building(
                    units: units[number], homesPerUnit: perUnit, unitsWithExtraHome: homes[number] % units[number],
                    doors: doors, doorAreas: areas, delivered: number < buildingCount - developerHeldBuildings))
        }
        self.buildings = buildings
    }

    /// Homes per floor for a unit of `tallestUnit` homes.
    private static func doors(type: CompoundType, tallestUnit: Int, random: inout DemoRandom) -> Int {
        switch type {
        case .commercial:
            // Office floors hold several suites; keep towers under about 30 floors.
            return tallestUnit <= 4 ? tallestUnit : min(99, max(4, (tallestUnit + 27) / 28))
        case .closed, .open:
            // Two flats per landing (一梯两户) is the norm; some blocks have three, and very tall
            // stairwells (over 33 floors) need more per floor.
            if tallestUnit > 66 { return (tallestUnit + 32) / 33 }
            if tallestUnit == 1 { return 1 }
            if tallestUnit >= 9, random.chance(perMille: 180) { return 3 }
            return 2
        }
    }

    /// A home's area in 0.01 m².
    private static func area(type: CompoundType, random: inout DemoRandom) -> Int64 {
        switch type {
        case .closed:
            return Int64(random.int(in: 6_000...16_000))
        case .open:
            // Old work-unit flats are small.
            return Int64(random.int(in: 4_500...9_500))
        case .commercial:
            // Mostly small and mid suites, a few whole-floor offices.
            return random.chance(perMille: 850)
                ? Int64(random.int(in: 4_000...30_000)) : Int64(random.int(in: 30_000...120_000))
        }
    }
}
