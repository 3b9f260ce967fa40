import Access
import Assembly
import Foundation
import Funds
import Hummingbird
import Storage
import WuyeCore

extension MaintenanceFundPages {
    func compoundPage(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let (compound, place) = try await compoundPlace(context, [.viewRegistry])
        let principal = try context.signedIn()
        guard let view = try await queries.compound(id: compound), let place else { throw AccessRefused(status: .notFound) }
        let may = { (action: Action) in principal.decide(action, at: place) == .allowed }
        let summary = try await funds.summary(compound: compound)
        var rates: [BuildingKind: (rate: MaintenanceRate, setBy: DivisionCode)] = [:]
        if let division = place.division { rates = try await funds.rates(at: division) }
        let today = CivilDate.inChina(funds.clock.now()).text
        var values = values
        values["title"] = "\(view.name) · 专项维修资金"
        values["compound"] = ["id": compound, "name": view.name]
        values["summary"] = ["deposited": summary.deposited.description, "paidOut": summary.paidOut.description, "balance": summary.balance.description,
                             "homes": summary.homesWithAccount, "topUps": summary.homesNeedingTopUp > 0 ? summary.homesNeedingTopUp : nil] as [String: Any]
        values["rates"] = BuildingKind.allCases.map { kind in
            ["kind": kind.rawValue, "name": kind.chineseName, "rate": rates[kind]?.rate.description as Any] as [String: Any]
        }
        values["buildings"] = summary.buildings.map { building in
            ["id": building.id, "number": building.number, "kind": building.kind?.chineseName as Any, "homes": building.homes,
             "deposited": building.deposited, "complete": building.homes > 0 && building.deposited >= building.homes] as [String: Any]
        }
        values["scopes"] = [["value": "compound", "name": "全体业主（全小区）"]] + summary.buildings.flatMap { building in
            [["value": "building-\(building.id)", "name": "\(building.number)号楼"]]
                + building.units.map { ["value": "unit-\($0.id)", "name": "\(building.number)号楼\($0.number)单元"] }
        }
        values["emergencies"] = MaintenanceEmergency.allCases.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["uses"] = try await funds.uses(compound: compound).map(Self.useRow)
        if may(.keepMaintenanceFund) {
            values["topUpHomes"] = Array(try await funds.homeBalances(compound: compound).filter(\.needsTopUp).prefix(50)).map { home in
                ["id": home.homeID, "label": home.label, "first": home.firstDeposit.description, "balance": home.balance.description] as [String: Any]
            }
        }
        values["keeper"] = may(.keepMaintenanceFund)
        values["proposer"] = may(.proposeMaintenanceUse)
        values["today"] = today
        values["citationTopUp"] = MaintenanceBalance.topUpCitation
        values["exclusions"] = MaintenancePlan.exclusions
        values["emergencyCitation"] = MaintenanceEmergency.citation
        values["crumbs"] = [["href": "/compounds/\(compound)", "name": view.name], ["name": "专项维修资金"]]
        return renderer.render("maintenance-fund", values, for: context, status: status)
    }

    static func useRow(_ use: MaintenanceFunds.UseView) -> [String: Any] {
        ["href": "/maintenance-fund/uses/\(use.id)", "title": use.title, "stage": use.stage.chineseName, "budget": use.budget.description,
         "scope": use.scopeName, "emergency": use.emergency?.chineseName as Any, "open": use.stage.isOpen]
    }

