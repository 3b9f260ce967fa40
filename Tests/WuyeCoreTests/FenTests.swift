import Foundation
import Testing
import WuyeCore

@Test(arguments: [("12", Int64(1200)), ("12.3", 1230), ("12.34", 1234), ("0.05", 5), (" 7.00 ", 700), ("0", 0)])
func fenParsesYuanWithUpToTwoDecimals(text: String, fen: Int64) throws {
    // Given a yuan amount as typed, When it is parsed, Then it becomes exact fen
    #expect(try Fen.parse(yuan: text) == Fen(fen))
}

@Test func fenParseRejectsNegativeAmounts() {
    // Given a negative amount, When it is parsed, Then the error says it is negative
    let error = #expect(throws: DomainError.self) { try Fen.parse(yuan: "-5.00") }
    #expect(error?.code == "invalid_amount")
    #expect(error?.message == "金额不能为负数")
}

@Test func fenParseRejectsMoreThanTwoDecimals() {
    let error = #expect(throws: DomainError.self) { try Fen.parse(yuan: "12.345") }
    #expect(error?.code == "invalid_amount")
    #expect(error?.message == "金额最多两位小数")
}

@Test func fenParseRejectsEmptyInput() {
    let error = #expect(throws: DomainError.self) { try Fen.parse(yuan: "   ") }
    #expect(error?.message == "金额不能为空")
}

@Test(arguments: ["abc", "12a", "1,234.00", "12.", ".5", "+5", "１２", "1.2.3", "-", "¥12"])
func fenParseRejectsNonDigits(text: String) {
    // Given text that is not a plain decimal, When parsed, Then it is refused as malformed
    let error = #expect(throws: DomainError.self) { try Fen.parse(yuan: text) }
    #expect(error?.code == "invalid_amount")
    #expect(error?.message.contains("格式无效") == true)
}

@Test func fenParseRejectsOverflow() throws {
    // Given an amount beyond Int64 fen, When parsed, Then it is refused rather than wrapping
    let error = #expect(throws: DomainError.self) { try Fen.parse(yuan: "92233720368547758.08") }
    #expect(error?.message == "金额过大")
    // And the largest representable amount still parses
    #expect(try Fen.parse(yuan: "92233720368547758.07") == Fen(Int64.max))
}

@Test func fenDescriptionRendersYuanWithTwoDecimals() {
    #expect(Fen(123_450).description == "1234.50")
    #expect(Fen(5).description == "0.05")
    #expect(Fen(-5).description == "-0.05")
    #expect(Fen(0).description == "0.00")
    #expect(Fen(-123_456).description == "-1234.56")
    #expect(Fen(Int64.min).description == "-92233720368547758.08")
}

@Test func fenArithmeticAndOrderingUseIntegerFen() {
    // Given amounts that would drift as Doubles (0.1 + 0.2)
    let a: Fen = 10
    let b: Fen = 20
    var total = a + b

    // Then the sum and difference are exact
    #expect(total == Fen(30))
    #expect(b - a == Fen(10))
    #expect(a - b == Fen(-10))
    total -= a
    total += b
    #expect(total == 40)
    #expect(a < b)
    #expect([b, a].sorted() == [a, b])
}

@Test func fenEncodesAsASingleInteger() throws {
    // Given an amount, When encoded, Then JSON holds the bare fen integer and decodes back
    let data = try JSONEncoder().encode([Fen(1234)])
    #expect(String(decoding: data, as: UTF8.self) == "[1234]")
    #expect(try JSONDecoder().decode([Fen].self, from: data) == [Fen(1234)])
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([Fen].self, from: Data("[\"12\"]".utf8)) }
}
