import Access
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import Assembly
import Cases
import WuyeCore

/// Every route of the router, for every demo role, against its own scope and a neighbouring one
/// (another home of the same compound, a compound in another district): the status must be what
/// the access policy says. A route missing from the matrix fails the test, as does a stale entry.
struct AccessMatrixTests {
    /// What one request should get.
    struct Probe {
        let uri: String
        let form: [String: String]?
        let json: String?
        let expected: HTTPResponse.Status
    }

    /// The demo world's things the probes point at.
    struct World {
        let ownHome: Int64, otherHome: Int64, farHome: Int64
        let ownBuilding: Int64, otherBuilding: Int64, farBuilding: Int64
        let compound: Int64, farCompound: Int64
        let community: DivisionCode, district: DivisionCode, farDistrict: DivisionCode, city: DivisionCode
        let places: RegistryPlaces
        let accounts: AccountStore
        let meeting: Int64, farMeeting: Int64
        /// A case the demo owner reported at home, and a hotline ticket in the far compound; each with a photo.
        let ownCase: Int64, farCase: Int64
        let cases: CaseQueries

        static func load(_ database: WuyeDatabase) async throws -> World {
            let plan = try await DemoAccounts.plan(in: database)
            let owner = try #require(plan.first { $0.portal == .owner })
            let compound = try #require(owner.roles.first?.compoundID)
            let store = AccountStore(database: database)
            let account = try #require(try await store.account(mobile: owner.mobile))
            let principal = try #require(try await store.principal(accountID: account.id))
            let ownHome = try #require(principal.roles.first?.homeIDs.min())
            let grid = try #require(plan.first { $0.roles.first?.kind == .gridWorker }?.roles.first?.gridID)
            let queries = RegistryQueries(database: database)
            let places = RegistryPlaces(database: database)
            let home = try #require(try await queries.home(id: ownHome))
            let compoundView = try #require(try await queries.compound(id: compound))
            let community = try #require(DivisionCode(rawValue: compoundView.communityCode))
            let district = try #require(community.parent?.parent)
            // Another building of the same compound, outside the demo grid worker's grid when there is
            // one, and a home in it that is not the demo owner's.
            let buildings = try await queries.buildings(inCompound: compound)
            var other = buildings.first { $0.id != home.buildingID }?.id ?? home.buildingID
            for building in buildings where try await places.place(ofBuilding: building.id)?.gridIDs.contains(grid) == false {
                other = building.id
                break
            }
            let otherHome = try #require(try await queries.units(inBuilding: other).flatMap(\.homes).first {
                !principal.roles[0].homeIDs.contains($0.id)
            }?.id)
            let all = try await queries.compounds(within: .everything, today: "2026-01-01", after: nil, limit: 1000).items
            let far = try #require(all.first { !$0.communityCode.hasPrefix(district.rawValue) })
            let farHome = try #require(try await queries.homes(inCompound: far.id, after: nil, limit: 1).items.first)
            let farCommunity = try #require(DivisionCode(rawValue: far.communityCode))
            let farDistrict = try #require(farCommunity.parent?.parent)
            let city = try #require(district.parent)
            // Meetings convened 16 days ago, voting open now, in the demo compound and the far one.
            let assemblies = AssemblyStore(database: database, clock: FixedClock(Date().addingTimeInterval(-16 * 86_400)))
            func convene(_ compound: Int64) async throws -> Int64 {
                let plan = try MeetingPlan(title: "业主大会", motions: [(4, "续聘物业服务企业")], opensAt: Date().addingTimeInterval(-3600),
                                           closesAt: Date().addingTimeInterval(5 * 86_400),
                                           publishedAt: Date().addingTimeInterval(-16 * 86_400))
                return try await assemblies.convene(compoundID: compound, plan: plan, by: .command("test"))
            }
            let meeting = try await convene(compound)
            let farMeeting = try await convene(far.id)
            let caseStore = CaseStore(database: database)
            let ownCase = try await caseStore.report(.init(kind: .repair, source: .owner, description: "水管漏水", compoundID: compound,
                                                          homeID: ownHome, photos: [webpBytes]),
                                                    reporter: principal.accountID, by: .command("test"))
            let farCase = try await caseStore.report(.init(kind: .hazard, source: .hotline, description: "消防通道堵塞", compoundID: far.id,
                                                          photos: [webpBytes]),
                                                    reporter: nil, by: .command("test"))
            return World(
                ownHome: ownHome, otherHome: otherHome, farHome: farHome.id,
                ownBuilding: home.buildingID, otherBuilding: other, farBuilding: farHome.buildingID,
                compound: compound, farCompound: far.id, community: community, district: district,
                farDistrict: farDistrict, city: city, places: places,
                accounts: AccountStore(database: database, hasher: testHasher), meeting: meeting, farMeeting: farMeeting,
                ownCase: ownCase, farCase: farCase, cases: CaseQueries(database: database))
        }
    }

    /// `(principal, world, fresh)`: the probes of one route for one account (nil: anonymous).
    /// `fresh` gives a unique mobile number for routes that create accounts.
    typealias Probes = @Sendable (Principal?, World, @Sendable () -> String) async throws -> [Probe]

    static func status(_ decision: AccessDecision, allowed: HTTPResponse.Status = .ok) -> HTTPResponse.Status {
        switch decision {
        case .allowed: allowed
        case .forbidden: .forbidden
        case .notFound: .notFound
        }
    }

    static func get(_ uri: String, _ expected: HTTPResponse.Status) -> Probe { Probe(uri: uri, form: nil, json: nil, expected: expected) }

    /// Reads of registry things: allowed, 404 or 403 as the policy decides on the thing's place;
    /// anonymous: 401 from the API, off to sign in from a page.
    static func registry(_ action: Action = .viewRegistry, api: Bool, post: Bool = false, allowed: HTTPResponse.Status = .ok,
                         body: String = "{}",
                         _ targets: @escaping @Sendable (World) async throws -> [(String, Place?)]) -> Probes {
        { principal, world, _ in
            try await targets(world).map { uri, place in
                let expected: HTTPResponse.Status = if let principal {
                    status(place.map { principal.decide(action, at: $0) } ?? .notFound, allowed: allowed)
                } else { api ? (post ? .forbidden : .unauthorized) : .seeOther }
                return Probe(uri: uri, form: post && !api ? [:] : nil, json: post && api ? body : nil, expected: expected)
            }
        }
    }

    /// A meeting route, probed in the demo compound's meeting and in a far compound's.
    static func meeting(_ action: Action, api: Bool = true, post: Bool = false, allowed: HTTPResponse.Status = .ok,
                        body: String = "{}", _ suffix: String) -> Probes {
        let prefix = api ? "/api/v1" : ""
        return registry(action, api: api, post: post, allowed: allowed, body: body) { world in
            [("\(prefix)/meetings/\(world.meeting)\(suffix)", try await world.places.place(ofCompound: world.compound)),
             ("\(prefix)/meetings/\(world.farMeeting)\(suffix)", try await world.places.place(ofCompound: world.farCompound))]
        }
    }

    static func compoundMeetings(_ action: Action, post: Bool = false, allowed: HTTPResponse.Status = .ok) -> Probes {
        registry(action, api: false, post: post, allowed: allowed) { world in
            [("/compounds/\(world.compound)/meetings", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)/meetings", try await world.places.place(ofCompound: world.farCompound))]
        }
    }

    static let conveneBody: String = {
        let formatter = ISO8601DateFormatter()
        let opens = Date().addingTimeInterval(16 * 86_400)
        return """
            {"title":"业主大会","motions":[{"matter":4,"title":"续聘物业服务企业"}],
             "opens_at":"\(formatter.string(from: opens))","closes_at":"\(formatter.string(from: opens.addingTimeInterval(5 * 86_400)))"}
            """
    }()

    /// A route every signed-in account may use for itself.
    static func mine(_ uri: String, api: Bool, form: [String: String]? = nil, signedIn: HTTPResponse.Status = .ok) -> Probes {
        { principal, _, _ in
            // Anonymous browsers hold the sign-in form's token, so their posts pass CSRF and are sent to sign in.
            let anonymous: HTTPResponse.Status = api ? .unauthorized : .seeOther
            return [Probe(uri: uri, form: form, json: nil, expected: principal == nil ? anonymous : signedIn)]
        }
    }

    static func open(_ uri: String, signedIn: HTTPResponse.Status = .ok) -> Probes {
        { principal, _, _ in [get(uri, principal == nil ? .ok : signedIn)] }
    }

    static func administers(_ principal: Principal) -> Bool { principal.mayEver(.manageAccounts) }

    static func revocation(api: Bool) -> Probes {
        { principal, world, fresh in
            try await [world.compound, world.farCompound].asyncMap { compound in
                let role = try Role.committee(.committeeMember, compound: compound)
                let account = try await world.accounts.create(NewAccount(mobile: fresh(), name: "待撤销", password: "committee2026",
                                                                         roles: [role]), by: .command("test"))
                let roleID = try #require(try await world.accounts.roles(ofAccount: account).first?.id)
                let uri = (api ? "/api/v1" : "") + "/accounts/\(account)/roles/\(roleID)/revoke"
                guard let principal else {
                    return Probe(uri: uri, form: api ? nil : [:], json: api ? "{}" : nil, expected: api ? .forbidden : .seeOther)
                }
                let expected: HTTPResponse.Status
                if !administers(principal) {
                    expected = .forbidden
                } else {
                    let place = try await world.places.place(ofCompound: compound)
                    let decision = AccessPolicy.decideGrant(role, targetDivision: place?.division, roles: principal.roles)
                    expected = decision == .allowed ? (api ? .ok : .seeOther) : .notFound
                }
                return Probe(uri: uri, form: api ? nil : [:], json: api ? "{}" : nil, expected: expected)
            }
        }
    }

    static let matrix = coreMatrix.merging(hotSpotMatrix) { first, _ in first }.merging(committeeMatrix) { first, _ in first }
        .merging(maintenanceMatrix) { first, _ in first }.merging(evaluationMatrix) { first, _ in first }

    static let coreMatrix: [String: Probes] = [
        "GET /healthz": open("/healthz"),
        "GET /readyz": open("/readyz"),
        "GET /openapi.json": open("/openapi.json"),
        "GET /login": open("/login", signedIn: .seeOther),
        "GET /claim": open("/claim"),
        "GET /claim/confirm": open("/claim/confirm?claim=1"),
        // Anonymous forms: a signed-in browser posting them without its session's token is refused.
        "POST /login": { _, _, _ in [Probe(uri: "/login", form: nil, json: nil, expected: .forbidden)] },
        "POST /claim": { _, _, _ in [Probe(uri: "/claim", form: nil, json: nil, expected: .forbidden)] },
        "POST /claim/confirm": { _, _, _ in [Probe(uri: "/claim/confirm", form: nil, json: nil, expected: .forbidden)] },
        "POST /logout": { principal, _, _ in [Probe(uri: "/logout", form: principal == nil ? nil : [:], json: nil,
                                                    expected: principal == nil ? .forbidden : .seeOther)] },
        "GET /": { principal, _, _ in
            [get("/", principal.map { $0.portals.count == 1 ? .seeOther : .ok } ?? .seeOther)]
        },
        "GET /portal/{portal}": { principal, _, _ in
            guard let principal else { return [get("/portal/owner", .seeOther)] }
            let missing = Portal.allCases.first { !principal.portals.contains($0) }
            return [get("/portal/\(principal.portals[0].rawValue)", .ok)] + (missing.map { [get("/portal/\($0.rawValue)", .forbidden)] } ?? [])
        },
        "GET /divisions": { principal, world, _ in
            guard let principal else { return [get("/divisions", .seeOther)] }
            let sees = principal.roles.contains { $0.kind == .platformAdministrator }
                || principal.decide(.viewRegistry, at: .division(world.city)) == .allowed
            return [get("/divisions", sees ? .ok : .notFound)]
        },
        "GET /divisions/{code}": registry(api: false) { world in
            [("/divisions/\(world.community.rawValue)", .division(world.community)),
             ("/divisions/\(world.district.rawValue)", .division(world.district)),
             ("/divisions/\(world.farDistrict.rawValue)", .division(world.farDistrict))]
        },
        "GET /compounds/{id}": registry(api: false) { world in
            [("/compounds/\(world.compound)", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)", try await world.places.place(ofCompound: world.farCompound))]
        },
        "GET /buildings/{id}": registry(api: false) { world in
            try await [world.ownBuilding, world.otherBuilding, world.farBuilding].asyncMap { id in
                ("/buildings/\(id)", try await world.places.place(ofBuilding: id))
            }
        },
        "GET /homes/{id}": registry(api: false) { world in
            try await [world.ownHome, world.otherHome, world.farHome].asyncMap { id in ("/homes/\(id)", try await world.places.place(ofHome: id)) }
        },
        "POST /homes/{id}/unmask": registry(.viewPersonalData, api: false, post: true) { world in
            try await [world.ownHome, world.otherHome, world.farHome].asyncMap { id in
                ("/homes/\(id)/unmask", try await world.places.place(ofHome: id))
            }
        },
        "GET /search": mine("/search?q=%E5%B0%8F%E5%8C%BA", api: false),
        "GET /account": mine("/account", api: false),
        "POST /account/password": mine("/account/password", api: false,
                                       form: ["current_password": "not-it-1", "new_password": "x", "confirm": "x"],
                                       signedIn: .unprocessableContent),
        "POST /account/tokens": mine("/account/tokens", api: false, form: ["name": "", "role_id": "0"], signedIn: .unprocessableContent),
        "POST /account/tokens/{id}/revoke": mine("/account/tokens/999999/revoke", api: false, form: [:], signedIn: .notFound),
        "GET /accounts": { principal, _, _ in
            [get("/accounts", principal.map { administers($0) ? .ok : .forbidden } ?? .seeOther)]
        },
        "POST /accounts": { principal, world, fresh in
            try await [world.compound, world.farCompound].asyncMap { compound in
                let form = ["mobile": fresh(), "name": "新委员", "password": "committee2026", "kind": "committee_member",
                            "compound_id": String(compound)]
                guard let principal else { return Probe(uri: "/accounts", form: form, json: nil, expected: .seeOther) }
                guard administers(principal) else { return Probe(uri: "/accounts", form: form, json: nil, expected: .forbidden) }
                let place = try await world.places.place(ofCompound: compound)
                let decision = AccessPolicy.decideGrant(try .committee(.committeeMember, compound: compound),
                                                        targetDivision: place?.division, roles: principal.roles)
                return Probe(uri: "/accounts", form: form, json: nil,
                             expected: decision == .allowed ? .ok : .unprocessableContent)
            }
        },
        // Each probe revokes a role made for it: a committee member's in the demo compound, and one far away.
        "POST /accounts/{id}/roles/{role}/revoke": revocation(api: false),
        "POST /api/v1/accounts/{id}/roles/{role}/revoke": revocation(api: true),
        "GET /audit": { principal, _, _ in
            [get("/audit", principal.map { status($0.decide(.viewAuditLog, at: .platform)) } ?? .seeOther)]
        },
        "GET /api/v1/me": mine("/api/v1/me", api: true),
        "GET /api/v1/divisions": mine("/api/v1/divisions", api: true),
        "GET /api/v1/divisions/{code}": registry(api: true) { world in
            [("/api/v1/divisions/\(world.community.rawValue)", .division(world.community)),
             ("/api/v1/divisions/\(world.farDistrict.rawValue)", .division(world.farDistrict))]
        },
        "GET /api/v1/compounds": mine("/api/v1/compounds?q=%E5%B0%8F%E5%8C%BA", api: true),
        "GET /api/v1/compounds/{id}": registry(api: true) { world in
            [("/api/v1/compounds/\(world.compound)", try await world.places.place(ofCompound: world.compound)),
             ("/api/v1/compounds/\(world.farCompound)", try await world.places.place(ofCompound: world.farCompound))]
        },
        "GET /api/v1/compounds/{id}/homes": registry(api: true) { world in
            [("/api/v1/compounds/\(world.compound)/homes", try await world.places.place(ofCompound: world.compound)),
             ("/api/v1/compounds/\(world.farCompound)/homes", try await world.places.place(ofCompound: world.farCompound))]
        },
        "GET /api/v1/buildings/{id}": registry(api: true) { world in
            try await [world.ownBuilding, world.otherBuilding, world.farBuilding].asyncMap { id in
                ("/api/v1/buildings/\(id)", try await world.places.place(ofBuilding: id))
            }
        },
        "GET /api/v1/homes/{id}": registry(api: true) { world in
            try await [world.ownHome, world.otherHome, world.farHome].asyncMap { id in
                ("/api/v1/homes/\(id)", try await world.places.place(ofHome: id))
            }
        },
        "POST /api/v1/homes/{id}/owners/unmask": registry(.viewPersonalData, api: true, post: true) { world in
            try await [world.ownHome, world.otherHome, world.farHome].asyncMap { id in
                ("/api/v1/homes/\(id)/owners/unmask", try await world.places.place(ofHome: id))
            }
        },
        "GET /api/v1/accounts": { principal, _, _ in
            [get("/api/v1/accounts", principal.map { administers($0) ? .ok : .forbidden } ?? .unauthorized)]
        },
        "POST /api/v1/accounts": { principal, world, fresh in
            try await [world.compound, world.farCompound].asyncMap { compound in
                let json = """
                    {"mobile":"\(fresh())","name":"新委员","password":"committee2026","kind":"committee_member","compound_id":\(compound)}
                    """
                guard let principal else { return Probe(uri: "/api/v1/accounts", form: nil, json: json, expected: .forbidden) }
                guard administers(principal) else { return Probe(uri: "/api/v1/accounts", form: nil, json: json, expected: .forbidden) }
                let place = try await world.places.place(ofCompound: compound)
                let decision = AccessPolicy.decideGrant(try .committee(.committeeMember, compound: compound),
                                                        targetDivision: place?.division, roles: principal.roles)
                return Probe(uri: "/api/v1/accounts", form: nil, json: json,
                             expected: decision == .allowed ? .created : .unprocessableContent)
            }
        },
        "POST /api/v1/compounds/{id}/meetings": registry(.conveneMeeting, api: true, post: true, allowed: .created,
                                                         body: conveneBody) { world in
            [("/api/v1/compounds/\(world.compound)/meetings", try await world.places.place(ofCompound: world.compound)),
             ("/api/v1/compounds/\(world.farCompound)/meetings", try await world.places.place(ofCompound: world.farCompound))]
        },
        "GET /api/v1/meetings/{id}": meeting(.viewRegistry, ""),
        "GET /api/v1/meetings/{id}/export": meeting(.viewRegistry, "/export"),
        "POST /api/v1/meetings/{id}/ballots": meeting(.castBallot, post: true, allowed: .created,
                                                       body: #"{"choices":{"1":"agree"}}"#, "/ballots"),
        "POST /api/v1/meetings/{id}/paper-ballots": meeting(.enterPaperBallots, post: true, allowed: .created,
                                                             body: #"{"right_number":1,"choices":{"1":"disagree"},"channel":"paper"}"#,
                                                             "/paper-ballots"),
        // Voting is still open, so a convener's close is refused for that reason, not for access.
        "POST /api/v1/meetings/{id}/close": meeting(.conveneMeeting, post: true, allowed: .unprocessableContent, "/close"),
        // Pages: empty forms, so an allowed post is refused for its content (422), never for access.
        "GET /compounds/{id}/meetings": compoundMeetings(.viewRegistry),
        "POST /compounds/{id}/meetings": compoundMeetings(.conveneMeeting, post: true, allowed: .unprocessableContent),
        "GET /meetings/{id}": meeting(.viewRegistry, api: false, ""),
        "POST /meetings/{id}/vote": meeting(.castBallot, api: false, post: true, allowed: .unprocessableContent, "/vote"),
        "POST /meetings/{id}/paper-ballots": meeting(.enterPaperBallots, api: false, post: true, allowed: .unprocessableContent,
                                                     "/paper-ballots"),
        "POST /meetings/{id}/close": meeting(.conveneMeeting, api: false, post: true, allowed: .unprocessableContent, "/close"),
        "GET /open311/v2/{resource}": open("/open311/v2/services.json"),
        "GET /open311/v2/services/{service}": open("/open311/v2/services/repair.json"),
        "GET /open311/v2/requests/{request}": open311Request,
        "POST /open311/v2/{resource}": open311Post,
        "GET /open311/keys": open311Keys,
        "POST /open311/keys": open311KeyIssue,
        "POST /open311/keys/{id}/revoke": open311KeyRevocation,
        "GET /cases": mine("/cases", api: false),
        "GET /cases/new": { principal, _, _ in
            [get("/cases/new", principal.map { $0.mayEver(.reportCase) ? .ok : .forbidden } ?? .seeOther)]
        },
        "POST /cases": reporting(api: false),
        "GET /cases/{id}": caseRoute(api: false),
        "POST /cases/{id}/events": caseRoute(api: false, post: true, who: .parties, allowed: .unprocessableContent,
                                             form: ["event": "register", "note": "矩阵"], "/events"),
        "POST /cases/{id}/acknowledge": caseRoute(api: false, post: true, who: .parties, allowed: .unprocessableContent, "/acknowledge"),
        "POST /cases/{id}/rating": caseRoute(api: false, post: true, who: .parties, allowed: .unprocessableContent, "/rating"),
        "GET /api/v1/cases": mine("/api/v1/cases", api: true),
        "POST /api/v1/cases": reporting(api: true),
        "GET /api/v1/cases/{id}": caseRoute(api: true),
        "GET /api/v1/cases/{id}/photos/{number}": caseRoute(api: true, "/photos/1"),
        // The owner's own open case takes one more photo; nobody else may add any.
        "POST /api/v1/cases/{id}/photos": caseRoute(api: true, post: true, who: .reporter, allowed: .created, body: webpText, "/photos"),
        // A reported case cannot be registered yet, is already acknowledged and is not closed: every
        // party is refused for the step (422), never for access.
        "POST /api/v1/cases/{id}/events": caseRoute(api: true, post: true, who: .parties, allowed: .unprocessableContent,
                                                    body: #"{"event":"register","note":"矩阵"}"#, "/events"),
        "POST /api/v1/cases/{id}/acknowledge": caseRoute(api: true, post: true, who: .parties, allowed: .unprocessableContent,
                                                         "/acknowledge"),
        "POST /api/v1/cases/{id}/rating": caseRoute(api: true, post: true, who: .parties, allowed: .unprocessableContent,
                                                    body: #"{"stars":5}"#, "/rating"),
        "GET /api/v1/audit": { principal, _, _ in
            [get("/api/v1/audit", principal.map { status($0.decide(.viewAuditLog, at: .platform)) } ?? .unauthorized)]
        },
    ]

    static func routeKey(_ route: Router<WuyeRequestContext>.RouteDescription) -> String {
        "\(route.method.rawValue) /" + route.path.description.split(separator: "/").joined(separator: "/")
    }

    @Test func theMatrixCoversEveryRouteAndNothingElse() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wuye-matrix-\(UUID().uuidString).sqlite").path
        let database = try await WuyeDatabase.open(.sqlite(path: path))
        let routes = Set(try await buildRouter(database: database).routes.map(Self.routeKey))
        await database.shutdown()
        #expect(routes.subtracting(Self.matrix.keys).sorted() == [], "routes missing from the access matrix")
        #expect(Set(Self.matrix.keys).subtracting(routes).sorted() == [], "matrix entries with no route")
    }

    @Test func everyRoleGetsExactlyWhatThePolicySaysOnEveryRoute() async throws {
        try await withDemoApp { first, database in
            let world = try await World.load(database)
            let plan = try await DemoAccounts.plan(in: database)
            let accounts = AccountStore(database: database)
            let counter = Counter()
            let fresh: @Sendable () -> String = { "1370000" + String(format: "%04d", counter.next()) }
            // Logout last: it ends the session the other probes use.
            let keys = Self.matrix.keys.sorted { ($0 == "POST /logout" ? 1 : 0, $0) < ($1 == "POST /logout" ? 1 : 0, $1) }
            var probes = 0
            for account in [nil] + plan.map(Optional.some) {
                let browser = Browser(first.client)
                var principal: Principal? = nil
                if let account {
                    try await browser.signIn(account.mobile)
                    let id = try #require(try await accounts.account(mobile: account.mobile)).id
                    principal = try await accounts.principal(accountID: id)
                }
                let who = account.map { "\($0.mobile) \($0.roles.map(\.kind.rawValue))" } ?? "anonymous"
                for key in keys {
                    for probe in try await Self.matrix[key]!(principal, world, fresh) {
                        let method: HTTPRequest.Method = key.hasPrefix("POST") ? .post : .get
                        let response: TestResponse
                        if let form = probe.form {
                            response = try await browser.post(probe.uri, form)
                        } else if let json = probe.json {
                            var headers: HTTPFields = [.contentType: "application/json"]
                            if principal != nil { headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf }
                            response = try await browser.execute(uri: probe.uri, method: .post, headers: headers,
                                                                 body: ByteBuffer(string: json))
                        } else {
                            response = try await browser.execute(uri: probe.uri, method: method)
                        }
                        #expect(response.status == probe.expected, "\(who): \(key) → \(probe.uri)")
                        probes += 1
                    }
                }
            }
            #expect(probes > 500)
        }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
