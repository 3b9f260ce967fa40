import Access
import Cases
import Foundation
import HTTPTypes
import Storage
import Testing
import WuyeCore

/// The access matrix's probes of hot spots, campaigns and grid teams. A campaign over the demo
/// compound and one over the far compound; the demo grid and a far grid.
extension AccessMatrixTests {
    static let hotSpotMatrix: [String: Probes] = [
        "GET /hotspots": hotSpots,
        "GET /hotspots.csv": { _, _, _ in [] },  // probed with GET /hotspots
        "POST /campaigns": campaignLaunch,
        "GET /campaigns": campaignList,
        "GET /campaigns/{id}": campaignRead(""),
        "GET /campaigns/{id}/export.csv": campaignRead("/export.csv"),
        "POST /campaigns/{id}/compounds/{compound}/report": campaignStep(.reportRectification, "report"),
        "POST /campaigns/{id}/compounds/{compound}/recheck": campaignStep(.manageCampaigns, "recheck"),
        "GET /cases/settings": caseSettings,
        "POST /cases/settings/routes": caseRoutes,
        "POST /cases/settings/calendar": calendarDay,
        "POST /cases/settings/calendar/{day}/remove": calendarRemoval,
        "GET /teams": teams,
        "GET /teams.csv": { _, _, _ in [] },  // probed with GET /teams
        "POST /teams/norm": staffingNorm,
        "GET /teams/grids/{id}": gridRoute(post: false, allowed: .ok, ""),
        "POST /teams/grids/{id}/members": gridRoute(post: true, allowed: .unprocessableContent, "/members"),
        "POST /teams/members/{id}/remove": memberRemoval,
    ]

    static func office(_ principal: Principal?, _ action: Action, allowed: HTTPResponse.Status = .ok) -> HTTPResponse.Status {
        guard let principal else { return .seeOther }
        return principal.mayEver(action) ? allowed : .forbidden
    }

    static let hotSpots: Probes = { principal, _, _ in
        [get("/hotspots", office(principal, .manageCampaigns)), get("/hotspots.csv", office(principal, .manageCampaigns))]
    }

    /// An empty form: no campaign name, refused (422) for every office.
    static let campaignLaunch: Probes = { principal, _, _ in
        [Probe(uri: "/campaigns", form: [:], json: nil, expected: office(principal, .manageCampaigns, allowed: .unprocessableContent))]
    }

    static func participates(_ principal: Principal) -> Bool {
        principal.mayEver(.manageCampaigns) || principal.mayEver(.reportRectification)
    }

    static let campaignList: Probes = { principal, _, _ in
        [get("/campaigns", principal.map { participates($0) ? .ok : .forbidden } ?? .seeOther)]
    }

    /// One campaign per compound, launched once per world (the district's and the far district's).
    static func campaigns(_ world: World) async throws -> [(id: Int64, compound: Int64, place: Place?)] {
        let database = world.accounts.database
        let store = Campaigns(database: database)
        var made: [(Int64, Int64, Place?)] = []
        for (compound, district) in [(world.compound, world.district), (world.farCompound, world.farDistrict)] {
            let existing = try await database.read { sql in
                try await sql.raw("SELECT campaign_id FROM campaign_compounds WHERE compound_id = \(bind: compound)").first()?
                    .decode(column: "campaign_id", as: Int64.self)
            }
            let id: Int64
            if let existing {
                id = existing
            } else {
                let today = CivilDate.inChina(Date())
                let plan = try CampaignPlan(name: "矩阵", measures: "措施", startsOn: today, deadline: "2099-01-01", compoundIDs: [compound])
                id = try await store.launch(plan, division: district, rule: .top(1), period: .last(30, until: today), loads: [], by: .command("test"))
            }
            made.append((id, compound, try await world.places.place(ofCompound: compound)))
        }
        return made
    }

    /// Seen by participants whose scope covers the campaign's compound.
    static func campaignRead(_ suffix: String) -> Probes {
        { principal, world, _ in
            try await campaigns(world).map { campaign in
                let expected: HTTPResponse.Status = if let principal {
                    !participates(principal) ? .forbidden
                        : campaign.place.map { principal.decide(.viewRegistry, at: $0) == .allowed } == true ? .ok : .notFound
                } else { .seeOther }
                return get("/campaigns/\(campaign.id)\(suffix)", expected)
            }
        }
    }

