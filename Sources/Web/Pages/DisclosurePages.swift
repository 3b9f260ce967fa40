import Access
import Disclosure
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/compounds/{id}/disclosures`: the compound's 三公开 board — each item's latest version, its
/// status, its history — where the company and the committee publish their own items; and
/// `/disclosures/coverage` where offices see which compounds are complete (Qingdao: 95 %).
struct DisclosurePages {
    let disclosures: Disclosures
    let places: RegistryPlaces
    let queries: RegistryQueries
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/compounds/:id/disclosures") { _, context in try await page(context, values: [:], status: .ok) }
        router.post("/compounds/:id/disclosures") { request, context in
            guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
            let fields = try await FormFields.of(request, context: context)
            let place = try await places.place(ofCompound: compound)
            guard let item = DisclosureItem(rawValue: fields.text("item")) else {
                // Only those who publish here are told which field is wrong.
                try context.require(anyOf: [.discloseAsCompany, .discloseAsCommittee], at: place)
                return try await page(context, values: ["errors": ["item": "请选择公开事项"], "form": fields.values], status: .unprocessableContent)
            }
            try context.require(item.party == .company ? .discloseAsCompany : .discloseAsCommittee, at: place)
            do {
                let draft = try DisclosureDraft(title: fields.text("title"), body: fields.text("body"), keptDays: Int(fields.text("kept_days")) ?? 0)
                try await disclosures.publish(item, draft: draft, compound: compound, by: context.actor)
                return Response.redirect(to: "/compounds/\(compound)/disclosures#\(item.rawValue)", type: .normal)
            } catch let error as DomainError {
                return try await page(context, values: ["errors": [error.field ?? "body": error.message], "form": fields.values], status: .unprocessableContent)
            }
        }
        router.get("/disclosures/coverage") { request, context in
            let (scope, rows) = try await coverage(request, context)
            let complete = rows.count(where: \.complete)
            return renderer.render("disclosure-coverage", [
                "title": "三公开覆盖率", "scope": scope.name,
                "rate": "\(rows.count) 个有物业服务企业的小区中 \(complete) 个公开完整，覆盖率 \(Permille.text(Permille.of(complete, rows.count)))",
                "csv": "/disclosures/coverage.csv?division=\(scope.code.rawValue)",
                "rows": rows.prefix(500).map { row in
                    ["href": "/compounds/\(row.compoundID)/disclosures", "name": row.name, "complete": row.complete,
                     "permille": Permille.text(row.permille),
                     "gaps": DisclosureItem.items(of: .company).compactMap { item in
                         row.statuses[item] == .current ? nil : "\(item.chineseName)（\(row.statuses[item]?.chineseName ?? "")）"
                     }.joined(separator: "；")] as [String: Any]
                },
            ], for: context)
        }
        router.get("/disclosures/coverage.csv") { request, context in
            let (scope, rows) = try await coverage(request, context)
            return Response.csv(named: "disclosures-\(scope.code.rawValue).csv",
                                header: ["小区编号", "小区"] + DisclosureItem.items(of: .company).map(\.chineseName) + ["完整"],
                                rows: rows.map { row in
                [String(row.compoundID), row.name] + DisclosureItem.items(of: .company).map { row.statuses[$0]?.chineseName ?? "" } + [row.complete ? "是" : "否"]
            })
        }
    }

    func coverage(_ request: Request, _ context: WuyeRequestContext) async throws -> (OfficeScopes.Scope, [Disclosures.Coverage]) {
        let principal = try context.signedIn()
        guard principal.mayEver(.superviseDisclosures) else { throw AccessRefused(status: .forbidden) }
        guard let (scope, _) = try await scopes.chosen(request.uri.queryParameters.get("division"), of: principal, for: .superviseDisclosures)
        else { throw AccessRefused(status: .notFound) }
        return (scope, try await disclosures.coverage(in: scope.code))
    }

    func page(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        let place = try await places.place(ofCompound: compound)
        let principal = try context.require(.viewRegistry, at: place)
        guard let view = try await queries.compound(id: compound) else { throw AccessRefused(status: .notFound) }
        let history = try await disclosures.history(compound: compound)
        let latest = history.compactMapValues(\.first)
        let now = disclosures.clock.now()
        let asCompany = place.map { principal.decide(.discloseAsCompany, at: $0) == .allowed } ?? false
        let asCommittee = place.map { principal.decide(.discloseAsCommittee, at: $0) == .allowed } ?? false
        let items: [[String: Any]] = DisclosureItem.allCases.map { item in
            let publication = latest[item]
            let status = DisclosureStatus.of(item, published: publication?.publishedAt, now: now)
            let earlier = (history[item] ?? []).dropFirst().map { old in
                ["version": old.version, "title": old.title, "at": BeijingTime.text(old.publishedAt)] as [String: Any]
            }
            return [
                "code": item.rawValue, "name": item.chineseName, "citation": item.citation,
                "party": item.party == .company ? "物业服务企业" : "业主委员会", "status": status.chineseName, "statusCode": status.rawValue,
                "title": publication?.title as Any, "body": publication?.body as Any, "version": publication?.version as Any,
                "at": publication.map { BeijingTime.text($0.publishedAt) } as Any, "until": publication.map { BeijingTime.text($0.keptUntil) } as Any,
                "by": publication?.publishedBy as Any, "history": earlier,
            ]
        }
        var values = values
        values["title"] = "\(view.name) · 三公开"
        values["compound"] = ["id": compound, "name": view.name]
        values["items"] = items
        values["completeness"] = Permille.text(DisclosureCoverage.completeness(DisclosureItem.items(of: .company).map {
            DisclosureStatus.of($0, published: latest[$0]?.publishedAt, now: now)
        }))
        let publishable = DisclosureItem.allCases.filter { ($0.party == .company && asCompany) || ($0.party == .committee && asCommittee) }
        values["publishable"] = publishable.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["mayPublish"] = !publishable.isEmpty
        values["crumbs"] = [["href": "/compounds/\(compound)", "name": view.name], ["name": "三公开"]]
        return renderer.render("disclosures", values, for: context, status: status)
    }
}
