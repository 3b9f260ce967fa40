import Access
import Foundation
import Funds
import Hummingbird
import Storage
import WuyeCore

/// Service fees in pages: the company sets a compound's standard, issues a period's bills, records
/// payments at the counter and sends reminders, and exports the arrears for Excel; an owner sees
/// their homes' bills on `/bills`.
struct FeePages {
    let fees: ServiceFees
    let places: RegistryPlaces
    let queries: RegistryQueries
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/compounds/:id/fees") { _, context in try await page(context, values: [:], status: .ok) }
        router.post("/compounds/:id/fees/standard") { request, context in
            let compound = try await require(.billFees, context)
            let fields = try await FormFields.of(request, context: context)
            do {
                var byKind: [BuildingKind: FeeRate] = [:]
                for kind in BuildingKind.allCases where !fields.text("rate_\(kind.rawValue)").isEmpty {
                    do throws(DomainError) { byKind[kind] = try FeeRate(text: fields.text("rate_\(kind.rawValue)")) } catch { throw error.on(field: "rate_\(kind.rawValue)") }
                }
                let standard = ServiceFees.Standard(rate: try FeeRate(text: fields.text("rate")),
                                                    method: FeeMethod(rawValue: fields.text("method")) ?? .lumpSum, byKind: byKind)
                try await fees.setStandard(standard, compound: compound, by: context.actor)
                return Response.redirect(to: "/compounds/\(compound)/fees", type: .normal)
            } catch let error as DomainError {
                return try await page(context, values: ["errors": [error.field ?? "rate": error.message], "form": fields.values], status: .unprocessableContent)
            }
        }
        router.post("/compounds/:id/fees/bills") { request, context in
            let compound = try await require(.billFees, context)
            let fields = try await FormFields.of(request, context: context)
            do {
                let period = try BillingPeriod(first: fields.text("period"), months: Int(fields.text("months")) ?? 0)
                let issued = try await fees.issue(period, compound: compound, by: context.actor)
                return try await page(context, values: ["notice": "已开具 \(period) 账单 \(issued.bills) 张，合计 \(issued.total) 元"], status: .ok)
            } catch let error as DomainError {
                return try await page(context, values: ["errors": [error.field ?? "period": error.message], "form": fields.values], status: .unprocessableContent)
            }
        }
        router.post("/fees/bills/:id/payments") { request, context in
            let bill = try await billFor(.collectFees, context)
            let fields = try await FormFields.of(request, context: context)
            do {
                let left = try await fees.pay(bill: bill.id, amount: fields.text("amount"), method: fields.text("method"),
                                              receiptNumber: fields.text("receipt_number"), invoiceNumber: fields.text("invoice_number"),
                                              by: context.actor)
                return try await page(context, compound: bill.compoundID,
                                      values: ["notice": "已登记 \(bill.homeLabel) 的缴费" + (left.rawValue > 0 ? "，尚欠 \(left) 元" : "，已缴清")],
                                      status: .ok)
            } catch let error as DomainError {
                return try await page(context, compound: bill.compoundID, values: ["billErrors": ["id": bill.id, "message": error.message]],
                                      status: .unprocessableContent)
            }
        }
        router.post("/fees/bills/:id/reminders") { request, context in
            let bill = try await billFor(.collectFees, context)
            let fields = try await FormFields.of(request, context: context)
            do {
                try await fees.remind(bill: bill.id, note: fields.text("note"), by: context.actor)
                return Response.redirect(to: "/compounds/\(bill.compoundID)/fees#bill-\(bill.id)", type: .normal)
            } catch let error as DomainError {
                return try await page(context, compound: bill.compoundID, values: ["billErrors": ["id": bill.id, "message": error.message]],
                                      status: .unprocessableContent)
            }
        }
        router.get("/compounds/:id/fees/arrears.csv") { _, context in
            let compound = try await require(.collectFees, context)
            let arrears = try await fees.arrears(compound: compound, limit: 10_000)
            return Response.csv(named: "arrears-\(compound).csv", header: ["房屋", "账期", "缴费人", "面积(m²)", "应缴(元)", "已缴(元)", "欠费(元)", "催缴次数"],
                                rows: arrears.map { bill in
                [bill.homeLabel, bill.period, bill.payer.chineseName, CentiSquareMetres(bill.area).description, bill.amount.description,
                 bill.paid.description, bill.outstanding.description, String(bill.reminders)]
            })
        }
        router.get("/bills") { _, context in
            let principal = try context.signedIn()
            let homes = principal.roles.filter { $0.kind == .owner }.flatMap(\.homeIDs)
            guard principal.roles.contains(where: { $0.kind == .owner }) else { throw AccessRefused(status: .forbidden) }
            let bills = try await fees.bills(ofHomes: homes)
            return renderer.render("bills", [
                "title": "我的物业费",
                "owed": Fen(bills.reduce(0) { $0 + $1.outstanding.rawValue }).description,
                "bills": bills.map { bill in
                    ["home": bill.homeLabel, "period": bill.period, "months": bill.months, "area": CentiSquareMetres(bill.area).description,
                     "amount": bill.amount.description, "paid": bill.paid.description, "outstanding": bill.outstanding.description,
                     "settled": bill.outstanding.rawValue == 0] as [String: Any]
                },
            ], for: context)
        }
    }

    func require(_ action: Action, _ context: WuyeRequestContext) async throws -> Int64 {
        guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        try context.require(action, at: try await places.place(ofCompound: compound))
        return compound
    }

    func billFor(_ action: Action, _ context: WuyeRequestContext) async throws -> ServiceFees.Bill {
        let bill = try await Int64(context.parameters.get("id") ?? "").asyncFlatMap(fees.bill(id:))
        try context.require(action, at: try await bill.asyncFlatMap { try await places.place(ofCompound: $0.compoundID) })
        guard let bill else { throw AccessRefused(status: .notFound) }
        return bill
    }

    func page(_ context: WuyeRequestContext, compound given: Int64? = nil, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        guard let compound = given ?? Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        let place = try await places.place(ofCompound: compound)
        let principal = try context.require(.collectFees, at: place)
        guard let view = try await queries.compound(id: compound) else { throw AccessRefused(status: .notFound) }
        let standard = try await fees.standard(compound: compound)
        var values = values
        values["title"] = "\(view.name) · 物业费"
        values["compound"] = ["id": compound, "name": view.name]
        values["standard"] = standard.map { standard in
            ["rate": standard.rate.description, "method": standard.method.chineseName,
             "byKind": standard.byKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { ["kind": $0.key.chineseName, "rate": $0.value.description] }] as [String: Any]
        } as Any
        values["kinds"] = BuildingKind.allCases.map { kind in
            ["code": kind.rawValue, "name": kind.chineseName,
             "value": (values["form"] as? [String: String])?["rate_\(kind.rawValue)"] ?? standard?.byKind[kind]?.description ?? "",
             "error": (values["errors"] as? [String: String])?["rate_\(kind.rawValue)"] as Any] as [String: Any]
        }
        values["mayBill"] = place.map { principal.decide(.billFees, at: $0) == .allowed } ?? false
        values["methods"] = FeeMethod.allCases.map { ["code": $0.rawValue, "name": $0.chineseName, "chosen": $0 == standard?.method] as [String: Any] }
        values["periods"] = try await fees.periods(compound: compound).map { period in
            ["key": period.key, "months": period.months, "billed": period.billed.description, "collected": period.collected.description,
             "rate": Permille.text(CollectionRate.permille(collected: period.collected.rawValue, billed: period.billed.rawValue))] as [String: Any]
        }
        let errored = (values["billErrors"] as? [String: Any])?["id"] as? Int64
        values["arrears"] = try await fees.arrears(compound: compound, limit: 200).map { bill in
            ["id": bill.id, "home": bill.homeLabel, "period": bill.period, "payer": bill.payer.chineseName, "amount": bill.amount.description,
             "outstanding": bill.outstanding.description, "reminders": bill.reminders,
             "error": errored == bill.id ? (values["billErrors"] as? [String: Any])?["message"] as Any : nil as Any?] as [String: Any?]
        }
        values["paymentMethods"] = PaymentMethod.allCases.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["nextPeriod"] = CivilDate.inChina(fees.clock.now()).monthText
        values["crumbs"] = [["href": "/compounds/\(compound)", "name": view.name], ["name": "物业费"]]
        return renderer.render("fees", values, for: context, status: status)
    }
}
