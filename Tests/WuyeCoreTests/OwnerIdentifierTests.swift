import Foundation
import Testing
import WuyeCore

/// 2025-06-01 12:00 in China Standard Time.
private let today = Date(timeIntervalSince1970: 1_748_750_400)

@Test func ownerIdentifierReadsAResidentIDAsAPerson() throws {
    // Given an identity number, When parsed as an owner identifier, Then it is a person
    let owner = try OwnerIdentifier(" 370202199001011237 ", today: today)
    #expect(owner == .person(try ResidentID("370202199001011237", today: today)))
    #expect(owner.isPerson)
    #expect(owner.rawValue == "370202199001011237")
    #expect(owner.description == "370202199001011237")
}

@Test func ownerIdentifierReadsACreditCodeWithLettersAsAnOrganisation() throws {
    let owner = try OwnerIdentifier("91350100M000100Y43", today: today)
    #expect(owner == .organisation(try CreditCode("91350100M000100Y43")))
    #expect(!owner.isPerson)
}

@Test func ownerIdentifierFallsBackToCreditCodeWhenSeventeenDigitsAreNotAnID() throws {
    // Given a credit code whose first 17 characters are digits
    let owner = try OwnerIdentifier("91370200264574251E", today: today)
    // Then it is not mistaken for a person
    #expect(owner == .organisation(try CreditCode("91370200264574251E")))
}

@Test func ownerIdentifierReportsTheResidentIDErrorForDigitNumbers() {
    // Given a digit number that is neither kind, Then the resident ID reason is given
    let error = #expect(throws: DomainError.self) { try OwnerIdentifier("370202199001011230", today: today) }
    #expect(error?.code == "invalid_resident_id")
    #expect(error?.message == "身份证号校验位错误")
    let short = #expect(throws: DomainError.self) { try OwnerIdentifier("37020219900101123", today: today) }
    #expect(short?.message == "身份证号应为 18 位")
    let veryShort = #expect(throws: DomainError.self) { try OwnerIdentifier("12345", today: today) }
    #expect(veryShort?.code == "invalid_resident_id")
}

@Test func ownerIdentifierReportsTheCreditCodeErrorForLetterCodes() {
    let error = #expect(throws: DomainError.self) { try OwnerIdentifier("91350100M000100Y44", today: today) }
    #expect(error?.code == "invalid_credit_code")
    #expect(error?.message == "统一社会信用代码校验位错误")
    let empty = #expect(throws: DomainError.self) { try OwnerIdentifier("", today: today) }
    #expect(empty?.code == "invalid_credit_code")
}

@Test func ownerIdentifierMasksPeopleButNotOrganisations() throws {
    let person = try OwnerIdentifier("370202199001011237", today: today)
    #expect(person.masked(for: .publicNotice) == "3****************7")
    #expect(person.masked(for: .staff) == "370202********1237")
    let company = try OwnerIdentifier("91370200264574251E", today: today)
    #expect(company.masked(for: .publicNotice) == "91370200264574251E")
    #expect(company.masked(for: .staff) == "91370200264574251E")
}

@Test func ownerIdentifierCodesAsTheBareStringOfEitherKind() throws {
    let owners = [
        try OwnerIdentifier("370202199001011237", today: today),
        try OwnerIdentifier("91370200264574251E", today: today),
    ]
    let data = try JSONEncoder().encode(owners)
    #expect(String(decoding: data, as: UTF8.self) == "[\"370202199001011237\",\"91370200264574251E\"]")
    #expect(try JSONDecoder().decode([OwnerIdentifier].self, from: data) == owners)
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode([OwnerIdentifier].self, from: Data("[\"123\"]".utf8))
    }
}
