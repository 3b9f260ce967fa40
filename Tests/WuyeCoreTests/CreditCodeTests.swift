import Foundation
import Testing
import WuyeCore

@Test(arguments: ["91350100M000100Y43", "91370200264574251E", "91110000600037341L"])
func creditCodeAcceptsValidCodes(raw: String) throws {
    // Given a code with the right GB 32100 check character, When parsed, Then it is kept
    let code = try CreditCode(raw)
    #expect(code.rawValue == raw)
    #expect(code.description == raw)
    #expect(CreditCode(rawValue: raw) == code)
}

@Test func creditCodeNormalisesWhitespaceAndCase() throws {
    #expect(try CreditCode(" 91350100m000100y43 ").rawValue == "91350100M000100Y43")
}

@Test func creditCodeCheckCharacterFollowsGB32100() {
    #expect(CreditCode.checkCharacter(forFirst17: "91350100M000100Y4") == "3")
    #expect(CreditCode.checkCharacter(forFirst17: "91370200264574251") == "E")
    #expect(CreditCode.checkCharacter(forFirst17: Substring("91110000600037341")) == "L")
}

@Test func creditCodeOrganisationCheckCharacterFollowsGB11714() {
    #expect(CreditCode.organisationCheckCharacter(forFirst8: "26457425") == "1")
    #expect(CreditCode.organisationCheckCharacter(forFirst8: "M000100Y") == "4")
    #expect(CreditCode.organisationCheckCharacter(forFirst8: "60003734") == "1")
    // 11 − (S mod 11) = 10 is written "X", and = 11 is written "0"
    #expect(CreditCode.organisationCheckCharacter(forFirst8: "40000000") == "X") // S = 12, 11 − 1 = 10
    #expect(CreditCode.organisationCheckCharacter(forFirst8: "00000000") == "0") // S = 0, 11 − 0 = 11
}

@Test func creditCodeRejectsWrongCheckCharacter() {
    let error = #expect(throws: DomainError.self) { try CreditCode("91350100M000100Y44") }
    #expect(error?.code == "invalid_credit_code")
    #expect(error?.message == "统一社会信用代码校验位错误")
}

@Test(arguments: ["91350100M0O0100Y43", "91350100M000I00Y43", "91350100M000100S43", "9135010-M000100Y43"])
func creditCodeRejectsCharactersOutsideTheAlphabet(raw: String) {
    let error = #expect(throws: DomainError.self) { try CreditCode(raw) }
    #expect(error?.code == "invalid_credit_code")
    #expect(error?.message.hasPrefix("统一社会信用代码含有无效字符") == true)
}

@Test(arguments: ["", "91350100M000100Y4", "91350100M000100Y433"])
func creditCodeRejectsWrongLength(raw: String) {
    let error = #expect(throws: DomainError.self) { try CreditCode(raw) }
    #expect(error?.message == "统一社会信用代码应为 18 位")
    #expect(CreditCode(rawValue: raw) == nil)
}

@Test func creditCodeCodesAsASingleStringAndValidatesOnDecode() throws {
    let code = try CreditCode("91370200264574251E")
    let data = try JSONEncoder().encode([code])
    #expect(String(decoding: data, as: UTF8.self) == "[\"91370200264574251E\"]")
    #expect(try JSONDecoder().decode([CreditCode].self, from: data) == [code])
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode([CreditCode].self, from: Data("[\"91370200264574251F\"]".utf8))
    }
}
