import Foundation
import Registry
import SQLKit
import Storage
import Testing
import WuyeCore

@Suite(.serialized)
struct RegistryImportTests {
    private func importing(_ lines: [String], into db: WuyeDatabase) async throws -> (RegistryImportOutcome, [RegistryIssue]) {
        try await withRegistryFile(lines) { path in
            var issues: [RegistryIssue] = []
            let outcome = try await RegistryImporter(database: db).importFile(path: path, onIssue: { issues.append($0) })
            // SQLite imports without foreign-key checks (`bulkWrite`): every reference must hold anyway.
            if db.dialect == .sqlite {
                let dangling = try await db.read { try await $0.raw("PRAGMA foreign_key_check").all() }
                #expect(dangling.isEmpty, "the import wrote a reference to a missing row")
            }
            return (outcome, issues)
        }
    }

    private func expectRegistryEmpty(_ db: WuyeDatabase) async throws {
        for table in ["divisions", "compounds", "buildings", "units", "homes", "owners", "ownerships"] {
            #expect(try await db.count(table) == 0, "\(table) must stay empty")
        }
    }

    @Test(arguments: TestBackend.available)
    func goodFileCreatesTheRegistryWithCountsRolledUp(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let (outcome, issues) = try await importing(goodRegistry, into: db)

        #expect(issues.isEmpty)
        guard case .imported(let summary) = outcome else { Issue.record("rejected"); return }
        #expect(summary.homesCreated == 3)
        #expect(summary.ownersCreated == 2)
        #expect(summary.ownershipsAdded == 3)
        #expect(summary.divisionsCreated == 4)  // city, district, subdistrict, community
        let queries = RegistryQueries(database: db)
        let city = try #require(try await queries.division(code: "370200"))
        #expect(city.name == "青岛市")
        #expect(city.counts == RegistryCounts(buildings: 2, units: 3, homes: 3, area: CentiSquareMetres(8937 + 12000 + 7550)))
        #expect(city.compounds == 1)
        let compound = try #require(try await queries.searchCompounds(name: "海逸", within: .everything, today: "2026-01-01", after: nil, limit: 10).items.first)
        let buildings = try await queries.buildings(inCompound: compound.id)
        #expect(buildings.map(\.number) == ["1", "2"])
        #expect(buildings[0].counts == RegistryCounts(units: 2, homes: 2, area: CentiSquareMetres(20937)))
        let home = try #require(try await queries.homes(inCompound: compound.id, after: nil, limit: 1).items.first)
        #expect(try await queries.owners(ofHome: home.id).map(\.name) == ["张三", "李四"])
    }

    @Test(arguments: TestBackend.available)
    func importingTheSameFileAgainChangesNothing(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await importing(goodRegistry, into: db)
        let (outcome, _) = try await importing(goodRegistry, into: db)

        #expect(outcome == .imported({ var s = RegistryImportSummary(); s.rows = 4; return s }()))
        #expect(try await db.count("homes") == 3)
        #expect(try await db.count("ownerships") == 3)
    }

    @Test(arguments: TestBackend.available)
    func changedAreasAndOwnersAreUpdated(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await importing(goodRegistry, into: db)
        var changed = goodRegistry
        changed[1] = changed[1].replacingOccurrences(of: "89.37", with: "90.00")
        changed[2] = "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1,1,101,90.00,王五,91370200264574251E,,yes"
        changed = changed.map { $0.replacingOccurrences(of: "13812345678", with: "13900001111") }
        let (outcome, issues) = try await importing(changed, into: db)

        #expect(issues.isEmpty)
        guard case .imported(let summary) = outcome else { Issue.record("rejected"); return }
        #expect(summary.homesUpdated == 1)
        #expect(summary.ownersCreated == 1)
        #expect(summary.ownersUpdated == 1)
        #expect(summary.ownershipsRemoved == 2)
        #expect(summary.ownershipsAdded == 2)
        let queries = RegistryQueries(database: db)
        let compound = try #require(try await queries.searchCompounds(name: "海逸", within: .everything, today: "2026-01-01", after: nil, limit: 1).items.first)
        #expect(compound.counts.area == CentiSquareMetres(9000 + 12000 + 7550))
        let home = try #require(try await queries.homes(inCompound: compound.id, after: nil, limit: 1).items.first)
        let owners = try await queries.owners(ofHome: home.id)
        #expect(owners.map(\.name) == ["张三", "王五"])
        #expect(owners.first?.phone == "13900001111")
        #expect(try await queries.division(code: "370200")?.counts.area == CentiSquareMetres(28550))
    }

    @Test(arguments: TestBackend.available)
    func badFileReportsEveryBadRowAndWritesNothing(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let bad = goodRegistry + [
            "370202,市南区,370203001,香港中路街道,370202001001,海逸社区,海逸花园,closed,3,1,101,80,赵六,370202199001011230,12345,yes",
            "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,villa,3,1,102,-5,,,,maybe",
            "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1,1,101,95.00,张三,370202199001011237,,yes",
        ]
        let (outcome, issues) = try await importing(bad, into: db)

        #expect(outcome == .rejected(issues: issues.count))
        let described = issues.map(\.description)
        #expect(described.contains { $0.hasPrefix("line 6: subdistrict_code:") })
        #expect(described.contains { $0.hasPrefix("line 6: owner_id_number:") })
        #expect(described.contains { $0.hasPrefix("line 6: owner_phone:") })
        #expect(described.contains { $0.hasPrefix("line 7: compound_type:") })
        #expect(described.contains { $0.hasPrefix("line 7: area_m2:") })
        #expect(described.contains { $0.hasPrefix("line 7: delivered:") })
        #expect(described.contains { $0.hasPrefix("line 8: area_m2:") && $0.contains("line 2") })
        #expect(described.contains { $0.hasPrefix("line 8: owner_id_number:") })  // 张三 listed twice for 1-1-101
        #expect(Set(issues.map(\.line)) == [6, 7, 8])
        try await expectRegistryEmpty(db)
    }

