import WuyeCore

/// Cuts one community's buildings, in registry order, into grids of about 300–500 households.
///
/// Buildings are never split between grids, so a grid closes at the first building that takes
/// it past its target; a small remainder at the end of the community joins the last grid rather
/// than forming a grid of a few dozen homes.
struct DemoGridBuilder {
    let communityIndex: Int
    private let community: NamedDivision
    private var random: DemoRandom
    private var grids: [DemoGrid] = []
    private var buildings: [DemoGridBuilding] = []
    private var households = 0
    private var target: Int

    /// A remainder smaller than this is merged into the community's previous grid.
    static let smallestGrid = 150

    init(seed: UInt64, communityIndex: Int, community: NamedDivision) {
        self.communityIndex = communityIndex
        self.community = community
        random = DemoRandom(seed: seed, stream: .grids, index: communityIndex)
        target = Self.drawTarget(&random)
    }

    /// Targets below 500 because closing on a whole building overshoots by half a building
    /// on average (about 20 homes; more where a tower closes the grid).
    private static func drawTarget(_ random: inout DemoRandom) -> Int {
        random.int(in: 400...540)
    }

    mutating func add(compoundIndex: Int, building: String, homes: Int) {
        buildings.append(DemoGridBuilding(compoundIndex: compoundIndex, building: building))
        households += homes
        if households >= target {
            close()
            target = Self.drawTarget(&random)
        }
    }

    /// The community's grids, numbered 001… in order.
    mutating func finish() -> [DemoGrid] {
        if !buildings.isEmpty {
            if households < Self.smallestGrid, let last = grids.popLast() {
                buildings = last.buildings + buildings
                households += last.households
            }
            close()
        }
        return grids
    }

    private mutating func close() {
        let number = grids.count + 1
        grids.append(
            DemoGrid(
                code: community.code.rawValue + DemoCommunityPlan.threeDigits(number), name: "第\(number)网格",
                community: community, buildings: buildings, households: households))
        buildings = []
        households = 0
    }
}
