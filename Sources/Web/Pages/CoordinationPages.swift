import Access
import Foundation
import Hummingbird
import Party
import Storage
import WuyeCore

/// `/coordination`: an office's joint meetings and "three meetings", the tasks their decisions became
/// (overdue ones flagged), the cases a mediation settled, and the community's party-building service
/// projects; `/projects`: a company's party organisation claims projects where it serves and reports
/// them done.
struct CoordinationPages {
    let coordination: Coordination
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/coordination") { request, context in
            try await listPage(context, asked: request.uri.queryParameters.get("division"), values: [:], status: .ok)
        }
        router.post("/coordination/meetings") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let scope = try await scopes.required(fields.text("division"), for: .managePartyBuilding, context).0
            do {
                let draft = try CoordinationMeetingDraft(kind: CoordinationKind(rawValue: fields.text("kind")) ?? .joint, title: fields.text("title"),
                                                         agenda: fields.text("agenda"), heldOn: fields.text("held_on"),
                                                         parties: CoordinationParty.allCases.filter { fields.text("party_\($0.rawValue)") == "on" },
                                                         minutes: fields.text("minutes"), today: CivilDate.inChina(coordination.clock.now()))
                return Response.redirect(to: "/coordination/meetings/\(try await coordination.hold(draft, division: scope.code, by: context.actor))", type: .normal)
            } catch let error as DomainError {
                return try await listPage(context, asked: scope.code.rawValue, values: ["errors": [error.field ?? "title": error.message], "form": fields.values],
                                          status: .unprocessableContent)
            }
        }
        router.post("/coordination/projects") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let scope = try await scopes.required(fields.text("division"), for: .managePartyBuilding, context).0
            do {
                guard let community = DivisionCode(rawValue: fields.text("project_community")), scope.code.contains(community) else {
                    throw DomainError(code: "community_required", message: "请选择辖区内的社区", english: "choose a community", field: "project_community")
                }
                try await coordination.publishProject(title: fields.text("project_title"), description: fields.text("project_description"), community: community,
                                                      by: context.actor)
                return Response.redirect(to: "/coordination?division=\(scope.code)", type: .normal)
            } catch let error as DomainError {
                return try await listPage(context, asked: scope.code.rawValue, values: ["errors": [error.field ?? "project_title": error.message], "form": fields.values],
                                          status: .unprocessableContent)
            }
        }
        router.get("/coordination/meetings/:id") { _, context in try await meetingPage(context, values: [:], status: .ok) }
        meetingStep(router, "tasks") { meeting, fields, context in
            try await coordination.assign(try CoordinationTaskDraft(description: fields.text("task"), assignee: fields.text("assignee"), dueOn: fields.text("due_on"),
                                                                    today: CivilDate.inChina(coordination.clock.now())), meeting: meeting.id, by: context.actor)
        }
        meetingStep(router, "task-completions") { meeting, fields, context in
            try await coordination.complete(task: Int64(fields.text("task_id")) ?? 0, meeting: meeting.id, note: fields.text("note"), by: context.actor)
        }
        meetingStep(router, "cases") { meeting, fields, context in
            try await coordination.settle(case: Int64(fields.text("case").filter(\.isNumber)) ?? 0, by: meeting.id, actor: context.actor)
        }
        router.get("/projects") { _, context in try await projectsPage(context, values: [:], status: .ok) }
        router.post("/projects/:id/claim") { request, context in
            try await projectStep(request, context) { id, company in try await coordination.claim(project: id, company: company, by: context.actor) }
        }
        router.post("/projects/:id/completion") { request, context in
            try await projectStep(request, context) { id, company, fields in
                try await coordination.completeProject(id, company: company, note: fields.text("note"), by: context.actor)
            }
        }
    }

    /// The meeting in the path, checked for the office over its division.
    func meeting(_ context: WuyeRequestContext) async throws -> Coordination.Meeting {
        let principal = try context.signedIn()
        guard principal.mayEver(.managePartyBuilding) else { throw AccessRefused(status: .forbidden) }
        guard let id = Int64(context.parameters.get("id") ?? ""), let meeting = try await coordination.meeting(id: id),
              let division = DivisionCode(rawValue: meeting.division) else { throw AccessRefused(status: .notFound) }
        _ = try context.require(.managePartyBuilding, at: .division(division))
        return meeting
    }

    func meetingStep(_ router: Router<WuyeRequestContext>, _ path: String,
                     _ body: @escaping @Sendable (Coordination.Meeting, FormFields, WuyeRequestContext) async throws -> Void) {
        router.post("/coordination/meetings/:id/\(path)") { request, context in
            let meeting = try await self.meeting(context)
            let fields = try await FormFields.of(request, context: context)
            do {
                try await body(meeting, fields, context)
                return Response.redirect(to: "/coordination/meetings/\(meeting.id)", type: .normal)
            } catch let error as DomainError {
                return try await meetingPage(context, values: ["errors": [error.field ?? "task": error.message], "form": fields.values], status: .unprocessableContent)
            }
        }
    }

    /// The company an account claims for: its first company role.
    func company(_ context: WuyeRequestContext) throws -> Int64 {
        let principal = try context.signedIn()
        guard principal.mayEver(.claimServiceProject),
              let company = principal.roles.first(where: { AccessPolicy.mayEver($0, .claimServiceProject) })?.companyID else { throw AccessRefused(status: .forbidden) }
        return company
    }

    func projectStep(_ request: Request, _ context: WuyeRequestContext, _ body: (Int64, Int64) async throws -> Void) async throws -> Response {
        try await projectStep(request, context) { id, company, _ in try await body(id, company) }
    }

    func projectStep(_ request: Request, _ context: WuyeRequestContext, _ body: (Int64, Int64, FormFields) async throws -> Void) async throws -> Response {
        let company = try self.company(context)
        let fields = try await FormFields.of(request, context: context)
        guard let id = Int64(context.parameters.get("id") ?? ""),
              try await coordination.projects(forCompany: company).contains(where: { $0.id == id }) else { throw AccessRefused(status: .notFound) }
        do {
            try await body(id, company, fields)
            return Response.redirect(to: "/projects", type: .normal)
        } catch let error as DomainError {
            return try await projectsPage(context, values: ["errors": [error.field ?? "project": error.message]], status: .unprocessableContent)
        }
    }
}
