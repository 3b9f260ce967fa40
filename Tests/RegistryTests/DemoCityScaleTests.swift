import Registry
import Testing
import WuyeCore

@Test func cityScaleHasExactlyQingdaoTotals() {
    let city = DemoFixtures.city
    let totals = city.totals
    // shared/domain.md, "Scale the platform must carry".
    #expect(totals.compounds == 4_000)
    #expect(totals.buildings == 63_800)
    #expect(totals.units == 208_000)
    #expect(totals.homes == 2_540_000)
    #expect(city.compounds.count == 4_000)
    #expect(city.compounds.reduce(0) { $0 + $1.buildingCount } == 63_800)
    #expect(city.compounds.reduce(0) { $0 + $1.unitCount } == 208_000)
    #expect(city.compounds.reduce(0) { $0 + $1.homeCount } == 2_540_000)
    #expect(city.compounds.reduce(0) { $0 + $1.rowCount } == totals.rows)
    #expect(totals.rows == totals.ownerRows + totals.undeliveredHomes)
}

@Test func cityScaleCoversAllOfficialQingdaoDivisions() {
    let city = DemoFixtures.city
    #expect(Set(city.compounds.map(\.district.code.rawValue)).count == 10)
    #expect(Set(city.compounds.map(\.subdistrict.code.rawValue)).count == 141)
    let communities = Set(city.compounds.map(\.community.code))
    #expect((900...1_100).contains(communities.count))
}

@Test func cityScaleOwnershipLooksLikeQingdao() {
    let totals = DemoFixtures.city.totals
    #expect((2_200_000...2_400_000).contains(totals.distinctOwners))
    // About 2 % undelivered, about 8 % co-owned.
    #expect((1...3).contains(totals.undeliveredHomes * 100 / totals.homes))
    #expect((6...10).contains(totals.coOwnedHomes * 100 / totals.homes))
    #expect(totals.organisationOwners > 0)
    let types = Set(DemoFixtures.city.compounds.map(\.type))
    #expect(types == Set(CompoundType.allCases))
    #expect(DemoFixtures.city.compounds.contains { $0.renovatedOld })
    #expect(DemoFixtures.city.compounds.allSatisfy { !$0.renovatedOld || $0.type == .open })
}

@Test func districtScaleIsATenthOfTheCityInShinan() {
    let city = DemoFixtures.district
    #expect(city.totals.compounds == 400)
    #expect(city.totals.buildings == 6_380)
    #expect(city.totals.units == 20_800)
    #expect(city.totals.homes == 254_000)
    #expect(Set(city.compounds.map(\.district.code.rawValue)) == ["370202"])
    #expect(Set(city.compounds.map(\.subdistrict.code.rawValue)).count == OfficialDivisions.children(of: "370202").count)
}

@Test func smallCityTotalsMatchItsRowsExactly() {
    let city = DemoFixtures.small
    let rows = DemoFixtures.allRows(city)
    var homes: [String: Int] = [:]
    var units: Set<String> = []
    var buildings: Set<String> = []
    for row in rows {
        let compound = "\(row.community.code)|\(row.compoundName)"
        buildings.insert("\(compound)|\(row.building)")
        units.insert("\(compound)|\(row.building)|\(row.unit)")
        homes["\(compound)|\(row.building)|\(row.unit)|\(row.home)", default: 0] += 1
    }
    let totals = city.totals
    #expect(totals.rows == rows.count)
    #expect(totals.ownerRows == rows.filter { $0.owner != nil }.count)
    #expect(totals.undeliveredHomes == rows.filter { !$0.delivered }.count)
    #expect(totals.homes == homes.count)
    #expect(totals.coOwnedHomes == homes.values.filter { $0 > 1 }.count)
    #expect(totals.units == units.count)
    #expect(totals.buildings == buildings.count)
    #expect(totals.compounds == Set(rows.map { "\($0.community.code)|\($0.compoundName)" }).count)
    #expect(totals.distinctOwners == Set(rows.compactMap { $0.owner?.identifier }).count)
}

@Test func sampledCityCompoundsHaveTheCountsTheirMetadataPromises() {
    let city = DemoFixtures.city
    for compound in DemoFixtures.citySample {
        let rows = city.rows(of: compound)
        #expect(rows.count == compound.rowCount)
        #expect(rows.map(\.line) == Array(compound.firstLine..<(compound.firstLine + compound.rowCount)))
        #expect(Set(rows.map(\.building)).count == compound.buildingCount)
        #expect(Set(rows.map { "\($0.building)|\($0.unit)" }).count == compound.unitCount)
        #expect(Set(rows.map(\.homeKey)).count == compound.homeCount)
        #expect(rows.allSatisfy { $0.compoundName == compound.name && $0.community == compound.community })
        let heldBuildings = Set(rows.filter { !$0.delivered }.map(\.building)).count
        #expect(heldBuildings == compound.developerHeldBuildings)
    }
}
