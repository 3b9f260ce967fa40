import Foundation
import Testing
import WuyeCore

@Test(arguments: [
    ("13812341234", "13812341234"), ("138 1234 1234", "13812341234"), ("+8613812341234", "13812341234"),
    ("+86 199 0000 1111", "19900001111"), ("8613812341234", "13812341234"),
])
func phoneNumberNormalisesMobiles(raw: String, stored: String) throws {
    // Given a mobile typed with spaces or a country code, When parsed, Then the bare 11 digits are kept
    let phone = try PhoneNumber(raw)
    #expect(phone.rawValue == stored)
    #expect(phone.isMobile)
}

@Test(arguments: [
    ("0532-88886666", "0532-88886666"), ("053288886666", "0532-88886666"), ("01012345678", "010-12345678"),
    ("010-1234567", "010-1234567"), ("02188886666", "021-88886666"), ("0755 8888 6666", "0755-88886666"),
    ("07558888666", "0755-8888666"),
])
func phoneNumberNormalisesLandlinesWithADash(raw: String, stored: String) throws {
    let phone = try PhoneNumber(raw)
    #expect(phone.rawValue == stored)
    #expect(!phone.isMobile)
}

@Test(arguments: [
    "", "1381234123", "138123412345", "12812341234", "23812341234", "1381234123a", "+8513812341234",
    "0532-888866", "0532-888866667", "532-88886666", "031-88886666", "0132-88886666", "0532--88886666",
    "0532-8888-6666", "+86053288886666", "８６13812341234",
])
func phoneNumberRejectsMalformedNumbers(raw: String) {
    let error = #expect(throws: DomainError.self) { try PhoneNumber(raw) }
    #expect(error?.code == "invalid_phone")
    #expect(error?.message.hasPrefix("电话号码无效") == true)
    #expect(PhoneNumber(rawValue: raw) == nil)
}

@Test func phoneNumberMasksTheMiddle() throws {
    #expect(try PhoneNumber("13812341234").masked == "138****1234")
    #expect(try PhoneNumber("0532-88886666").masked == "0532-****6666")
    #expect(try PhoneNumber("010-1234567").masked == "010-****4567")
}

@Test func phoneNumbersTypedDifferentlyAreEqual() throws {
    #expect(try PhoneNumber("+86 138 1234 1234") == PhoneNumber("13812341234"))
    #expect(try PhoneNumber("053288886666") == PhoneNumber("0532-88886666"))
}

@Test func phoneNumberCodesAsASingleStringAndValidatesOnDecode() throws {
    let phone = try PhoneNumber("0532-88886666")
    let data = try JSONEncoder().encode([phone])
    #expect(String(decoding: data, as: UTF8.self) == "[\"0532-88886666\"]")
    #expect(try JSONDecoder().decode([PhoneNumber].self, from: data) == [phone])
    #expect(phone.description == "0532-88886666")
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([PhoneNumber].self, from: Data("[\"123\"]".utf8)) }
}
