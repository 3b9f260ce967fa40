import Access
import Evaluation
import Foundation
import Party
import HTTPTypes
import Storage
import Testing
import WuyeCore

/// The access matrix's probes of the dashboard and of evaluation. The dashboard: offices see their own
/// division and what lies inside it. Evaluation: offices that run rounds or inspect see the list; a
/// published round is announced to every signed-in account; only the round's office publishes, only
/// inspectors over the compound deduct, only the home's owner answers the survey.
extension AccessMatrixTests {
    static let evaluationMatrix: [String: Probes] = [
        "GET /dashboard/index": { principal, _, _ in [get("/dashboard/index", office(principal, .viewDashboard))] },
        "POST /dashboard/index": { principal, world, _ in
            // An empty form does not confirm the quarter: refused (422) for the city's publishers.
            let expected: HTTPResponse.Status = if let principal {
                principal.decide(.manageEvaluations, at: .division(world.city)) == .allowed ? .unprocessableContent
                    : principal.mayEver(.viewDashboard) && principal.mayEver(.manageEvaluations) ? .notFound : .forbidden
            } else { .seeOther }
            return [Probe(uri: "/dashboard/index", form: [:], json: nil, expected: expected)]
        },
        // Only a scraper with the configured token reads metrics; the matrix configures none.
        "GET /metrics": { _, _, _ in [get("/metrics", .notFound)] },
        "GET /coordination": { principal, _, _ in [get("/coordination", office(principal, .managePartyBuilding))] },
        "POST /coordination/meetings": coordinationWrite("/coordination/meetings"),
        "POST /coordination/projects": coordinationWrite("/coordination/projects"),
        "GET /coordination/meetings/{id}": coordinationMeeting(""),
        "POST /coordination/meetings/{id}/tasks": coordinationMeeting("/tasks"),
        "POST /coordination/meetings/{id}/task-completions": coordinationMeeting("/task-completions"),
        "POST /coordination/meetings/{id}/cases": coordinationMeeting("/cases"),
        "GET /projects": { principal, _, _ in
            [get("/projects", principal.map { $0.mayEver(.claimServiceProject) ? .ok : .forbidden } ?? .seeOther)]
        },
        "POST /projects/{id}/claim": serviceProject("/claim"),
        "POST /projects/{id}/completion": serviceProject("/completion"),
        "GET /credit": { principal, _, _ in [get("/credit", office(principal, .viewDashboard))] },
        "GET /credit.csv": { principal, _, _ in [get("/credit.csv", office(principal, .viewDashboard))] },
        "POST /credit/entries": { principal, _, _ in
            [Probe(uri: "/credit/entries", form: [:], json: nil, expected: office(principal, .manageEvaluations, allowed: .unprocessableContent))]
        },
        "GET /credit/companies/{id}": creditRecord,
        "GET /party": { principal, _, _ in [get("/party", office(principal, .managePartyBuilding))] },
        "POST /party/organisations": partyWrite("organisations"),
        "POST /party/instructors": partyWrite("instructors"),
        "POST /party/activities": partyWrite("activities"),
        // A service station's calendar is a public notice: anyone, signed in or not, reads it and its feed.
        "GET /party/calendar/{community}": { _, world, _ in
            [get("/party/calendar/\(world.community)", .ok), get("/party/calendar/\(world.community).ics", .ok), get("/party/calendar/123", .notFound)]
        },
        "GET /dashboard": dashboard(""),
        "GET /dashboard.csv": dashboard(".csv"),
        "GET /dashboard/compounds/{id}": registry(.viewDashboard, api: false) { world in
            [("/dashboard/compounds/\(world.compound)", try await world.places.place(ofCompound: world.compound)),
             ("/dashboard/compounds/\(world.farCompound)", try await world.places.place(ofCompound: world.farCompound))]
        },
        "GET /evaluations": { principal, _, _ in
            [get("/evaluations", principal.map { $0.mayEver(.manageEvaluations) || $0.mayEver(.inspectCompounds) ? .ok : .forbidden } ?? .seeOther)]
        },
        "POST /evaluations": { principal, _, _ in
            [Probe(uri: "/evaluations", form: [:], json: nil, expected: office(principal, .manageEvaluations, allowed: .unprocessableContent))]
        },
        "GET /evaluations/scorecards": { principal, _, _ in [get("/evaluations/scorecards", office(principal, .manageEvaluations))] },
        "POST /evaluations/scorecards": { principal, _, _ in
            [Probe(uri: "/evaluations/scorecards", form: [:], json: nil, expected: office(principal, .manageEvaluations, allowed: .unprocessableContent))]
        },
        "GET /evaluations/{round}": publishedRound(""),
        "GET /evaluations/{round}/results.csv": publishedRound("/results.csv"),
        "GET /evaluations/{round}/compounds/{compound}": { principal, world, _ in
            [get("/evaluations/\(try await round(world))/compounds/\(world.compound)", principal == nil ? .seeOther : .ok)]
        },
        "POST /evaluations/{round}/publication": { principal, world, _ in
            let expected: HTTPResponse.Status = if let principal {
                status(principal.decide(.manageEvaluations, at: .division(world.district)), allowed: .unprocessableContent)
            } else { .seeOther }
            return [Probe(uri: "/evaluations/\(try await round(world))/publication", form: [:], json: nil, expected: expected)]
        },
        "POST /evaluations/{round}/compounds/{compound}/deductions": { principal, world, _ in
            let place = try #require(try await world.places.place(ofCompound: world.compound))
            let expected: HTTPResponse.Status = if let principal {
                [.inspectCompounds, .manageEvaluations].contains { principal.decide($0, at: place) == .allowed } ? .unprocessableContent
                    : principal.mayEver(.inspectCompounds) || principal.mayEver(.manageEvaluations) ? .notFound : .forbidden
            } else { .seeOther }
            return [Probe(uri: "/evaluations/\(try await round(world))/compounds/\(world.compound)/deductions", form: [:], json: nil, expected: expected)]
        },
        "GET /evaluations/{round}/survey": { principal, world, _ in
            let place = try #require(try await world.places.place(ofHome: world.ownHome))
            let expected: HTTPResponse.Status = if let principal { status(principal.decide(.answerSurvey, at: place)) } else { .seeOther }
            return [get("/evaluations/\(try await round(world))/survey", expected)]
        },
        "POST /evaluations/{round}/survey": { principal, world, _ in
            let place = try #require(try await world.places.place(ofHome: world.ownHome))
            let expected: HTTPResponse.Status = if let principal {
                status(principal.decide(.answerSurvey, at: place), allowed: .unprocessableContent)
            } else { .seeOther }
            return [Probe(uri: "/evaluations/\(try await round(world))/survey", form: ["home": String(world.ownHome)], json: nil, expected: expected)]
        },
    ]

