import Access
import Foundation
import Hummingbird
import Party
import Storage
import WuyeCore

/// `/party`: party building over an office's division — coverage as the programmes report it,
/// organisations in companies, grids and committees, instructors, and each community service
/// station's activity calendar, published at `/party/calendar/{community}` and as an iCalendar feed
/// residents subscribe to (public notices: no sign-in).
struct PartyPages {
    let party: PartyBuilding
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/party") { request, context in
            try await page(context, asked: request.uri.queryParameters.get("division"), values: [:], status: .ok)
        }
        router.post("/party/organisations") { request, context in
            try await write(request, context) { fields, scope in
                let kind = PartyOrganisationKind(rawValue: fields.text("kind")) ?? .companyBranch
                let draft = try PartyOrganisationDraft(kind: kind, name: fields.text("name"), members: fields.text("members"), secretary: fields.text("secretary"),
                                                       establishedOn: fields.text("established_on"), today: CivilDate.inChina(party.clock.now()))
                try await party.register(draft, target: Int64(fields.text("target_\(kind.rawValue)")) ?? 0, division: scope.code, by: context.actor)
            }
        }
        router.post("/party/instructors") { request, context in
            try await write(request, context) { fields, scope in
                let kind = PartyOrganisationKind(rawValue: fields.text("for")) ?? .committeeBranch
                try await party.assignInstructor(name: fields.text("instructor"), unit: fields.text("unit"), phone: fields.text("phone"), to: kind,
                                                 target: Int64(fields.text("instructor_target_\(kind.rawValue)")) ?? 0, division: scope.code, by: context.actor)
            }
        }
        router.post("/party/activities") { request, context in
            try await write(request, context) { fields, scope in
                guard let community = DivisionCode(rawValue: fields.text("community")), scope.code.contains(community) else {
                    throw DomainError(code: "community_required", message: "请选择辖区内的社区", english: "choose a community", field: "community")
                }
                guard let day = CivilDate(text: fields.text("day")), day >= CivilDate.inChina(party.clock.now()) else {
                    throw DomainError(code: "invalid_date", message: "请按 年-月-日 填写今天或以后的日期", english: "a date from today on", field: "day")
                }
                let parts = fields.text("time").split(separator: ":").compactMap { Int($0) }
                guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else {
                    throw DomainError(code: "invalid_time", message: "请按 时:分 填写开始时间，如 09:30", english: "a time HH:MM", field: "time")
                }
                try await party.schedule(PartyActivityKind(rawValue: fields.text("kind")) ?? .other, title: fields.text("title"), place: fields.text("place"),
                                         starts: day.startInChina.addingTimeInterval(TimeInterval(parts[0] * 3600 + parts[1] * 60)),
                                         hours: Int(fields.text("hours")) ?? 0, community: community, by: context.actor)
            }
        }
        router.get("/party/calendar/:community") { _, context in
            let raw = context.parameters.get("community") ?? ""
            let feed = raw.hasSuffix(".ics")
            guard let community = DivisionCode(rawValue: feed ? String(raw.dropLast(4)) : raw), community.level == .community else {
                throw AccessRefused(status: .notFound)
            }
            let now = party.clock.now()
            let activities = try await party.activities(in: community, from: now.addingTimeInterval(feed ? -30 * 86_400 : 0))
            let name = (try await scopes.queries.division(code: community.rawValue)?.name) ?? community.rawValue
            if feed {
                let events = activities.map { activity in
                    ICalendar.Event(uid: "party-activity-\(activity.id)@wuye", title: "\(activity.kind.chineseName)：\(activity.title)", place: activity.place,
                                    description: "\(activity.community) 党群服务站", starts: activity.starts, ends: activity.ends)
                }
                var headers = HTTPFields()
                headers[.contentType] = "text/calendar; charset=utf-8"
                headers[.contentDisposition] = "inline; filename=\"party-\(community).ics\""
                return Response(status: .ok, headers: headers,
                                body: .init(byteBuffer: ByteBuffer(string: ICalendar.feed(name: "\(name) 党建活动", events: events, stamp: now))))
            }
            return renderer.render("party-calendar", [
                "title": "\(name) · 党建活动", "name": name, "ics": "/party/calendar/\(community).ics",
                "activities": activities.map(Self.activityRow),
            ], for: context)
        }
    }

    static func activityRow(_ activity: PartyBuilding.Activity) -> [String: Any] {
        ["kind": activity.kind.chineseName, "title": activity.title, "place": activity.place, "community": activity.community,
         "when": "\(BeijingTime.text(activity.starts)) – \(BeijingTime.text(activity.ends).suffix(5))"]
    }

    func write(_ request: Request, _ context: WuyeRequestContext,
               _ body: (FormFields, OfficeScopes.Scope) async throws -> Void) async throws -> Response {
        let fields = try await FormFields.of(request, context: context)
        let (scope, _) = try await scopes.required(fields.text("division"), for: .managePartyBuilding, context)
        do {
            try await body(fields, scope)
            return Response.redirect(to: "/party?division=\(scope.code)", type: .normal)
        } catch let error as DomainError {
            return try await page(context, asked: scope.code.rawValue, values: ["errors": [error.field ?? "name": error.message], "form": fields.values],
                                  status: .unprocessableContent)
        }
    }
}
