/// Who holds a delivered home, by city-wide owner index.
struct DemoHolding: Equatable {
    enum Party: Equatable {
        case person(Int)
        case organisation(Int)
    }

    let owner: Party
    /// A second person on the certificate (a spouse, typically), counted as one owner with the first.
    let coOwner: Int?
}

/// One home as the walk visits it.
struct DemoHome {
    /// 1-based building, unit, floor and door numbers.
    let building: Int
    let unit: Int
    let floor: Int
    let door: Int
    let area: Int64
    /// nil: still held by the developer.
    let holding: DemoHolding?
}

extension DemoCompoundLayout {
    /// Visits every home in registry order (building, unit, floor, door) with its owners.
    ///
    /// This one walk serves both the city's counting pass and row generation, so the totals and
    /// the rows cannot drift apart. Owners come in "slots": one buyer takes one home, or two or
    /// three homes in a row (a family buying neighbouring flats, or a flat and a shop); a few
    /// slots add a co-owner; offices in commercial compounds are often held by firms.
    func walk(
        seed: UInt64, index: Int, type: CompoundType, firstPerson: Int, firstOrganisation: Int,
        _ visit: (DemoHome) throws -> Void
    ) rethrows {
        var random = DemoRandom(seed: seed, stream: .owners, index: index)
        var nextPerson = firstPerson
        var nextOrganisation = firstOrganisation
        var current: DemoHolding?
        var homesLeftInSlot = 0
        for (buildingIndex, building) in buildings.enumerated() {
            for unit in 0..<building.units {
                let homes = building.homesPerUnit + (unit < building.unitsWithExtraHome ? 1 : 0)
                for position in 0..<homes {
                    let door = position % building.doors
                    var holding: DemoHolding?
                    if building.delivered {
                        if homesLeftInSlot == 0 {
                            (current, homesLeftInSlot) = Self.newSlot(
                                type: type, random: &random, nextPerson: &nextPerson,
                                nextOrganisation: &nextOrganisation)
                        }
                        homesLeftInSlot -= 1
                        holding = current
                    }
                    try visit(
                        DemoHome(
                            building: buildingIndex + 1, unit: unit + 1, floor: position / building.doors + 1,
                            door: door + 1, area: building.doorAreas[door], holding: holding))
                }
            }
        }
    }

    /// Draws the next owner and how many consecutive delivered homes they hold.
    private static func newSlot(
        type: CompoundType, random: inout DemoRandom, nextPerson: inout Int, nextOrganisation: inout Int
    ) -> (DemoHolding, Int) {
        if type == .commercial, random.chance(perMille: 350) {
            // Firms often buy a few suites together.
            let holding = DemoHolding(owner: .organisation(nextOrganisation), coOwner: nil)
            nextOrganisation += 1
            return (holding, random.int(in: 1...4))
        }
        // 13 % of buyers hold two homes, 2 % three: with 8 % co-owned, about 2.3 million distinct
        // owners for Qingdao's 2.54 million homes.
        let roll = random.below(1000)
        let homes = roll < 130 ? 2 : roll < 150 ? 3 : 1
        let owner = nextPerson
        nextPerson += 1
        var coOwner: Int?
        if random.chance(perMille: 80) {
            coOwner = nextPerson
            nextPerson += 1
        }
        return (DemoHolding(owner: .person(owner), coOwner: coOwner), homes)
    }
}
