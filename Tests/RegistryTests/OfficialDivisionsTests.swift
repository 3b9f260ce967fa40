import Registry
import Testing
import WuyeCore

@Test func officialDataHasTenQingdaoDistrictsAndItsOneHundredFortyOneSubdistricts() {
    let districts = OfficialDivisions.children(of: "370200")
    #expect(districts.count == 10)
    #expect(districts.allSatisfy { $0.level == "district" })
    let subdistricts = districts.flatMap { OfficialDivisions.children(of: $0.code) }
    // shared/domain.md: "141 subdistricts and towns".
    #expect(subdistricts.count == 141)
    #expect(subdistricts.allSatisfy { $0.level == "subdistrict" })
}

@Test func officialDataHoldsBothCitiesAtEveryLevel() {
    let levels = Dictionary(grouping: OfficialDivisions.nbs2023, by: \.level).mapValues(\.count)
    #expect(levels == ["city": 2, "district": 23, "subdistrict": 305])
    #expect(OfficialDivisions.children(of: "370100").count == 13)
    #expect(OfficialDivisions.children(of: "370000").map(\.name) == ["济南市", "青岛市"])
}

@Test func officialNamesAreLookedUpByCode() {
    #expect(OfficialDivisions.named("370202") == "市南区")
    #expect(OfficialDivisions.named("370202001") == "香港中路街道")
    #expect(OfficialDivisions.named("370102") == "历下区")
    #expect(OfficialDivisions.named("370281") == "胶州市")
    #expect(OfficialDivisions.named("999999") == nil)
}

@Test func childrenAreSortedByCodeAndEmptyForLeavesAndUnknownCodes() {
    let shinan = OfficialDivisions.children(of: "370202")
    #expect(shinan.count == 11)
    #expect(shinan.map(\.code) == shinan.map(\.code).sorted())
    #expect(shinan.first?.name == "香港中路街道")
    #expect(OfficialDivisions.children(of: "370202001").isEmpty)
    #expect(OfficialDivisions.children(of: "123456").isEmpty)
}

@Test func everyOfficialCodeIsAWellFormedDivisionCodeUnderItsParent() throws {
    var seen: Set<String> = []
    for division in OfficialDivisions.nbs2023 {
        #expect(seen.insert(division.code).inserted, "duplicate code \(division.code)")
        let code = try DivisionCode(division.code)
        let expected: DivisionLevel =
            switch division.level {
            case "city": .city
            case "district": .district
            default: .subdistrict
            }
        #expect(code.level == expected, "\(division.code) \(division.name)")
        #expect(code.parent?.rawValue == division.parentCode, "\(division.code) \(division.name)")
        #expect(!division.name.isEmpty)
        if division.level != "city" {
            #expect(OfficialDivisions.named(division.parentCode) != nil, "parent of \(division.code) missing")
        }
    }
}
