import Assembly
import Foundation
import Registry
import Storage
import Testing
import WuyeCore

@Suite(.serialized)
struct AssemblyStoreTests {
    /// The demo city loaded, a meeting convened in its first compound with voting open in 15 days.
    private func meeting(_ backend: TestBackend, clock: ManualClock) async throws -> (WuyeDatabase, AssemblyStore, Int64) {
        let db = try await backend.open()
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let store = AssemblyStore(database: db, clock: clock)
        let opens = clock.now().addingTimeInterval(15 * 86_400)
        let plan = try MeetingPlan(title: "2026 年业主大会", motions: [(4, "续聘物业服务企业"), (6, "续筹维修资金")], opensAt: opens,
                                   closesAt: opens.addingTimeInterval(5 * 86_400), publishedAt: clock.now())
        let id = try await store.convene(compoundID: 1, plan: plan, by: .command("test"))
        return (db, store, id)
    }

    @Test(arguments: TestBackend.available)
    func conveningFixesTheVotingRightsFromTheRegistry(backend: TestBackend) async throws {
        let clock = ManualClock(Date())
        let (db, store, id) = try await meeting(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        let meeting = try #require(try await store.meeting(id: id))
        let compound = try #require(try await RegistryQueries(database: db).compound(id: 1))
        #expect(meeting.totals.area == compound.counts.area.rawValue)
        #expect(meeting.totals.headcount > 0 && meeting.totals.headcount <= compound.counts.homes)
        #expect(meeting.motions.map(\.matter) == [.hireOrDismissManager, .raiseMaintenanceFund])
        #expect(meeting.turnout == VoteTotals(area: 0, headcount: 0))
    }

    @Test(arguments: TestBackend.available)
    func ballotsAreRefusedOutsideTheWindowAndOffTheAgenda(backend: TestBackend) async throws {
        let clock = ManualClock(Date())
        let (db, store, id) = try await meeting(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        let early = await #expect(throws: DomainError.self) {
            try await store.cast(meetingID: id, rightNumber: 1, choices: [1: .agree], channel: .online, by: .command("test"))
        }
        #expect(early?.code == "meeting_not_open")
        clock.advance(seconds: 15 * 86_400)
        let offAgenda = await #expect(throws: DomainError.self) {
            try await store.cast(meetingID: id, rightNumber: 1, choices: [3: .agree], channel: .online, by: .command("test"))
        }
        #expect(offAgenda?.code == "not_on_agenda")
        #expect(try await db.count("ballots") == 0)
        clock.advance(seconds: 5 * 86_400)
        await #expect(throws: DomainError.self) {
            try await store.cast(meetingID: id, rightNumber: 1, choices: [1: .agree], channel: .online, by: .command("test"))
        }
    }

    /// 60 submissions at once, 20 of them the same right changing its mind: every ballot joins the
    /// chain once, each right counts once, and the export recounts to the same result.
    @Test(arguments: TestBackend.available)
    func concurrentAndRepeatedBallotsNeverCountTwice(backend: TestBackend) async throws {
        let clock = ManualClock(Date())
        let (db, store, id) = try await meeting(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        clock.advance(seconds: 15 * 86_400)
        let rights = try #require(try await store.meeting(id: id)).totals.headcount
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<60 {
                group.addTask { () async throws -> Void in
                    let right = index < 20 ? 1 : Int(Int64(index) % rights) + 1
                    _ = try await store.cast(meetingID: id, rightNumber: right, choices: [1: index % 3 == 0 ? .disagree : .agree,
                                                                                        2: .agree],
                                             channel: .online, by: .command("test"))
                }
            }
            try await group.waitForAll()
        }
        #expect(try await db.count("ballots") == 120)
        let export = try #require(try await store.export(meetingID: id))
        let recount = Recount(export, hash: ChainHash.sha256)
        #expect(recount.problems == [])
        let distinct = Set(export.ballots.map(\.rightID)).count
        #expect(export.results[0].count.participatingHeadcount == Int64(distinct))
        #expect(try #require(try await store.meeting(id: id)).turnout.headcount == Int64(distinct))
    }

    @Test(arguments: TestBackend.available)
    func closingAfterTheWindowStoresTheResultThatTheRecountConfirms(backend: TestBackend) async throws {
        let clock = ManualClock(Date())
        let (db, store, id) = try await meeting(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        clock.advance(seconds: 15 * 86_400)
        let rights = try #require(try await store.meeting(id: id)).totals.headcount
        for right in 1...rights {
            _ = try await store.cast(meetingID: id, rightNumber: Int(right), choices: [1: .agree, 2: right % 5 == 0 ? .disagree : .agree],
                                     channel: right % 7 == 0 ? .paper : .online, by: .command("test"))
        }
        let early = await #expect(throws: DomainError.self) { try await store.close(meetingID: id, by: .command("test")) }
        #expect(early?.code == "meeting_still_open")
        clock.advance(seconds: 5 * 86_400)
        let results = try await store.close(meetingID: id, by: .command("test"))
        #expect(results.map(\.passed) == [true, true])
        let export = try #require(try await store.export(meetingID: id))
        #expect(export.results == results)
        #expect(Recount(export, hash: ChainHash.sha256).confirmsPublishedResult)
        await #expect(throws: DomainError.self) { try await store.close(meetingID: id, by: .command("test")) }
        #expect(try await AuditLog(database: db).verify().firstFault == nil)
    }
}
