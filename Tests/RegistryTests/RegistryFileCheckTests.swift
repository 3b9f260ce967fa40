import Foundation
import Registry
import Testing
import WuyeCore

struct RegistryFileCheckTests {
    let header = try! RegistryHeader(fields: RegistryColumn.allCases.map(\.rawValue))

    func row(line: Int, compound: String = "海逸花园", type: CompoundType = .closed, home: String = "101",
             area: Int64 = 8937, id: String? = "370202199001011237", name: String = "张三",
             delivered: Bool = true, subdistrictName: String = "香港中路街道") throws -> RegistryRow {
        RegistryRow(
            line: line, district: NamedDivision(code: try DivisionCode("370202"), name: "市南区"),
            subdistrict: NamedDivision(code: try DivisionCode("370202001"), name: subdistrictName),
            community: NamedDivision(code: try DivisionCode("370202001001"), name: "海逸社区"),
            compoundName: compound, compoundType: type, building: "1", unit: "1", home: home,
            area: CentiSquareMetres(area),
            owner: try id.map { OwnerRecord(identifier: try OwnerIdentifier($0), name: name, phone: nil) },
            delivered: delivered)
    }

    @Test func consistentRowsPass() throws {
        var check = RegistryFileCheck(header: header)
        #expect(check.add(try row(line: 2)).isEmpty)
        #expect(check.add(try row(line: 3, id: "11010519491231002X", name: "李四")).isEmpty)
        #expect(check.add(try row(line: 4, home: "102")).isEmpty)
        #expect(check.homeCount == 2)
        #expect(check.ownerCount == 2)
    }

    @Test func oneHomeWithTwoAreasIsReportedAgainstTheFirstLine() throws {
        var check = RegistryFileCheck(header: header)
        _ = check.add(try row(line: 2))
        let issues = check.add(try row(line: 9, area: 9000, id: "11010519491231002X", name: "李四"))
        #expect(issues.map(\.column) == ["area_m2"])
        #expect(issues.first?.reason.contains("第 2 行") == true)
    }

    @Test func sameOwnerTwiceOnOneHomeIsReported() throws {
        var check = RegistryFileCheck(header: header)
        _ = check.add(try row(line: 2))
        #expect(check.add(try row(line: 3)).map(\.code) == ["duplicate_owner"])
    }

    @Test func aCoOwnerListedTwiceIsReportedButDistinctCoOwnersAreNot() throws {
        var check = RegistryFileCheck(header: header)
        #expect(check.add(try row(line: 2)).isEmpty)
        #expect(check.add(try row(line: 3, id: "11010519491231002X", name: "李四")).isEmpty)
        #expect(check.add(try row(line: 4, home: "102")).isEmpty)
        #expect(check.add(try row(line: 5, id: "11010519491231002X", name: "李四")).map(\.code) == ["duplicate_owner"])
        #expect(check.add(try row(line: 6)).map(\.code) == ["duplicate_owner"])
        #expect(check.add(try row(line: 7, home: "102", id: "11010519491231002X", name: "李四")).isEmpty)
    }

    @Test func anOwnerRepeatedOnAHomeFirstListedWithoutOneIsReported() throws {
        var check = RegistryFileCheck(header: header)
        #expect(check.add(try row(line: 2, id: nil, delivered: false)).isEmpty)
        #expect(check.add(try row(line: 3, delivered: false)).isEmpty)
        #expect(check.add(try row(line: 4, delivered: false)).map(\.code) == ["duplicate_owner"])
    }

    @Test func oneIDNumberWithTwoNamesIsReported() throws {
        var check = RegistryFileCheck(header: header)
        _ = check.add(try row(line: 2))
        #expect(check.add(try row(line: 3, home: "102", name: "张叁")).map(\.code) == ["inconsistent_owner_name"])
    }

    @Test func oneCompoundWithTwoTypesAndOneCodeWithTwoNamesAreReported() throws {
        var check = RegistryFileCheck(header: header)
        _ = check.add(try row(line: 2))
        let issues = check.add(try row(line: 3, type: .open, home: "102", subdistrictName: "香港路街道"))
        #expect(Set(issues.map(\.code)) == ["inconsistent_compound_type", "inconsistent_division_name"])
    }

    @Test func deliveryStateMustAgreeForOneHome() throws {
        var check = RegistryFileCheck(header: header)
        _ = check.add(try row(line: 2))
        #expect(check.add(try row(line: 3, id: nil, delivered: false)).map(\.code) == ["inconsistent_delivered"])
    }

    @Test func everyRowOfARunThatContradictsAnEarlierLineIsReported() throws {
        var check = RegistryFileCheck(header: header)
        _ = check.add(try row(line: 2))
        for line in 3...5 {
            let issues = check.add(try row(line: line, type: .open, home: "10\(line)", subdistrictName: "香港路街道"))
            #expect(Set(issues.map(\.code)) == ["inconsistent_compound_type", "inconsistent_division_name"], "line \(line)")
        }
        // Back to the first line's names and type: consistent again.
        #expect(check.add(try row(line: 6, home: "106")).isEmpty)
    }

    @Test func headerPositionsFollowTheFilesColumnOrder() throws {
        let shuffled = RegistryColumn.allCases.reversed().map(\.rawValue)
        let header = try RegistryHeader(fields: ["extra"] + shuffled)
        for column in RegistryColumn.allCases {
            #expect(header.position(of: column) == header.positions[column])
            #expect(header.position(of: column) == 1 + shuffled.firstIndex(of: column.rawValue)!)
        }
    }
}