    func usePage(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let use = try await self.use(context, [.viewRegistry])
        let principal = try context.signedIn()
        guard let place = try await places.place(ofCompound: use.compoundID), let view = try await queries.compound(id: use.compoundID) else {
            throw AccessRefused(status: .notFound)
        }
        let may = { (action: Action) in principal.decide(action, at: place) == .allowed }
        let approver = may(.approveMaintenanceUse) || may(.keepMaintenanceFund)
        let today = CivilDate.inChina(funds.clock.now())
        let fromFund = use.shares.reduce(Fen.zero) { $0 + $1.fromFund }, shared = use.shares.reduce(Fen.zero) { $0 + $1.share }
        var values = values
        values["title"] = "\(use.title) · 维修资金使用"
        values["compound"] = ["id": use.compoundID, "name": view.name]
        values["use"] = Self.useRow(use).merging([
            "id": use.id, "contractor": use.contractor, "decision": use.decision as Any, "filing": use.filingNumber as Any,
            "acceptance": use.acceptance as Any, "meeting": use.meetingID.map { "/meetings/\($0)" } as Any,
        ]) { _, new in new }
        values["emergencyCitation"] = use.emergency == nil ? nil : MaintenanceEmergency.citation
        values["steps"] = use.steps.map { step in
            ["stage": step.stage.chineseName, "note": step.note, "by": AuditActor.shown(step.by), "at": BeijingTime.text(step.at)] as [String: Any]
        }
        values["shares"] = use.shares.map { share in
            ["label": share.label, "area": Hundredths.text(share.area), "share": share.share.description, "fromFund": share.fromFund.description,
             "selfPaid": share.share > share.fromFund ? (share.share - share.fromFund).description : nil] as [String: Any]
        }
        values["totals"] = use.shares.isEmpty ? nil : ["shared": shared.description, "fromFund": fromFund.description, "selfPaid": (shared - fromFund).description,
                                                        "rule": Apportionment.remainderRule, "homes": use.shares.count] as [String: Any]
        values["mayVote"] = use.stage == .proposed && use.emergency == nil && may(.conveneMeeting)
        values["mayRecordVote"] = use.stage == .voting && (may(.conveneMeeting) || may(.approveMaintenanceUse))
        values["mayApprove"] = approver && (use.stage == .passed || (use.stage == .proposed && use.emergency != nil))
        values["mayDisburse"] = use.stage == .approved && may(.keepMaintenanceFund)
        values["mayAccept"] = use.stage == .disbursed && approver
        values["mayPublish"] = use.stage == .accepted && approver
        values["opensOn"] = CivilDate(daysSince1970: today.daysSince1970 + MeetingPlan.defaultNoticeDays).text
        values["closesOn"] = CivilDate(daysSince1970: today.daysSince1970 + MeetingPlan.defaultNoticeDays + 7).text
        values["today"] = today.text
        values["budget"] = use.budget.description
        values["crumbs"] = [["href": "/compounds/\(use.compoundID)", "name": view.name],
                            ["href": "/compounds/\(use.compoundID)/maintenance-fund", "name": "专项维修资金"], ["name": use.title]]
        return renderer.render("maintenance-use", values, for: context, status: status)
    }

    func supervisionPage(_ context: WuyeRequestContext, asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        let (scope, all) = try await scopes.required(asked, for: .superviseMaintenanceFunds, context)
        let rows = try await funds.supervision(in: scope.code)
        let rates = try await funds.rates(at: scope.code)
        var values = values
        values["title"] = "专项维修资金监督"
        values.merge(OfficeScopes.chooser(scope, all)) { _, new in new }
        values["flagged"] = rows.count(where: \.flagged)
        values["rows"] = rows.map { row in
            ["href": "/compounds/\(row.compoundID)/maintenance-fund", "name": row.name, "balance": row.balance.description, "topUps": row.homesNeedingTopUp,
             "open": row.openUses, "unpublished": row.unpublishedEmergencies > 0 ? row.unpublishedEmergencies : nil, "flagged": row.flagged] as [String: Any]
        }
        values["rates"] = BuildingKind.allCases.map { kind in
            ["kind": kind.rawValue, "name": kind.chineseName, "rate": rates[kind]?.rate.description as Any,
             "inherited": rates[kind].map { $0.setBy != scope.code } ?? false] as [String: Any]
        }
        values["keeper"] = principal.decide(.keepMaintenanceFund, at: .division(scope.code)) == .allowed
        return renderer.render("maintenance-funds", values, for: context, status: status)
    }
}
