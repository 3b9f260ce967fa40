import Registry
import Testing
import WuyeCore

@Test func smallCityIsIdenticalOnEveryRunWithTheSameSeed() {
    let first = DemoCity(scale: .small, seed: 7)
    let second = DemoCity(scale: .small, seed: 7)
    #expect(first.compounds == second.compounds)
    #expect(first.grids == second.grids)
    #expect(first.propertyCompanies == second.propertyCompanies)
    #expect(first.serviceArrangements == second.serviceArrangements)
    #expect(first.totals == second.totals)
    let rows = DemoFixtures.allRows(first)
    #expect(rows == DemoFixtures.allRows(second))
    #expect(rows.count == first.totals.rows)
}

@Test func aDifferentSeedGivesADifferentCity() {
    let one = DemoFixtures.small
    let two = DemoCity(scale: .small, seed: 2)
    #expect(one.compounds.map(\.name) != two.compounds.map(\.name))
    let firstOwners = DemoFixtures.allRows(one).prefix(100).map { $0.owner?.identifier }
    let secondOwners = DemoFixtures.allRows(two).prefix(100).map { $0.owner?.identifier }
    #expect(firstOwners != secondOwners)
    // The official geography and the exact totals do not depend on the seed.
    #expect(one.compounds.map(\.subdistrict) == two.compounds.map(\.subdistrict))
    #expect(one.totals.homes == two.totals.homes)
}

@Test func aCompoundRegeneratedAloneMatchesItsRowsInTheFullIteration() {
    let city = DemoFixtures.small
    let all = DemoFixtures.allRows(city)
    for compound in city.compounds {
        let alone = city.rows(of: compound)
        let start = compound.firstLine - 2
        #expect(alone.count == compound.rowCount)
        #expect(Array(all[start..<(start + compound.rowCount)]) == alone, "compound \(compound.index)")
    }
}

@Test func cityCompoundsRegenerateIdenticallyInAnyOrder() {
    let city = DemoFixtures.city
    let late = city.compounds[3_999]
    let early = city.compounds[12]
    let lateFirst = city.rows(of: late)
    let earlyRows = city.rows(of: early)
    #expect(city.rows(of: late) == lateFirst)
    #expect(city.rows(of: early) == earlyRows)
    // Another DemoCity value with the same seed regenerates the same rows.
    #expect(DemoCity(scale: .city).rows(of: late) == lateFirst)
}

@Test func lineNumbersRunOnFromTwoAsIfUnderACSVHeader() {
    let rows = DemoFixtures.allRows(DemoFixtures.small)
    #expect(rows.first?.line == 2)
    #expect(rows.map(\.line) == Array(2..<(2 + rows.count)))
    let city = DemoFixtures.city
    let last = city.compounds[city.compounds.count - 1]
    #expect(last.firstLine + last.rowCount - 2 == city.totals.rows)
    #expect(city.rows(of: last).last?.line == city.totals.rows + 1)
}
