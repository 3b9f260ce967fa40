import Testing
import WuyeCore

struct PermilleAndCSVTests {
    @Test func sharesRoundHalfUpToTenthsOfAPercent() {
        #expect(Permille.of(195, 230) == 848)
        #expect(Permille.of(1, 8) == 125)
        #expect(Permille.of(1, 2000) == 1)   // 0.05% rounds up to 0.1%
        #expect(Permille.of(1, 2001) == 0)
        #expect(Permille.of(3, 0) == nil)
        #expect(Permille.text(848) == "84.8%" && Permille.text(1000) == "100.0%" && Permille.text(nil) == "—")
    }

    @Test func csvOpensInExcelWithChineseTextQuotesAndNoFormulas() {
        let bytes = CSVText.document(header: ["小区", "投诉"], rows: [["光明里, 东区", "3"], ["=HYPERLINK(\"x\")", "-5"], ["说\"好\"", "+1"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "小区,投诉\r\n\"光明里, 东区\",3\r\n\"'=HYPERLINK(\"\"x\"\")\",-5\r\n\"说\"\"好\"\"\",+1\r\n")
    }
}
