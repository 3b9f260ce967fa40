import Access
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/dashboard`: the whole city on one screen down to any compound (一图总览) — the figures of a
/// division and of each child, a map coloured by the chosen indicator, twelve months of cases, and
/// the same table as CSV.
struct DashboardPages {
    let dashboard: Dashboard
    let places: RegistryPlaces
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/dashboard") { request, context in
            let division = try await self.division(context, request.uri.queryParameters.get("division"))
            let indicator = DashboardFigures.Indicator(rawValue: request.uri.queryParameters.get("indicator") ?? "") ?? .serviceCoverage
            return try await page(context, division: division, indicator: indicator)
        }
        router.get("/dashboard.csv") { request, context in
            let division = try await self.division(context, request.uri.queryParameters.get("division"))
            let (total, children) = try await dashboard.figures(in: division)
            return Response.csv(named: "dashboard-\(division).csv", header: Self.header, rows: (children + [total]).map(Self.row))
        }
        router.get("/dashboard/compounds/:id") { _, context in
            guard let id = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
            let place = try await places.place(ofCompound: id)
            _ = try context.require(.viewDashboard, at: place)
            guard let figures = try await dashboard.figures(ofCompound: id), let community = place?.division else { throw AccessRefused(status: .notFound) }
            return renderer.render("dashboard-compound", [
                "title": "\(figures.name) · 一图总览", "compound": ["id": id, "name": figures.name], "cards": Self.cards(figures),
                "crumbs": try await crumbs(context, to: community) + [["name": figures.name]],
            ], for: context)
        }
    }

    /// The division asked for, checked; else the account's own first scope.
    func division(_ context: WuyeRequestContext, _ asked: String?) async throws -> DivisionCode {
        let principal = try context.signedIn()
        guard principal.mayEver(.viewDashboard) else { throw AccessRefused(status: .forbidden) }
        if let asked, !asked.isEmpty {
            guard let code = DivisionCode(rawValue: asked), let place = try await places.place(ofDivision: code) else { throw AccessRefused(status: .notFound) }
            _ = try context.require(.viewDashboard, at: place)
            return code
        }
        guard let first = try await scopes.scopes(of: principal, for: .viewDashboard).first else { throw AccessRefused(status: .notFound) }
        return first.code
    }

    func page(_ context: WuyeRequestContext, division: DivisionCode, indicator: DashboardFigures.Indicator) async throws -> Response {
        let (total, children) = try await dashboard.figures(in: division)
        let trend = try await dashboard.trend(in: division)
        let childHref: (DashboardFigures) -> String = { child in
            division.level == .community ? "/dashboard/compounds/\(child.key)" : "/dashboard?division=\(child.key)&indicator=\(indicator.rawValue)"
        }
        return renderer.render("dashboard", [
            "title": "\(total.name) · 一图总览", "name": total.name, "division": division.rawValue,
            "cards": Self.cards(total),
            "grades": total.grades.sorted { $0.key < $1.key }.map { ["band": $0.key, "count": $0.value] as [String: Any] },
            "indicators": DashboardFigures.Indicator.allCases.map { ["code": $0.rawValue, "name": $0.chineseName, "chosen": $0 == indicator] as [String: Any] },
            "indicator": indicator.chineseName,
            "map": DashboardMap.svg(children, indicator: indicator, href: childHref),
            "trend": DashboardMap.trendSVG(trend),
            "months": trend.map { month in
                ["month": month.month, "reported": month.reported, "complaints": month.complaints, "onTime": Permille.text(month.onTimeRate),
                 "collection": Permille.text(month.collectionRate)] as [String: Any]
            },
            "childLevel": division.level == .community ? "小区" : "下级区域",
            "children": children.map { child in
                ["href": childHref(child), "name": child.name, "compounds": child.compounds, "homes": child.homes,
                 "service": Permille.text(child.serviceCoverage), "committees": Permille.text(child.committeeRate),
                 "open": child.openCases, "overdue": child.overdueCases, "onTime": Permille.text(child.onTimeRate),
                 "complaints": child.complaintsPer100Homes.map { Hundredths.text(Int64($0)) } ?? "—",
                 "collection": Permille.text(child.collectionRate), "disclosure": Permille.text(child.disclosureCoverage)] as [String: Any]
            },
            "crumbs": try await crumbs(context, to: division),
        ], for: context)
    }

    /// The way up from the account's scope to `division`, each step a link.
    func crumbs(_ context: WuyeRequestContext, to division: DivisionCode) async throws -> [[String: String]] {
        var steps: [[String: String]] = []
        var code: DivisionCode? = division
        while let current = code, try await places.place(ofDivision: current).map({ (try? context.require(.viewDashboard, at: $0)) != nil }) == true {
            steps.insert(["href": "/dashboard?division=\(current)", "name": try await dashboard.name(of: current)], at: 0)
            code = current.parent
        }
        return steps
    }

    static let header = ["区域", "小区数", "户数", "建筑面积(m²)", "专业化物业服务覆盖率", "业委会组建率", "在办案件", "逾期案件", "按时办结率(近90日)",
                         "每百户投诉量(近90日)", "重点整治小区", "本月物业费收缴率", "三公开覆盖率", "物业企业党组织覆盖率", "业委会党组织", "本年业主大会", "共有资金余额(元)", "维修资金余额(元)"]

    static func row(_ f: DashboardFigures) -> [String] {
        [f.name, String(f.compounds), String(f.homes), Hundredths.text(f.areaCenti), Permille.text(f.serviceCoverage), Permille.text(f.committeeRate),
         String(f.openCases), String(f.overdueCases), Permille.text(f.onTimeRate), f.complaintsPer100Homes.map { Hundredths.text(Int64($0)) } ?? "—",
         String(f.keyCompounds), Permille.text(f.collectionRate), Permille.text(f.disclosureCoverage), Permille.text(f.partyCoverage),
         String(f.partyCommittees), String(f.meetingsHeld),
         Fen(f.commonFundFen).description, Fen(f.maintenanceFundFen).description]
    }

    /// The headline figures as cards: label, value, and the parts behind a rate.
    static func cards(_ f: DashboardFigures) -> [[String: String]] {
        [["id": "homes", "label": "房屋", "value": Formatting.count(f.homes) + " 户", "note": "\(f.compounds) 个小区 · \(Formatting.area(centi: f.areaCenti))"],
         ["id": "service", "label": "专业化物业服务覆盖率", "value": Permille.text(f.serviceCoverage), "note": "\(f.served) / \(f.compounds) 个小区"],
         ["id": "committees", "label": "业委会组建率", "value": Permille.text(f.committeeRate), "note": "\(f.committees) / \(f.compounds) 个小区"],
         ["id": "cases", "label": "在办案件", "value": "\(f.openCases)", "note": "逾期 \(f.overdueCases) 件 · 近 90 日按时办结率 \(Permille.text(f.onTimeRate))"],
         ["id": "complaints", "label": "每百户投诉量（近 90 日）", "value": f.complaintsPer100Homes.map { Hundredths.text(Int64($0)) } ?? "—",
          "note": "投诉 \(f.complaints) 件 · 重点整治小区 \(f.keyCompounds) 个"],
         ["id": "collection", "label": "本月物业费收缴率", "value": Permille.text(f.collectionRate), "note": "实收 \(Fen(f.collectedFen)) / 应收 \(Fen(f.billedFen)) 元"],
         ["id": "disclosure", "label": "三公开覆盖率", "value": Permille.text(f.disclosureCoverage), "note": "\(f.disclosureComplete) / \(f.served) 个小区"],
         ["id": "party", "label": "物业企业党组织覆盖（按服务小区）", "value": Permille.text(f.partyCoverage),
          "note": "\(f.partyServed) / \(f.served) 个小区 · 业委会党组织 \(f.partyCommittees) / \(f.committees)"],
         ["id": "meetings", "label": "本年召开业主大会", "value": "\(f.meetingsHeld) 次", "note": ""],
         ["id": "funds", "label": "共有资金余额", "value": Fen(f.commonFundFen).description + " 元", "note": "维修资金余额 \(Fen(f.maintenanceFundFen)) 元"]]
    }
}