    /// An empty note: refused (422) for whoever may take the step; 403 or 404 as the policy says.
    static func campaignStep(_ action: Action, _ step: String) -> Probes {
        { principal, world, _ in
            try await campaigns(world).map { campaign in
                let expected: HTTPResponse.Status = if let principal {
                    !participates(principal) ? .forbidden
                        : campaign.place.map { principal.decide(.viewRegistry, at: $0) == .allowed } != true ? .notFound
                        : status(campaign.place.map { principal.decide(action, at: $0) } ?? .notFound, allowed: .unprocessableContent)
                } else { .seeOther }
                return Probe(uri: "/campaigns/\(campaign.id)/compounds/\(campaign.compound)/\(step)", form: [:], json: nil, expected: expected)
            }
        }
    }

    static let teams: Probes = { principal, _, _ in
        [get("/teams", office(principal, .manageGridTeams)), get("/teams.csv", office(principal, .manageGridTeams))]
    }

    static let staffingNorm: Probes = { principal, _, _ in
        [Probe(uri: "/teams/norm", form: [:], json: nil, expected: office(principal, .setStaffingNorm, allowed: .unprocessableContent))]
    }

    /// The demo compound's grid and the far compound's.
    static func grids(_ world: World) async throws -> [(id: Int64, place: Place?)] {
        try await [world.compound, world.farCompound].asyncMap { compound in
            let grid = try await world.accounts.database.read { sql in
                try await sql.raw("SELECT MIN(grid_id) AS grid FROM grid_buildings WHERE compound_id = \(bind: compound)").first()?
                    .decode(column: "grid", as: Int64.self)
            }
            let id = try #require(grid)
            return (id, try await world.places.place(ofGrid: id))
        }
    }

    static func gridRoute(post: Bool, allowed: HTTPResponse.Status, _ suffix: String) -> Probes {
        registry(.manageGridTeams, api: false, post: post, allowed: allowed) { world in
            try await grids(world).map { ("/teams/grids/\($0.id)\(suffix)", $0.place) }
        }
    }

    /// A cleaner of the grid's serving company is put on each grid's roster for each probe: offices
    /// and that company may take them off.
    static let memberRemoval: Probes = { principal, world, _ in
        let teams = GridTeams(database: world.accounts.database)
        return try await grids(world).asyncMap { grid in
            let company = grid.place?.servingCompanyIDs.min()
            let member = try await teams.add(try TeamMember(role: "cleaner", name: "矩阵", phone: "13900009999"), grid: grid.id,
                                             company: company, by: .command("test"))
            let expected: HTTPResponse.Status = if let principal {
                switch grid.place.map({ principal.decide(.manageGridTeams, at: $0) }) ?? .notFound {
                case .allowed:
                    principal.roles.contains { $0.kind == .administrationStaff || $0.kind == .platformAdministrator }
                        || principal.roles.contains { $0.companyID != nil && $0.companyID == company } ? .seeOther : .forbidden
                case .forbidden: .forbidden
                case .notFound: .notFound
                }
            } else { .seeOther }
            return Probe(uri: "/teams/members/\(member)/remove", form: [:], json: nil, expected: expected)
        }
    }

    static let caseSettings: Probes = { principal, _, _ in
        let expected: HTTPResponse.Status = principal.map { $0.mayEver(.setCaseRoutes) || $0.mayEver(.setWorkingCalendar) ? .ok : .forbidden } ?? .seeOther
        return [get("/cases/settings", expected)]
    }

    /// An empty form changes nothing and is saved (200) for the offices of the demo district; the far
    /// district is the demo district's office's "not found".
    static let caseRoutes: Probes = { principal, world, _ in
        [world.district, world.farDistrict].map { district in
            let expected: HTTPResponse.Status = principal.map { status($0.decide(.setCaseRoutes, at: .division(district))) } ?? .seeOther
            return Probe(uri: "/cases/settings/routes", form: ["division": district.rawValue], json: nil, expected: expected)
        }
    }

    /// A day without a note is refused (422) for the calendar's keepers.
    static let calendarDay: Probes = { principal, _, _ in
        [Probe(uri: "/cases/settings/calendar", form: ["day": "2099-01-01"], json: nil,
               expected: office(principal, .setWorkingCalendar, allowed: .unprocessableContent))]
    }

    /// A day that is not set is "not found" for the calendar's keepers.
    static let calendarRemoval: Probes = { principal, _, _ in
        [Probe(uri: "/cases/settings/calendar/2099-01-02/remove", form: [:], json: nil,
               expected: office(principal, .setWorkingCalendar, allowed: .notFound))]
    }
}
