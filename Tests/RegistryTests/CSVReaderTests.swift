import Foundation
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

    @Test func recordsAcrossTheReadersChunksComeOutWhole() throws {
        // Over 1 MB, so lines straddle the reader's chunk boundaries; plain, quoted, CRLF and
        // Chinese lines mixed, and no newline at the end.
        var expected: [[String]] = []
        var text = ""
        for index in 0..<60_000 {
            let fields: [String]
            switch index % 4 {
            case 0: fields = ["370202", "市南区", "海逸花园\(index)", "\(index)", ""]
            case 1: fields = ["a,b", "say \"hi\"", "\(index)"]
            default: fields = ["\(index)", "x", "89.37"]
            }
            expected.append(fields)
            let quoted = fields.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
            text += quoted.joined(separator: ",") + (index == 59_999 ? "" : index % 4 == 2 ? "\r\n" : "\n")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(text.utf8.count > 1 << 20)

        let reader = try CSVReader(path: path)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records.count == expected.count)
        #expect(records.map(\.fields) == expected)
        #expect(records.map(\.line) == Array(1...60_000))
    }

    @Test func aLoneCarriageReturnEndsARecord() throws {
        let reader = CSVReader(text: "a,b\rc,d\n")
        #expect(try reader.next() == CSVRecord(line: 1, fields: ["a", "b"]))
        #expect(try reader.next() == CSVRecord(line: 2, fields: ["c", "d"]))
        #expect(try reader.next() == nil)
    }
}
