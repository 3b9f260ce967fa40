import Evaluation
import Foundation
import SQLKit
import WuyeCore

/// A round's scores from the records: every compound a company serves in the round's division,
/// measured over the round's period — complaints, on-time closing and ratings of cases, fees
/// collected, 三公开 today, the common fund's flags, the survey — plus the inspectors' deductions.
/// Before publication they are computed on every read; publication freezes them.
extension Evaluations {
    public struct Scored: Sendable {
        public let compoundID: Int64
        public let name: String
        public let community: DivisionCode?
        public let type: String
        public let companyID: Int64?
        public let companyName: String?
        public let scorecardID: Int64?
        public let scorecard: Scorecard
        public let measures: CompoundMeasures
    }

    public struct Results: Sendable {
        public let round: Round
        public let results: RoundResults
        public let names: [Int64: String]
        public let communities: [Int64: DivisionCode]
        public let companyNames: [Int64: String]
        public let published: Bool
    }

    /// The round's results: frozen when published, else computed now.
    public func results(round id: Int64) async throws -> Results? {
        guard let round = try await round(id: id) else { return nil }
        if round.published { return try await frozen(round) }
        let scored = try await measures(round)
        return Results(round: round, results: Self.rank(scored), names: Dictionary(scored.map { ($0.compoundID, $0.name) }) { a, _ in a },
                       communities: Dictionary(scored.compactMap { s in s.community.map { (s.compoundID, $0) } }) { a, _ in a },
                       companyNames: Dictionary(scored.compactMap { s in s.companyID.map { ($0, s.companyName ?? "") } }) { a, _ in a }, published: false)
    }

