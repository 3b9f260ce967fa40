import Access
import Foundation
import Funds
import Hummingbird
import Storage
import WuyeCore

/// `/fees/collection`: the service-fee collection rate of a period over an office's area, per
/// district, subdistrict, community or compound, each drillable, with a CSV for Excel.
struct CollectionPages {
    let fees: ServiceFees
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/fees/collection") { request, context in
            let (division, name, period) = try await selection(request, context)
            let report = try await fees.collection(in: division, period: period)
            var values: [String: Any] = [
                "title": "物业费收缴率", "scope": name, "period": period,
                "total": line(report.total, drill: nil, period: period),
                "lines": report.children.map { line($0, drill: division.level == .community ? nil : $0.key, period: period) },
                "csv": "/fees/collection.csv?division=\(division.rawValue)&period=\(period)",
            ]
            if let parent = division.parent, try await scopes.chosen(nil, of: context.signedIn(), for: .superviseCollection)
                .map({ $0.1.contains { $0.code.contains(parent) } }) == true {
                values["up"] = "/fees/collection?division=\(parent.rawValue)&period=\(period)"
            }
            return renderer.render("collection", values, for: context)
        }
        router.get("/fees/collection.csv") { request, context in
            let (division, _, period) = try await selection(request, context)
            let report = try await fees.collection(in: division, period: period)
            return Response.csv(named: "collection-\(division.rawValue)-\(period).csv", header: ["编码", "名称", "应收(元)", "实收(元)", "收缴率"],
                                rows: (report.children + [report.total]).map { line in
                [line.key, line.name.isEmpty ? "合计" : line.name, Fen(line.billed).description, Fen(line.collected).description,
                 Permille.text(line.permille)]
            })
        }
    }

    func line(_ line: CollectionLine, drill: String?, period: String) -> [String: Any] {
        ["key": line.key, "name": line.name, "billed": Fen(line.billed).description, "collected": Fen(line.collected).description,
         "rate": Permille.text(line.permille), "href": drill.map { "/fees/collection?division=\($0)&period=\(period)" } as Any]
    }

    /// The division asked for (inside one of the account's scopes) and the period (this month by default).
    func selection(_ request: Request, _ context: WuyeRequestContext) async throws -> (DivisionCode, String, String) {
        let principal = try context.signedIn()
        guard principal.mayEver(.superviseCollection) else { throw AccessRefused(status: .forbidden) }
        guard let (scope, _) = try await scopes.chosen(nil, of: principal, for: .superviseCollection) else { throw AccessRefused(status: .notFound) }
        var division = scope.code, name = scope.name
        if let asked = request.uri.queryParameters.get("division"), !asked.isEmpty {
            guard let code = DivisionCode(rawValue: asked), principal.decide(.superviseCollection, at: .division(code)) == .allowed else {
                throw AccessRefused(status: .notFound)
            }
            division = code
            name = try await scopes.queries.division(code: code.rawValue)?.name ?? code.rawValue
        }
        let today = CivilDate.inChina(fees.clock.now())
        let asked = request.uri.queryParameters.get("period") ?? ""
        let period: String
        do { period = try BillingPeriod(first: asked.isEmpty ? today.monthText : asked, months: 1).key }
        catch { throw AccessRefused(status: .notFound) }
        return (division, name, period)
    }
}
