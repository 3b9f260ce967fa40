import Access
import Foundation
import Hummingbird
import Party
import Storage
import WuyeCore

extension CoordinationPages {
    func listPage(_ context: WuyeRequestContext, asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let (scope, all) = try await scopes.required(asked, for: .managePartyBuilding, context)
        let today = CivilDate.inChina(coordination.clock.now())
        let tasks = try await coordination.tasks(in: scope.code)
        var values = values
        values["title"] = "联席会议与“三会” · \(scope.name)"
        values.merge(OfficeScopes.chooser(scope, all)) { _, new in new }
        values["meetings"] = try await coordination.meetings(in: scope.code).map { meeting in
            ["href": "/coordination/meetings/\(meeting.id)", "kind": meeting.kind.chineseName, "title": meeting.title, "held": meeting.heldOn,
             "parties": meeting.parties.map(\.chineseName).joined(separator: "、")] as [String: Any]
        }
        values["openTasks"] = tasks.filter { $0.doneOn == nil }.map { Self.taskRow($0, today: today) }
        values["overdue"] = tasks.count { $0.overdue(today: today) }
        values["kinds"] = CoordinationKind.allCases.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["parties"] = CoordinationParty.allCases.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["projects"] = try await coordination.projects(in: scope.code).map(Self.projectRow)
        values["communities"] = try await scopes.queries.communities(under: scope.code).map { ["code": $0.code, "name": $0.name] }
        values["today"] = today.text
        return renderer.render("coordination", values, for: context, status: status)
    }

    static func taskRow(_ task: Coordination.Task, today: CivilDate) -> [String: Any] {
        ["id": task.id, "href": "/coordination/meetings/\(task.meetingID)", "meetingTitle": task.meetingTitle, "description": task.description,
         "assignee": task.assignee, "due": task.dueOn.text, "overdue": task.overdue(today: today), "done": task.doneOn as Any, "note": task.doneNote as Any]
    }

    static func projectRow(_ project: Coordination.Project) -> [String: Any] {
        ["id": project.id, "community": project.community, "title": project.title, "description": project.description,
         "claimedBy": project.claimedBy as Any, "completed": project.completedOn as Any, "note": project.completionNote as Any]
    }

    func meetingPage(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let meeting = try await self.meeting(context)
        let today = CivilDate.inChina(coordination.clock.now())
        var values = values
        values["title"] = meeting.title
        values["meeting"] = ["id": meeting.id, "kind": meeting.kind.chineseName, "title": meeting.title, "agenda": meeting.agenda, "held": meeting.heldOn,
                             "parties": meeting.parties.map(\.chineseName).joined(separator: "、"), "minutes": meeting.minutes,
                             "mediation": meeting.kind == .mediation] as [String: Any]
        values["tasks"] = try await coordination.tasks(meeting: meeting.id).map { Self.taskRow($0, today: today) }
        values["cases"] = try await coordination.settledCases(by: meeting.id).map { ["id": $0.id, "description": $0.description, "state": $0.state] as [String: Any] }
        values["today"] = today.text
        values["crumbs"] = [["href": "/coordination", "name": "联席会议与“三会”"], ["name": meeting.title]]
        return renderer.render("coordination-meeting", values, for: context, status: status)
    }

    func projectsPage(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let company = try self.company(context)
        var values = values
        values["title"] = "党建服务项目认领"
        values["projects"] = try await coordination.projects(forCompany: company).map(Self.projectRow)
        return renderer.render("projects", values, for: context, status: status)
    }
}
