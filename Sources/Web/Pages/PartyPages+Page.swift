import Access
import Foundation
import Hummingbird
import Party
import Storage
import WuyeCore

extension PartyPages {
    func page(_ context: WuyeRequestContext, asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        let (scope, all) = try await scopes.required(asked, for: .managePartyBuilding, context)
        let coverage = try await party.coverage(in: scope.code)
        let targets = try await party.targets(in: scope.code)
        let communities = try await scopes.queries.communities(under: scope.code)
        func line(_ label: String, _ part: PartyCoverage, _ unit: String) -> [String: Any] {
            ["label": label, "text": "\(part.of) \(unit)中 \(part.covered) 个已建", "rate": Permille.text(part.permille)]
        }
        var values = values
        values["title"] = "党建引领 · \(scope.name)"
        values.merge(OfficeScopes.chooser(scope, all)) { _, new in new }
        values["coverage"] = [line("物业服务企业党组织覆盖", coverage.companies, "家企业"), line("业委会党组织覆盖", coverage.committees, "个业委会"),
                              line("网格党支部覆盖", coverage.grids, "个网格"), line("业委会党建指导员派驻", coverage.instructed, "个业委会")]
        values["members"] = coverage.members
        values["organisations"] = try await party.organisations(in: scope.code).map { organisation in
            ["kind": organisation.kind.chineseName, "name": organisation.name, "target": organisation.target, "members": organisation.members,
             "secretary": organisation.secretary, "established": organisation.establishedOn] as [String: Any]
        }
        values["instructors"] = try await party.instructors(in: scope.code).map { instructor in
            ["name": instructor.name, "unit": instructor.unit, "phone": PhoneNumber(rawValue: instructor.phone)?.masked ?? instructor.phone, "target": instructor.target,
             "kind": instructor.kind == .companyBranch ? "企业" : "业委会"] as [String: Any]
        }
        values["kinds"] = PartyOrganisationKind.allCases.map { kind in
            ["code": kind.rawValue, "name": kind.chineseName, "targets": (targets[kind] ?? []).map { ["id": $0.id, "name": $0.name] }] as [String: Any]
        }
        values["instructorKinds"] = [PartyOrganisationKind.committeeBranch, .companyBranch].map { kind in
            ["code": kind.rawValue, "name": kind == .companyBranch ? "物业服务企业" : "业主委员会（小区）",
             "targets": (targets[kind] ?? []).map { ["id": $0.id, "name": $0.name] }] as [String: Any]
        }
        values["activityKinds"] = PartyActivityKind.allCases.map { ["code": $0.rawValue, "name": $0.chineseName] }
        values["communities"] = communities.map { ["code": $0.code, "name": $0.name, "href": "/party/calendar/\($0.code)"] }
        values["activities"] = try await party.activities(in: scope.code, from: party.clock.now(), limit: 50).map(Self.activityRow)
        values["proposedDay"] = CivilDate(daysSince1970: CivilDate.inChina(party.clock.now()).daysSince1970 + 1).text  // tomorrow
        return renderer.render("party", values, for: context, status: status)
    }
}
