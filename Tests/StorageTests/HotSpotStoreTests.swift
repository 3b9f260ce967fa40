import Access
import Cases
import Foundation
import Registry
import Storage
import Testing
import WuyeCore

/// Hot spots, campaigns and grid teams on both databases.
@Suite(.serialized)
struct HotSpotStoreTests {
    @Test(arguments: TestBackend.available)
    func complaintsInThePeriodMakeKeyCompoundsAndACampaignRunsToItsRate(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let district = try #require(world.district.roles.first?.division)
        // Before the period: not counted. A repair is not a complaint.
        let earlier = CaseStore(database: world.db, clock: FixedClock(world.clock.now().addingTimeInterval(-40 * 86_400)))
        _ = try await earlier.report(.init(kind: .complaint, source: .owner, description: "旧投诉", compoundID: world.compound, homeID: world.home),
                                     reporter: world.owner.accountID, by: world.actor(world.owner))
        for _ in 0..<3 { _ = try await world.report(.complaint) }
        _ = try await world.report(.repair)
        let today = CivilDate.inChina(world.clock.now())
        let period = HotSpots.Period.last(30, until: today)
        let hotSpots = HotSpots(database: world.db)
        let rows = try await hotSpots.loads(in: district, period: period)
        let homes = try await RegistryQueries(database: world.db).compound(id: world.compound)?.counts.homes
        #expect(rows.map(\.load) == [ComplaintLoad(compoundID: world.compound, complaints: 3, homes: Int(try #require(homes)))])
        #expect(try await hotSpots.loads(in: district, period: HotSpots.Period.last(60, until: today)).first?.load.complaints == 4)
        let elsewhere = try #require(DemoCity(scale: .small).compounds.first { !district.contains($0.district.code) }?.district.code)
        #expect(try await hotSpots.loads(in: elsewhere, period: period).isEmpty)

        let campaigns = Campaigns(database: world.db, clock: world.clock)
        let office = world.actor(world.district)
        // A compound outside the office's district is refused and nothing is written.
        let outside = try #require(DemoCity(scale: .small).compounds.firstIndex { !district.contains($0.district.code) })
        let stray = try CampaignPlan(name: "越界", measures: "措施", startsOn: today, deadline: "2099-01-01", compoundIDs: [Int64(outside + 1)])
        await #expect(throws: DomainError.self) {
            try await campaigns.launch(stray, division: district, rule: .top(1), period: period, loads: [], by: office)
        }
        #expect(try await world.db.count("remediation_campaigns") == 0)

        let key = try await hotSpots.keyCompounds(in: district, period: period, rule: .top(5))
        let plan = try CampaignPlan(name: "攻坚行动", measures: "一小区一方案", startsOn: today, deadline: "2099-01-01",
                                    compoundIDs: key.map(\.load.compoundID))
        let id = try await campaigns.launch(plan, division: district, rule: .top(5), period: period, loads: key.map(\.load), by: office)
        let everywhere = CompoundScope.everything
        #expect(try await campaigns.compounds(of: id, within: everywhere, today: today.text).map(\.complaints) == [3])
        await #expect(throws: DomainError.self) {
            try await campaigns.recheck(campaign: id, compound: world.compound, passed: true, note: "未报送就复查", by: office)
        }
        try await campaigns.reportRectification(campaign: id, compound: world.compound, note: "更换照明", by: world.actor(world.steward))
        // Two offices re-check at once: one moves the compound, the other is told it changed.
        let results = await withTaskGroup(of: Bool.self) { group in
            for passed in [true, false] {
                group.addTask { (try? await campaigns.recheck(campaign: id, compound: world.compound, passed: passed, note: "复查", by: office)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        let after = try #require(try await campaigns.compounds(of: id, within: everywhere, today: today.text).first)
        #expect(after.rechecks == 1 && after.reportNote == "更换照明")
        let summary = try #require(try await campaigns.campaign(id: id))
        #expect(summary.rate.total == 1 && summary.rate.rectified == (after.state == .rectified ? 1 : 0))
        #expect(try await campaigns.list(within: CompoundScope(roles: world.steward.roles), today: today.text).map(\.id) == [id])
        #expect(try await campaigns.list(within: CompoundScope(roles: [try .administration(elsewhere)]), today: today.text).isEmpty)
        let actions = try await AuditLog(database: world.db).entries(targetType: "campaign_compound").map(\.action)
        #expect(actions.count == 2 && actions.last == "campaign.report")
    }

    @Test(arguments: TestBackend.available)
    func gridTeamsAreMeasuredAgainstTheMostSpecificNorm(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let grid = try #require(world.gridWorker.roles.first?.gridID)
        let community = try #require(world.gridWorker.roles.first?.division)
        let district = try #require(world.district.roles.first?.division)
        let city = try #require(district.parent)
        let teams = GridTeams(database: world.db, clock: world.clock)
        let actor = world.actor(world.subdistrict)
        func staffing() async throws -> TeamStaffing { try #require(try await teams.staffing(in: community, onlyGrids: [grid]).first).staffing }
        #expect(try await staffing().isBelowNorm)
        #expect(try await teams.norm(for: community).setBy == nil)
        let required = try await staffing().required
        var ids: [Int64] = []
        for role in TeamRole.allCases {
            for number in 0..<(required[role] ?? 0) {
                ids.append(try await teams.add(try TeamMember(role: role.rawValue, name: "队员\(number)", phone: "1390000\(String(format: "%04d", ids.count))"),
                                               grid: grid, company: 1, by: actor))
            }
        }
        #expect(try await !staffing().isBelowNorm)
        #expect(try await teams.rosters(of: [grid])[grid]?.first { $0.role == .gridWorker }?.companyID == nil)
        // The city's norm applies until the district sets its own, which then wins.
        try await teams.setNorm(try StaffingNorm(householdsPerTeam: 500, stewards: 1, securityGuards: 3, cleaners: 5), for: city, by: actor)
        #expect(try await teams.norm(for: community).setBy == city)
        #expect(try await staffing().shortfalls.map(\.role) == [.cleaner])
        try await teams.setNorm(.wanke, for: district, by: actor)
        #expect(try await teams.norm(for: community).setBy == district)
        #expect(try await !staffing().isBelowNorm)
        await #expect(throws: DomainError.self) { try await teams.setNorm(.wanke, for: community, by: actor) }
        try await teams.remove(memberID: ids[0], by: actor)
        #expect(try await teams.member(id: ids[0]) == nil)
        #expect(try await staffing().shortfalls.map(\.role) == [.gridWorker])
        await #expect(throws: DomainError.self) { try await teams.remove(memberID: ids[0], by: actor) }
        await #expect(throws: DomainError.self) {
            try await teams.add(try TeamMember(role: "cleaner", name: "无网格", phone: "13900009999"), grid: 999_999, company: nil, by: actor)
        }
        #expect(try await AuditLog(database: world.db).entries(targetType: "grid").count == ids.count + 1)
    }
}
