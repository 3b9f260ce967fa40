import Foundation
import Testing
import WuyeCore

/// 2025-06-01 12:00 in China Standard Time.
private let today = Date(timeIntervalSince1970: 1_748_750_400)

@Test(arguments: ["11010519491231002X", "370202199001011237", "440307198802290011", "440307200002290013"])
func residentIDAcceptsValidNumbers(raw: String) throws {
    // Given a number with a real date and the right GB 11643 check, When parsed, Then it is kept
    let id = try ResidentID(raw, today: today)
    #expect(id.rawValue == raw)
    #expect(ResidentID(rawValue: raw) == id)
}

@Test func residentIDNormalisesWhitespaceAndLowercaseX() throws {
    let id = try ResidentID("  11010519491231002x \n", today: today)
    #expect(id.rawValue == "11010519491231002X")
    #expect(id.description == "11010519491231002X")
}

@Test func residentIDCheckCharacterFollowsMod11_2() {
    #expect(ResidentID.checkCharacter(forFirst17: "11010519491231002") == "X")
    #expect(ResidentID.checkCharacter(forFirst17: "37020219900101123") == "7")
    #expect(ResidentID.checkCharacter(forFirst17: "37020219900230123") == "6")
    #expect(ResidentID.checkCharacter(forFirst17: Substring("44030719880229001")) == "1")
}

@Test func residentIDRejectsWrongCheckDigit() {
    let error = #expect(throws: DomainError.self) { try ResidentID("370202199001011230", today: today) }
    #expect(error?.code == "invalid_resident_id")
    #expect(error?.message == "身份证号校验位错误")
}

@Test(arguments: [
    "370202199002301236", // February 30th, with its own correct check digit
    "440307190002290017", // 1900 is not a leap year
    "370202199013011234", // month 13
])
func residentIDRejectsImpossibleBirthDate(raw: String) {
    let error = #expect(throws: DomainError.self) { try ResidentID(raw, today: today) }
    #expect(error?.code == "invalid_resident_id")
    #expect(error?.message == "身份证号出生日期无效")
}

@Test func residentIDRejectsBirthYearBefore1900() {
    let error = #expect(throws: DomainError.self) { try ResidentID("110105189912310015", today: today) }
    #expect(error?.message == "身份证号出生年份不能早于 1900 年")
}

@Test func residentIDJudgesFutureBirthByChinaDate() throws {
    // Given 00:30 on 1 January 2024 in Beijing, which is still 31 December 2023 in UTC
    let newYearInBeijing = Date(timeIntervalSince1970: 1_704_040_200)
    // When a baby born that day is registered, Then the ID is accepted
    #expect(try ResidentID("110105202401010014", today: newYearInBeijing).birthDay == 1)
    // And a birth on the next day is in the future
    let error = #expect(throws: DomainError.self) { try ResidentID("11010520240102001X", today: newYearInBeijing) }
    #expect(error?.message == "身份证号出生日期不能晚于今天")
}

@Test func residentIDRejectsWrongLength() {
    let error = #expect(throws: DomainError.self) { try ResidentID("37020219900101123", today: today) }
    #expect(error?.code == "invalid_resident_id")
    #expect(error?.message == "身份证号应为 18 位")
    #expect(throws: DomainError.self) { try ResidentID("", today: today) }
    #expect(throws: DomainError.self) { try ResidentID("3702021990010112377", today: today) }
}

@Test func residentIDRejectsLetters() {
    let inBody = #expect(throws: DomainError.self) { try ResidentID("37020219900101A237", today: today) }
    #expect(inBody?.message == "身份证号前 17 位只能是数字")
    let inCheck = #expect(throws: DomainError.self) { try ResidentID("37020219900101123Y", today: today) }
    #expect(inCheck?.message == "身份证号最后一位只能是数字或 X")
    #expect(ResidentID(rawValue: "ABCDEFGHIJKLMNOPQR") == nil)
}

@Test func residentIDRejectsUnknownProvinceInAddressCode() {
    let error = #expect(throws: DomainError.self) { try ResidentID("000105199001010015", today: today) }
    #expect(error?.message == "身份证号地址码无效")
}

@Test func residentIDExposesBirthDateAndSex() throws {
    let man = try ResidentID("370202199001011237", today: today)
    #expect(man.birthYear == 1990)
    #expect(man.birthMonth == 1)
    #expect(man.birthDay == 1)
    #expect(man.isMale) // sequence 123 is odd
    let woman = try ResidentID("11010519491231002X", today: today)
    #expect((woman.birthYear, woman.birthMonth, woman.birthDay) == (1949, 12, 31))
    #expect(!woman.isMale) // sequence 002 is even
}

@Test func residentIDMaskingDependsOnAudience() throws {
    let id = try ResidentID("370202199001011237", today: today)
    #expect(id.masked(for: .publicNotice) == "3****************7")
    #expect(id.masked(for: .staff) == "370202********1237")
    #expect(try ResidentID("11010519491231002X", today: today).masked(for: .publicNotice) == "1****************X")
}

@Test func residentIDCodesAsASingleStringAndValidatesOnDecode() throws {
    let id = try ResidentID("370202199001011237", today: today)
    let data = try JSONEncoder().encode([id])
    #expect(String(decoding: data, as: UTF8.self) == "[\"370202199001011237\"]")
    #expect(try JSONDecoder().decode([ResidentID].self, from: data) == [id])
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode([ResidentID].self, from: Data("[\"370202199001011230\"]".utf8))
    }
}

struct CivilDateTests {
    @Test func storedDayTextParsesOnlyRealDaysInTheStoredForm() {
        #expect(CivilDate(text: "2026-10-01") == CivilDate(year: 2026, month: 10, day: 1))
        #expect(CivilDate(text: "2026-02-30") == nil)
        #expect(CivilDate(text: "2026-1-01") == nil)
        #expect(CivilDate(text: "2026-10-01x") == nil)
        #expect(BeijingTime.text(Date(timeIntervalSince1970: 0)) == "1970-01-01 08:00")
    }

    @Test func daysSince1970RoundTripsAcrossLeapDaysAndCenturies() {
        for days in [-25_567, 0, 10_956, 11_016, 19_782, 20_000, 47_482] {
            #expect(CivilDate(daysSince1970: days).daysSince1970 == days)
        }
        #expect(CivilDate(daysSince1970: 11_016).text == "2000-02-29")
        #expect(CivilDate(daysSince1970: 0).text == "1970-01-01")
        #expect(CivilDate(daysSince1970: -25_567).text == "1900-01-01")
    }
}
