import Access
import Cases
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/teams`: each grid's service team against the staffing norm, grids below it first. Offices keep
/// every role on the roster; a company's administrators and managers keep their own staff on the
/// grids of the compounds they serve. District and city offices set the norm.
struct GridTeamPages {
    let teams: GridTeams
    let places: RegistryPlaces
    let scopes: OfficeScopes
    let renderer: PageRenderer
    let clock: any WuyeClock

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/teams") { request, context in
            try await overview(context, asked: request.uri.queryParameters.get("division"), values: [:], status: .ok)
        }
        router.get("/teams.csv") { request, context in
            let (_, grids) = try await staffing(context, asked: request.uri.queryParameters.get("division"))
            return Response.csv(
                named: "grid-teams.csv",
                header: ["网格编码", "网格", "社区", "户数", "网格员", "红色管家", "安全员", "保洁员", "低于标准"],
                rows: grids.map { grid in
                    [grid.code, grid.name, grid.communityName, String(grid.staffing.households)]
                        + TeamRole.allCases.map { "\(grid.staffing.present[$0] ?? 0)/\(grid.staffing.required[$0] ?? 0)" }
                        + [grid.staffing.shortfalls.map { "\($0.role.chineseName)缺\($0.missing)" }.joined(separator: "、")]
                })
        }
        router.post("/teams/norm") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let principal = try context.signedIn()
            guard principal.mayEver(.setStaffingNorm) else { throw AccessRefused(status: .forbidden) }
            guard let (scope, _) = try await scopes.chosen(fields.text("division"), of: principal, for: .setStaffingNorm) else {
                throw AccessRefused(status: .notFound)
            }
            do {
                let norm = try StaffingNorm(householdsPerTeam: Int(fields.text("households_per_team")) ?? 0,
                                            stewards: Int(fields.text("stewards")) ?? -1,
                                            securityGuards: Int(fields.text("security_guards")) ?? -1, cleaners: Int(fields.text("cleaners")) ?? -1)
                try await teams.setNorm(norm, for: scope.code, by: context.actor)
                return Response.redirect(to: "/teams?division=\(scope.code.rawValue)", type: .normal)
            } catch let error as DomainError {
                return try await overview(context, asked: scope.code.rawValue, values: ["errors": [error.field ?? "households_per_team": error.message],
                                                                                       "normForm": fields.values], status: .unprocessableContent)
            }
        }
        router.get("/teams/grids/:id") { _, context in try await grid(context, values: [:], status: .ok) }
        router.post("/teams/grids/:id/members") { request, context in
            let (principal, gridID) = try await manager(context)
            let fields = try await FormFields.of(request, context: context)
            do {
                let member = try TeamMember(role: fields.text("role"), name: fields.text("name"), phone: fields.text("phone"))
                let company = try await employer(of: member.role, principal: principal, grid: gridID)
                try await teams.add(member, grid: gridID, company: company, by: context.actor)
                return Response.redirect(to: "/teams/grids/\(gridID)", type: .normal)
            } catch let error as DomainError {
                return try await grid(context, values: ["errors": [error.field ?? "name": error.message], "form": fields.values],
                                      status: .unprocessableContent)
            }
        }
        router.post("/teams/members/:id/remove") { _, context in
            guard let id = Int64(context.parameters.get("id") ?? ""), let member = try await teams.member(id: id) else {
                throw AccessRefused(status: .notFound)
            }
            let principal = try context.require(.manageGridTeams, at: try await places.place(ofGrid: member.gridID))
            // A company takes only its own staff off a roster.
            if !principal.roles.contains(where: { Self.managesEveryRole($0) }),
               !principal.roles.contains(where: { $0.companyID != nil && $0.companyID == member.companyID }) {
                throw AccessRefused(status: .forbidden)
            }
            try await teams.remove(memberID: id, by: context.actor)
            return Response.redirect(to: "/teams/grids/\(member.gridID)", type: .normal)
        }
    }

    /// Offices (and the platform) keep every role; companies only their own staff.
    static func managesEveryRole(_ role: Role) -> Bool {
        role.kind == .administrationStaff || role.kind == .platformAdministrator
    }

    /// The company a new member works for: nil for a grid worker; for company staff the account's own
    /// company that serves the grid, or the company the office names.
    func employer(of role: TeamRole, principal: Principal, grid: Int64) async throws -> Int64? {
        guard role.isCompanyStaff else {
            guard principal.roles.contains(where: Self.managesEveryRole) else {
                throw DomainError(code: "grid_worker_by_office", message: "网格员由社区、街道登记", english: "offices put grid workers on the roster",
                                  field: "role")
            }
            return nil
        }
        let serving = try await places.place(ofGrid: grid)?.servingCompanyIDs ?? []
        if let own = principal.roles.compactMap(\.companyID).first(where: serving.contains) { return own }
        return serving.min()
    }

    func manager(_ context: WuyeRequestContext) async throws -> (Principal, Int64) {
        guard let id = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        return (try context.require(.manageGridTeams, at: try await places.place(ofGrid: id)), id)
    }

    /// The grids the account keeps: an office's division, or the grids of the company's compounds.
    func staffing(_ context: WuyeRequestContext, asked: String?) async throws -> (OfficeScopes.Scope?, [GridTeams.GridStaffing]) {
        let principal = try context.signedIn()
        guard principal.mayEver(.manageGridTeams) else { throw AccessRefused(status: .forbidden) }
        if let (scope, _) = try await scopes.chosen(asked, of: principal, for: .manageGridTeams) {
            return (scope, try await teams.staffing(in: scope.code))
        }
        let today = CivilDate.inChina(clock.now()).text
        var grids: [Int64] = []
        for company in principal.roles.filter({ AccessPolicy.mayEver($0, .manageGridTeams) }).compactMap(\.companyID) {
            grids += try await teams.grids(servedBy: company, today: today)
        }
        return (nil, try await teams.staffing(in: nil, onlyGrids: grids))
    }

    func overview(_ context: WuyeRequestContext, asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        let (scope, grids) = try await staffing(context, asked: asked)
        var values = values
        values["title"] = "网格服务团队"
        values["scope"] = scope?.name ?? "本企业服务的网格"
        values["scopes"] = try await scopes.scopes(of: principal, for: .manageGridTeams).map {
            ["code": $0.code.rawValue, "name": $0.name, "chosen": $0.code == scope?.code] as [String: Any]
        }
        values["manyScopes"] = (values["scopes"] as? [Any])?.count ?? 0 > 1
        values["csvQuery"] = scope.map { "?division=" + $0.code.rawValue } ?? ""
        values["below"] = grids.count { $0.staffing.isBelowNorm }
        values["total"] = grids.count
        values["grids"] = grids.map { grid in
            ["id": grid.gridID, "code": grid.code, "name": grid.name, "community": grid.communityName, "households": grid.staffing.households,
             "roles": TeamRole.allCases.map { role in
                 ["present": grid.staffing.present[role] ?? 0, "required": grid.staffing.required[role] ?? 0,
                  "short": (grid.staffing.present[role] ?? 0) < (grid.staffing.required[role] ?? 0)] as [String: Any]
             },
             "below": grid.staffing.isBelowNorm] as [String: Any]
        }
        values["roleNames"] = TeamRole.allCases.map(\.chineseName)
        if let scope {
            let (norm, setBy) = try await teams.norm(for: scope.code)
            values["norm"] = norm.chineseText
            values["normSource"] = setBy == nil ? "默认（历下区万科城标准）" : "由 \(setBy == scope.code ? scope.name : setBy!.rawValue) 设定"
            if principal.decide(.setStaffingNorm, at: .division(scope.code)) == .allowed, scope.code.level <= .district {
                values["normEditor"] = ["division": scope.code.rawValue, "households": norm.householdsPerTeam, "stewards": norm.stewards,
                                        "guards": norm.securityGuards, "cleaners": norm.cleaners] as [String: Any]
            }
        }
        return renderer.render("teams", values, for: context, status: status)
    }

    func grid(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let (principal, gridID) = try await manager(context)
        guard let staffing = try await teams.staffing(in: nil, onlyGrids: [gridID]).first else { throw AccessRefused(status: .notFound) }
        let members = try await teams.rosters(of: [gridID])[gridID] ?? []
        let everyRole = principal.roles.contains(where: Self.managesEveryRole)
        let ownCompanies = Set(principal.roles.compactMap(\.companyID))
        var values = values
        values["title"] = staffing.name + " · 服务团队"
        values["grid"] = ["id": gridID, "name": staffing.name, "code": staffing.code, "community": staffing.communityName,
                          "households": staffing.staffing.households, "norm": staffing.norm.chineseText] as [String: Any]
        values["shortfalls"] = staffing.staffing.shortfalls.map { "\($0.role.chineseName)缺 \($0.missing) 名" }
        values["members"] = members.map { member in
            ["id": member.id, "role": member.role.chineseName, "name": member.name, "phone": member.phone?.masked ?? "",
             "removable": everyRole || (member.companyID.map(ownCompanies.contains) ?? false)] as [String: Any]
        }
        values["roles"] = TeamRole.allCases.filter { everyRole || $0.isCompanyStaff }.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["crumbs"] = [["href": "/teams", "name": "网格服务团队"], ["name": staffing.name]]
        return renderer.render("team", values, for: context, status: status)
    }
}
