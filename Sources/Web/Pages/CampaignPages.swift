import Access
import Cases
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/campaigns`: remediation campaigns and their rectification rate. Offices see the campaigns over
/// compounds in their area and re-check; companies see the key compounds they serve and report
/// what they did. Each sees only the compounds it covers, and the rate over the whole campaign.
struct CampaignPages {
    let campaigns: Campaigns
    let places: RegistryPlaces
    let renderer: PageRenderer
    let clock: any WuyeClock

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/campaigns") { _, context in
            let principal = try participant(context)
            let today = CivilDate.inChina(clock.now())
            let list = try await campaigns.list(within: CompoundScope(roles: principal.roles), today: today.text)
            return renderer.render("campaigns", [
                "title": "整治行动",
                "launches": principal.mayEver(.manageCampaigns),
                "campaigns": list.map { summary(of: $0, today: today) },
            ], for: context)
        }
        router.get("/campaigns/:id") { _, context in try await show(context, values: [:], status: .ok) }
        router.get("/campaigns/:id/export.csv") { _, context in
            let (_, campaign, rows) = try await visible(context)
            return Response.csv(
                named: "campaign-\(campaign.id).csv",
                header: ["小区编号", "小区", "户数", "列入时投诉件数", "行动开始后投诉件数", "状态", "整改情况", "复查意见", "复查次数"],
                rows: rows.map { row in
                    [String(row.compoundID), row.name, String(row.homes), String(row.complaints), String(row.complaintsSince),
                     row.state.chineseName, row.reportNote ?? "", row.recheckNote ?? "", String(row.rechecks)]
                })
        }
        router.post("/campaigns/:id/compounds/:compound/report") { request, context in
            try await step(request, context, action: .reportRectification) { campaign, compound, fields in
                try await campaigns.reportRectification(campaign: campaign, compound: compound, note: fields.text("note"), by: context.actor)
            }
        }
        router.post("/campaigns/:id/compounds/:compound/recheck") { request, context in
            try await step(request, context, action: .manageCampaigns) { campaign, compound, fields in
                guard ["pass", "fail"].contains(fields.text("result")) else {
                    throw DomainError(code: "result_required", message: "请选择复查结果", english: "choose pass or fail", field: "result")
                }
                try await campaigns.recheck(campaign: campaign, compound: compound, passed: fields.text("result") == "pass",
                                            note: fields.text("note"), by: context.actor)
            }
        }
    }

    /// Offices that run campaigns and companies that answer them.
    func participant(_ context: WuyeRequestContext) throws -> Principal {
        let principal = try context.signedIn()
        guard principal.mayEver(.manageCampaigns) || principal.mayEver(.reportRectification) else { throw AccessRefused(status: .forbidden) }
        return principal
    }

    /// The campaign, if one of its compounds lies in the account's scope; 404 otherwise.
    /// The campaign, if one of its compounds lies in the account's scope (404 otherwise), with those compounds.
    func visible(_ context: WuyeRequestContext) async throws -> (Principal, Campaigns.Summary, [Campaigns.Compound]) {
        let principal = try participant(context)
        guard let id = Int64(context.parameters.get("id") ?? ""), let campaign = try await campaigns.campaign(id: id) else {
            throw AccessRefused(status: .notFound)
        }
        let rows = try await campaigns.compounds(of: id, within: CompoundScope(roles: principal.roles), today: CivilDate.inChina(clock.now()).text)
        guard !rows.isEmpty else { throw AccessRefused(status: .notFound) }
        return (principal, campaign, rows)
    }

    func step(_ request: Request, _ context: WuyeRequestContext, action: Action,
              _ body: (Int64, Int64, FormFields) async throws -> Void) async throws -> Response {
        let (_, campaign, _) = try await visible(context)
        guard let compound = Int64(context.parameters.get("compound") ?? "") else { throw AccessRefused(status: .notFound) }
        try context.require(action, at: try await places.place(ofCompound: compound))
        let fields = try await FormFields.of(request, context: context)
        do {
            try await body(campaign.id, compound, fields)
            return Response.redirect(to: "/campaigns/\(campaign.id)#compound-\(compound)", type: .normal)
        } catch let error as DomainError {
            return try await show(context, values: ["errorCompound": compound, "error": error.message], status: .unprocessableContent)
        }
    }

    func summary(of campaign: Campaigns.Summary, today: CivilDate) -> [String: Any] {
        ["id": campaign.id, "name": campaign.name, "rule": campaign.rule, "period": "\(campaign.periodFrom) 至 \(campaign.periodTo)",
         "startsOn": campaign.startsOn, "deadline": campaign.deadline, "createdBy": AuditActor.shown(campaign.createdBy),
         "rate": campaign.rate.chineseText, "rectified": campaign.rate.rectified, "total": campaign.rate.total,
         "percent": Permille.text(campaign.rate.permille), "overdue": campaign.isOverdue(today: today)]
    }

    func show(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let (principal, campaign, rows) = try await visible(context)
        let today = CivilDate.inChina(clock.now())
        // Which rows the account may act on: the same scopes the policy checks again on the POST. An
        // account whose every role may act needs no second read.
        func actionable(_ action: Action) async throws -> Set<Int64> {
            let roles = principal.roles.filter { AccessPolicy.mayEver($0, action) }
            if roles.isEmpty { return [] }
            if roles.count == principal.roles.count { return Set(rows.map(\.compoundID)) }
            return Set(try await campaigns.compounds(of: campaign.id, within: CompoundScope(roles: roles), today: today.text).map(\.compoundID))
        }
        let reportable = try await actionable(.reportRectification)
        let checkable = try await actionable(.manageCampaigns)
        var values = values
        values["title"] = campaign.name
        values["campaign"] = summary(of: campaign, today: today)
        values["measures"] = campaign.measures
        values["shown"] = rows.count
        values["compounds"] = rows.map { row in
            [
                "id": row.compoundID, "name": row.name, "homes": row.homes, "complaints": row.complaints, "since": row.complaintsSince,
                "state": row.state.chineseName, "stateCode": row.state.rawValue, "reportNote": row.reportNote,
                "reportedAt": row.reportedAt.map(BeijingTime.text), "recheckNote": row.recheckNote, "rechecks": row.rechecks,
                "mayReport": row.state == .pending && reportable.contains(row.compoundID),
                "mayRecheck": row.state == .awaitingRecheck && checkable.contains(row.compoundID),
                "error": (values["errorCompound"] as? Int64) == row.compoundID ? values["error"] : nil,
            ] as [String: Any?]
        }
        values["crumbs"] = [["href": "/campaigns", "name": "整治行动"], ["name": campaign.name]]
        return renderer.render("campaign", values, for: context, status: status)
    }
}
