import Access
import Cases
import Foundation
import Hummingbird
import Registry
import Storage
import WuyeCore

/// Cases in pages: an owner reports from a phone (with the camera) and follows the timeline to the
/// rating; stewards, grid workers, the subdistrict and district departments work their queues;
/// offices see a board of overdue and escalated cases in their area.
struct CasePages {
    let store: CaseStore
    let cases: CaseQueries
    let places: RegistryPlaces
    let queries: RegistryQueries
    let teams: GridTeams
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/cases") { _, context in try await queue(context) }
        router.get("/cases/new") { request, context in
            try await form(context, compound: request.uri.queryParameters.get("compound").flatMap { Int64($0) }, values: [:], status: .ok)
        }
        router.post("/cases") { request, context in
            let form = try await MultipartForm.of(request, context: context)
            let compound = Int64(form.text("compound_id"))
            let (building, home) = Self.place(form.text("place"))
            let place = try await compound.asyncFlatMap { try await context.casePlace(compound: $0, building: building, home: home, places: places) }
            let source: CaseSource
            do {
                source = try context.reportingSource(at: place, asked: form.text("source"))
            } catch let error as APIError {
                return try await self.form(context, compound: compound, values: ["errors": [error.field ?? "source": error.message],
                                                                                "form": form.fields], status: .unprocessableContent)
            }
            do {
                guard let kind = CaseKind(rawValue: form.text("kind")) else {
                    throw DomainError(code: "kind_required", message: "请选择事项类别", english: "choose a kind", field: "kind")
                }
                let id = try await store.report(
                    .init(kind: kind, source: source, urgent: source != .owner && form.text("urgent") == "on", description: form.text("description"),
                          compoundID: compound ?? 0, buildingID: building, homeID: home,
                          contactName: source == .hotline ? form.text("contact_name") : nil,
                          contactPhone: source == .hotline ? form.text("contact_phone") : nil,
                          photos: form.files.filter { $0.name == "photos" }.map(\.bytes)),
                    reporter: try context.signedIn().accountID, by: context.actor)
                return Response.redirect(to: "/cases/\(id)", type: .normal)
            } catch let error as DomainError {
                let field = error.field.map { $0.hasPrefix("photos") ? "photos" : $0 == "home_id" || $0 == "building_id" ? "place" : $0 }
                return try await self.form(context, compound: compound, values: ["errors": [field ?? "description": error.message],
                                                                                "form": form.fields], status: .unprocessableContent)
            }
        }
        router.get("/cases/:id") { _, context in try await show(context, values: [:], status: .ok) }
        router.post("/cases/:id/events") { request, context in
            try await act(request, context) { record, fields, principal in
                guard let event = CaseEvent(rawValue: fields.text("event")) else {
                    throw DomainError(code: "no_event", message: "请选择办理操作", english: "choose a step", field: "event")
                }
                try await store.apply(event, caseID: record.id, note: fields.text("note"), by: principal, actor: context.actor)
            }
        }
        router.post("/cases/:id/acknowledge") { request, context in
            try await act(request, context) { record, fields, principal in
                try await store.acknowledge(caseID: record.id, note: fields.text("note"), by: principal, actor: context.actor)
            }
        }
        router.post("/cases/:id/rating") { request, context in
            try await act(request, context) { record, fields, principal in
                let rating = try CaseRating(stars: Int(fields.text("stars")) ?? 0, comment: fields.text("comment"))
                try await store.rate(caseID: record.id, rating: rating, by: principal, actor: context.actor)
            }
        }
    }

    /// "home:12" or "building:3" from the place menu; anything else is the compound's common area.
    static func place(_ value: String) -> (building: Int64?, home: Int64?) {
        let parts = value.split(separator: ":")
        guard parts.count == 2, let id = Int64(parts[1]) else { return (nil, nil) }
        return parts[0] == "home" ? (nil, id) : parts[0] == "building" ? (id, nil) : (nil, nil)
    }

    private func act(_ request: Request, _ context: WuyeRequestContext,
                     _ step: (CaseRecord, FormFields, Principal) async throws -> Void) async throws -> Response {
        let record = try await context.visibleCase(cases)
        let principal = try context.signedIn()
        guard !CaseParties.capacities(of: principal, on: record.site).isEmpty else { throw AccessRefused(status: .forbidden) }
        let fields = try await FormFields.of(request, context: context)
        do {
            try await step(record, fields, principal)
            return Response.redirect(to: "/cases/\(record.id)", type: .normal)
        } catch let error as DomainError {
            return try await show(context, values: ["errors": [error.field == "stars" || error.field == "comment" ? "rating" : "event": error.message]],
                                  status: .unprocessableContent)
        }
    }

    private func queue(_ context: WuyeRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let now = store.clock.now()
        let queue = try await cases.queue(for: principal)
        var values: [String: Any] = [
            "title": "报事与案件",
            "reported": queue.reported.map { row($0, now) },
            "toHandle": queue.toHandle.map { row($0, now) },
            "supervised": queue.supervised.map { row($0, now) },
            "mayReport": principal.mayEver(.reportCase),
        ]
        var boards: [[String: Any]] = []
        for role in principal.roles where role.kind == .administrationStaff || role.kind == .departmentStaff {
            guard let division = role.division, let view = try await queries.division(code: division.rawValue) else { continue }
            let rows = try await cases.board(division: division, now: now).filter { CaseParties.mayView(principal, $0.site) }
            boards.append(["name": view.name + (role.department.map { " · \($0.chineseName)" } ?? ""), "cases": rows.map { row($0, now) }])
        }
        values["boards"] = boards
        return renderer.render("cases", values, for: context)
    }

    private func row(_ record: CaseRecord, _ now: Date) -> [String: Any] {
        ["href": "/cases/\(record.id)", "id": record.id, "kind": record.kind.chineseName, "place": "\(record.compoundName) \(record.placeLabel)",
         "state": record.state.chineseName, "level": record.level.chineseName, "due": BeijingTime.text(record.dueAt),
         "overdue": record.isOverdue(at: now), "escalated": record.escalations > 0, "unacknowledged": !record.acknowledged]
    }

    private func form(_ context: WuyeRequestContext, compound: Int64?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        guard principal.mayEver(.reportCase) else { throw AccessRefused(status: .forbidden) }
        var all = values
        all["title"] = "上报事项"
        if all["errors"] == nil { all["errors"] = [String: String]() }
        if all["form"] == nil { all["form"] = [String: String]() }
        let ownerRole = principal.roles.first { $0.kind == .owner }
        guard let compoundID = compound ?? ownerRole?.compoundID else {
            // Staff pick the compound first, from those in their scope.
            let page = try await queries.compounds(within: CompoundScope(roles: principal.roles), today: places.today, after: nil, limit: 100)
            all["compounds"] = page.items.map { ["href": "/cases/new?compound=\($0.id)", "name": $0.name] }
            return renderer.render("case-new", all, for: context, status: status)
        }
        let place = try await places.place(ofCompound: compoundID)
        try context.require(.reportCase, at: place)
        guard let view = try await queries.compound(id: compoundID), let place else { throw AccessRefused(status: .notFound) }
        let sources = principal.reportingSources(at: place)
        let typed = all["form"] as? [String: String] ?? [:]
        var places: [[String: Any]] = []
        if let ownerRole, ownerRole.compoundID == compoundID {
            var buildings: [Int64: String] = [:]
            for id in ownerRole.homeIDs.sorted() {
                guard let home = try await queries.home(id: id) else { continue }
                places.append(["value": "home:\(id)", "name": "我家 \(BuildingLabel.address(home))"])
                buildings[home.buildingID] = BuildingLabel.building(home.building)
            }
            for (id, name) in buildings.sorted(by: { $0.key < $1.key }) { places.append(["value": "building:\(id)", "name": "\(name)公共部位（楼道、电梯、屋面）"]) }
        } else {
            for building in try await queries.buildings(inCompound: compoundID) {
                places.append(["value": "building:\(building.id)", "name": BuildingLabel.building(building.number)])
            }
        }
        places.append(["value": "compound", "name": "小区公共区域"])
        for index in places.indices { places[index]["selected"] = typed["place"] == places[index]["value"] as? String }
        var kinds: [CaseKind] = []
        for source in sources { for kind in source.kinds where !kinds.contains(kind) { kinds.append(kind) } }
        all["compoundID"] = compoundID
        all["compoundName"] = view.name
        all["places"] = places
        all["kinds"] = kinds.map { ["value": $0.rawValue, "name": $0.chineseName, "checked": typed["kind"] == $0.rawValue] }
        all["sources"] = sources.count > 1 ? sources.map { ["value": $0.rawValue, "name": $0.chineseName] } : []
        all["staff"] = sources.contains { $0 != .owner }
        all["hotline"] = sources.contains(.hotline)
        all["maxPhotos"] = CasePhoto.maxCount
        all["maxPhotoMB"] = CasePhoto.maxBytes / 1024 / 1024
        return renderer.render("case-new", all, for: context, status: status)
    }

    private func show(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let record = try await context.visibleCase(cases)
        let principal = try context.signedIn()
        let choices = record.choices(for: principal, store: store)
        var all = values
        all["title"] = "案件 \(record.id) · \(record.kind.chineseName)"
        all["case"] = [
            "id": record.id, "kind": record.kind.chineseName, "source": record.source.chineseName,
            "place": "\(record.compoundName) \(record.placeLabel)", "description": record.description,
            "state": record.state.chineseName, "level": record.level.chineseName, "due": BeijingTime.text(record.dueAt),
            "overdue": record.isOverdue(at: store.clock.now()), "reporter": record.reporter, "phone": record.contactPhone as Any,
            "reportedAt": BeijingTime.text(record.reportedAt), "urgent": record.urgent,
            "acknowledgeBy": record.acknowledgeBy.map(BeijingTime.text) as Any, "acknowledged": record.acknowledged,
            "rating": record.rating.map { "\($0) 星" + (record.ratingComment.map { $0.isEmpty ? "" : "：\($0)" } ?? "") } as Any,
        ] as [String: Any]
        // The grid's "双员" a resident can call: names and work phones are posted at the grid anyway
        // (滨州市网格化服务管理条例 Art. 6), and only the case's parties see this page.
        if let grid = record.gridID {
            all["team"] = (try await teams.rosters(of: [grid])[grid] ?? []).filter { $0.role == .gridWorker || $0.role == .steward }.map {
                ["role": $0.role.chineseName, "name": $0.name, "phone": $0.phone?.rawValue ?? ""]
            }
        }
        all["photos"] = (0..<record.photoCount).map { ["src": "/api/v1/cases/\(record.id)/photos/\($0 + 1)", "number": $0 + 1] }
        all["timeline"] = try await cases.timeline(caseID: record.id).map { entry in
            ["at": BeijingTime.text(entry.at), "what": Self.eventName(entry.event), "actor": entry.actor, "note": entry.note,
             "level": entry.level.chineseName, "to": entry.toState?.chineseName as Any] as [String: Any]
        }
        all["events"] = choices.events.map { ["value": $0.rawValue, "name": $0.chineseName] }
        all["mayAcknowledge"] = choices.acknowledge
        all["mayRate"] = choices.rate
        all["stars"] = (1...5).reversed().map { ["value": $0, "name": String(repeating: "★", count: $0)] }
        if all["errors"] == nil { all["errors"] = [String: String]() }
        return renderer.render("case", all, for: context, status: status)
    }

    static func eventName(_ event: String) -> String {
        switch event {
        case "report": "上报"
        case "escalate": "升级"
        case "acknowledge": "报到"
        case "rate": "评价"
        default: CaseEvent(rawValue: event)?.chineseName ?? event
        }
    }
}
