import Assembly
import Foundation
import Registry
import Storage
import Testing
import WuyeCore

/// A meeting whose rules of procedure make a ballot final, and an office's list of the meetings in its area.
@Suite(.serialized)
struct MeetingRulesTests {
    @Test(arguments: TestBackend.available)
    func aFinalBallotCannotBeChangedWhileAChangeableOneIsReplaced(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date())
        let store = AssemblyStore(database: db, clock: clock)
        func convene(changeable: Bool) async throws -> Int64 {
            let opens = clock.now().addingTimeInterval(15 * 86_400)
            let plan = try MeetingPlan(title: changeable ? "可更改" : "不可更改", motions: [(4, "续聘物业服务企业")], opensAt: opens,
                                       closesAt: opens.addingTimeInterval(5 * 86_400), publishedAt: clock.now(), ballotsChangeable: changeable)
            return try await store.convene(compoundID: 1, plan: plan, by: .command("test"))
        }
        let final = try await convene(changeable: false), changeable = try await convene(changeable: true)
        clock.advance(seconds: 15 * 86_400 + 60)
        #expect(try await store.meeting(id: final)?.ballotsChangeable == false)
        _ = try await store.cast(meetingID: final, rightNumber: 1, choices: [1: .agree], channel: .online, by: .command("test"))
        let again = await #expect(throws: DomainError.self) {
            try await store.cast(meetingID: final, rightNumber: 1, choices: [1: .disagree], channel: .paper, by: .command("test"))
        }
        #expect(again?.code == "ballot_final")
        _ = try await store.cast(meetingID: final, rightNumber: 2, choices: [1: .disagree], channel: .online, by: .command("test"))
        _ = try await store.cast(meetingID: changeable, rightNumber: 1, choices: [1: .agree], channel: .online, by: .command("test"))
        _ = try await store.cast(meetingID: changeable, rightNumber: 1, choices: [1: .disagree], channel: .online, by: .command("test"))
        let export = try #require(try await store.export(meetingID: changeable))
        #expect(export.ballots.count == 2 && export.results[0].count.disagreeHeadcount == 1 && export.results[0].count.agreeHeadcount == 0)
        #expect(try #require(try await store.export(meetingID: final)).ballots.count == 2)

        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let listed = try await store.meetings(inDivision: district)
        #expect(listed.map(\.meeting.id) == [changeable, final] && listed.allSatisfy { !$0.compound.isEmpty })
        let elsewhere = try #require(DemoCity(scale: .small).compounds.first { !district.contains($0.district.code) }?.district.code)
        #expect(try await store.meetings(inDivision: elsewhere).isEmpty)
    }
}
