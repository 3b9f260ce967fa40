import Evaluation
import Foundation
import SQLKit
import WuyeCore

/// Evaluation of property companies (reference §5): scorecards kept as versioned data, rounds run by
/// an office over its division, the owners' survey and the inspectors' deductions. Scores come from
/// the platform's own records (`Evaluations+Scores`). Every write is one transaction with its audit entry.
public struct Evaluations: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Round: Sendable, Equatable {
        public let id: Int64
        public let division: DivisionCode
        public let year: Int
        public let name: String
        public let startsOn: CivilDate
        public let endsOn: CivilDate
        public let published: Bool

        public func isOpen(on day: CivilDate) -> Bool { !published && startsOn <= day && day <= endsOn }
    }

    public struct CardInUse: Sendable {
        public let card: Scorecard
        /// nil: the built-in template, no version saved yet.
        public let id: Int64?
        public let version: Int
        public let setBy: DivisionCode?
    }

    // MARK: scorecards

    /// The scorecard for a compound type in a year: the newest version set by the division or the
    /// nearest division above it, else the Jinan template.
    public func scorecard(at division: DivisionCode, year: Int, type: String) async throws -> CardInUse {
        try await database.read { sql in try await Self.scorecard(at: division, year: year, type: type, sql: sql) }
    }

    static func scorecard(at division: DivisionCode, year: Int, type: String, sql: any SQLDatabase) async throws -> CardInUse {
        let chain = sequence(first: division, next: \.parent).map(\.rawValue)
        let rows = try await sql.raw("""
            SELECT id, division_code, version, definition FROM scorecards
            WHERE division_code IN (\(binds: chain)) AND year = \(bind: year) AND compound_type = \(bind: type)
            ORDER BY version DESC
            """).all()
        let best = try rows.compactMap { row -> (DivisionCode, any SQLRow)? in
            guard let code = DivisionCode(rawValue: try row.decode(column: "division_code", as: String.self)) else { return nil }
            return (code, row)
        }.max { $0.0.level < $1.0.level }
        guard let (code, _) = best, let row = rows.first(where: { (try? $0.decode(column: "division_code", as: String.self)) == code.rawValue }),
              let card = try? JSONDecoder().decode(Scorecard.self, from: Data(try row.decode(column: "definition", as: String.self).utf8)) else {
            return CardInUse(card: ScorecardTemplate.jinan(for: type), id: nil, version: 0, setBy: nil)
        }
        return CardInUse(card: card, id: try row.decode(column: "id", as: Int64.self), version: Int(try row.decode(column: "version", as: Int64.self)), setBy: code)
    }

    /// Saves a new version of the division's scorecard for the type and year.
    @discardableResult
    public func saveScorecard(_ card: Scorecard, division: DivisionCode, year: Int, type: String, by actor: AuditActor) async throws -> Int {
        try card.check()
        let definition = String(decoding: try JSONEncoder().encode(card), as: UTF8.self)
        let now = clock.now()
        return try await database.write { sql in
            let version = Int(try await sql.raw("""
                SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) AS v FROM scorecards
                WHERE division_code = \(bind: division.rawValue) AND year = \(bind: year) AND compound_type = \(bind: type)
                """).first()?.decode(column: "v", as: Int64.self) ?? 0) + 1
            try await sql.raw("""
                INSERT INTO scorecards (division_code, year, compound_type, version, definition, created_by_label, created_at)
                VALUES (\(bind: division.rawValue), \(bind: year), \(bind: type), \(bind: version), \(bind: definition), \(bind: actor.label),
                        \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "evaluation.scorecard", targetType: "division", targetID: division.rawValue,
                                                  after: ["year": String(year), "type": type, "version": String(version)]), by: actor, at: now, sql: sql)
            return version
        }
    }

    // MARK: rounds

    public func createRound(division: DivisionCode, name raw: String, startsOn: String, endsOn: String, by actor: AuditActor) async throws -> Int64 {
        let name = raw.trimmedWhitespace
        guard (2...60).contains(name.count) else {
            throw DomainError(code: "name_required", message: "请填写评价名称（2–60 字）", english: "a round name of 2 to 60 characters", field: "name")
        }
        guard let start = CivilDate(text: startsOn.trimmedWhitespace) else {
            throw DomainError(code: "invalid_date", message: "请按 年-月-日 填写开始日期", english: "a date is YYYY-MM-DD", field: "starts_on")
        }
        guard let end = CivilDate(text: endsOn.trimmedWhitespace), start <= end, end.daysSince1970 - start.daysSince1970 <= 366 else {
            throw DomainError(code: "invalid_date", message: "结束日期不早于开始日期，且评价期不超过一年", english: "the end is after the start, within a year",
                              field: "ends_on")
        }
        let now = clock.now()
        return try await database.write { sql in
            guard let row = try await sql.raw("""
                INSERT INTO evaluation_rounds (division_code, year, name, starts_on, ends_on, status, created_by_label, created_at)
                VALUES (\(bind: division.rawValue), \(bind: start.year), \(bind: name), \(bind: start.text), \(bind: end.text), 'open', \(bind: actor.label),
                        \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "evaluation.round", targetType: "evaluation_round", targetID: String(id),
                                                  after: ["division": division.rawValue, "name": name, "from": start.text, "to": end.text]),
                                      by: actor, at: now, sql: sql)
            return id
        }
    }

    public func round(id: Int64) async throws -> Round? {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM evaluation_rounds WHERE id = \(bind: id)").first().map(Self.round)
        }
    }

    /// Rounds run over `division`, over a division inside it, or over one above it (a subdistrict sees
    /// its district's rounds; an owner those covering the compound), newest first.
    public func rounds(around division: DivisionCode) async throws -> [Round] {
        let chain = sequence(first: division, next: \.parent).map(\.rawValue)
        return try await database.read { sql in
            try await sql.raw("""
                SELECT * FROM evaluation_rounds WHERE division_code IN (\(binds: chain)) OR division_code LIKE \(bind: division.sharedPrefix + "%")
                ORDER BY id DESC LIMIT 100
                """).all().map(Self.round)
        }
    }

    static func round(_ row: any SQLRow) throws -> Round {
        Round(id: try row.decode(column: "id", as: Int64.self),
              division: try DivisionCode(try row.decode(column: "division_code", as: String.self)),
              year: Int(try row.decode(column: "year", as: Int64.self)), name: try row.decode(column: "name", as: String.self),
              startsOn: CivilDate(text: try row.decode(column: "starts_on", as: String.self)) ?? CivilDate(daysSince1970: 0),
              endsOn: CivilDate(text: try row.decode(column: "ends_on", as: String.self)) ?? CivilDate(daysSince1970: 0),
              published: try row.decode(column: "status", as: String.self) == "published")
    }

    // MARK: the owners' survey and the inspectors' deductions

    /// An owner's answer for one of their homes: once per home per round, while the round is open.
    public func answer(round id: Int64, home: Int64, rating text: String, comment raw: String, by actor: AuditActor) async throws {
        let rating = try SatisfactionAnswer.rating(text)
        let comment = raw.trimmedWhitespace
        guard comment.count <= 200 else {
            throw DomainError(code: "comment_too_long", message: "意见请在 200 字以内", english: "a comment of at most 200 characters", field: "comment")
        }
        let now = clock.now()
        guard let round = try await round(id: id), round.isOpen(on: CivilDate.inChina(now)) else { throw Self.closed }
        try await database.write { sql in
            guard let home = try await sql.raw("""
                SELECT h.id, h.compound_id FROM homes h JOIN compounds c ON c.id = h.compound_id
                WHERE h.id = \(bind: home) AND c.community_code LIKE \(bind: round.division.sharedPrefix + "%")
                """).first() else {
                throw DomainError(code: "not_in_round", message: "这户房屋不在本次评价范围内", english: "the home is outside the round", field: "home")
            }
            let homeID = try home.decode(column: "id", as: Int64.self), compound = try home.decode(column: "compound_id", as: Int64.self)
            guard try await sql.raw("SELECT 1 FROM evaluation_answers WHERE round_id = \(bind: id) AND home_id = \(bind: homeID)").first() == nil else {
                throw DomainError(code: "already_answered", message: "这户已经参加过本次满意度调查", english: "the home has answered", field: "home")
            }
            try await sql.raw("""
                INSERT INTO evaluation_answers (round_id, home_id, compound_id, rating, comment, answered_at)
                VALUES (\(bind: id), \(bind: homeID), \(bind: compound), \(bind: rating), \(bind: comment), \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "evaluation.answer", targetType: "evaluation_round", targetID: String(id),
                                                  after: ["home": String(homeID), "rating": String(rating)]), by: actor, at: now, sql: sql)
        }
    }

    /// Which of `homes` have answered in the round.
    public func answered(round id: Int64, homes: [Int64]) async throws -> Set<Int64> {
        guard !homes.isEmpty else { return [] }
        return try await database.read { sql in
            Set(try await sql.raw("SELECT home_id FROM evaluation_answers WHERE round_id = \(bind: id) AND home_id IN (\(binds: homes))").all()
                .map { try $0.decode(column: "home_id", as: Int64.self) })
        }
    }

    /// An inspector's deduction on an inspection item, with its evidence; deductions add up to at most
    /// the item's maximum. They are kept as written.
    public func deduct(round id: Int64, compound: Int64, item: String, points text: String, evidence raw: String, by actor: AuditActor) async throws {
        guard let centi = Hundredths.parse(text.trimmedWhitespace), centi > 0 else {
            throw DomainError(code: "invalid_points", message: "扣分须大于 0，最多两位小数", english: "points are more than 0, two decimals at most", field: "points")
        }
        let evidence = raw.trimmedWhitespace
        guard (4...500).contains(evidence.count) else {
            throw DomainError(code: "evidence_required", message: "请写明扣分依据（检查发现的问题、地点、时间）", english: "give the evidence", field: "evidence")
        }
        let now = clock.now()
        guard let round = try await round(id: id), !round.published else { throw Self.closed }
        try await database.write { sql in
            guard let row = try await sql.raw("""
                SELECT community_code, type FROM compounds WHERE id = \(bind: compound) AND community_code LIKE \(bind: round.division.sharedPrefix + "%")
                """).first(), let community = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self)) else {
                throw DomainError(code: "not_in_round", message: "该小区不在本次评价范围内", english: "the compound is outside the round", field: "compound")
            }
            let card = try await Self.scorecard(at: community, year: round.year, type: try row.decode(column: "type", as: String.self), sql: sql).card
            guard let found = card.items.first(where: { $0.name == item && $0.rule == .inspection }) else {
                throw DomainError(code: "unknown_item", message: "请选择现场检查或党组织评价的评分项", english: "choose an inspection item", field: "item")
            }
            let already = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(deduction_centi), 0) AS BIGINT) AS d FROM evaluation_deductions
                WHERE round_id = \(bind: id) AND compound_id = \(bind: compound) AND item = \(bind: item)
                """).first()?.decode(column: "d", as: Int64.self) ?? 0
            guard already + centi <= Int64(found.max) else {
                throw DomainError(code: "too_many_points", message: "该项满分 \(Hundredths.text(Int64(found.max))) 分，已扣 \(Hundredths.text(already)) 分",
                                  english: "deductions exceed the item's maximum", field: "points")
            }
            try await sql.raw("""
                INSERT INTO evaluation_deductions (round_id, compound_id, item, deduction_centi, evidence, by_label, at)
                VALUES (\(bind: id), \(bind: compound), \(bind: item), \(bind: centi), \(bind: evidence), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "evaluation.deduct", targetType: "compound", targetID: String(compound),
                                                  after: ["round": String(id), "item": item, "centi": String(centi)]), by: actor, at: now, sql: sql)
        }
    }

    static let closed = DomainError(code: "round_closed", message: "本次评价不在进行中", english: "the round is not open", field: "round")
}
