import Foundation
import Party
import Registry
import SQLKit
import Storage
import Testing
import WuyeCore

/// Coordination on both databases: decisions become tasks done once and flagged when overdue; a
/// mediation settles cases in its division only; a project is claimed once, by a company with a
/// party organisation, and reported done only by the claimer.
@Suite(.serialized)
struct CoordinationStoreTests {
    @Test(arguments: TestBackend.available)
    func tasksMediationsAndProjectsMoveOnceEach(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18
        let today = CivilDate.inChina(clock.now())
        let coordination = Coordination(database: db, clock: clock)
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let office = AuditActor(accountID: nil, label: "街道")
        let mediation = try await coordination.hold(try CoordinationMeetingDraft(kind: .mediation, title: "停车纠纷调解会", agenda: "车位占用", heldOn: today.text,
                                                                                 parties: [.company, .residents, .community], minutes: "双方达成一致", today: today),
                                                    division: district, by: office)
        let task = try await coordination.assign(try CoordinationTaskDraft(description: "划定临时车位", assignee: "物业服务企业", dueOn: today.text, today: today),
                                                 meeting: mediation, by: office)
        clock.advance(seconds: 2 * 86_400)
        #expect(try await coordination.tasks(in: district).first?.overdue(today: CivilDate.inChina(clock.now())) == true)
        try await coordination.complete(task: task, meeting: mediation, note: "已划定 12 个临时车位", by: office)
        await #expect(throws: DomainError.self) { try await coordination.complete(task: task, meeting: mediation, note: "再次办结", by: office) }
        #expect(try await coordination.tasks(in: district).first?.overdue(today: CivilDate.inChina(clock.now())) == false)

        let cases = CaseStore(database: db, clock: clock)
        let compound = try #require(try await db.read { sql in
            try await sql.raw("SELECT MIN(id) AS id FROM compounds WHERE community_code LIKE \(bind: district.sharedPrefix + "%")").first()?.decode(column: "id", as: Int64.self)
        })
        let dispute = try await cases.report(.init(kind: .dispute, source: .hotline, description: "车位纠纷", compoundID: compound, photos: []), reporter: nil, by: office)
        try await coordination.settle(case: dispute, by: mediation, actor: office)
        #expect(try await coordination.settledCases(by: mediation).map(\.id) == [dispute])
        await #expect(throws: DomainError.self) { try await coordination.settle(case: 999_999, by: mediation, actor: office) }

        let community = try #require(try await db.read { sql in
            try await sql.raw("SELECT community_code FROM compounds WHERE id = \(bind: compound)").first()?.decode(column: "community_code", as: String.self)
        }.flatMap(DivisionCode.init(rawValue:)))
        let project = try await coordination.publishProject(title: "楼道微改造", description: "清理堆物、粉刷墙面", community: community, by: office)
        let company = try #require(try await db.read { sql in
            try await sql.raw("SELECT MIN(company_id) AS id FROM service_arrangements WHERE compound_id = \(bind: compound) AND company_id IS NOT NULL")
                .first()?.decode(column: "id", as: Int64?.self)
        })
        let without = await #expect(throws: DomainError.self) { try await coordination.claim(project: project, company: company, by: office) }
        #expect(without?.code == "no_party_organisation")
        try await PartyBuilding(database: db, clock: clock).register(
            try PartyOrganisationDraft(kind: .companyBranch, name: "物业党支部", members: "6", secretary: "王红", establishedOn: "2020-01-01", today: today),
            target: company, division: district, by: office)
        try await coordination.claim(project: project, company: company, by: office)
        await #expect(throws: DomainError.self) { try await coordination.claim(project: project, company: company, by: office) }
        await #expect(throws: DomainError.self) { try await coordination.completeProject(project, company: company + 100_000, note: "冒领完成", by: office) }
        try await coordination.completeProject(project, company: company, note: "已完成 3 个单元", by: office)
        let done = try #require(try await coordination.projects(in: community).first)
        #expect(done.claimedBy != nil && done.completedOn != nil)
    }
}
