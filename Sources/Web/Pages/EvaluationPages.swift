import Access
import Evaluation
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/evaluations`: a housing bureau scores property companies from the platform's own records —
/// scorecards per compound type, rounds over its division, inspectors' deductions with evidence,
/// the owners' survey — and publishes ranked results with rewards and stars.
struct EvaluationPages {
    let evaluations: Evaluations
    let places: RegistryPlaces
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/evaluations") { request, context in
            try await listPage(context, asked: request.uri.queryParameters.get("division"), values: [:], status: .ok)
        }
        router.post("/evaluations") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let scope = try await scopes.required(fields.text("division"), for: .manageEvaluations, context).0
            do {
                let id = try await evaluations.createRound(division: scope.code, name: fields.text("name"), startsOn: fields.text("starts_on"),
                                                           endsOn: fields.text("ends_on"), by: context.actor)
                return Response.redirect(to: "/evaluations/\(id)", type: .normal)
            } catch let error as DomainError {
                return try await listPage(context, asked: scope.code.rawValue, values: ["errors": [error.field ?? "name": error.message], "form": fields.values],
                                          status: .unprocessableContent)
            }
        }
        router.get("/evaluations/scorecards") { request, context in
            let query = request.uri.queryParameters
            return try await scorecardPage(context, asked: query.get("division"), type: query.get("type") ?? "closed", year: Int(query.get("year") ?? ""),
                                           values: [:], status: .ok)
        }
        router.post("/evaluations/scorecards") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let scope = try await scopes.required(fields.text("division"), for: .manageEvaluations, context).0
            let type = ["closed", "open", "commercial"].contains(fields.text("type")) ? fields.text("type") : "closed"
            let year = Int(fields.text("year")) ?? CivilDate.inChina(evaluations.clock.now()).year
            do {
                let current = try await evaluations.scorecard(at: scope.code, year: year, type: type).card
                try await evaluations.saveScorecard(try Self.edited(current, fields), division: scope.code, year: year, type: type, by: context.actor)
                return Response.redirect(to: "/evaluations/scorecards?division=\(scope.code)&type=\(type)&year=\(year)", type: .normal)
            } catch let error as DomainError {
                return try await scorecardPage(context, asked: scope.code.rawValue, type: type, year: year,
                                               values: ["errors": [error.field ?? "items": error.message]], status: .unprocessableContent)
            }
        }
        router.get("/evaluations/:round") { _, context in try await roundPage(context, values: [:], status: .ok) }
        router.get("/evaluations/:round/results.csv") { _, context in
            let (results, visible) = try await self.results(context)
            return Response.csv(named: "evaluation-\(results.round.id).csv", header: ["类型", "排名", "小区", "物业服务企业", "得分", "等次", "奖励(元)", "星级项目", "示范项目"],
                                rows: results.results.entries.filter { visible($0.compoundID) }.map { entry in
                [Self.typeName(entry.type), String(entry.rank), results.names[entry.compoundID] ?? "", entry.companyID.flatMap { results.companyNames[$0] } ?? "",
                 Hundredths.text(Int64(entry.score.total)), entry.score.band, entry.reward.description, entry.star ? "是" : "", entry.demonstration ? "是" : ""]
            })
        }
        router.post("/evaluations/:round/publication") { _, context in
            let round = try await self.round(context)
            _ = try context.require(.manageEvaluations, at: .division(round.division))
            do {
                try await evaluations.publish(round: round.id, by: context.actor)
                return Response.redirect(to: "/evaluations/\(round.id)", type: .normal)
            } catch let error as DomainError {
                return try await roundPage(context, values: ["errors": ["round": error.message]], status: .unprocessableContent)
            }
        }
        router.get("/evaluations/:round/compounds/:compound") { _, context in try await compoundPage(context, values: [:], status: .ok) }
        router.post("/evaluations/:round/compounds/:compound/deductions") { request, context in
            let round = try await self.round(context)
            guard let compound = Int64(context.parameters.get("compound") ?? "") else { throw AccessRefused(status: .notFound) }
            _ = try context.require(anyOf: [.inspectCompounds, .manageEvaluations], at: try await places.place(ofCompound: compound))
            let fields = try await FormFields.of(request, context: context)
            do {
                try await evaluations.deduct(round: round.id, compound: compound, item: fields.text("item"), points: fields.text("points"),
                                             evidence: fields.text("evidence"), by: context.actor)
                return Response.redirect(to: "/evaluations/\(round.id)/compounds/\(compound)", type: .normal)
            } catch let error as DomainError {
                return try await compoundPage(context, values: ["errors": [error.field ?? "points": error.message], "form": fields.values], status: .unprocessableContent)
            }
        }
        router.get("/evaluations/:round/survey") { _, context in try await surveyPage(context, values: [:], status: .ok) }
        router.post("/evaluations/:round/survey") { request, context in
            let round = try await self.round(context)
            let fields = try await FormFields.of(request, context: context)
            guard let home = Int64(fields.text("home")) else { throw AccessRefused(status: .notFound) }
            _ = try context.require(.answerSurvey, at: try await places.place(ofHome: home))
            do {
                try await evaluations.answer(round: round.id, home: home, rating: fields.text("rating"), comment: fields.text("comment"), by: context.actor)
                return Response.redirect(to: "/evaluations/\(round.id)/survey", type: .normal)
            } catch let error as DomainError {
                return try await surveyPage(context, values: ["errors": [error.field ?? "rating": error.message], "form": fields.values], status: .unprocessableContent)
            }
        }
    }


    func round(_ context: WuyeRequestContext) async throws -> Evaluations.Round {
        guard let id = Int64(context.parameters.get("round") ?? ""), let round = try await evaluations.round(id: id) else { throw AccessRefused(status: .notFound) }
        return round
    }

    /// A round's results and which compounds the account sees in them: all once published (results are
    /// announced publicly); before that, the offices over the round or over the compound.
    func results(_ context: WuyeRequestContext) async throws -> (Evaluations.Results, (Int64) -> Bool) {
        let principal = try context.signedIn()
        let round = try await self.round(context)
        guard let results = try await evaluations.results(round: round.id) else { throw AccessRefused(status: .notFound) }
        if round.published || principal.decide(.manageEvaluations, at: .division(round.division)) == .allowed { return (results, { _ in true }) }
        guard principal.mayEver(.inspectCompounds) || principal.mayEver(.manageEvaluations) else { throw AccessRefused(status: .forbidden) }
        let visible: (Int64) -> Bool = { id in
            results.communities[id].map { community in principal.decide(.inspectCompounds, at: Place(division: community, compoundID: id)) == .allowed } ?? false
        }
        guard results.results.entries.contains(where: { visible($0.compoundID) }) else { throw AccessRefused(status: .notFound) }
        return (results, visible)
    }

    static func typeName(_ type: String) -> String {
        switch type {
        case "open": "开放式小区"
        case "commercial": "商务楼宇"
        default: "封闭式小区"
        }
    }

    /// The scorecard with the form's points, lines and bands: items in the order shown.
    static func edited(_ card: Scorecard, _ fields: FormFields) throws(DomainError) -> Scorecard {
        var card = card
        var index = 0
        for d in card.dimensions.indices {
            for i in card.dimensions[d].items.indices {
                index += 1
                let item = card.dimensions[d].items[i]
                guard let max = Hundredths.parse(fields.text("max_\(index)")) else {
                    throw DomainError(code: "invalid_points", message: "“\(item.name)”的分值应为数字，最多两位小数", english: "points are a number", field: "items")
                }
                card.dimensions[d].items[i].max = Int(max)
                if case .indicator(let indicator, _, _) = item.rule {
                    card.dimensions[d].items[i].rule = .indicator(indicator, best: try line(fields.text("best_\(index)"), indicator, item.name),
                                                                  worst: try line(fields.text("worst_\(index)"), indicator, item.name))
                }
            }
        }
        for b in card.bands.indices.dropLast() {
            guard let min = Hundredths.parse(fields.text("band_\(b)")) else {
                throw DomainError(code: "invalid_bands", message: "分档线应为分数，最多两位小数", english: "a band's line is a score", field: "bands")
            }
            card.bands[b].min = Int(min)
        }
        try card.check()
        return card
    }

    /// A line as the form shows it: complaints per 100 homes to two decimals; rates in % to one decimal.
    static func line(_ text: String, _ indicator: Indicator, _ name: String) throws(DomainError) -> Int {
        guard let hundredths = Hundredths.parse(text), indicator.lowerIsBetter || (hundredths % 10 == 0 && hundredths <= 10_000) else {
            throw DomainError(code: "invalid_rule", message: "“\(name)”的满分线和零分线应为\(indicator.lowerIsBetter ? "每百户件数" : "百分数（至多一位小数）")",
                              english: "a line is a number in the indicator's unit", field: "items")
        }
        return indicator.lowerIsBetter ? Int(hundredths) : Int(hundredths / 10)
    }

    static func lineText(_ value: Int, _ indicator: Indicator) -> String {
        indicator.lowerIsBetter ? Hundredths.text(Int64(value)) : "\(value / 10)" + (value % 10 == 0 ? "" : ".\(value % 10)")
    }
}
