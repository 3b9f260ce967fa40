import Foundation
import Registry
import Testing
import WuyeCore

struct RegistryRowParserTests {
    static let header = "district_code,district_name,subdistrict_code,subdistrict_name,community_code,community_name,compound_name,compound_type,building,unit,home,area_m2,owner_name,owner_id_number,owner_phone,delivered"
    static let today = Date(timeIntervalSince1970: 1_790_000_000)

    func parse(_ line: String) throws -> Result<RegistryRow, RegistryIssueList> {
        let header = try RegistryHeader(fields: CSVReader(text: Self.header).next()!.fields)
        let record = try #require(try CSVReader(text: line).next())
        var parser = RegistryRowParser(header: header, today: Self.today)
        return parser.parse(CSVRecord(line: 7, fields: record.fields))
    }

    @Test func validRowIsNormalisedAndTyped() throws {
        let row = try parse("370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,封闭式,3号楼,2单元,501室,89.37,张三,370202199001011237,138 1234 5678,是").get()
        #expect(row.building == "3")
        #expect(row.unit == "2")
        #expect(row.home == "501")
        #expect(row.area == CentiSquareMetres(8937))
        #expect(row.compoundType == .closed)
        #expect(row.owner?.identifier == .person(try ResidentID("370202199001011237")))
        #expect(row.owner?.phone?.rawValue == "13812345678")
        #expect(row.delivered)
    }

    @Test func everyBadFieldOfARowIsReportedNotOnlyTheFirst() throws {
        guard case .failure(let list) = try parse(",,37020200,,370202001001,,,villa,,,,0,,37020219900101123X,555,maybe") else {
            Issue.record("a row full of faults was accepted"); return
        }
        let columns = Set(list.issues.map(\.column))
        #expect(columns.isSuperset(of: ["district_code", "district_name", "subdistrict_code", "subdistrict_name",
                                        "community_name", "compound_name", "compound_type", "building", "unit",
                                        "home", "area_m2", "delivered"]))
        #expect(list.issues.allSatisfy { $0.line == 7 })
    }

    @Test func communityMustSitInsideItsSubdistrict() throws {
        guard case .failure(let list) = try parse("370202,市南区,370202001,香港中路街道,370202002001,海逸社区,海逸花园,closed,1,1,101,80,张三,370202199001011237,,yes") else {
            Issue.record("accepted"); return
        }
        #expect(list.issues.map(\.column) == ["community_code"])
    }

    @Test func aCodeRepeatedFromThePreviousRowIsStillCheckedAgainstANewParent() throws {
        let header = try RegistryHeader(fields: CSVReader(text: Self.header).next()!.fields)
        var parser = RegistryRowParser(header: header, today: Self.today)
        func parse(_ line: Int, _ text: String) throws -> Result<RegistryRow, RegistryIssueList> {
            parser.parse(CSVRecord(line: line, fields: try #require(try CSVReader(text: text).next()).fields))
        }
        let first = try parse(2, "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1,1,101,80,张三,370202199001011237,,yes").get()
        let same = try parse(3, "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1,1,102,80,张三,370202199001011237,,yes").get()
        #expect(same.community == first.community)
        // The same community code under another subdistrict: no longer its child.
        guard case .failure(let list) = try parse(4, "370202,市南区,370202002,八大湖街道,370202001001,海逸社区,海逸花园,closed,1,1,103,80,张三,370202199001011237,,yes") else {
            Issue.record("a community outside its subdistrict was accepted after a row that had it right"); return
        }
        #expect(list.issues.map(\.column) == ["community_code"])
        guard case .failure(let bad) = try parse(5, "370202,市南区,370202001,香港中路街道,3702020010011,海逸社区,海逸花园,closed,1,1,104,80,张三,370202199001011237,,yes") else {
            Issue.record("a malformed community code was accepted"); return
        }
        #expect(bad.issues.map(\.column) == ["community_code"])
    }

    @Test func developerHeldHomeNeedsNoOwnerButADeliveredOneDoes() throws {
        let held = try parse("370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1,1,101,80,,,,否").get()
        #expect(held.owner == nil)
        #expect(!held.delivered)
        guard case .failure(let list) = try parse("370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1,1,101,80,,,,yes") else {
            Issue.record("a delivered home without an owner was accepted"); return
        }
        #expect(Set(list.issues.map(\.column)) == ["owner_name", "owner_id_number"])
    }

    @Test func organisationOwnersAreRecognisedByTheirCreditCode() throws {
        let row = try parse("370202,市南区,370202001,香港中路街道,370202001001,海逸社区,银海大厦,商务楼宇,A座,1,1801,300,青岛银海,91370200264574251E,0532-88886666,").get()
        #expect(row.owner?.identifier.isPerson == false)
        #expect(row.building == "A座")
        #expect(row.compoundType == .commercial)
    }

    @Test func headerReportsEveryMissingColumn() {
        #expect(throws: RegistryIssueList.self) { try RegistryHeader(fields: ["district_code", "楼栋"]) }
        do {
            _ = try RegistryHeader(fields: ["district_code", "楼栋"])
        } catch {
            let missing = Set(error.issues.map(\.column))
            #expect(missing.contains("area_m2"))
            #expect(!missing.contains("building"))
            #expect(!missing.contains("owner_phone"))  // optional
        }
    }
}
