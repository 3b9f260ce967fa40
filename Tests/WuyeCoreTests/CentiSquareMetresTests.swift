import Foundation
import Testing
import WuyeCore

@Test(arguments: [("89.37", Int64(8937)), ("89", 8900), ("89.4", 8940), ("  120.5\n", 12050), ("0.01", 1), ("10000", 1_000_000)])
func areaParsesSquareMetresWithUpToTwoDecimals(text: String, hundredths: Int64) throws {
    // Given an area as typed, When parsed, Then it becomes exact hundredths of a square metre
    #expect(try CentiSquareMetres.parse(squareMetres: text) == CentiSquareMetres(hundredths))
}

@Test(arguments: ["0", "0.00", "-5", "-0.01"])
func areaParseRejectsZeroAndNegative(text: String) {
    let error = #expect(throws: DomainError.self) { try CentiSquareMetres.parse(squareMetres: text) }
    #expect(error?.code == "invalid_area")
    #expect(error?.message == "面积必须大于 0")
}

@Test func areaParseRejectsMoreThanTwoDecimals() {
    let error = #expect(throws: DomainError.self) { try CentiSquareMetres.parse(squareMetres: "89.375") }
    #expect(error?.code == "invalid_area")
    #expect(error?.message == "面积最多两位小数")
}

@Test(arguments: ["10000.01", "20000", "99999999999999999999"])
func areaParseRejectsMoreThanTenThousandSquareMetres(text: String) {
    let error = #expect(throws: DomainError.self) { try CentiSquareMetres.parse(squareMetres: text) }
    #expect(error?.code == "invalid_area")
    #expect(error?.message == "面积不能超过 10000 平方米")
}

@Test(arguments: ["", "abc", "89,37", "89.", "八十"])
func areaParseRejectsEmptyOrNonNumericText(text: String) {
    let error = #expect(throws: DomainError.self) { try CentiSquareMetres.parse(squareMetres: text) }
    #expect(error?.code == "invalid_area")
    #expect(error?.message == "面积不能为空" || error?.message.contains("格式无效") == true)
}

@Test func areaDescriptionAlwaysHasTwoDecimals() {
    #expect(CentiSquareMetres(8937).description == "89.37")
    #expect(CentiSquareMetres(8900).description == "89.00")
    #expect(CentiSquareMetres(5).description == "0.05")
}

@Test func areaAddsAndOrdersExactly() {
    let flat: CentiSquareMetres = 8937
    let garage = CentiSquareMetres(1563)
    #expect(flat + garage == CentiSquareMetres(10500))
    #expect(garage < flat)
    var total = CentiSquareMetres.zero
    total += flat
    #expect(total == flat)
}

@Test func areaEncodesAsASingleInteger() throws {
    let data = try JSONEncoder().encode([CentiSquareMetres(8937)])
    #expect(String(decoding: data, as: UTF8.self) == "[8937]")
    #expect(try JSONDecoder().decode([CentiSquareMetres].self, from: data) == [CentiSquareMetres(8937)])
}
