import Registry
import Testing
import WuyeCore

struct CSVReaderTests {
    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let reader = CSVReader(text: "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n")
        #expect(try reader.next() == CSVRecord(line: 1, fields: ["a", "b,c", "say \"hi\""]))
        #expect(try reader.next() == CSVRecord(line: 2, fields: ["two\nlines", "x", ""]))
        #expect(try reader.next() == nil)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("区县代码,b\n".utf8))
        #expect(try reader.next()?.fields == ["区县代码", "b"])
    }

    @Test func lastLineWithoutNewlineIsRead() throws {
        let reader = CSVReader(text: "a,b\nc,d")
        _ = try reader.next()
        #expect(try reader.next() == CSVRecord(line: 2, fields: ["c", "d"]))
    }

    @Test func gbkBytesAreRejectedWithTheLineAndAHint() throws {
        // "小区" in GBK: not UTF-8, as Excel's default CSV export writes it.
        let reader = CSVReader(bytes: Array("ok\n".utf8) + [0xD0, 0xA1, 0xC7, 0xF8, 0x0A])
        _ = try reader.next()
        let error = #expect(throws: DomainError.self) { try reader.next() }
        #expect(error?.code == "csv_not_utf8")
        #expect(error?.message.contains("第 2 行") == true)
    }

    @Test func unterminatedQuoteIsAnError() throws {
        let reader = CSVReader(text: "a,\"open\n")
        let error = #expect(throws: DomainError.self) { try reader.next() }
        #expect(error?.code == "csv_unterminated_quote")
    }
}

