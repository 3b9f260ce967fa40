import Testing
import WuyeCore

@Test func divisionLevelsOrderFromProvinceDownToCommunity() {
    // Given the five levels, Then province is the smallest and community the largest
    #expect(DivisionLevel.allCases.sorted() == [.province, .city, .district, .subdistrict, .community])
    #expect(DivisionLevel.province < .city)
    #expect(DivisionLevel.subdistrict < .community)
    #expect(!(DivisionLevel.community < .district))
}

@Test func divisionLevelChineseNamesAndChildren() {
    #expect(DivisionLevel.allCases.map(\.chineseName) == ["省", "市", "区县", "街道", "社区"])
    #expect(DivisionLevel.province.childLevel == .city)
    #expect(DivisionLevel.city.childLevel == .district)
    #expect(DivisionLevel.district.childLevel == .subdistrict)
    #expect(DivisionLevel.subdistrict.childLevel == .community)
    #expect(DivisionLevel.community.childLevel == nil)
}

@Test func divisionLevelCodesAsItsRawString() {
    #expect(DivisionLevel(rawValue: "subdistrict") == .subdistrict)
    #expect(DivisionLevel(rawValue: "town") == nil)
}