    @Test(arguments: TestBackend.available)
    func chineseHeadersAndAByteOrderMarkAreAccepted(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let chinese = "\u{FEFF}区县代码,区县名称,街道代码,街道名称,社区代码,社区名称,小区名称,小区类型,楼栋,单元,房号,建筑面积,业主姓名,证件号码,联系电话,是否交付"
        let (outcome, issues) = try await importing([chinese] + goodRegistry.dropFirst(), into: db)

        #expect(issues.isEmpty)
        guard case .imported(let summary) = outcome else { Issue.record("rejected"); return }
        #expect(summary.homesCreated == 3)
    }

    @Test(arguments: TestBackend.available)
    func aCompoundSplitAcrossTheFileKeepsEveryCoOwner(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let other = "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,银海大厦,commercial,1,1,101,300,青岛银海,91350100M000100Y43,,yes"
        let split = [goodRegistry[0], goodRegistry[1], other, goodRegistry[2], goodRegistry[3], goodRegistry[4]]
        let (outcome, issues) = try await importing(split, into: db)

        #expect(issues.isEmpty)
        guard case .imported(let summary) = outcome else { Issue.record("rejected"); return }
        #expect(summary.compoundsCreated == 2)
        #expect(summary.ownershipsAdded == 4)
        #expect(try await db.count("ownerships") == 4)
    }

    @Test(arguments: TestBackend.available)
    func sqliteBulkInsertsGoThroughTheConnectionsOwnHandle(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        // PostgreSQL takes multi-row INSERTs through SQLKit; SQLite must find its handle, or a
        // city import is several times slower.
        #expect(try await db.bulkInsertsDirectly == (backend == .sqlite))
    }

    @Test(arguments: TestBackend.available)
    func aFaultAfterCompoundsWereWrittenRollsThemBack(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let second = "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,银海大厦,commercial,1,1,101,300,青岛银海,91350100M000100Y43,,yes"
        let bad = "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,金湖小区,closed,1,1,101,abc,,,,否"
        let (outcome, issues) = try await importing(goodRegistry + [second, second.replacingOccurrences(of: ",101,", with: ",102,"), bad], into: db)

        #expect(outcome == .rejected(issues: 1))
        #expect(issues.map(\.description).first?.hasPrefix("line 8: area_m2:") == true)
        try await expectRegistryEmpty(db)
    }

    @Test(arguments: TestBackend.available)
    func anOwnerOfHomesInTwoCompoundsIsOneOwner(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        // 张三 (first compound) also owns a shop in the second: the import found him among the
        // owners it created itself, not only among those stored before it.
        let shop = "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,银海大厦,commercial,1,1,101,300,张三,370202199001011237,13812345678,yes"
        let (outcome, issues) = try await importing(goodRegistry + [shop], into: db)

        #expect(issues.isEmpty)
        guard case .imported(let summary) = outcome else { Issue.record("rejected"); return }
        #expect(summary.ownersCreated == 2)
        #expect(try await db.count("owners") == 2)
        #expect(try await db.count("ownerships") == 4)
        let (again, _) = try await importing(goodRegistry + [shop], into: db)
        guard case .imported(let unchanged) = again else { Issue.record("rejected"); return }
        #expect(!unchanged.changedAnything)
    }

    @Test(arguments: TestBackend.available)
    func anOwnerChangedByOneCompoundIsSeenChangedByTheNextBeforeItIsWritten(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        // Each compound is planned while the one before it is still being written: the third
        // compound must see the phone the second gave 张三, not the one stored by the first.
        let shop = "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,银海大厦,commercial,1,1,101,300,张三,370202199001011237,13900001111,yes"
        let garage = "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,金湖车库,commercial,1,1,7,12,张三,370202199001011237,13900001111,yes"
        let (outcome, issues) = try await importing(goodRegistry + [shop, garage], into: db)

        #expect(issues.isEmpty)
        guard case .imported(let summary) = outcome else { Issue.record("rejected"); return }
        #expect(summary.ownersCreated == 2)
        #expect(summary.ownersUpdated == 1)
        #expect(summary.ownershipsAdded == 5)
        let phone = try await db.read { sql in
            try await sql.raw("SELECT phone FROM owners WHERE id_number = '370202199001011237'").first()?
                .decode(column: "phone", as: String.self)
        }
        #expect(phone == "13900001111")
        // With owners stored, the same file again reads them from the database.
        let (again, _) = try await importing(goodRegistry + [shop, garage], into: db)
        guard case .imported(let reimported) = again else { Issue.record("rejected"); return }
        // The first compound sets the old phone again, the second the new one, the third nothing.
        #expect(reimported.ownersUpdated == 2)
    }
}
