import Registry
import Testing
import WuyeCore

@Test(arguments: [DemoScale.small, .district, .city])
func compoundNamesAreUniqueWithinEachCommunity(scale: DemoScale) {
    let city = switch scale {
    case .small: DemoFixtures.small
    case .district: DemoFixtures.district
    case .city: DemoFixtures.city
    }
    var keys: Set<CompoundKey> = []
    for compound in city.compounds {
        let key = CompoundKey(communityCode: compound.community.code, name: compound.name)
        #expect(keys.insert(key).inserted, "\(compound.community.name) has two \(compound.name)")
        // Codes nest: district ⊃ subdistrict ⊃ community, each under its official parent.
        #expect(compound.community.code.parent == compound.subdistrict.code)
        #expect(compound.subdistrict.code.parent == compound.district.code)
        #expect(OfficialDivisions.named(compound.subdistrict.code.rawValue) == compound.subdistrict.name)
        #expect(OfficialDivisions.named(compound.district.code.rawValue) == compound.district.name)
        #expect(compound.community.name.hasSuffix("社区"))
        #expect(compound.address.hasPrefix(compound.subdistrict.name) && compound.address.hasSuffix("号"))
    }
}

@Test(arguments: [DemoScale.small, .city])
func everyBuildingOfACommunityIsInExactlyOneGridInOrder(scale: DemoScale) {
    let city = scale == .small ? DemoFixtures.small : DemoFixtures.city
    // The community's buildings in registry order, to compare with the grids' concatenation.
    var expected: [String: [DemoGridBuilding]] = [:]
    for compound in city.compounds {
        for number in 1...compound.buildingCount {
            expected[compound.community.code.rawValue, default: []].append(
                DemoGridBuilding(compoundIndex: compound.index, building: String(number)))
        }
    }
    var covered: [String: [DemoGridBuilding]] = [:]
    var codes: Set<String> = []
    for grid in city.grids {
        let community = grid.community.code.rawValue
        #expect(grid.code.count == 15 && grid.code.allSatisfy(\.isASCII) && grid.code.allSatisfy(\.isNumber))
        #expect(grid.code.hasPrefix(community))
        #expect(codes.insert(grid.code).inserted, "duplicate grid code \(grid.code)")
        #expect(grid.name == "第\(Int(grid.code.suffix(3)) ?? 0)网格")
        #expect(!grid.buildings.isEmpty)
        for building in grid.buildings {
            #expect(city.compounds[building.compoundIndex].community == grid.community)
        }
        covered[community, default: []] += grid.buildings
    }
    // Same buildings in the same order: each exactly once, and each grid a contiguous run.
    #expect(covered == expected)
    #expect(city.grids.reduce(0) { $0 + $1.households } == city.totals.homes)
}

@Test func cityGridsHoldAboutThreeToFiveHundredHouseholds() {
    let grids = DemoFixtures.city.grids
    #expect((4_500...6_000).contains(grids.count))
    let households = grids.map(\.households).sorted()
    let median = households[households.count / 2]
    #expect((400...550).contains(median))
    // Only a tenth may fall outside 300–600 (a tower can push one grid over).
    let outside = households.filter { !(300...600).contains($0) }.count
    #expect(outside * 10 < households.count)
}

@Test func undeliveredHomesHaveNoOwnerAndDeliveredHomesDo() {
    let rows = DemoFixtures.allRows(DemoFixtures.small)
    let undelivered = rows.filter { !$0.delivered }
    #expect(!undelivered.isEmpty)
    #expect(undelivered.allSatisfy { $0.owner == nil })
    #expect(rows.filter(\.delivered).allSatisfy { $0.owner != nil })
    #expect(undelivered.count == DemoFixtures.small.totals.undeliveredHomes)
    // The developer holds whole buildings of new closed compounds.
    var deliveredByBuilding: [String: Set<Bool>] = [:]
    for row in rows {
        deliveredByBuilding[row.community.code.rawValue + row.compoundName + "#" + row.building, default: []]
            .insert(row.delivered)
    }
    #expect(deliveredByBuilding.values.allSatisfy { $0.count == 1 })
    #expect(undelivered.allSatisfy { $0.compoundType == .closed })
}

