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
}
