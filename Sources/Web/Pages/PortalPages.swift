import Access
import Hummingbird
import Registry
import Storage
import WuyeCore

/// The four portals. `/` sends a signed-in account to its portal (or lets it choose when it holds
/// roles in several); each portal's home page shows what that role looks after every day.
struct PortalPages {
    let queries: RegistryQueries
    let places: RegistryPlaces
    let evaluations: Evaluations
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/") { _, context in
            let principal = try context.signedIn()
            if principal.portals.count == 1, let only = principal.portals.first {
                return Response.redirect(to: "/portal/\(only.rawValue)", type: .normal)
            }
            return renderer.render("portals", [
                "title": "选择工作台",
                "choices": principal.portals.map { ["href": "/portal/\($0.rawValue)", "name": $0.chineseName] },
            ], for: context)
        }
        router.get("/portal/:portal") { _, context in
            let principal = try context.signedIn()
            guard let portal = Portal(rawValue: context.parameters.get("portal") ?? "") else { throw AccessRefused(status: .notFound) }
            let roles = principal.roles(in: portal)
            guard !roles.isEmpty else { throw AccessRefused(status: .forbidden) }
            var sections: [[String: Any]] = []
            for role in roles { sections.append(try await section(for: role)) }
            return renderer.render("portal", ["title": portal.chineseName, "portal": portal.rawValue,
                                              "greeting": "\(principal.name)，您好", "sections": sections], for: context)
        }
    }

    /// One role's part of its portal home page.
    private func section(for role: Role) async throws -> [String: Any] {
        var section: [String: Any] = ["heading": role.kind.chineseName, "homes": [Any](), "divisions": [Any](), "compounds": [Any]()]
        var tasks: [[String: String]] = []
        switch role.kind {
        case .owner:
            if let compoundID = role.compoundID, let compound = try await queries.compound(id: compoundID) {
                section["scope"] = compound.name
                var homes: [[String: Any]] = []
                for id in role.homeIDs.sorted() {
                    guard let home = try await queries.home(id: id) else { continue }
                    homes.append(["href": "/homes/\(id)", "label": BuildingLabel.address(home),
                                  "area": Formatting.area(centi: home.area.rawValue)])
                }
                section["homes"] = homes
                section["service"] = try await serviceLine(compoundID)
                tasks.append(["href": "/cases/new", "label": "报事报修：拍照上报，跟踪办理"])
                tasks.append(["href": "/compounds/\(compoundID)/meetings", "label": "业主大会：查看议题并投票"])
                tasks.append(["href": "/bills", "label": "物业费：账单与欠费"])
                if let community = try await places.place(ofCompound: compoundID)?.division {
                    tasks.append(["href": "/party/calendar/\(community)", "label": "党群服务站：书记接待日、红色议事会、业主沟通日"])
                    let today = CivilDate.inChina(evaluations.clock.now())
                    for round in try await evaluations.rounds(around: community) where round.isOpen(on: today) {
                        tasks.append(["href": "/evaluations/\(round.id)/survey", "label": "物业服务满意度调查：\(round.name)"])
                    }
                }
                tasks.append(["href": "/compounds/\(compoundID)/common-fund", "label": "共有资金：每月收支公开"])
                tasks.append(["href": "/compounds/\(compoundID)/maintenance-fund", "label": "维修资金：分户余额与使用公示"])
                tasks.append(["href": "/compounds/\(compoundID)/disclosures", "label": "三公开：服务、收费与收益公开"])
                tasks.append(["href": "/compounds/\(compoundID)", "label": "查看本小区的楼栋和物业服务"])
            }
        case .committeeChair, .committeeViceChair, .committeeMember:
            if let compoundID = role.compoundID, let compound = try await queries.compound(id: compoundID) {
                section["scope"] = compound.name
                section["compounds"] = [RegistryPages.card(compound)]
                section["service"] = try await serviceLine(compoundID)
                tasks.append(["href": "/compounds/\(compoundID)/meetings", "label": "业主大会：召集、录入纸质票、计票"])
                tasks.append(["href": "/compounds/\(compoundID)/committee", "label": "业主委员会：备案、印章、账户与委员"])
                tasks.append(["href": "/compounds/\(compoundID)/common-fund", "label": "共有资金：收支登记、审批与月度收支表"])
                tasks.append(["href": "/compounds/\(compoundID)/maintenance-fund", "label": "维修资金：使用方案、表决、审核与公示"])
                tasks.append(["href": "/compounds/\(compoundID)/disclosures", "label": "三公开：业委会公开事项"])
                tasks.append(["href": "/compounds/\(compoundID)", "label": "本小区房屋与业主名册"])
            }
        case .companyAdministrator, .companyManager, .steward, .gridWorker:
            let page = try await queries.compounds(within: CompoundScope(roles: [role]), today: places.today, after: nil, limit: 50)
            section["scope"] = role.kind == .gridWorker ? "本网格的小区" : "本企业服务的小区"
            section["compounds"] = page.items.map(RegistryPages.card)
            tasks.append(["href": "/cases", "label": role.kind == .gridWorker ? "网格事项：待办、巡查上报" : "报事工单：待办与督办"])
            if role.kind != .gridWorker, let first = page.items.first {
                tasks.append(["href": "/compounds/\(first.id)/fees", "label": "物业费：开账、收费、催缴（\(first.name)）"])
                tasks.append(["href": "/compounds/\(first.id)/disclosures", "label": "三公开：物业服务企业公开事项（\(first.name)）"])
                tasks.append(["href": "/compounds/\(first.id)/maintenance-fund", "label": "维修资金：提出使用方案（\(first.name)）"])
            }
            if role.kind == .companyAdministrator { tasks.append(["href": "/accounts", "label": "开通项目经理、物业管家账号"]) }
            if let company = role.companyID, role.kind == .companyAdministrator || role.kind == .companyManager {
                tasks.append(["href": "/credit/companies/\(company)", "label": "本企业信用档案"])
                tasks.append(["href": "/projects", "label": "党建服务项目：认领与完成"])
            }
        case .administrationStaff, .departmentStaff:
            if let code = role.division, let division = try await queries.division(code: code.rawValue) {
                section["scope"] = division.name + (role.department.map { " · \($0.chineseName)" } ?? "")
                section["divisions"] = [["href": "/divisions/\(division.code)", "name": division.name,
                                         "compounds": Formatting.count(division.compounds),
                                         "homes": Formatting.count(division.counts.homes)]]
                tasks.append(["href": "/dashboard", "label": "一图总览：辖区物业服务、案件、收缴率与评价"])
                tasks.append(["href": "/divisions/\(division.code)", "label": "逐级查看辖区内小区与房屋"])
                tasks.append(["href": "/cases", "label": "案件：待办、逾期与升级"])
                if role.kind == .administrationStaff {
                    tasks += [["href": "/committees", "label": "业主委员会：筹备、选举、备案与换届"],
                              ["href": "/meetings", "label": "业主大会：辖区内会议的参与率与结果"],
                              ["href": "/fees/collection", "label": "物业费收缴率"], ["href": "/common-funds", "label": "共有资金监督"],
                              ["href": "/maintenance-funds", "label": "专项维修资金：交存标准、建账、支付与监督"],
                              ["href": "/disclosures/coverage", "label": "三公开覆盖率"], ["href": "/party", "label": "党建引领：党组织覆盖、指导员与活动日历"],
                              ["href": "/coordination", "label": "联席会议与“三会”：议定事项、调解与党建服务项目"],
                              ["href": "/hotspots", "label": "投诉热点与整治行动"], ["href": "/teams", "label": "网格服务团队配置"]]
                }
                if role.kind == .departmentStaff, AccessPolicy.mayEver(role, .keepMaintenanceFund) {
                    tasks.append(["href": "/maintenance-funds", "label": "专项维修资金：交存标准、建账、支付与监督"])
                }
                if AccessPolicy.mayEver(role, .manageEvaluations) || AccessPolicy.mayEver(role, .inspectCompounds) {
                    tasks.append(["href": "/evaluations", "label": "物业服务质量评价：评分标准、检查扣分、排名与公布"])
                }
                tasks.append(["href": "/credit", "label": "物业企业信用：等级、红黑名单与信用记录"])
                if !AccessPolicy.grantableKinds(by: role).isEmpty { tasks.append(["href": "/accounts", "label": "为下级开通账号"]) }
            }
        case .platformAdministrator:
            section["scope"] = "全平台"
            tasks += [["href": "/dashboard", "label": "一图总览：全市物业服务、案件、收缴率与评价"], ["href": "/divisions", "label": "全市物业一张图"], ["href": "/accounts", "label": "账号管理"],
                      ["href": "/audit", "label": "审计日志"]]
        }
        section["tasks"] = tasks
        return section
    }

    private func serviceLine(_ compoundID: Int64) async throws -> String? {
        guard let current = try await queries.serviceArrangements(ofCompound: compoundID).first else { return nil }
        return RegistryPages.arrangementName(current.kind) + (current.companyName.map { "：\($0)" } ?? "")
    }
}
