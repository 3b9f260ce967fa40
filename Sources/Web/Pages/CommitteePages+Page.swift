import Access
import Assembly
import Foundation
import Hummingbird
import Storage
import WuyeCore

extension CommitteePages {
    func page(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        let place = try await places.place(ofCompound: compound)
        let principal = try context.require(.viewRegistry, at: place)
        guard let view = try await queries.compound(id: compound) else { throw AccessRefused(status: .notFound) }
        let committee = try await committees.committee(compound: compound)
        let record = committee.record, rules = committee.rules, today = committees.today
        let asOffice = place.map { principal.decide(.superviseCommittee, at: $0) == .allowed } ?? false
        let asCommittee = !asOffice && (place.map { principal.decide(.keepCommitteeRecords, at: $0) == .allowed } ?? false)
        let members = try await committees.members(compound: compound)
        var values = values
        values["title"] = "\(view.name) · 业主委员会"
        values["compound"] = ["id": compound, "name": view.name]
        values["stage"] = record.stage.chineseName
        values["rules"] = rules.jurisdiction.chineseName
        values["due"] = record.due(rules).map { due in
            ["step": due.step.chineseName, "by": due.by?.text as Any, "late": due.by.map { today > $0 } ?? false, "citation": due.citation,
             "who": due.step.takenByOffice ? "街道办事处" : "业主委员会"] as [String: Any]
        }
        if record.stage == .notStarted {
            let delivery = try await committees.delivery(compound: compound)
            values["eligibility"] = delivery.eligibility(firstDelivered: nil, today: today) ?? "尚未达到首次业主大会的召开条件（已交付面积或户数未过半）"
        }
        values["facts"] = [
            ("报告或申请", record.reportedOn?.text), ("筹备组成立", record.groupFormedOn?.text), ("选举", record.electedOn?.text),
            ("任期届满", record.termEnds?.text), ("首次会议", record.firstMeetingOn?.text),
            ("备案", record.filedOn.map { "\($0.text)（\(committee.filingNumber ?? "")）" }), ("印章", committee.sealNumber),
            ("统一社会信用代码", committee.creditCode), ("银行账户", committee.bankName.map { "\($0) \(committee.bankAccount ?? "")" }),
        ].compactMap { label, value in value.map { ["label": label, "value": $0] } }
        if record.reElectionRequired { values["reElectionRequired"] = "在任委员已不足原定人数的一半，应当换届（\(rules.citation(.reElect))）" }
        values["bodies"] = Committees.Body.allCases.compactMap { body -> [String: Any]? in
            let people = members.filter { $0.body == body }
            guard !people.isEmpty else { return nil }
            return ["name": body.chineseName, "members": people.map { member in
                ["id": member.id, "name": member.member.name, "role": member.member.role.chineseName,
                 "note": member.member.fromSubdistrict ? "街道代表" : member.member.isOwner ? "业主" : "非业主", "since": member.joinedOn] as [String: Any]
            }]
        }
        // The forms of the steps the account may take now.
        let steps: [Step] = asOffice ? Step.allCases.filter(\.takenByOffice) : asCommittee ? Step.allCases.filter(\.takenByCommittee) : []
        var forms: [String: Any] = [:]
        for step in steps where record.allows(step) || (step == .reElect && record.stage == .active) {
            forms[step.rawValue] = ["name": step.chineseName, "citation": rules.citation(step)]
        }
        if asOffice, record.stage == .preparatoryGroup, !record.extensionApproved, rules.firstAssemblyExtensionDays > 0 {
            forms["extend"] = ["days": rules.firstAssemblyExtensionDays]
        }
        if forms["change_members"] != nil {
            forms["serving"] = members.filter { $0.body != .preparatoryGroup }.map { ["id": $0.id, "name": "\($0.body.chineseName) \($0.member.name)"] }
        }
        values["forms"] = forms
        values["mayAct"] = asOffice || asCommittee
        values["today"] = today.text
        values["minimum"] = rules.committeeMinimum
        values["history"] = try await committees.steps(compound: compound).map {
            ["step": $0.step.chineseName, "on": $0.takenOn, "note": $0.note, "actor": $0.actor]
        }
        values["documents"] = try await committees.documents(compound: compound).map { document in
            ["href": "/compounds/\(compound)/committee/documents/\(document.id)", "name": document.name, "step": document.step.chineseName,
             "at": BeijingTime.text(document.uploadedAt), "by": document.uploadedBy] as [String: Any]
        }
        values["documentSteps"] = Step.allCases.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["crumbs"] = [["href": "/compounds/\(compound)", "name": view.name], ["name": "业主委员会"]]
        return renderer.render("committee", values, for: context, status: status)
    }
}
