import Access
import Evaluation
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/credit`: property companies' credit over an office's division — score, grade, the red and black
/// lists, each company's records with their evidence — and `/credit/companies/{id}`, which the
/// company's own administrators and managers read too.
struct CreditPages {
    let credit: CreditRecords
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/credit") { request, context in
            try await page(context, asked: request.uri.queryParameters.get("division"), values: [:], status: .ok)
        }
        router.get("/credit.csv") { request, context in
            let scope = try await scopes.required(request.uri.queryParameters.get("division"), for: .viewDashboard, context).0
            let standings = try await credit.standings(in: scope.code)
            return Response.csv(named: "credit-\(scope.code).csv", header: ["物业服务企业", "评价均分", "基础分", "良好记录", "不良记录", "信用分", "等级", "红名单", "黑名单"],
                                rows: standings.map { s in
                [s.name, s.evaluationMean.map { Hundredths.text(Int64($0)) } ?? "未评价", Hundredths.text(Int64(s.basic)), Hundredths.text(Int64(s.good)),
                 Hundredths.text(Int64(s.bad)), Hundredths.text(Int64(s.score)), s.grade.rawValue, s.redList ? "是" : "", s.blackList ? "是" : ""]
            })
        }
        router.post("/credit/entries") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let scope = try await scopes.required(fields.text("division"), for: .manageEvaluations, context).0
            do {
                let draft = try CreditEntryDraft(kind: fields.text("kind") == "good" ? .good : .bad, points: fields.text("points"), reason: fields.text("reason"),
                                                 validFrom: fields.text("valid_from"), months: Int(fields.text("months")) ?? 0,
                                                 serious: fields.text("serious") == "on", today: CivilDate.inChina(credit.clock.now()))
                try await credit.record(draft, company: Int64(fields.text("company")) ?? 0, division: scope.code, by: context.actor)
                return Response.redirect(to: "/credit?division=\(scope.code)", type: .normal)
            } catch let error as DomainError {
                return try await page(context, asked: scope.code.rawValue, values: ["errors": [error.field ?? "reason": error.message], "form": fields.values],
                                      status: .unprocessableContent)
            }
        }
        router.get("/credit/companies/:id") { _, context in
            let principal = try context.signedIn()
            guard let company = Int64(context.parameters.get("id") ?? ""), let name = try await credit.name(of: company) else { throw AccessRefused(status: .notFound) }
            let own = principal.roles.contains { [.companyAdministrator, .companyManager].contains($0.kind) && $0.companyID == company }
            var overseen = false
            if principal.mayEver(.viewDashboard) {
                for scope in try await scopes.scopes(of: principal, for: .viewDashboard) where try await credit.serves(company, in: scope.code) { overseen = true }
            }
            guard own || overseen else {
                throw AccessRefused(status: principal.mayEver(.viewDashboard) || principal.roles.contains { $0.kind == .companyAdministrator || $0.kind == .companyManager }
                                    ? .notFound : .forbidden)
            }
            return renderer.render("credit-company", [
                "title": "\(name) · 信用档案", "name": name,
                "entries": try await credit.entries(company: company).map { entry in
                    ["kind": entry.kind == .good ? "良好" : "不良", "points": Hundredths.text(Int64(entry.points)), "reason": entry.reason,
                     "serious": entry.serious, "period": "\(entry.validFrom) 至 \(entry.validUntil)", "valid": entry.valid, "by": AuditActor.shown(entry.by)] as [String: Any]
                },
                "rule": Self.rule,
            ], for: context)
        }
    }

    static let rule = "信用分 = 基础分（最近一次物业服务质量评价均分 × 0.8，未评价按 60 分计）+ 良好记录（合计至多 20 分）− 不良记录；AAA ≥ 85，AA 80–85，A 70–80，B 60–70 或 60 分以下且无不良记录，C 60 分以下且有不良记录；AAA 且无不良记录列入红名单，C 级或有严重不良记录列入黑名单（《山东省物业服务企业信用信息管理办法》）"

    func page(_ context: WuyeRequestContext, asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        let (scope, all) = try await scopes.required(asked, for: .viewDashboard, context)
        let standings = try await credit.standings(in: scope.code)
        func row(_ s: CreditRecords.Standing) -> [String: Any] {
            ["href": "/credit/companies/\(s.companyID)", "name": s.name, "mean": s.evaluationMean.map { Hundredths.text(Int64($0)) } ?? "未评价",
             "basic": Hundredths.text(Int64(s.basic)), "good": Hundredths.text(Int64(s.good)), "bad": Hundredths.text(Int64(s.bad)),
             "score": Hundredths.text(Int64(s.score)), "grade": s.grade.rawValue, "black": s.blackList, "red": s.redList, "id": s.companyID]
        }
        var values = values
        values["title"] = "物业企业信用 · \(scope.name)"
        values.merge(OfficeScopes.chooser(scope, all)) { _, new in new }
        values["rows"] = standings.map(row)
        values["red"] = standings.filter(\.redList).map(row)
        values["black"] = standings.filter(\.blackList).map(row)
        values["rule"] = Self.rule
        values["recorder"] = principal.decide(.manageEvaluations, at: .division(scope.code)) == .allowed
        values["today"] = CivilDate.inChina(credit.clock.now()).text
        return renderer.render("credit", values, for: context, status: status)
    }
}
