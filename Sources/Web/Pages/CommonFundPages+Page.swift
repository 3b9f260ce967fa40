import Access
import Foundation
import Funds
import Hummingbird
import Storage
import WuyeCore

extension CommonFundPages {
    func page(_ context: WuyeRequestContext, month asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        let place = try await places.place(ofCompound: compound)
        let principal = try context.require(.viewRegistry, at: place)
        guard let view = try await queries.compound(id: compound) else { throw AccessRefused(status: .notFound) }
        let months = try await funds.months(compound: compound)
        let today = CivilDate.inChina(funds.clock.now())
        let current = today.monthText
        let month = asked.flatMap { try? BillingPeriod(first: $0, months: 1).key } ?? months.first ?? current
        let statement = try await funds.statement(compound: compound, month: month)
        let keeper = place.map { principal.decide(.keepCommonFund, at: $0) == .allowed } ?? false
        let company = place.map { principal.decide(.reportCommonRevenue, at: $0) == .allowed } ?? false
        var values = values
        values["title"] = "\(view.name) · 共有资金"
        values["compound"] = ["id": compound, "name": view.name]
        values["month"] = statement.month
        values["months"] = (months.contains(current) ? months : [current] + months).map { ["month": $0, "chosen": $0 == statement.month] as [String: Any] }
        values["opening"] = statement.opening.description
        values["closing"] = statement.closing.description
        values["bank"] = statement.bankBalance.map { ["balance": $0.description, "reconciles": statement.reconciles == true] as [String: Any] } as Any
        values["income"] = statement.income.map { ["category": $0.account.chineseName, "amount": $0.amount.description] }
        values["expense"] = statement.expense.map { ["category": $0.account.chineseName, "amount": $0.amount.description] }
        values["entries"] = statement.entries.map { entry in
            ["id": entry.id, "day": entry.postedOn, "kind": Self.kindName(entry.kind), "category": entry.category.chineseName,
             "amount": entry.amount.description, "memo": entry.memo, "approval": entry.approval as Any, "unapproved": entry.unapproved,
             "reversed": entry.reversed, "mayReverse": keeper && !entry.reversed && entry.kind != .reversal,
             "mayApprove": keeper && entry.unapproved && !entry.reversed] as [String: Any]
        }
        values["keeper"] = keeper
        values["mayRecordIncome"] = keeper || company
        values["incomes"] = CommonFundAccount.incomes.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["expenses"] = CommonFundAccount.expenses.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["motions"] = try await funds.passedMotions(compound: compound).map { ["value": "\($0.meetingID)-\($0.motion)", "title": $0.title] }
        values["today"] = today.text
        values["crumbs"] = [["href": "/compounds/\(compound)", "name": view.name], ["name": "共有资金"]]
        return renderer.render("common-fund", values, for: context, status: status)
    }
}