    /// The demo compound's company's record: its own administrators and managers, and the offices over a
    /// division where it serves, read it.
    static let creditRecord: Probes = { principal, world, _ in
        let credit = CreditRecords(database: world.accounts.database)
        let company = try #require(try await world.places.place(ofCompound: world.compound)?.servingCompanyIDs.min())
        guard let principal else { return [get("/credit/companies/\(company)", .seeOther)] }
        let companyRoles = principal.roles.filter { $0.kind == .companyAdministrator || $0.kind == .companyManager }
        var expected: HTTPResponse.Status = principal.mayEver(.viewDashboard) || !companyRoles.isEmpty ? .notFound : .forbidden
        if companyRoles.contains(where: { $0.companyID == company }) { expected = .ok }
        for role in principal.roles where AccessPolicy.mayEver(role, .viewDashboard) {
            if role.kind == .platformAdministrator { expected = .ok }
            if let division = role.division, try await credit.serves(company, in: division) { expected = .ok }
        }
        return [get("/credit/companies/\(company)", expected), get("/credit/companies/999999", .notFound)]
    }

    static func coordinationWrite(_ uri: String) -> Probes {
        { principal, _, _ in [Probe(uri: uri, form: [:], json: nil, expected: office(principal, .managePartyBuilding, allowed: .unprocessableContent))] }
    }

