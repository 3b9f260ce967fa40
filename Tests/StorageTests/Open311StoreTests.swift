import Cases
import Foundation
import Registry
import Storage
import Testing
import WuyeCore

/// Open311 keys and requests on both databases: keys kept as hashes within a division, a
/// request's location found by id, point or name, and the public feed limited to Open311's own.
@Suite(.serialized)
struct Open311StoreTests {
    @Test(arguments: TestBackend.available)
    func keysAreShownOnceKeptAsHashesAndRevocable(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        let keys = Open311Keys(database: db)
        let issued = try await keys.create(name: "区 12345 热线", division: district, by: .command("test"))
        let stored = try await db.read { sql in try await sql.raw("SELECT key_hash FROM open311_keys").all() }
        let hash = try stored[0].decode(column: "key_hash", as: String.self)
        #expect(stored.count == 1 && hash != issued.key && hash.count == 64)
        #expect(try await keys.resolve(issued.key)?.division == district)
        #expect(try await keys.resolve(issued.key + "x") == nil)
        #expect(try await keys.list(within: district).map(\.id) == [issued.id])
        #expect(try await keys.list(within: try #require(DivisionCode(rawValue: district.rawValue + "001"))).isEmpty)
        await #expect(throws: DomainError.self) { try await keys.create(name: "", division: nil, by: .command("test")) }
        await #expect(throws: DomainError.self) { try await keys.create(name: "无此区", division: try DivisionCode("110101"), by: .command("test")) }
        try await keys.revoke(id: issued.id, within: district, by: .command("test"))
        #expect(try await keys.resolve(issued.key) == nil)
        await #expect(throws: DomainError.self) { try await keys.revoke(id: issued.id, within: nil, by: .command("test")) }
        #expect(try await AuditLog(database: db).entries(targetType: "open311_key").map(\.action) == ["open311_key.revoke", "open311_key.create"])
    }

    @Test(arguments: TestBackend.available)
    func aRequestLiesInTheCompoundItsIdPointOrNameGives(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let compounds = DemoCity(scale: .small).compounds
        let key = try #require(try await Open311Keys(database: db).resolve(
            try await Open311Keys(database: db).create(name: "全市", division: nil, by: .command("test")).key))
        let requests = Open311Requests(database: db)
        #expect(try await requests.compound(for: .init(addressID: "2"), key: key) == 2)
        // 300 m north of the second compound, closer to it than to any other.
        let second = compounds[1].location
        let near = GeoPoint(latitudeE6: second.latitudeE6 + 2_700, longitudeE6: second.longitudeE6)
        #expect(try await requests.compound(for: .init(point: near), key: key) == 2)
        let named = compounds.first { name in compounds.filter { $0.name.contains(name.name) }.count == 1 }
        let target = try #require(named)
        let id = try await requests.compound(for: .init(addressString: "山东省青岛市\(target.name)东门"), key: key)
        #expect(id == Int64(target.index + 1))
        await #expect(throws: DomainError.self) {
            try await requests.compound(for: .init(point: GeoPoint(latitudeE6: 39_900_000, longitudeE6: 116_400_000)), key: key)
        }
        // A jurisdiction outside the compound's district finds nothing.
        let otherDistrict = try #require(compounds.first { $0.district.code != compounds[1].district.code }?.district.code)
        await #expect(throws: DomainError.self) {
            try await requests.compound(for: .init(addressID: "2"), key: key, jurisdiction: otherDistrict)
        }
    }
}
