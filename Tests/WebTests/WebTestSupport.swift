import Foundation
import Hummingbird
import HummingbirdTesting
import Registry
import Storage
import Web

/// An application over a fresh SQLite database with the small demo city loaded once per test.
func withDemoApp(_ body: @escaping @Sendable (any TestClientProtocol, WuyeDatabase) async throws -> Void) async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wuye-web-\(UUID().uuidString).sqlite").path
    let database = try await WuyeDatabase.open(.sqlite(path: path))
    _ = try await DemoLoader.load(DemoCity(scale: .small), into: database)
    let app = Application(router: try await buildRouter(database: database))
    do {
        try await app.test(.router) { client in try await body(client, database) }
    } catch {
        await database.shutdown()
        throw error
    }
    await database.shutdown()
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }
    var text: String { String(buffer: body) }
}
