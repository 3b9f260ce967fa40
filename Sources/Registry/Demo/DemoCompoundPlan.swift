import WuyeCore

/// A compound before the city-wide split fixes its building, unit and home counts.
struct DemoCompoundDraft {
    let index: Int
    let community: DemoCommunityDraft
    let name: String
    let type: CompoundType
    let address: String
    let renovatedOld: Bool
    let builtYear: Int
    /// Share (percent) of its buildings the developer still holds; 0 for all but a few new compounds.
    let heldPercent: Int
    /// Desired shape, before scaling to the exact totals: buildings, units per building × 10,
    /// homes per unit.
    let buildings: Int
    let unitsPerBuildingTenths: Int
    let homesPerUnit: Int
}

/// Draws every compound of the city and splits the scale's exact totals over them.
enum DemoCompoundPlan {
    struct Sized {
        let draft: DemoCompoundDraft
        let buildings: Int
        let units: Int
        let homes: Int
        let developerHeldBuildings: Int
    }

    static func compounds(
        communities: [DemoCommunityDraft], targets: DemoScaleTargets, seed: UInt64, random: inout DemoRandom
    ) -> [Sized] {
        let perCommunity: [Int]
        if let total = targets.compounds {
            perCommunity = DemoApportion.split(
                total, weights: communities.map { _ in random.int(in: 3...7) }, minimums: communities.map { _ in 1 })
        } else {
            perCommunity = communities.map { _ in targets.compoundsPerCommunity }
        }
        var drafts: [DemoCompoundDraft] = []
        for community in communities {
            var taken: Set<String> = []
            for local in 0..<perCommunity[community.index] {
                // The small city shows every kind in every community; larger ones draw the mix.
                let fixed: CompoundType? =
                    targets.compounds == nil
                    ? [CompoundType.closed, .open, community.index % 2 == 0 ? .commercial : .closed][local % 3] : nil
                // The small city's first compound is a new one with developer-held stock, so a
                // newcomer sees undelivered homes too.
                let forceNew = targets.compounds == nil && community.index == 0 && local == 0
                drafts.append(
                    draft(
                        index: drafts.count, community: community, fixedType: fixed, forceNew: forceNew, seed: seed,
                        taken: &taken))
            }
        }
        return sized(drafts, targets: targets)
    }

    private static func draft(
        index: Int, community: DemoCommunityDraft, fixedType: CompoundType?, forceNew: Bool, seed: UInt64,
        taken: inout Set<String>
    ) -> DemoCompoundDraft {
        var random = DemoRandom(seed: seed, stream: .compoundPlan, index: index)
        let roll = random.below(1000)
        // Qingdao's stock: mostly closed estates, many old open neighbourhoods, some office towers.
        let type = fixedType ?? (roll < 660 ? .closed : roll < 940 ? .open : .commercial)
        let suffixes: [String]
        switch type {
        case .closed: suffixes = DemoNames.closedSuffixes
        case .open: suffixes = DemoNames.openSuffixes
        case .commercial: suffixes = DemoNames.commercialSuffixes
        }
        let name = DemoCommunityPlan.uniqueName(taken: &taken, random: &random) { random in
            random.element(of: DemoNames.placeWords) + random.element(of: suffixes)
        }
        let street = random.element(of: DemoNames.streets(ofDivision: community.district.code.rawValue))
        let address = community.subdistrict.name + street + "\(random.int(in: 1...320))号"
        let isNew = type == .closed && (forceNew || random.chance(perMille: 70))
        let builtYear: Int
        var buildings: Int
        let unitsTenths: Int
        let homesPerUnit: Int
        switch type {
        case .closed:
            builtYear = isNew ? random.int(in: 2021...2024) : random.int(in: 1996...2020)
            buildings = random.int(in: 6...28)
            unitsTenths = random.int(in: 20...40)
            // About three in ten are high-rise estates.
            homesPerUnit = random.chance(perMille: 300) ? random.int(in: 18...34) : random.int(in: 10...16)
        case .open:
            builtYear = random.int(in: 1955...1999)
            buildings = random.int(in: 4...24)
            unitsTenths = random.int(in: 20...36)
            homesPerUnit = random.int(in: 8...12)
        case .commercial:
            builtYear = random.int(in: 1998...2022)
            buildings = random.int(in: 1...4)
            unitsTenths = random.int(in: 10...20)
            homesPerUnit = random.int(in: 40...100)
        }
        if isNew { buildings = max(2, buildings) }
        return DemoCompoundDraft(
            index: index, community: community, name: name, type: type, address: address,
            // Most old open neighbourhoods have been through the 老旧小区 renovation programme.
            renovatedOld: type == .open && random.chance(perMille: 800), builtYear: builtYear,
            heldPercent: isNew ? random.int(in: 25...60) : 0, buildings: buildings,
            unitsPerBuildingTenths: unitsTenths, homesPerUnit: homesPerUnit)
    }

    /// Scales the drafts' desired shapes to the exact totals, level by level, each level's
    /// minimum guaranteeing the next is possible (a building has a unit, a unit two homes).
    private static func sized(_ drafts: [DemoCompoundDraft], targets: DemoScaleTargets) -> [Sized] {
        let buildings = DemoApportion.split(
            targets.buildings, weights: drafts.map(\.buildings), minimums: drafts.map { _ in 1 })
        let units = DemoApportion.split(
            targets.units, weights: zip(drafts, buildings).map { $1 * ($0.unitsPerBuildingTenths - 10) },
            minimums: buildings)
        let homes = DemoApportion.split(
            targets.homes, weights: zip(drafts, units).map { $1 * ($0.homesPerUnit - 2) },
            minimums: units.map { $0 * 2 })
        return drafts.indices.map { position in
            let draft = drafts[position]
            let count = buildings[position]
            // Whole buildings are held back, always leaving at least one delivered.
            let held = draft.heldPercent == 0 || count < 2 ? 0 : min(count - 1, max(1, count * draft.heldPercent / 100))
            return Sized(
                draft: draft, buildings: count, units: units[position], homes: homes[position],
                developerHeldBuildings: held)
        }
    }
}
