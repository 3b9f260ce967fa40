import Access
import Foundation
import Funds
import Hummingbird
import Storage
import WuyeCore

/// `/compounds/{id}/common-fund`: the owners' common fund month by month — statements every owner
/// can read (and download), the committee's entries with their approvals, the company's common
/// revenue — and `/common-funds` where the subdistrict sees whose ledger is flagged.
struct CommonFundPages {
    let funds: CommonFunds
    let places: RegistryPlaces
    let queries: RegistryQueries
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/compounds/:id/common-fund") { request, context in
            try await page(context, month: request.uri.queryParameters.get("month"), values: [:], status: .ok)
        }
        router.get("/compounds/:id/common-fund/statement.csv") { request, context in
            let compound = try await compoundID(context, .viewRegistry)
            let statement = try await funds.statement(compound: compound, month: request.uri.queryParameters.get("month") ?? "")
            return Response.csv(named: "common-fund-\(compound)-\(statement.month).csv", header: ["日期", "编号", "类型", "类别", "金额(元)", "摘要", "审批"],
                                rows: [["", "", "期初余额", "", statement.opening.description, "", ""]] + statement.entries.map { entry in
                [entry.postedOn, String(entry.id), Self.kindName(entry.kind), entry.category.chineseName, entry.amount.description, entry.memo,
                 entry.approval ?? (entry.kind == .expense ? "待审批" : "")]
            } + [["", "", "期末余额", "", statement.closing.description, "", statement.bankBalance.map { "银行对账单 \($0)" } ?? ""]])
        }
        router.post("/compounds/:id/common-fund/entries") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let kind = CommonFunds.Kind(rawValue: fields.text("kind")) ?? .income
            let compound = try await compoundID(context, kind == .income ? nil : .keepCommonFund)
            return try await attempt(context, compound: compound, fields: fields) {
                try await funds.post(kind == .expense ? .expense : .income, category: CommonFundAccount(rawValue: fields.text("category")) ?? .bank,
                                     amount: fields.text("amount"), on: fields.text("day"), memo: fields.text("memo"),
                                     approval: try Self.approval(fields), compound: compound, by: context.actor)
            }
        }
        router.post("/compounds/:id/common-fund/entries/:entry/approval") { request, context in
            let compound = try await compoundID(context, .keepCommonFund)
            let fields = try await FormFields.of(request, context: context)
            return try await attempt(context, compound: compound, fields: fields) {
                guard let approval = try Self.approval(fields), let entry = Int64(context.parameters.get("entry") ?? "") else {
                    throw DomainError(code: "decision_required", message: "请填写业委会决定的文号或会议记录编号", english: "name the decision", field: "decision")
                }
                try await funds.approve(entry: entry, approval: approval, compound: compound, by: context.actor)
            }
        }
        router.post("/compounds/:id/common-fund/entries/:entry/reversal") { request, context in
            let compound = try await compoundID(context, .keepCommonFund)
            let fields = try await FormFields.of(request, context: context)
            return try await attempt(context, compound: compound, fields: fields) {
                try await funds.reverse(entry: Int64(context.parameters.get("entry") ?? "") ?? 0, reason: fields.text("reason"), compound: compound,
                                        by: context.actor)
            }
        }
        router.post("/compounds/:id/common-fund/bank-statements") { request, context in
            let compound = try await compoundID(context, .keepCommonFund)
            let fields = try await FormFields.of(request, context: context)
            return try await attempt(context, compound: compound, fields: fields) {
                try await funds.recordBankStatement(month: fields.text("month"), balance: fields.text("balance"), compound: compound, by: context.actor)
            }
        }
        router.get("/common-funds") { request, context in
            let principal = try context.signedIn()
            guard principal.mayEver(.superviseCommonFunds) else { throw AccessRefused(status: .forbidden) }
            guard let (scope, _) = try await scopes.chosen(request.uri.queryParameters.get("division"), of: principal, for: .superviseCommonFunds)
            else { throw AccessRefused(status: .notFound) }
            let rows = try await funds.supervision(in: scope.code)
            return renderer.render("common-funds", [
                "title": "共有资金监督", "scope": scope.name, "flagged": rows.count(where: \.flagged),
                "rows": rows.map { row in
                    ["href": "/compounds/\(row.compoundID)/common-fund", "name": row.name, "balance": row.balance.description,
                     "unapproved": row.unapproved, "mismatched": row.mismatchedMonths.joined(separator: "、"), "flagged": row.flagged] as [String: Any]
                },
            ], for: context)
        }
    }

    static func kindName(_ kind: CommonFunds.Kind) -> String {
        switch kind {
        case .income: "收入"
        case .expense: "支出"
        case .reversal: "冲销"
        }
    }

    /// The approval a form names: a committee decision, and an assembly motion ("meeting-motion") when chosen.
    static func approval(_ fields: FormFields) throws(DomainError) -> ExpenseApproval? {
        let decision = fields.text("decision")
        let motion = fields.text("motion")
        if motion.isEmpty { return decision.isEmpty ? nil : .committeeDecision(decision) }
        let parts = motion.split(separator: "-")
        guard parts.count == 2, let meeting = Int64(parts[0]), let number = Int(parts[1]) else {
            throw DomainError(code: "motion_not_passed", message: "请选择本小区业主大会通过的议题", english: "choose a motion the assembly passed", field: "motion")
        }
        return .assemblyMotion(decision: decision, meetingID: meeting, motion: number)
    }

    /// The compound, checked for `action` (nil: the committee or the serving company may record income).
    func compoundID(_ context: WuyeRequestContext, _ action: Action?) async throws -> Int64 {
        guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        let place = try await places.place(ofCompound: compound)
        try context.require(anyOf: action.map { [$0] } ?? [.keepCommonFund, .reportCommonRevenue], at: place)
        return compound
    }

    func attempt(_ context: WuyeRequestContext, compound: Int64, fields: FormFields, _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return Response.redirect(to: "/compounds/\(compound)/common-fund", type: .normal)
        } catch let error as DomainError {
            return try await page(context, month: nil, values: ["errors": [error.field ?? "amount": error.message], "form": fields.values],
                                  status: .unprocessableContent)
        }
    }
}
