import Access
import Evaluation
import Foundation
import Hummingbird
import Registry
import Storage
import WuyeCore

extension EvaluationPages {
    func listPage(_ context: WuyeRequestContext, asked: String?, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        let (scope, all) = try await scopes.required(asked, for: principal.mayEver(.manageEvaluations) ? .manageEvaluations : .inspectCompounds, context)
        let today = CivilDate.inChina(evaluations.clock.now())
        var values = values
        values["title"] = "物业服务质量评价"
        values.merge(OfficeScopes.chooser(scope, all)) { _, new in new }
        values["rounds"] = try await evaluations.rounds(around: scope.code).map { round in
            ["href": "/evaluations/\(round.id)", "name": round.name, "period": "\(round.startsOn.text) 至 \(round.endsOn.text)",
             "status": round.published ? "已公布" : round.isOpen(on: today) ? "进行中" : "待公布"] as [String: Any]
        }
        values["manager"] = principal.decide(.manageEvaluations, at: .division(scope.code)) == .allowed
        values["year"] = today.year
        values["startsOn"] = CivilDate(year: today.year, month: 1, day: 1)?.text ?? today.text
        values["endsOn"] = CivilDate(year: today.year, month: 12, day: 31)?.text ?? today.text
        return renderer.render("evaluations", values, for: context, status: status)
    }

    func scorecardPage(_ context: WuyeRequestContext, asked: String?, type: String, year asked2: Int?, values: [String: Any],
                       status: HTTPResponse.Status) async throws -> Response {
        let scope = try await scopes.required(asked, for: .manageEvaluations, context).0
        let year = asked2 ?? CivilDate.inChina(evaluations.clock.now()).year
        let type = ["closed", "open", "commercial"].contains(type) ? type : "closed"
        let inUse = try await evaluations.scorecard(at: scope.code, year: year, type: type)
        var index = 0
        var values = values
        values["title"] = "评分标准 · \(Self.typeName(type))"
        values["scope"] = scope.name
        values["division"] = scope.code.rawValue
        values["year"] = year
        values["type"] = type
        values["types"] = ["closed", "open", "commercial"].map { ["code": $0, "name": Self.typeName($0), "chosen": $0 == type] as [String: Any] }
        values["source"] = inUse.setBy.map { "第 \(inUse.version) 版（\($0 == scope.code ? "本级" : "上级")制定）" } ?? "济南市《住宅小区物业服务质量综合评价办法》模板（尚未保存本级版本）"
        values["dimensions"] = inUse.card.dimensions.map { dimension in
            ["name": dimension.name, "weight": Hundredths.text(Int64(dimension.weight)),
             "items": dimension.items.map { item -> [String: Any] in
                 index += 1
                 var row: [String: Any] = ["index": index, "name": item.name, "max": Hundredths.text(Int64(item.max))]
                 if case .indicator(let indicator, let best, let worst) = item.rule {
                     row["indicator"] = ["unit": indicator.lowerIsBetter ? "件/百户" : "%", "best": Self.lineText(best, indicator),
                                         "worst": Self.lineText(worst, indicator)] as [String: Any]
                 }
                 return row
             }] as [String: Any]
        }
        values["bands"] = inUse.card.bands.enumerated().map { index, band in
            ["index": index, "label": band.label, "action": band.action, "min": Hundredths.text(Int64(band.min)),
             "editable": index < inUse.card.bands.count - 1] as [String: Any]
        }
        return renderer.render("scorecard", values, for: context, status: status)
    }

