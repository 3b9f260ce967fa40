import Assembly
import Testing
import WuyeCore

/// The export's spreadsheet tables carry the same numbers as the JSON, exactly.
struct AssemblyCSVTests {
    @Test func theExportsTablesHoldEveryRightBallotAndResultWithExactAreas() throws {
        let meeting = SyntheticMeeting(homes: 40, seed: 3)
        let export = AssemblyExport.publish(
            meeting: .init(id: 1, compoundID: 1, title: "表格测试", recordDate: "2026-11-01", opensAt: "2026-11-16T00:00:00.000Z",
                           closesAt: "2026-11-21T00:00:00.000Z"),
            motions: meeting.motions, roll: meeting.roll, casts: meeting.casts, hash: { "h" + String($0.joined().count) })
        func rows(_ table: AssemblyExport.Table) -> [String] {
            let bytes = export.csv(table)
            #expect(Array(bytes.prefix(3)) == CSVText.byteOrderMark)
            return String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        }
        let rights = rows(.rights)
        #expect(rights.first == "表决权编号,类别,房屋编号,面积(m²)")
        #expect(rights.count == export.votingRights.count + 2)
        #expect(rights.last == "合计,,\(export.totals.headcount) 个表决权,\(CentiSquareMetres(export.totals.area).description)")
        let ballots = rows(.ballots)
        #expect(ballots.count == export.ballots.count + 1)
        #expect(ballots[1].hasPrefix("1,\(export.ballots[0].rightID),\(export.ballots[0].motionID),\(export.ballots[0].choice.rawValue),"))
        #expect(ballots[1].hasSuffix(export.ballots[0].hash))
        let results = rows(.results)
        #expect(results.count == export.motions.count + 1)
        let first = export.results[0].count
        #expect(results[1].contains(",\(CentiSquareMetres(first.agreeArea).description),\(first.agreeHeadcount),"))
        #expect(results[1].hasSuffix(export.results[0].passed ? ",是" : ",否"))
    }
}
