import Assembly
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// The chair convenes a meeting whose ballots are final; an owner votes once and cannot change it;
/// the subdistrict follows the meeting's turnout; anyone who sees the compound downloads its tables.
struct MeetingSupervisionTests {
    @Test func aFinalBallotMeetingIsFollowedByTheSubdistrictAndExportedAsTables() async throws {
        let clock = ManualClock()
        try await withDemoApp(clock: clock) { browser, database in
            let owner = try #require(try await DemoAccounts.plan(in: database).first { $0.portal == .owner })
            let compound = try #require(owner.roles.first?.compoundID)
            try await browser.signIn(.committeeChair)
            try await browser.execute(uri: "/compounds/\(compound)/meetings")
            let opens = CivilDate(daysSince1970: CivilDate.inChina(clock.now()).daysSince1970 + 15)
            let convened = try await browser.post("/compounds/\(compound)/meetings", [
                "title": "2027 年业主大会", "motion1_matter": "4", "motion1_title": "续聘物业服务企业", "opens_on": opens.text,
                "closes_on": CivilDate(daysSince1970: opens.daysSince1970 + 5).text, "ballots_final": "on"])
            #expect(convened.status == .seeOther)
            let meeting = try #require(convened.location?.split(separator: "/").last.flatMap { Int64($0) })
            clock.advance(seconds: 16 * 86_400)

            try await browser.signIn(.owner)
            let headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: browser.csrf]
            let first = try await browser.execute(uri: "/api/v1/meetings/\(meeting)/ballots", method: .post, headers: headers,
                                                  body: ByteBuffer(string: #"{"choices":{"1":"agree"}}"#))
            #expect(first.status == .created)
            let receipt = try #require((first.json["receipts"] as? [String: String])?["1"])
            let checked = try await browser.execute(uri: "/meetings/\(meeting)?receipt=\(receipt)")
            #expect(checked.text.contains("第 1 项议题：同意") && checked.text.contains("已计入表决结果"))
            #expect(try await browser.execute(uri: "/meetings/\(meeting)?receipt=nosuchreceipt").text.contains("本次会议中没有这个回执码"))
            let change = try await browser.execute(uri: "/api/v1/meetings/\(meeting)/ballots", method: .post, headers: headers,
                                                   body: ByteBuffer(string: #"{"choices":{"1":"disagree"}}"#))
            #expect(change.status == .unprocessableContent && change.text.contains("ballot_final"))
            let tables = try await browser.execute(uri: "/api/v1/meetings/\(meeting)/export/ballots.csv")
            #expect(tables.status == .ok && tables.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(tables.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
            #expect(try await browser.execute(uri: "/api/v1/meetings/\(meeting)/export/owners.csv").status == .notFound)
            #expect(try await browser.execute(uri: "/meetings").status == .forbidden)

            try await browser.signIn(.subdistrict)
            let supervision = try await browser.execute(uri: "/meetings")
            #expect(supervision.status == .ok && supervision.text.contains("2027 年业主大会") && supervision.text.contains("/meetings/\(meeting)"))
            #expect(supervision.text.contains("id=\"open-count\">1<"))
        }
    }

    /// The chair enters a paper ballot on the page with its scan; the scan stays with the committee
    /// and the subdistrict, not the owners.
    @Test func aPaperBallotIsEnteredWithItsScanWhichOnlyTheCommitteeAndOfficesSee() async throws {
        try await withDemoApp { browser, database in
            let meeting = try #require(try await DemoMeeting.convene(in: database, for: try await DemoAccounts.plan(in: database)))
            try await browser.signIn(.committeeChair)
            try await browser.execute(uri: "/meetings/\(meeting)")
            func paper(_ scan: [UInt8]?) async throws -> TestResponse {
                try await browser.postMultipart("/meetings/\(meeting)/paper-ballots", ["right_number": "3", "channel": "paper", "motion_1": "agree"],
                                                files: scan.map { [.init(field: "scan", filename: "ballot.jpg", contentType: "image/jpeg", bytes: $0)] } ?? [])
            }
            let without = try await paper(nil)
            #expect(without.status == .unprocessableContent && without.text.contains("请附上纸质表决票或书面意见的扫描件"))
            #expect(try await database.count("ballots") == 0)
            let entered = try await paper([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 1, count: 100))
            #expect(entered.status == .ok && entered.text.contains("扫描件已留存"))
            let link = try #require(entered.text.firstMatch(of: /href="(\/meetings\/\d+\/scans\/\d+)"/)?.1).description
            #expect(try await browser.execute(uri: link).headers[.contentType] == "image/jpeg")
            try await browser.signIn(.subdistrict)
            #expect(try await browser.execute(uri: link).status == .ok)
            try await browser.signIn(.owner)
            #expect(try await browser.execute(uri: link).status == .forbidden)
        }
    }
}