    /// A mediation held over the demo district (once per world): the offices over the district read it
    /// and act on it (an empty form is refused, 422).
    static func coordinationMeeting(_ suffix: String) -> Probes {
        { principal, world, _ in
            let coordination = Coordination(database: world.accounts.database)
            var id = try await coordination.meetings(in: world.district).first?.id
            if id == nil {
                id = try await coordination.hold(try CoordinationMeetingDraft(kind: .mediation, title: "矩阵调解会", agenda: "停车纠纷", heldOn: "2026-11-01",
                                                                              parties: [.company, .residents], minutes: "", today: CivilDate.inChina(Date())),
                                                 division: world.district, by: .command("test"))
            }
            let expected: HTTPResponse.Status = if let principal {
                status(principal.decide(.managePartyBuilding, at: .division(world.district)), allowed: suffix.isEmpty ? .ok : .unprocessableContent)
            } else { .seeOther }
            return [Probe(uri: "/coordination/meetings/\(id ?? 0)\(suffix)", form: suffix.isEmpty ? nil : [:], json: nil, expected: expected)]
        }
    }

    /// A project in the demo community (once per world): the serving company's administrators and
    /// managers may claim it (refused, 422: the matrix company has no party organisation) or report it.
    static func serviceProject(_ suffix: String) -> Probes {
        { principal, world, _ in
            let coordination = Coordination(database: world.accounts.database)
            var id = try await coordination.projects(in: world.community).first?.id
            if id == nil {
                id = try await coordination.publishProject(title: "矩阵项目", description: "楼道清理", community: world.community, by: .command("test"))
            }
            let serving = try await world.places.place(ofCompound: world.compound)?.servingCompanyIDs ?? []
            let expected: HTTPResponse.Status = if let principal {
                !principal.mayEver(.claimServiceProject) ? .forbidden
                    : principal.roles.first(where: { AccessPolicy.mayEver($0, .claimServiceProject) })?.companyID.map(serving.contains) == true
                        ? .unprocessableContent : .notFound
            } else { .seeOther }
            return [Probe(uri: "/projects/\(id ?? 0)\(suffix)", form: [:], json: nil, expected: expected)]
        }
    }

    static func partyWrite(_ path: String) -> Probes {
        { principal, _, _ in
            [Probe(uri: "/party/\(path)", form: [:], json: nil, expected: office(principal, .managePartyBuilding, allowed: .unprocessableContent))]
        }
    }

    /// The dashboard of one's own scope, of the demo district and of a far one.
    static func dashboard(_ suffix: String) -> Probes {
        { principal, world, _ in
            guard let principal else { return [get("/dashboard\(suffix)", .seeOther)] }
            return [get("/dashboard\(suffix)", principal.mayEver(.viewDashboard) ? .ok : .forbidden)]
                + [world.district, world.farDistrict].map { code in
                    get("/dashboard\(suffix)?division=\(code)", status(principal.decide(.viewDashboard, at: .division(code))))
                }
        }
    }

    /// A published round over the demo district, made once per world.
    static func round(_ world: World) async throws -> Int64 {
        let evaluations = Evaluations(database: world.accounts.database)
        if let existing = try await evaluations.rounds(around: world.district).first(where: { $0.division == world.district }) { return existing.id }
        let id = try await evaluations.createRound(division: world.district, name: "矩阵评价", startsOn: "2026-01-01", endsOn: "2026-12-31", by: .command("test"))
        try await evaluations.publish(round: id, by: .command("test"))
        return id
    }

    static func publishedRound(_ suffix: String) -> Probes {
        { principal, world, _ in [get("/evaluations/\(try await round(world))\(suffix)", principal == nil ? .seeOther : .ok)] }
    }
}
