import Access
import Cases
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/hotspots`: an office sees the compounds of its area by complaints per 100 homes over a period,
/// picks key compounds by a threshold or the top N, exports the list for Excel, and launches a
/// remediation campaign over them.
struct HotSpotPages {
    let hotSpots: HotSpots
    let campaigns: Campaigns
    let scopes: OfficeScopes
    let renderer: PageRenderer
    let clock: any WuyeClock

    /// What the hot-spot form asked: the area, the period and the rule.
    struct Selection {
        let scope: OfficeScopes.Scope
        let scopes: [OfficeScopes.Scope]
        let period: HotSpots.Period
        let rule: KeyCompoundRule
        let fields: [String: String]
    }

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/hotspots") { request, context in
            let fields = Self.fields(of: request)
            do {
                let selection = try await select(fields, context)
                return try await page(context, selection, values: [:], status: .ok)
            } catch let error as DomainError {
                return try await page(context, try await select(Self.defaults(fields, today: today), context),
                                      values: ["errors": [error.field ?? "value": error.message]], status: .unprocessableContent)
            }
        }
        router.get("/hotspots.csv") { request, context in
            let selection = try await select(Self.fields(of: request), context)
            let rows = try await hotSpots.loads(in: selection.scope.code, period: selection.period)
            let key = Set(selection.rule.select(rows.map(\.load)).map(\.compoundID))
            return Response.csv(
                named: "hotspots-\(selection.scope.code.rawValue)-\(selection.period.from.text)-\(selection.period.to.text).csv",
                header: ["小区编号", "小区", "街道", "社区", "户数", "投诉件数", "每百户投诉", "重点小区"],
                rows: rows.map { row in
                    [String(row.load.compoundID), row.compoundName, row.subdistrictName, row.communityName, String(row.load.homes),
                     String(row.load.complaints), row.load.perHundredHomesText, key.contains(row.load.compoundID) ? "是" : ""]
                })
        }
        router.post("/campaigns") { request, context in
            let form = try await FormFields.of(request, context: context)
            let selection = try await select(form.values, context)
            do {
                let rows = try await hotSpots.keyCompounds(in: selection.scope.code, period: selection.period, rule: selection.rule)
                let plan = try CampaignPlan(name: form.text("name"), measures: form.text("measures"), startsOn: today,
                                            deadline: form.text("deadline"), compoundIDs: rows.map(\.load.compoundID))
                let id = try await campaigns.launch(plan, division: selection.scope.code, rule: selection.rule, period: selection.period,
                                                    loads: rows.map(\.load), by: context.actor)
                return Response.redirect(to: "/campaigns/\(id)", type: .normal)
            } catch let error as DomainError {
                return try await page(context, selection, values: ["errors": [error.field ?? "name": error.message]],
                                      status: .unprocessableContent)
            }
        }
    }

    var today: CivilDate { CivilDate.inChina(clock.now()) }

    static func fields(of request: Request) -> [String: String] {
        var fields: [String: String] = [:]
        for name in ["division", "from", "to", "rule", "value"] {
            if let value = request.uri.queryParameters.get(name) { fields[name] = value }
        }
        return fields
    }

    /// The last 90 days and the top 10, for whatever the form left out.
    static func defaults(_ fields: [String: String], today: CivilDate) -> [String: String] {
        let last = HotSpots.Period.last(90, until: today)
        return ["division": fields["division"] ?? "", "from": last.from.text, "to": last.to.text, "rule": "top", "value": "10"]
    }

    func select(_ given: [String: String], _ context: WuyeRequestContext) async throws -> Selection {
        let principal = try context.signedIn()
        guard principal.mayEver(.manageCampaigns) else { throw AccessRefused(status: .forbidden) }
        guard let (scope, all) = try await scopes.chosen(given["division"], of: principal, for: .manageCampaigns) else {
            throw AccessRefused(status: .notFound)
        }
        let fields = Self.defaults(given, today: today).merging(given.filter { !$0.value.isEmpty }) { _, asked in asked }
        let period = try HotSpots.Period(from: fields["from"] ?? "", to: fields["to"] ?? "")
        let rule = try KeyCompoundRule(kind: fields["rule"] ?? "", value: fields["value"] ?? "")
        return Selection(scope: scope, scopes: all, period: period, rule: rule, fields: fields)
    }

    func page(_ context: WuyeRequestContext, _ selection: Selection, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let rows = try await hotSpots.loads(in: selection.scope.code, period: selection.period)
        let key = Set(selection.rule.select(rows.map(\.load)).map(\.compoundID))
        var values = values
        values["title"] = "投诉热点与重点小区"
        values["scope"] = selection.scope.name
        values["scopes"] = selection.scopes.map { ["code": $0.code.rawValue, "name": $0.name, "chosen": $0.code == selection.scope.code] as [String: Any] }
        values["form"] = selection.fields
        values["threshold"] = selection.rule.kind == "threshold"
        values["ruleText"] = selection.rule.chineseDescription
        values["keyCount"] = key.count
        values["query"] = ["division", "from", "to", "rule", "value"].map { name in
            name + "=" + (selection.fields[name]?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
        values["rows"] = rows.prefix(500).map { row in
            ["id": row.load.compoundID, "name": row.compoundName, "subdistrict": row.subdistrictName, "community": row.communityName,
             "homes": row.load.homes, "complaints": row.load.complaints, "rate": row.load.perHundredHomesText,
             "key": key.contains(row.load.compoundID)] as [String: Any]
        }
        values["more"] = rows.count > 500 ? rows.count - 500 : nil as Int?
        values["deadline"] = CivilDate(daysSince1970: today.daysSince1970 + 60).text
        return renderer.render("hotspots", values, for: context, status: status)
    }
}
