import Access
import Foundation
import Hummingbird
import Logging
import Storage
import WuyeCore

/// How `wuye serve` listens and what it plugs in.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var security: WebSecurity
    public var hasher: PasswordHasher
    public var gateway: any MessageGateway
    public var clock: any WuyeClock
    /// The bearer token a metrics scraper presents at `/metrics`; without one the route is not served.
    public var metricsToken: String?
    /// Writes per account or client address; nil: no limit (in-process tests; `wuye serve` sets one).
    public var writeRateLimit: WriteRateLimit?
    /// One log line per request (`wuye serve`); off in in-process tests.
    public var logRequests: Bool
    /// The address of a reverse proxy whose `X-Real-IP` names the client.
    public var trustedProxy: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, security: WebSecurity = WebSecurity(),
                hasher: PasswordHasher = PasswordHasher(), gateway: any MessageGateway = LogMessageGateway(),
                clock: any WuyeClock = SystemClock(), metricsToken: String? = nil,
                writeRateLimit: WriteRateLimit? = nil, logRequests: Bool = false, trustedProxy: String? = nil) {
        self.trustedProxy = trustedProxy
        self.metricsToken = metricsToken
        self.writeRateLimit = writeRateLimit
        self.logRequests = logRequests
        self.host = host
        self.port = port
        self.security = security
        self.hasher = hasher
        self.gateway = gateway
        self.clock = clock
    }
}

/// The whole web application over an open database.
public func buildApplication(
    configuration: WebConfiguration, database: WuyeDatabase, logger: Logger = Logger(label: "wuye")
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(database: database, configuration: configuration)
    return Application(
        router: router,
        // A connection that sends nothing for a minute is closed, so idle and abandoned ones do not pile up.
        server: .http1(configuration: .init(idleTimeout: .seconds(60))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "wuye"),
        logger: logger)
}

