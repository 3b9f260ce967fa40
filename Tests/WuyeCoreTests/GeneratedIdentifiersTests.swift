import Foundation
import Testing
import WuyeCore

/// 2025-06-01 12:00 in China Standard Time.
private let today = Date(timeIntervalSince1970: 1_748_750_400)

@Test func generatedResidentIDMatchesAKnownNumber() {
    // Given the parts of a known valid number, When assembled, Then the same number results
    let id = ResidentID.make(addressCode: "370202", year: 1990, month: 1, day: 1, sequence: 123)
    #expect(id.rawValue == "370202199001011237")
    #expect(ResidentID.make(addressCode: "110105", year: 1949, month: 12, day: 31, sequence: 2).rawValue
        == "11010519491231002X")
}

@Test func generatedResidentIDsPassValidation() throws {
    // Given many generated numbers across leap days and both sexes
    for (index, date) in [(1950, 1, 1), (1988, 2, 29), (2000, 2, 29), (2010, 12, 31)].enumerated() {
        for sequence in [1, 2, 500, 999] {
            let id = ResidentID.make(addressCode: "440307", year: date.0, month: date.1, day: date.2, sequence: sequence)
            // Then each parses with the validating initialiser and keeps its fields
            let parsed = try ResidentID(id.rawValue, today: today)
            #expect(parsed == id, "case \(index) sequence \(sequence)")
            #expect(parsed.birthYear == date.0)
            #expect(parsed.isMale == (sequence % 2 == 1))
        }
    }
}

@Test func generatedCreditCodeMatchesKnownCodes() {
    #expect(CreditCode.make(first8: "91370200", organisationCode8: "26457425").rawValue == "91370200264574251E")
    #expect(CreditCode.make(first8: "91350100", organisationCode8: "M000100Y").rawValue == "91350100M000100Y43")
}

@Test func generatedCreditCodesPassValidation() throws {
    // Given organisation bodies whose GB 11714 check is a digit, "X" and "0"
    for body in ["26457425", "40000000", "00000000", "MA3C4D5E", "12345678"] {
        let code = CreditCode.make(first8: "92370202", organisationCode8: body)
        // Then the code parses and its inner check character is the GB 11714 one
        #expect(try CreditCode(code.rawValue) == code)
        #expect(code.rawValue.dropFirst(16).first == CreditCode.organisationCheckCharacter(forFirst8: body))
    }
}
