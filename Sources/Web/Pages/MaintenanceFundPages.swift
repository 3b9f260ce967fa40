import Access
import Foundation
import Funds
import Hummingbird
import Storage
import WuyeCore

/// `/compounds/{id}/maintenance-fund`: the compound's maintenance fund — totals, buildings and their
/// deposits, homes to top up, uses — readable by everyone who sees the compound; `/maintenance-fund/uses/{id}`
/// a use step by step; `/maintenance-funds` the offices' supervision and deposit rates.
struct MaintenanceFundPages {
    let funds: MaintenanceFunds
    let places: RegistryPlaces
    let queries: RegistryQueries
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/compounds/:id/maintenance-fund") { _, context in try await compoundPage(context, values: [:], status: .ok) }
        router.get("/compounds/:id/maintenance-fund/homes.csv") { _, context in
            let (compound, _) = try await compoundPlace(context, [.viewRegistry])
            let homes = try await funds.homeBalances(compound: compound)
            return Response.csv(named: "maintenance-fund-\(compound)-homes.csv", header: ["房屋", "建筑面积(m²)", "首期交存(元)", "余额(元)", "需续交"],
                                rows: homes.map { [$0.label, Hundredths.text($0.area), $0.firstDeposit.description, $0.balance.description, $0.needsTopUp ? "是" : ""] })
        }
        router.post("/compounds/:id/maintenance-fund/deposits") { request, context in
            let (compound, _) = try await compoundPlace(context, [.keepMaintenanceFund])
            let fields = try await FormFields.of(request, context: context)
            return try await attempt(context, compound: compound, fields: fields) {
                guard let kind = BuildingKind(rawValue: fields.text("kind")) else {
                    throw DomainError(code: "kind_required", message: "请选择楼栋类型", english: "choose the building kind", field: "kind")
                }
                try await funds.recordFirstDeposits(building: Int64(fields.text("building")) ?? 0, kind: kind, on: fields.text("day"), compound: compound,
                                                    by: context.actor)
                return "/compounds/\(compound)/maintenance-fund"
            }
        }
        router.post("/compounds/:id/maintenance-fund/top-ups") { request, context in
            let (compound, _) = try await compoundPlace(context, [.keepMaintenanceFund])
            let fields = try await FormFields.of(request, context: context)
            return try await attempt(context, compound: compound, fields: fields) {
                try await funds.topUp(home: Int64(fields.text("home")) ?? 0, amount: fields.text("amount"), on: fields.text("day"), compound: compound,
                                      by: context.actor)
                return "/compounds/\(compound)/maintenance-fund"
            }
        }
        router.post("/compounds/:id/maintenance-fund/uses") { request, context in
            let (compound, _) = try await compoundPlace(context, [.proposeMaintenanceUse])
            let fields = try await FormFields.of(request, context: context)
            return try await attempt(context, compound: compound, fields: fields) {
                let plan = try MaintenancePlan(title: fields.text("title"), budget: fields.text("budget"), contractor: fields.text("contractor"),
                                               scope: try MaintenanceScope(form: fields.text("scope")),
                                               emergency: MaintenanceEmergency(rawValue: fields.text("emergency")), notExcluded: fields.text("not_excluded") == "on")
                return "/maintenance-fund/uses/\(try await funds.propose(plan, compound: compound, by: context.actor))"
            }
        }
        router.get("/maintenance-fund/uses/:use") { _, context in try await usePage(context, values: [:], status: .ok) }
        router.get("/maintenance-fund/uses/:use/shares.csv") { _, context in
            let use = try await self.use(context, [.viewRegistry])
            return Response.csv(named: "maintenance-use-\(use.id)-shares.csv", header: ["房屋", "建筑面积(m²)", "分摊(元)", "维修资金列支(元)", "业主自筹(元)"],
                                rows: use.shares.map { [$0.label, Hundredths.text($0.area), $0.share.description, $0.fromFund.description, ($0.share - $0.fromFund).description] })
        }
        useStep(router, "vote", [.conveneMeeting]) { use, fields, context in
            let opens = try MeetingPages.day(fields.text("opens_on"), field: "opens_on")
            let closes = try MeetingPages.day(fields.text("closes_on"), field: "closes_on").addingTimeInterval(86_400)
            try await funds.startVote(use: use.id, opensAt: opens, closesAt: closes, by: context.actor)
        }
        useStep(router, "vote-result", [.conveneMeeting, .approveMaintenanceUse]) { use, _, context in
            try await funds.recordVote(use: use.id, by: context.actor)
        }
        useStep(router, "approval", [.approveMaintenanceUse, .keepMaintenanceFund]) { use, fields, context in
            try await funds.approve(use: use.id, decision: fields.text("decision"), filing: fields.text("filing"), by: context.actor)
        }
        useStep(router, "disbursement", [.keepMaintenanceFund]) { use, fields, context in
            try await funds.disburse(use: use.id, amount: fields.text("amount"), on: fields.text("day"), by: context.actor)
        }
        useStep(router, "acceptance", [.approveMaintenanceUse, .keepMaintenanceFund]) { use, fields, context in
            try await funds.accept(use: use.id, note: fields.text("acceptance"), by: context.actor)
        }
        useStep(router, "publication", [.approveMaintenanceUse, .keepMaintenanceFund]) { use, _, context in
            try await funds.publish(use: use.id, by: context.actor)
        }
        router.get("/maintenance-funds") { request, context in
            try await supervisionPage(context, asked: request.uri.queryParameters.get("division"), values: [:], status: .ok)
        }
        router.post("/maintenance-funds/rates") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let (scope, _) = try await scopes.required(fields.text("division"), for: .keepMaintenanceFund, context)
            do {
                guard let kind = BuildingKind(rawValue: fields.text("kind")) else {
                    throw DomainError(code: "kind_required", message: "请选择楼栋类型", english: "choose the building kind", field: "kind")
                }
                try await funds.setRate(kind, yuan: fields.text("rate"), division: scope.code, by: context.actor)
                return Response.redirect(to: "/maintenance-funds?division=\(scope.code)", type: .normal)
            } catch let error as DomainError {
                return try await supervisionPage(context, asked: scope.code.rawValue, values: ["errors": [error.field ?? "rate": error.message], "form": fields.values],
                                                 status: .unprocessableContent)
            }
        }
    }

    /// A POST on a use's step: checked for any of `actions` at the use's compound, then done; a
    /// refused step shows the use page with the message by its field.
    func useStep(_ router: Router<WuyeRequestContext>, _ path: String, _ actions: [Action],
                 _ body: @escaping @Sendable (MaintenanceFunds.UseView, FormFields, WuyeRequestContext) async throws -> Void) {
        router.post("/maintenance-fund/uses/:use/\(path)") { request, context in
            let use = try await self.use(context, actions)
            let fields = try await FormFields.of(request, context: context)
            do {
                try await body(use, fields, context)
                return Response.redirect(to: "/maintenance-fund/uses/\(use.id)", type: .normal)
            } catch let error as DomainError {
                return try await usePage(context, values: ["errors": [error.field ?? "stage": error.message], "form": fields.values], status: .unprocessableContent)
            }
        }
    }

    /// The compound and its place, checked for any of `actions`.
    func compoundPlace(_ context: WuyeRequestContext, _ actions: [Action]) async throws -> (Int64, Place?) {
        guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        let place = try await places.place(ofCompound: compound)
        _ = try context.require(anyOf: actions, at: place)
        return (compound, place)
    }

    /// The use named in the path, checked for any of `actions` at its compound.
    func use(_ context: WuyeRequestContext, _ actions: [Action]) async throws -> MaintenanceFunds.UseView {
        guard let id = Int64(context.parameters.get("use") ?? ""), let use = try await funds.use(id: id) else { throw AccessRefused(status: .notFound) }
        _ = try context.require(anyOf: actions, at: try await places.place(ofCompound: use.compoundID))
        return use
    }

    func attempt(_ context: WuyeRequestContext, compound: Int64, fields: FormFields, _ body: () async throws -> String) async throws -> Response {
        do {
            return Response.redirect(to: try await body(), type: .normal)
        } catch let error as DomainError {
            return try await compoundPage(context, values: ["errors": [error.field ?? "title": error.message], "form": fields.values], status: .unprocessableContent)
        }
    }
}
