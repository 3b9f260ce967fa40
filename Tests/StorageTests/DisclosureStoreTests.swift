import Disclosure
import Foundation
import Registry
import Storage
import Testing
import WuyeCore

/// Publications versioned and kept; coverage over a division as items are published and age.
@Suite(.serialized)
struct DisclosureStoreTests {
    @Test(arguments: TestBackend.available)
    func publicationsAreVersionedKeptAndCountTowardsCoverage(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
        let disclosures = Disclosures(database: db, clock: clock)
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let before = try await disclosures.coverage(in: district)
        #expect(!before.isEmpty && before.allSatisfy { !$0.complete })
        let compound = try #require(before.first?.compoundID)
        for item in DisclosureItem.items(of: .company) {
            try await disclosures.publish(item, draft: try DisclosureDraft(title: item.chineseName, body: "内容", keptDays: 30), compound: compound,
                                          by: .command("test"))
        }
        #expect(try await disclosures.publish(.servicesAndFees, draft: try DisclosureDraft(title: "收费标准（调整）", body: "2.35 元", keptDays: 3),
                                              compound: compound, by: .command("test")) == 2)
        #expect(try await disclosures.versions(of: .servicesAndFees, compound: compound).map(\.version) == [2, 1])
        #expect(try await disclosures.latest(compound: compound)[.servicesAndFees]?.title == "收费标准（调整）")
        #expect(try await disclosures.coverage(in: district).first { $0.compoundID == compound }?.complete == true)
        clock.advance(seconds: 93 * 86_400)  // common revenue is due again quarterly
        let aged = try #require(try await disclosures.coverage(in: district).first { $0.compoundID == compound })
        #expect(!aged.complete && aged.statuses[.commonRevenue] == .stale && aged.permille == 800)
        await #expect(throws: (any Error).self) { try await db.write { sql in try await sql.raw("DELETE FROM disclosures").run() } }
    }
}
