import Registry
import Storage
import Testing
import WuyeCore

@Suite(.serialized)
struct DemoLoadTests {
    @Test(arguments: TestBackend.available)
    func smallDemoLoadsEveryGeneratedHomeAndRollsCountsUpToTheCities(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let city = DemoCity(scale: .small)
        let summary = try await DemoLoader.load(city, into: db)

        #expect(summary.homesCreated == city.totals.homes)
        #expect(summary.ownersCreated == city.totals.distinctOwners)
        #expect(try await db.count("homes") == Int64(city.totals.homes))
        #expect(try await db.count("grids") == Int64(city.grids.count))
        #expect(try await db.count("grid_buildings") == Int64(city.totals.buildings))
        #expect(try await db.count("service_arrangements") == Int64(city.serviceArrangements.count))
        let cities = try await RegistryQueries(database: db).cities()
        #expect(cities.map(\.code) == ["370100", "370200"])
        #expect(cities.reduce(0) { $0 + $1.counts.homes } == Int64(city.totals.homes))
        #expect(cities.reduce(0) { $0 + $1.compounds } == Int64(city.totals.compounds))
    }

    @Test(arguments: TestBackend.available)
    func loadingTheDemoTwiceChangesNothing(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let again = try await DemoLoader.load(DemoCity(scale: .small), into: db)

        #expect(!again.changedAnything)
        #expect(try await AuditLog(database: db).entries(targetType: "registry").count == 1)  // the first load only
        #expect(try await db.count("property_companies") == Int64(DemoCity(scale: .small).propertyCompanies.count))
    }

    @Test(arguments: TestBackend.available)
    func migrationsAreAppliedOnceAndRecorded(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        #expect(try await Migrator(database: db).migrate().isEmpty)
        #expect(try await db.count("schema_migrations") == Int64(Migrator.numbers.count))
        #expect(Migrator.numbers == Array(1...Migrator.numbers.count))
    }
}
