import Foundation
import Hummingbird
import Logging
import Storage

/// How `wuye serve` listens.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The whole web application over an open database.
public func buildApplication(
    configuration: WebConfiguration, database: WuyeDatabase, logger: Logger = Logger(label: "wuye")
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(database: database)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "wuye"),
        logger: logger)
}

/// Every route of the platform. The OpenAPI test walks this router.
public func buildRouter(database: WuyeDatabase) async throws -> Router<WuyeRequestContext> {
    let router = Router(context: WuyeRequestContext.self)
    let queries = RegistryQueries(database: database)
    guard let resources = Bundle.module.resourceURL else { throw PageRenderer.PageError.templatesMissing }

    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: FileMiddleware(resources.appendingPathComponent("Public").path, urlBasePath: "/static"))
    router.get("/healthz") { _, _ in "ok" }
    router.get("/readyz") { _, _ -> Response in
        let ready = await database.ping()
        return Response(status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain"],
                        body: .init(byteBuffer: ByteBuffer(string: ready ? "ready" : "database not answering")))
    }
    let openAPI = try Data(contentsOf: resources.appendingPathComponent("openapi.json"))
    router.get("/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
    }
    let api = router.group("api/v1").add(middleware: APIErrorMiddleware())
    RegistryAPI(queries: queries).add(to: api)
    RegistryPages(queries: queries, renderer: try await PageRenderer.load()).add(to: router)
    return router
}