    func roundPage(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let (results, visible) = try await self.results(context)
        let principal = try context.signedIn()
        let round = results.round
        var values = values
        values["title"] = round.name
        values["round"] = ["id": round.id, "name": round.name, "period": "\(round.startsOn.text) 至 \(round.endsOn.text)", "published": round.published] as [String: Any]
        values["mayPublish"] = !round.published && principal.decide(.manageEvaluations, at: .division(round.division)) == .allowed
        values["rules"] = RoundResults.rules
        values["groups"] = ["closed", "open", "commercial"].compactMap { type -> [String: Any]? in
            let rows = results.results.entries.filter { $0.type == type && visible($0.compoundID) }
            guard !rows.isEmpty else { return nil }
            return ["name": Self.typeName(type), "rows": rows.map { entry in
                ["rank": entry.rank, "href": "/evaluations/\(round.id)/compounds/\(entry.compoundID)", "name": results.names[entry.compoundID] ?? "",
                 "company": entry.companyID.flatMap { results.companyNames[$0] } ?? "", "score": Hundredths.text(Int64(entry.score.total)),
                 "band": entry.score.band, "reward": entry.reward > .zero ? entry.reward.description : nil, "star": entry.star,
                 "demonstration": entry.demonstration] as [String: Any]
            }]
        }
        values["companies"] = results.results.companies.filter { company in
            results.results.entries.contains { $0.companyID == company.companyID && visible($0.compoundID) }
        }.map { company in
            ["name": results.companyNames[company.companyID] ?? "", "mean": Hundredths.text(Int64(company.mean)), "compounds": company.compounds,
             "star": company.star] as [String: Any]
        }
        values["rewards"] = results.results.entries.filter { visible($0.compoundID) }.reduce(Fen.zero) { $0 + $1.reward }.description
        values["crumbs"] = [["href": "/evaluations", "name": "物业服务质量评价"], ["name": round.name]]
        return renderer.render("evaluation", values, for: context, status: status)
    }

    func compoundPage(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let (results, visible) = try await self.results(context)
        let principal = try context.signedIn()
        guard let compound = Int64(context.parameters.get("compound") ?? ""), visible(compound),
              let entry = results.results.entries.first(where: { $0.compoundID == compound }) else { throw AccessRefused(status: .notFound) }
        let place = try await places.place(ofCompound: compound)
        let inspector = !results.round.published && (place.map { principal.decide(.inspectCompounds, at: $0) == .allowed
            || principal.decide(.manageEvaluations, at: $0) == .allowed } ?? false)
        let name = results.names[compound] ?? ""
        var values = values
        values["title"] = "\(name) · \(results.round.name)"
        values["compound"] = ["id": compound, "name": name, "company": entry.companyID.flatMap { results.companyNames[$0] } ?? "",
                              "score": Hundredths.text(Int64(entry.score.total)), "band": entry.score.band, "rank": entry.rank,
                              "type": Self.typeName(entry.type)] as [String: Any]
        values["items"] = entry.score.items.map { item in
            ["dimension": item.dimension, "item": item.item, "max": Hundredths.text(Int64(item.max)), "points": Hundredths.text(Int64(item.points)),
             "basis": item.basis] as [String: Any]
        }
        values["inspectionItems"] = entry.score.items.filter(\.inspection).map { ["name": $0.item] }
        values["inspector"] = inspector
        values["round"] = ["id": results.round.id, "name": results.round.name]
        values["crumbs"] = [["href": "/evaluations", "name": "物业服务质量评价"], ["href": "/evaluations/\(results.round.id)", "name": results.round.name], ["name": name]]
        return renderer.render("evaluation-compound", values, for: context, status: status)
    }

    func surveyPage(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        guard principal.mayEver(.answerSurvey) else { throw AccessRefused(status: .forbidden) }
        let round = try await self.round(context)
        let homes = principal.roles.filter { $0.kind == .owner }.flatMap(\.homeIDs).sorted()
        var mine: [(Int64, Place)] = []
        for home in homes {
            if let place = try await places.place(ofHome: home), let division = place.division, round.division.contains(division) { mine.append((home, place)) }
        }
        guard !mine.isEmpty else { throw AccessRefused(status: .notFound) }
        let answered = try await evaluations.answered(round: round.id, homes: mine.map(\.0))
        let queries = RegistryQueries(database: evaluations.database)
        var rows: [[String: Any]] = []
        for (home, _) in mine {
            let label = try await queries.home(id: home).map { BuildingLabel.address($0) } ?? "房屋 \(home)"
            rows.append(["id": home, "label": label, "answered": answered.contains(home)])
        }
        var values = values
        values["title"] = "物业服务满意度调查"
        values["round"] = ["id": round.id, "name": round.name, "period": "\(round.startsOn.text) 至 \(round.endsOn.text)",
                           "open": round.isOpen(on: CivilDate.inChina(evaluations.clock.now()))] as [String: Any]
        values["homes"] = rows
        values["ratings"] = SatisfactionAnswer.labels.enumerated().reversed().map { ["value": $0.offset + 1, "label": $0.element] as [String: Any] }
        return renderer.render("survey", values, for: context, status: status)
    }
}