    /// Publishes the round: the results as computed now are written once and never change.
    public func publish(round id: Int64, by actor: AuditActor) async throws {
        guard let round = try await round(id: id), !round.published else { throw Self.closed }
        let scored = try await measures(round)
        let ranked = Self.rank(scored)
        let cards = Dictionary(scored.map { ($0.compoundID, $0.scorecardID) }) { a, _ in a }
        let now = clock.now()
        try await database.write { sql in
            guard try await sql.raw("""
                UPDATE evaluation_rounds SET status = 'published', published_at = \(bind: Int64(now.timeIntervalSince1970))
                WHERE id = \(bind: id) AND status = 'open' RETURNING id
                """).first() != nil else { throw Self.closed }
            let encoder = JSONEncoder()
            try await BulkInsert.insert(sql, into: "evaluation_results",
                                        columns: ["round_id", "compound_id", "company_id", "compound_type", "scorecard_id", "rank", "total_centi", "band",
                                                  "reward_fen", "star", "demonstration", "details"],
                                        rows: try ranked.entries.map { entry in
                [.int(id), .int(entry.compoundID), entry.companyID.map { .int($0) } ?? .null, .text(entry.type), (cards[entry.compoundID] ?? nil).map { .int($0) } ?? .null,
                 .int(Int64(entry.rank)), .int(Int64(entry.score.total)), .text(entry.score.band), .int(entry.reward.rawValue), .int(entry.star ? 1 : 0),
                 .int(entry.demonstration ? 1 : 0), .text(String(decoding: try encoder.encode(entry.score), as: UTF8.self))]
            })
            try await AuditLog.append(AuditChange(action: "evaluation.publish", targetType: "evaluation_round", targetID: String(id),
                                                  after: ["compounds": String(ranked.entries.count),
                                                          "rewards_fen": String(ranked.entries.reduce(Int64(0)) { $0 + $1.reward.rawValue })]),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// Every compound a company serves today in the round's division, with what the records say.
    public func measures(_ round: Round) async throws -> [Scored] {
        let prefix = round.division.sharedPrefix + "%"
        let today = CivilDate.inChina(clock.now()).text
        let from = Int64(round.startsOn.startInChina.timeIntervalSince1970)
        let to = Int64(CivilDate(daysSince1970: round.endsOn.daysSince1970 + 1).startInChina.timeIntervalSince1970)
        let coverage = try await Disclosures(database: database, clock: clock).coverage(in: round.division)
        let funds = try await CommonFunds(database: database, clock: clock).supervision(in: round.division)
        let flagged = Set(funds.filter(\.flagged).map(\.compoundID)), withFund = Set(funds.map(\.compoundID))
        return try await database.read { sql in
            func grouped(_ query: SQLQueryString) async throws -> [Int64: (Int64, Int64)] {
                var result: [Int64: (Int64, Int64)] = [:]
                for row in try await sql.raw(query).all() {
                    result[try row.decode(column: "compound_id", as: Int64.self)] = (try row.decode(column: "a", as: Int64.self), try row.decode(column: "b", as: Int64.self))
                }
                return result
            }
            let complaints = try await grouped("""
                SELECT compound_id, CAST(COUNT(*) AS BIGINT) AS a, CAST(0 AS BIGINT) AS b FROM cases
                WHERE community_code LIKE \(bind: prefix) AND kind = 'complaint' AND state <> 'rejected'
                  AND reported_at >= \(bind: from) AND reported_at < \(bind: to) GROUP BY compound_id
                """)
            let closed = try await grouped("""
                SELECT compound_id, CAST(SUM(CASE WHEN closed_on_time THEN 1 ELSE 0 END) AS BIGINT) AS a, CAST(COUNT(*) AS BIGINT) AS b FROM cases
                WHERE community_code LIKE \(bind: prefix) AND closed_at >= \(bind: from) AND closed_at < \(bind: to) GROUP BY compound_id
                """)
            let ratings = try await grouped("""
                SELECT compound_id, CAST(SUM(rating - 1) AS BIGINT) AS a, CAST(COUNT(*) AS BIGINT) AS b FROM cases
                WHERE community_code LIKE \(bind: prefix) AND closed_at >= \(bind: from) AND closed_at < \(bind: to) AND rating IS NOT NULL GROUP BY compound_id
                """)
            let fees = try await grouped("""
                SELECT t.compound_id, CAST(SUM(t.collected_fen) AS BIGINT) AS a, CAST(SUM(t.billed_fen) AS BIGINT) AS b FROM fee_totals t
                JOIN compounds c ON c.id = t.compound_id
                WHERE c.community_code LIKE \(bind: prefix) AND t.period_key >= \(bind: round.startsOn.monthText) AND t.period_key <= \(bind: round.endsOn.monthText)
                GROUP BY t.compound_id
                """)
            var survey: [Int64: [Int]] = [:]
            for row in try await sql.raw("SELECT compound_id, rating FROM evaluation_answers WHERE round_id = \(bind: round.id)").all() {
                survey[try row.decode(column: "compound_id", as: Int64.self), default: []].append(Int(try row.decode(column: "rating", as: Int64.self)))
            }
            var deductions: [Int64: [String: Int]] = [:]
            for row in try await sql.raw("""
                SELECT compound_id, item, CAST(SUM(deduction_centi) AS BIGINT) AS d FROM evaluation_deductions WHERE round_id = \(bind: round.id) GROUP BY compound_id, item
                """).all() {
                deductions[try row.decode(column: "compound_id", as: Int64.self), default: [:]][try row.decode(column: "item", as: String.self)] =
                    Int(try row.decode(column: "d", as: Int64.self))
            }
            let disclosure = Dictionary(coverage.map { ($0.compoundID, $0.permille) }) { a, _ in a }
            var cards: [String: CardInUse] = [:]
            var scored: [Scored] = []
            for row in try await sql.raw("""
                SELECT c.id, c.name, c.type, c.community_code, c.home_count, MIN(a.company_id) AS company_id, MIN(p.name) AS company_name FROM compounds c
                JOIN service_arrangements a ON a.compound_id = c.id AND a.company_id IS NOT NULL AND a.starts_on <= \(bind: today)
                     AND (a.ends_on IS NULL OR a.ends_on > \(bind: today))
                JOIN property_companies p ON p.id = a.company_id
                WHERE c.community_code LIKE \(bind: prefix)
                GROUP BY c.id, c.name, c.type, c.community_code, c.home_count ORDER BY c.id
                """).all() {
                let id = try row.decode(column: "id", as: Int64.self), type = try row.decode(column: "type", as: String.self)
                let homes = Int(try row.decode(column: "home_count", as: Int64.self))
                // The round's jurisdiction sets the scorecard: one per compound type.
                if cards[type] == nil { cards[type] = try await Self.scorecard(at: round.division, year: round.year, type: type, sql: sql) }
                var values: [Indicator: Int] = [:]
                if homes > 0 { values[.complaintsPer100Homes] = Int((complaints[id]?.0 ?? 0) * 10_000 / Int64(homes)) }
                if let (onTime, all) = closed[id] { values[.onTimeRate] = Permille.of(Int(onTime), Int(all)) }
                if let (sum, count) = ratings[id] { values[.caseRating] = Permille.of(Int(sum), Int(count) * 4) }
                if let (collected, billed) = fees[id], billed > 0 { values[.collectionRate] = Int((collected * 2000 + billed) / (2 * billed)) }
                if let permille = disclosure[id] ?? nil { values[.disclosureCompleteness] = permille }
                if withFund.contains(id) { values[.commonFundCompliance] = flagged.contains(id) ? 0 : 1000 }
                if let answers = survey[id] { values[.ownerSatisfaction] = SatisfactionAnswer.satisfaction(answers) }
                scored.append(Scored(compoundID: id, name: try row.decode(column: "name", as: String.self),
                                     community: DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self)), type: type,
                                     companyID: try row.decode(column: "company_id", as: Int64?.self), companyName: try row.decode(column: "company_name", as: String?.self),
                                     scorecardID: cards[type]?.id, scorecard: cards[type]?.card ?? ScorecardTemplate.jinan(for: type), measures: CompoundMeasures(values: values, deductions: deductions[id] ?? [:])))
            }
            return scored
        }
    }

    static func rank(_ scored: [Scored]) -> RoundResults {
        var topBand: Set<Int64> = []
        let entries = scored.map { compound in
            let score = CompoundScore(compound.scorecard, compound.measures)
            if score.band == compound.scorecard.bands.first?.label { topBand.insert(compound.compoundID) }
            return RoundResults.Entry(compoundID: compound.compoundID, companyID: compound.companyID, type: compound.type, score: score)
        }
        return RoundResults(entries, topBand: topBand)
    }

    func frozen(_ round: Round) async throws -> Results {
        try await database.read { sql in
            var entries: [RoundResults.Entry] = [], names: [Int64: String] = [:], companies: [Int64: String] = [:], communities: [Int64: DivisionCode] = [:]
            for row in try await sql.raw("""
                SELECT r.*, c.name, c.community_code, p.name AS company_name FROM evaluation_results r JOIN compounds c ON c.id = r.compound_id
                LEFT JOIN property_companies p ON p.id = r.company_id WHERE r.round_id = \(bind: round.id) ORDER BY r.compound_type, r.rank
                """).all() {
                let id = try row.decode(column: "compound_id", as: Int64.self), company = try row.decode(column: "company_id", as: Int64?.self)
                let score = try JSONDecoder().decode(CompoundScore.self, from: Data(try row.decode(column: "details", as: String.self).utf8))
                var entry = RoundResults.Entry(compoundID: id, companyID: company, type: try row.decode(column: "compound_type", as: String.self), score: score)
                entry.rank = Int(try row.decode(column: "rank", as: Int64.self))
                entry.reward = Fen(try row.decode(column: "reward_fen", as: Int64.self))
                entry.star = try row.decode(column: "star", as: Int64.self) == 1
                entry.demonstration = try row.decode(column: "demonstration", as: Int64.self) == 1
                entries.append(entry)
                names[id] = try row.decode(column: "name", as: String.self)
                communities[id] = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self))
                if let company { companies[company] = try row.decode(column: "company_name", as: String?.self) ?? "" }
            }
            return Results(round: round, results: RoundResults(frozen: entries), names: names, communities: communities, companyNames: companies, published: true)
        }
    }
}
