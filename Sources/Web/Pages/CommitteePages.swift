import Access
import Assembly
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/committees` and `/compounds/{id}/committee`: a compound's owners' committee from the report to
/// an active committee and its re-election. Every step shows its deadline, who acts and the article;
/// the subdistrict (or community) office records the steps it leads, the committee's chair records
/// its own; documents attach to each step. Anyone who sees the compound sees its committee.
struct CommitteePages {
    let committees: Committees
    let places: RegistryPlaces
    let queries: RegistryQueries
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/committees") { request, context in
            try await overview(context, asked: request.uri.queryParameters.get("division"), values: [:], status: .ok)
        }
        router.post("/committees/rules") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let principal = try context.signedIn()
            guard principal.mayEver(.setCommitteeRules) else { throw AccessRefused(status: .forbidden) }
            guard let (scope, _) = try await scopes.chosen(fields.text("division"), of: principal, for: .setCommitteeRules),
                  let rules = CommitteeRules.Jurisdiction(rawValue: fields.text("rules")) else { throw AccessRefused(status: .notFound) }
            try await committees.setRules(rules, for: scope.code, by: context.actor)
            return Response.redirect(to: "/committees?division=\(scope.code.rawValue)", type: .normal)
        }
        router.get("/compounds/:id/committee") { _, context in try await page(context, values: [:], status: .ok) }
        router.post("/compounds/:id/committee/steps") { request, context in
            let (compound, asOffice) = try await actor(context)
            let fields = try await FormFields.of(request, context: context)
            do {
                try await committees.take(try Self.input(fields), compound: compound, on: fields.text("day"), note: fields.text("note"),
                                          asOffice: asOffice, by: context.actor)
                return Response.redirect(to: "/compounds/\(compound)/committee", type: .normal)
            } catch let error as DomainError {
                return try await page(context, values: ["errors": [error.field ?? "step": error.message], "form": fields.values,
                                                        "failedStep": fields.text("step")], status: .unprocessableContent)
            }
        }
        router.post("/compounds/:id/committee/documents") { request, context in
            let (compound, _) = try await actor(context)
            let form = try await MultipartForm.of(request, context: context)
            do {
                guard let step = Step(rawValue: form.text("step")) else {
                    throw DomainError(code: "step_required", message: "请选择文件所属的步骤", english: "choose the step", field: "step")
                }
                guard let file = form.files.first(where: { $0.name == "file" }) else {
                    throw DomainError(code: "file_required", message: "请选择要上传的文件", english: "choose a file", field: "file")
                }
                try await committees.attach(name: form.text("name").isEmpty ? file.filename : form.text("name"), bytes: file.bytes,
                                            to: step, compound: compound, by: context.actor)
                return Response.redirect(to: "/compounds/\(compound)/committee#documents", type: .normal)
            } catch let error as DomainError {
                return try await page(context, values: ["errors": [error.field == "name" ? "file" : (error.field ?? "file"): error.message]],
                                      status: .unprocessableContent)
            }
        }
        router.get("/compounds/:id/committee/documents/:document") { _, context in
            guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
            try context.require(.viewRegistry, at: try await places.place(ofCompound: compound))
            guard let id = Int64(context.parameters.get("document") ?? ""),
                  let document = try await committees.document(id: id, compound: compound) else { throw AccessRefused(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: document.contentType, .contentDisposition: "inline"],
                            body: .init(byteBuffer: ByteBuffer(bytes: document.bytes)))
        }
    }

    /// The compound, and whether the account acts for the office (else for the committee); 403/404
    /// for anyone who may do neither there.
    func actor(_ context: WuyeRequestContext) async throws -> (Int64, Bool) {
        guard let compound = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        let (_, action) = try context.require(anyOf: [.superviseCommittee, .keepCommitteeRecords], at: try await places.place(ofCompound: compound))
        return (compound, action == .superviseCommittee)
    }

    /// A step's form as its input.
    static func input(_ fields: FormFields) throws(DomainError) -> Committees.StepInput {
        switch fields.text("step") {
        case "report": return .report
        case "form_group": return .formGroup(members: try CommitteeMember.lines(fields.text("members")))
        case "extend": return .extendFirstAssembly
        case "elect", "re_elect":
            guard let years = Int(fields.text("term_years")) else {
                throw DomainError(code: "term_years", message: "请填写任期（年）", english: "give the term in years", field: "term_years")
            }
            return .elect(members: try CommitteeMember.lines(fields.text("members")), termYears: years)
        case "first_meeting":
            return .firstMeeting(chair: fields.text("chair"),
                                 viceChairs: fields.text("vice_chairs").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map(String.init))
        case "file": return .file(number: fields.text("number"))
        case "record_seal": return .recordSeal(number: fields.text("number"))
        case "record_credit_code": return .recordCreditCode(fields.text("credit_code"))
        case "record_bank_account": return .recordBankAccount(bank: fields.text("bank"), account: fields.text("account"))
        case "member_leaves":
            guard let id = Int64(fields.text("member")) else {
                throw DomainError(code: "member_required", message: "请选择离任的成员", english: "choose the member", field: "member")
            }
            return .memberLeaves(memberID: id, reason: fields.text("reason"))
        case "supervisory_board": return .supervisoryBoard(members: try CommitteeMember.lines(fields.text("members")))
        default: throw DomainError(code: "step_required", message: "请选择办理事项", english: "choose a step", field: "step")
        }
    }

    func overview(_ context: WuyeRequestContext, asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        guard principal.mayEver(.superviseCommittee) else { throw AccessRefused(status: .forbidden) }
        guard let (scope, all) = try await scopes.chosen(asked, of: principal, for: .superviseCommittee) else { throw AccessRefused(status: .notFound) }
        let today = committees.today
        let rows = try await committees.overview(in: scope.code)
        var values = values
        values["title"] = "业主委员会"
        values["scope"] = scope.name
        values["scopes"] = all.map { ["code": $0.code.rawValue, "name": $0.name, "chosen": $0.code == scope.code] as [String: Any] }
        values["manyScopes"] = all.count > 1
        values["late"] = rows.count { $0.isOverdue(today: today) }
        values["eligible"] = rows.count { $0.eligibility != nil }
        values["active"] = rows.count { $0.stage == .active }
        values["total"] = rows.count
        values["rows"] = rows.map { row in
            ["id": row.compoundID, "name": row.name, "stage": row.stage.chineseName, "eligibility": row.eligibility as Any,
             "late": row.isOverdue(today: today),
             "due": row.due.map { ["step": $0.step.chineseName, "by": $0.by?.text as Any, "late": $0.by.map { today > $0 } ?? false] as [String: Any] }]
                as [String: Any]
        }
        if principal.decide(.setCommitteeRules, at: .division(scope.code)) == .allowed, scope.code.level <= .district {
            values["rulesEditor"] = ["division": scope.code.rawValue,
                                     "options": CommitteeRules.Jurisdiction.allCases.map { ["code": $0.rawValue, "name": $0.chineseName] }] as [String: Any]
        }
        return renderer.render("committees", values, for: context, status: status)
    }
}
