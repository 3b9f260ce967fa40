import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web

struct OpenAPIDocumentTests {
    /// Every JSON route the router serves is documented, and nothing documented is missing
    /// from the router.
    @Test func everyRouteIsInTheOpenAPIDocumentAndNoMore() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wuye-oa-\(UUID().uuidString).sqlite").path
        let database = try await WuyeDatabase.open(.sqlite(path: path))
        let router = try await buildRouter(database: database)
        let served = Set(router.routes.compactMap { route -> String? in
            let path = "/" + route.path.description.split(separator: "/").map { segment in
                segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
            }.joined(separator: "/")
            let isJSON = path.hasPrefix("/api/") || ["/healthz", "/readyz", "/openapi.json"].contains(path)
            return isJSON ? "\(route.method.rawValue) \(path)" : nil
        })
        #expect(served.count >= 10)
        let app = Application(router: router)
        try await app.test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get).json
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths { for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") } }
            #expect(served == documented)
        }
        await database.shutdown()
    }
}