/// Every route of the platform. The OpenAPI and access-matrix tests walk this router.
public func buildRouter(database: WuyeDatabase, configuration: WebConfiguration = WebConfiguration()) async throws
    -> Router<WuyeRequestContext> {
    let router = Router(context: WuyeRequestContext.self)
    let clock = configuration.clock
    let queries = RegistryQueries(database: database)
    let places = RegistryPlaces(database: database, clock: clock)
    let accounts = AccountStore(database: database, hasher: configuration.hasher, clock: clock)
    let sessions = SessionStore(database: database, clock: clock)
    let tokens = APITokenStore(database: database, clock: clock)
    let signIn = SignIn(accounts: accounts)
    let log = AuditLog(database: database)
    let renderer = try await PageRenderer.load()
    guard let resources = Bundle.module.resourceURL else { throw PageRenderer.PageError.templatesMissing }

    // Outermost: the id is set before anything else logs or audits.
    router.add(middleware: RequestLogMiddleware(logEachRequest: configuration.logRequests))
    // Outside the error middleware, so it counts the statuses users actually get.
    let metrics = RequestMetrics()
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    // Outermost, so that the file middleware still sees the router's "not found" and serves a file.
    router.add(middleware: ErrorMiddleware(renderer: renderer))
    router.add(middleware: FileMiddleware(resources.appendingPathComponent("Public").path, urlBasePath: "/static"))
    if let proxy = configuration.trustedProxy { router.add(middleware: ClientAddressMiddleware(trustedProxy: proxy)) }
    router.add(middleware: IdentityMiddleware(accounts: accounts, sessions: sessions, tokens: tokens))
    if let limit = configuration.writeRateLimit {
        router.add(middleware: WriteRateLimitMiddleware(limiter: WriteRateLimiter(limit: limit)))
    }
    router.add(middleware: CSRFMiddleware())
    router.get("/healthz") { _, _ in "ok" }
    router.get("/readyz") { _, _ -> Response in
        let ready = await database.ping()
        return Response(status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain"],
                        body: .init(byteBuffer: ByteBuffer(string: ready ? "ready" : "database not answering")))
    }
    router.get("/metrics") { request, _ -> Response in
        // For the operator's scraper only: a configured bearer token, compared in constant time; otherwise not found.
        guard let token = configuration.metricsToken, !token.isEmpty, let header = request.headers[.authorization],
              Secret.equal(header, "Bearer " + token) else { throw AccessRefused(status: .notFound) }
        let databaseUp = await database.ping()
        let leaseAge = try? await CaseScheduler.leaseAge(in: database, now: clock.now())
        let pools = await database.poolUsage()
        func perPool(_ value: (PoolUsage) -> Double) -> [(labels: String, value: Double)] {
            pools.map { ("pool=\"\($0.pool)\"", value($0.usage)) }
        }
        let body = metrics.exposition([
            .init(name: "wuye_uptime_seconds", help: "Seconds since this instance started.",
                  samples: [("", Date().timeIntervalSince(metrics.started))]),
            .init(name: "wuye_database_up", help: "1 when the database answers.", samples: [("", databaseUp ? 1 : 0)]),
            .init(name: "wuye_escalation_sweep_age_seconds", help: "Seconds since the escalation sweep last ran on any instance (-1: never).",
                  samples: [("", leaseAge.map { Double($0) } ?? -1)]),
            .init(name: "wuye_db_pool_connections_max", help: "Connections the pool may open.", samples: perPool { Double($0.maximum) }),
            .init(name: "wuye_db_pool_connections_in_use", help: "Connections handed out now.", samples: perPool { Double($0.inUse) }),
            .init(name: "wuye_db_pool_connections_idle", help: "Open connections waiting for work.", samples: perPool { Double($0.idle) }),
            .init(name: "wuye_db_pool_waiting", help: "Callers queued for a connection now.", samples: perPool { Double($0.waiting) }),
            .init(name: "wuye_db_pool_waits_total", help: "Acquisitions that queued because every connection was busy.",
                  type: "counter", samples: perPool { Double($0.waitedTotal) }),
            .init(name: "wuye_db_pool_wait_seconds_total", help: "Time spent queued for a connection.",
                  type: "counter", samples: perPool { $0.waitedSecondsTotal }),
        ] + (database.replicaAnswers.map { answered in
            [.init(name: "wuye_db_lagging_reads_total", help: "Reads that may lag, by who answered: the replica, or the primary when it was too far behind.",
                   type: "counter", samples: [("answered_by=\"replica\"", Double(answered.replica)), ("answered_by=\"primary\"", Double(answered.primary))])]
        } ?? []))
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    let openAPI = try Data(contentsOf: resources.appendingPathComponent("openapi.json"))
    router.get("/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
    }
    let api = router.group("api/v1")
    RegistryAPI(queries: queries, places: places).add(to: api)
    AccountAPI(accounts: accounts, places: places, log: log).add(to: api)
    let assemblies = AssemblyStore(database: database, clock: clock)
    AssemblyAPI(assemblies: assemblies, places: places).add(to: api)
    SignInPages(signIn: signIn, sessions: sessions, security: configuration.security, renderer: renderer).add(to: router)
    ClaimPages(claims: OwnerClaims(accounts: accounts, gateway: configuration.gateway), signIn: signIn,
               security: configuration.security, renderer: renderer).add(to: router)
    PortalPages(queries: queries, places: places, evaluations: Evaluations(database: database, clock: clock), renderer: renderer).add(to: router)
    RegistryPages(queries: queries, places: places, renderer: renderer).add(to: router)
    AccountPages(accounts: accounts, tokens: tokens, places: places, renderer: renderer).add(to: router)
    AuditPages(log: log, renderer: renderer).add(to: router)
    MeetingPages(assemblies: assemblies, places: places, queries: queries, renderer: renderer).add(to: router)
    let caseStore = CaseStore(database: database, clock: clock)
    let caseQueries = CaseQueries(database: database)
    CaseAPI(store: caseStore, cases: caseQueries, places: places).add(to: api)
    let teams = GridTeams(database: database, clock: clock)
    CasePages(store: caseStore, cases: caseQueries, places: places, queries: queries, teams: teams, renderer: renderer).add(to: router)
    let open311Keys = Open311Keys(database: database, clock: clock)
    Open311API(keys: open311Keys, requests: Open311Requests(database: database), cases: caseStore, queries: queries).add(to: router)
    Open311KeyPages(keys: open311Keys, queries: queries, renderer: renderer).add(to: router)
    let scopes = OfficeScopes(queries: queries)
    let campaigns = Campaigns(database: database, clock: clock)
    HotSpotPages(hotSpots: HotSpots(database: database), campaigns: campaigns, scopes: scopes, renderer: renderer, clock: clock).add(to: router)
    CampaignPages(campaigns: campaigns, places: places, renderer: renderer, clock: clock).add(to: router)
    let serviceFees = ServiceFees(database: database, clock: clock)
    FeePages(fees: serviceFees, places: places, queries: queries, renderer: renderer).add(to: router)
    CollectionPages(fees: serviceFees, scopes: scopes, renderer: renderer).add(to: router)
    CommonFundPages(funds: CommonFunds(database: database, clock: clock), places: places, queries: queries, scopes: scopes, renderer: renderer)
        .add(to: router)
    DisclosurePages(disclosures: Disclosures(database: database, clock: clock), places: places, queries: queries, scopes: scopes,
                    renderer: renderer).add(to: router)
    MaintenanceFundPages(funds: MaintenanceFunds(database: database, clock: clock), places: places, queries: queries, scopes: scopes,
                         renderer: renderer).add(to: router)
    CreditPages(credit: CreditRecords(database: database, clock: clock), scopes: scopes, renderer: renderer).add(to: router)
    CoordinationPages(coordination: Coordination(database: database, clock: clock), scopes: scopes, renderer: renderer).add(to: router)
    PartyPages(party: PartyBuilding(database: database, clock: clock), scopes: scopes, renderer: renderer).add(to: router)
    ServiceIndexPages(indexes: ServiceIndexes(database: database, clock: clock), scopes: scopes, renderer: renderer).add(to: router)
    DashboardPages(dashboard: Dashboard(database: database, clock: clock), places: places, scopes: scopes, renderer: renderer).add(to: router)
    EvaluationPages(evaluations: Evaluations(database: database, clock: clock), places: places, scopes: scopes, renderer: renderer).add(to: router)
    MeetingSupervisionPages(assemblies: assemblies, scopes: scopes, renderer: renderer).add(to: router)
    CommitteePages(committees: Committees(database: database, clock: clock), places: places, queries: queries, scopes: scopes,
                   renderer: renderer).add(to: router)
    CaseSettingsPages(settings: CaseSettings(database: database, clock: clock), scopes: scopes, queries: queries, renderer: renderer,
                      clock: clock).add(to: router)
    GridTeamPages(teams: teams, places: places, scopes: scopes, renderer: renderer, clock: clock)
        .add(to: router)
    return router
}
