import Access
import Evaluation
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/dashboard/index`: the quarterly property-service index of each district (行业指数) — published
/// quarters for every office, this quarter's figures before publication for the city bureau, which
/// publishes it once a quarter.
struct ServiceIndexPages {
    let indexes: ServiceIndexes
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/dashboard/index") { _, context in try await page(context, values: [:], status: .ok) }
        router.post("/dashboard/index") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let city = try await self.city(context)
            _ = try context.require(.manageEvaluations, at: .division(city))
            do {
                // The form names the quarter it publishes, so a page left open across a quarter's end publishes nothing.
                let quarter = ServiceIndex.quarter(of: CivilDate.inChina(indexes.clock.now()))
                guard fields.text("quarter") == quarter else {
                    throw DomainError(code: "quarter_changed", message: "请确认发布 \(quarter) 的指数", english: "confirm the quarter", field: "quarter")
                }
                _ = try await indexes.publish(city: city, by: context.actor)
                return Response.redirect(to: "/dashboard/index", type: .normal)
            } catch let error as DomainError {
                return try await page(context, values: ["errors": ["quarter": error.message]], status: .unprocessableContent)
            }
        }
    }

    /// The city of the account's first dashboard scope: the index is the city's, published to all its offices.
    func city(_ context: WuyeRequestContext) async throws -> DivisionCode {
        let principal = try context.signedIn()
        guard principal.mayEver(.viewDashboard) else { throw AccessRefused(status: .forbidden) }
        guard let scope = try await scopes.scopes(of: principal, for: .viewDashboard).first,
              let city = sequence(first: scope.code, next: \.parent).first(where: { $0.level == .city }) else { throw AccessRefused(status: .notFound) }
        return city
    }

    func page(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let city = try await self.city(context)
        let principal = try context.signedIn()
        let publisher = principal.decide(.manageEvaluations, at: .division(city)) == .allowed
        func row(_ row: ServiceIndexes.Row) -> [String: Any] {
            ["name": row.name, "quarter": row.quarter, "value": Hundredths.text(Int64(row.value)),
             "parts": row.components.map { "\($0.name) \(Permille.text($0.permille))×\($0.weight)" }.joined(separator: "；")]
        }
        var values = values
        values["title"] = "物业服务行业指数"
        values["published"] = try await indexes.published(city: city).map(row)
        values["preview"] = publisher ? try await indexes.preview(city: city).map(row) : nil
        values["publisher"] = publisher
        values["quarter"] = ServiceIndex.quarter(of: CivilDate.inChina(indexes.clock.now()))
        values["rule"] = "指数 = Σ 分项得分率 × 权重：专业化物业服务覆盖率 20、案件按时办结率 20、每百户投诉量 15（0 件满分，5 件及以上 0 分）、物业费收缴率 15、业委会组建率 10、三公开覆盖率 10、物业企业党组织覆盖率 10；无数据的分项不得分；案件取发布时近 90 日"
        values["crumbs"] = [["href": "/dashboard", "name": "一图总览"], ["name": "行业指数"]]
        return renderer.render("service-index", values, for: context, status: status)
    }
}
