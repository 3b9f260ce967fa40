import Evaluation
import Foundation
import Registry
import SQLKit
import Storage
import Testing
import WuyeCore

/// The quarterly index on both databases: each district's value is the stated weighted sum of its
/// dashboard figures; it is published once a quarter and kept as published.
@Suite(.serialized)
struct ServiceIndexStoreTests {
    @Test(arguments: TestBackend.available)
    func theIndexFollowsTheDashboardAndIsPublishedOncePerQuarter(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
        let city = try #require(DemoCity(scale: .small).compounds.first?.district.code.parent)
        let indexes = ServiceIndexes(database: db, clock: clock)
        let preview = try await indexes.preview(city: city)
        let districts = try await Dashboard(database: db, clock: clock).figures(in: city).children
        #expect(preview.count == districts.count && !preview.isEmpty)
        for (row, district) in zip(preview, districts) {
            let expected = ServiceIndex.value(ServiceIndex.components(service: district.serviceCoverage, onTime: district.onTimeRate,
                                                                      complaintsPer100Homes: district.complaintsPer100Homes, collection: district.collectionRate,
                                                                      committees: district.committeeRate, disclosure: district.disclosureCoverage,
                                                                      party: district.partyCoverage))
            #expect(row.value == expected && row.quarter == "2026Q4")
        }
        let actor = AuditActor(accountID: nil, label: "市住建局")
        _ = try await indexes.publish(city: city, by: actor)
        let twice = await #expect(throws: DomainError.self) { try await indexes.publish(city: city, by: actor) }
        #expect(twice?.code == "already_published")
        #expect(try await indexes.published(city: city).map(\.value) == preview.map(\.value).sorted(by: >))
        await #expect(throws: (any Error).self) { try await db.write { sql in try await sql.raw("UPDATE service_index SET value_centi = 0").run() } }
    }
}