@Test func homesHaveOneAreaAndPlausibleNumbers() {
    var areaOfHome: [String: CentiSquareMetres] = [:]
    for row in DemoFixtures.allRows(DemoFixtures.small) {
        let key = "\(row.compoundKey.communityCode)|\(row.compoundName)|\(row.building)|\(row.unit)|\(row.home)"
        if let area = areaOfHome[key] {
            #expect(area == row.area, "co-owner rows of \(key) disagree on the area")
        }
        areaOfHome[key] = row.area
        let range: ClosedRange<Int64> = row.compoundType == .commercial ? 4_000...120_000 : 4_500...16_000
        #expect(range.contains(row.area.rawValue))
        let number = Int(row.home) ?? 0
        #expect(number / 100 >= 1 && number % 100 >= 1, "home \(row.home)")
    }
    #expect(areaOfHome.count == DemoFixtures.small.totals.homes)
}

@Test func smallCityIsTwoDistrictsOfTwoSubdistrictsOfTwoCommunitiesOfThreeCompounds() {
    let city = DemoFixtures.small
    #expect(Set(city.compounds.map(\.district.code.rawValue)) == ["370202", "370102"])
    let subdistricts = Set(city.compounds.map(\.subdistrict.code.rawValue))
    #expect(subdistricts == ["370202001", "370202002", "370102001", "370102002"])
    let communities = Dictionary(grouping: city.compounds, by: \.community.code.rawValue)
    #expect(communities.count == 8)
    #expect(communities.keys.allSatisfy { $0.hasSuffix("001") || $0.hasSuffix("002") })
    #expect(communities.values.allSatisfy { $0.count == 3 })
    #expect(communities.values.allSatisfy { Set($0.map(\.type)).isSuperset(of: [.closed, .open]) })
    #expect(Set(city.compounds.map(\.type)) == Set(CompoundType.allCases))
    #expect((4_000...6_000).contains(city.totals.homes))
}

@Test func everyCompoundIsServedAndContractsNameACompanyAndAFeeModel() {
    for city in [DemoFixtures.small, DemoFixtures.city] {
        let byCompound = Dictionary(grouping: city.serviceArrangements, by: \.compoundIndex)
        #expect(byCompound.count == city.compounds.count)
        for (index, arrangements) in byCompound {
            let compound = city.compounds[index]
            for arrangement in arrangements {
                let isContract = arrangement.kind == .contract
                #expect((arrangement.companyIndex != nil) == isContract)
                #expect((arrangement.feeModel != nil) == isContract)
                if let company = arrangement.companyIndex { #expect(city.propertyCompanies.indices.contains(company)) }
                #expect(("2015-01-01"..."2026-12-31").contains(arrangement.startsOn))
                if let ends = arrangement.endsOn {
                    #expect(("2015-01-01"..."2026-12-31").contains(ends) && ends > arrangement.startsOn)
                }
            }
            // Periods follow one another without overlap; only the last may be open-ended.
            for (earlier, later) in zip(arrangements, arrangements.dropFirst()) {
                #expect(earlier.endsOn.map { $0 < later.startsOn } == true)
            }
            if compound.renovatedOld {
                #expect(arrangements.map(\.kind) == [.governmentBackstop])
            }
        }
    }
    let current = Dictionary(grouping: DemoFixtures.city.serviceArrangements, by: \.compoundIndex).values.map { $0.last! }
    let contracts = current.filter { $0.kind == .contract }
    #expect(contracts.count * 10 > current.count * 6, "most compounds are under contract")
    #expect(contracts.contains { $0.feeModel == .commission } && contracts.contains { $0.feeModel == .lumpSum })
    #expect(current.contains { $0.kind == .selfManaged })
    let used = Set(DemoFixtures.city.serviceArrangements.compactMap(\.companyIndex))
    #expect(used.count == DemoFixtures.city.propertyCompanies.count)
}
