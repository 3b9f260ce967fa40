import Foundation
import Party
import Registry
import SQLKit
import Storage
import Testing
import WuyeCore

/// Party building on both databases: one organisation per company, grid or committee, inside the
/// office's division; coverage counted as a direct count of the records gives; the calendar feeds
/// upcoming activities.
@Suite(.serialized)
struct PartyBuildingStoreTests {
    @Test(arguments: TestBackend.available)
    func organisationsCountTowardsCoverageAndActivitiesFillTheCalendar(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18
        let party = PartyBuilding(database: db, clock: clock)
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let actor = AuditActor(accountID: nil, label: "街道党工委")
        let today = CivilDate.inChina(clock.now())
        let targets = try await party.targets(in: district)
        let company = try #require(targets[.companyBranch]?.first?.id), grid = try #require(targets[.gridBranch]?.first?.id)
        func draft(_ kind: PartyOrganisationKind) throws -> PartyOrganisationDraft {
            try PartyOrganisationDraft(kind: kind, name: "\(kind.chineseName)（测试）", members: "7", secretary: "李红", establishedOn: "2020-07-01", today: today)
        }
        let before = try await party.coverage(in: district)
        try await party.register(try draft(.companyBranch), target: company, division: district, by: actor)
        try await party.register(try draft(.gridBranch), target: grid, division: district, by: actor)
        let twice = await #expect(throws: DomainError.self) { try await party.register(try draft(.companyBranch), target: company, division: district, by: actor) }
        #expect(twice?.code == "already_registered")
        let far = await #expect(throws: DomainError.self) { try await party.register(try draft(.gridBranch), target: 999_999, division: district, by: actor) }
        #expect(far?.field == "target")
        let after = try await party.coverage(in: district)
        let companies = try await db.read { sql in
            try await sql.raw("""
                SELECT CAST(COUNT(DISTINCT a.company_id) AS BIGINT) AS n FROM service_arrangements a JOIN compounds c ON c.id = a.compound_id
                WHERE a.company_id IS NOT NULL AND a.ends_on IS NULL AND c.community_code LIKE \(bind: district.sharedPrefix + "%")
                """).first()?.decode(column: "n", as: Int64.self) ?? 0
        }
        #expect(after.companies == PartyCoverage(covered: before.companies.covered + 1, of: Int(companies)))
        #expect(after.grids.covered == before.grids.covered + 1 && after.members == before.members + 14)
        #expect(try await party.organisations(in: district).count == 2)

        let community = try #require(try await db.read { sql in
            try await sql.raw("SELECT community_code FROM grids WHERE id = \(bind: grid)").first()?.decode(column: "community_code", as: String.self)
        }.flatMap(DivisionCode.init(rawValue:)))
        try await party.schedule(.secretaryReception, title: "书记接待日", place: "党群服务站", starts: clock.now().addingTimeInterval(86_400), hours: 2,
                                 community: community, by: actor)
        await #expect(throws: DomainError.self) {
            try await party.schedule(.redCouncil, title: "红色议事会", place: "党群服务站", starts: clock.now(), hours: 0, community: community, by: actor)
        }
        let upcoming = try await party.activities(in: district, from: clock.now())
        #expect(upcoming.map(\.kind) == [.secretaryReception] && upcoming.first?.ends.timeIntervalSince(upcoming[0].starts) == 7200)
        try await party.assignInstructor(name: "张伟", unit: "香港中路街道党工委", phone: "13800001234", to: .companyBranch, target: company, division: district, by: actor)
        #expect(try await party.instructors(in: district).map(\.name) == ["张伟"])
    }
}
