import Foundation
import Testing
import WuyeCore

@Test(arguments: [
    ("370000", DivisionLevel.province), ("370200", .city), ("370202", .district),
    ("370202001", .subdistrict), ("370202001002", .community), (" 110105 ", .district),
    ("441900003", .subdistrict),
])
func divisionCodeLevelFollowsDigitPattern(raw: String, level: DivisionLevel) throws {
    // Given a code, When parsed, Then its level follows GB/T 2260 and the NBS 6+3+3 layout
    let code = try DivisionCode(raw)
    #expect(code.level == level)
    #expect(code.rawValue == raw.trimmingCharacters(in: .whitespaces))
}

@Test(arguments: ["", "37020", "3702021", "37020200", "370202000", "370202001000", "37020A", "000000", "370012",
                  "370000001", "370202001002003", "３７０２０２"])
func divisionCodeRejectsMalformedCodes(raw: String) {
    // Given a wrong length, letters, an all-zero tier, or a tier hanging under nothing
    let error = #expect(throws: DomainError.self) { try DivisionCode(raw) }
    // Then it is refused with the division code error
    #expect(error?.code == "invalid_division_code")
    #expect(DivisionCode(rawValue: raw) == nil)
}

@Test func divisionCodeParentWalksUpOneTier() throws {
    let community = try DivisionCode("370202001002")
    #expect(community.parent?.rawValue == "370202001")
    #expect(community.parent?.parent?.rawValue == "370202")
    #expect(community.parent?.parent?.parent?.rawValue == "370200")
    #expect(community.parent?.parent?.parent?.parent?.rawValue == "370000")
    #expect(community.parent?.parent?.parent?.parent?.parent == nil)
}

@Test func divisionCodeContainsItselfAndDescendantsOnly() throws {
    let city = try DivisionCode("370200")
    let community = try DivisionCode("370202001002")
    let otherCity = try DivisionCode("370100")
    #expect(city.contains(community))
    #expect(city.contains(city))
    #expect(!community.contains(city))
    #expect(!otherCity.contains(community))
    // A sibling district does not contain the other district's subdistrict
    #expect(!(try DivisionCode("370202")).contains(try DivisionCode("370203001")))
}

@Test func divisionCodeDistrictCodeIsTheSixDigitPrefixBelowCity() throws {
    #expect(try DivisionCode("370202001002").districtCode?.rawValue == "370202")
    #expect(try DivisionCode("370202001").districtCode?.rawValue == "370202")
    #expect(try DivisionCode("370202").districtCode?.rawValue == "370202")
    #expect(try DivisionCode("370200").districtCode == nil)
    #expect(try DivisionCode("370000").districtCode == nil)
}

@Test func divisionCodeRequireChildAcceptsDirectChildren() throws {
    // Given parents and their direct children, Then no error is thrown
    try DivisionCode.requireChild(try DivisionCode("370202001"), of: try DivisionCode("370202"))
    try DivisionCode.requireChild(try DivisionCode("370202001002"), of: try DivisionCode("370202001"))
    try DivisionCode.requireChild(try DivisionCode("370202"), of: try DivisionCode("370200"))
    try DivisionCode.requireChild(try DivisionCode("370200"), of: try DivisionCode("370000"))
    // A town of Dongguan, a city without districts, hangs directly off the city code
    try DivisionCode.requireChild(try DivisionCode("441900003"), of: try DivisionCode("441900"))
}

@Test func divisionCodeRequireChildRejectsForeignOrSkippedTiers() throws {
    let district = try DivisionCode("370202")
    // Another district's subdistrict
    let foreign = #expect(throws: DomainError.self) {
        try DivisionCode.requireChild(try DivisionCode("370203001"), of: district)
    }
    #expect(foreign?.code == "division_code_mismatch")
    #expect(foreign?.message.contains("370203001") == true)
    // A community two tiers below
    #expect(throws: DomainError(
        code: "division_code_mismatch",
        message: "区划代码 370202001002 不属于上级区划 370202",
        english: "Division 370202001002 is not directly under 370202"
    )) {
        try DivisionCode.requireChild(try DivisionCode("370202001002"), of: district)
    }
    // The parent itself, and a parent given as the child
    #expect(throws: DomainError.self) { try DivisionCode.requireChild(district, of: district) }
    #expect(throws: DomainError.self) { try DivisionCode.requireChild(try DivisionCode("370200"), of: district) }
}

@Test func divisionCodeSortsParentsBeforeChildren() throws {
    let codes = try ["370202001", "370200", "370202", "370000", "370202001002"].map { try DivisionCode($0) }
    #expect(codes.sorted().map(\.rawValue) == ["370000", "370200", "370202", "370202001", "370202001002"])
}

@Test func divisionCodeCodesAsASingleStringAndValidatesOnDecode() throws {
    let data = try JSONEncoder().encode([try DivisionCode("370202001")])
    #expect(String(decoding: data, as: UTF8.self) == "[\"370202001\"]")
    #expect(try JSONDecoder().decode([DivisionCode].self, from: data) == [try DivisionCode("370202001")])
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode([DivisionCode].self, from: Data("[\"370202000\"]".utf8))
    }
    #expect(try DivisionCode("370202").description == "370202")
}
