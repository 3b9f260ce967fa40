import Assembly
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// An owners' meeting end to end over the API: the chair convenes, owners vote online, the committee
/// enters a paper ballot, the chair closes after the window, and the export recounts to the result.
struct MeetingFlowTests {
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    func json(_ browser: Browser, _ uri: String, _ body: String) async throws -> TestResponse {
        try await browser.execute(uri: uri, method: .post,
                                  headers: [.contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: browser.csrf],
                                  body: ByteBuffer(string: body))
    }

    @Test func aMeetingIsConvenedVotedClosedAndRecounted() async throws {
        let clock = ManualClock()
        try await withDemoApp(clock: clock) { chair, database in
            let owner = try #require(try await DemoAccounts.plan(in: database).first { $0.portal == .owner })
            let compound = try #require(owner.roles.first?.compoundID)
            try await chair.signIn(.committeeChair)
            let opens = clock.now().addingTimeInterval(15 * 86_400)
            let early = try await json(chair, "/api/v1/compounds/\(compound)/meetings", """
                {"title":"业主大会","motions":[{"matter":6,"title":"续筹维修资金"}],
                 "opens_at":"\(Self.iso(opens.addingTimeInterval(-86_400)))","closes_at":"\(Self.iso(opens))"}
                """)
            #expect(early.status == .unprocessableContent)
            #expect((early.json["error"] as? [String: Any])?["field"] as? String == "opens_at")
            let convened = try await json(chair, "/api/v1/compounds/\(compound)/meetings", """
                {"title":"2026 年业主大会","motions":[{"matter":4,"title":"续聘物业服务企业"},{"matter":6,"title":"续筹维修资金"}],
                 "opens_at":"\(Self.iso(opens))","closes_at":"\(Self.iso(opens.addingTimeInterval(5 * 86_400)))"}
                """)
            #expect(convened.status == .created)
            let meeting = try #require(convened.json["meeting_id"] as? Int)
            clock.advance(seconds: 15 * 86_400)

            let voter = Browser(chair.client)
            try await voter.signIn(.owner)
            let detail = try await voter.execute(uri: "/api/v1/meetings/\(meeting)")
            let right = try #require(detail.json["my_right_number"] as? Int)
            let cast = try await json(voter, "/api/v1/meetings/\(meeting)/ballots", #"{"choices":{"1":"agree","2":"agree"}}"#)
            #expect(cast.status == .created)
            let receipt = try #require((cast.json["receipts"] as? [String: String])?["2"])
            let offAgenda = try await json(voter, "/api/v1/meetings/\(meeting)/ballots", #"{"choices":{"3":"agree"}}"#)
            #expect(offAgenda.status == .unprocessableContent)

            try await chair.signIn(.committeeChair)  // fifteen days on, the old session has long ended
            let paper = try await json(chair, "/api/v1/meetings/\(meeting)/paper-ballots",
                                       #"{"right_number":\#(right == 1 ? 2 : 1),"choices":{"1":"disagree","2":"abstain"},"channel":"paper"}"#)
            #expect(paper.status == .created)
            let tooEarly = try await json(chair, "/api/v1/meetings/\(meeting)/close", "{}")
            #expect(tooEarly.status == .unprocessableContent)
            clock.advance(seconds: 5 * 86_400)
            try await chair.signIn(.committeeChair)
            try await voter.signIn(.owner)
            let closed = try await json(chair, "/api/v1/meetings/\(meeting)/close", "{}")
            #expect(closed.status == .ok)
            // Two rights of a whole compound voted: far from the quorum, so nothing passes.
            #expect((closed.json["results"] as? [[String: Any]])?.map { $0["passed"] as? Bool } == [false, false])

            let exported = try await voter.execute(uri: "/api/v1/meetings/\(meeting)/export")
            let export = try JSONDecoder().decode(AssemblyExport.self, from: Data(buffer: exported.body))
            #expect(export.ballots.contains { $0.receipt == receipt && $0.rightID == right && $0.choice == .agree })
            #expect(Recount(export, hash: ChainHash.sha256).confirmsPublishedResult)
        }
    }
}
