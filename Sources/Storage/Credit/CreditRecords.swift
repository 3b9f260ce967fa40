import Evaluation
import Foundation
import SQLKit
import WuyeCore

/// Companies' credit in the database: records entered by the housing offices with their evidence,
/// and each company's standing computed from its valid records and its latest published evaluation —
/// the red list (AAA with no valid bad record) and the black list (grade C, or a valid serious record).
public struct CreditRecords: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Standing: Sendable, Equatable {
        public let companyID: Int64
        public let name: String
        public let evaluationMean: Int?
        public let basic: Int
        public let good: Int
        public let bad: Int
        public let score: Int
        public let grade: CreditGrade
        public let serious: Bool
        public var redList: Bool { grade == .aaa && bad == 0 }
        public var blackList: Bool { grade == .c || serious }
    }

    public struct Entry: Sendable, Equatable {
        public let kind: CreditEntryDraft.Kind
        public let points: Int
        public let reason: String
        public let serious: Bool
        public let validFrom: String
        public let validUntil: String
        public let valid: Bool
        public let by: String
    }

    /// Records a company's good or bad entry; the company must serve a compound in the division.
    public func record(_ draft: CreditEntryDraft, company: Int64, division: DivisionCode, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard try await Self.serves(company, in: division, sql: sql) else {
                throw DomainError(code: "unknown_company", message: "请选择在辖区内服务的物业企业", english: "choose a company serving the division", field: "company")
            }
            try await sql.raw("""
                INSERT INTO credit_entries (company_id, kind, points_centi, reason, serious, valid_from, valid_until, division_code, recorded_by_label, recorded_at)
                VALUES (\(bind: company), \(bind: draft.kind.rawValue), \(bind: draft.points), \(bind: draft.reason), \(bind: draft.serious ? 1 : 0),
                        \(bind: draft.validFrom.text), \(bind: draft.validUntil.text), \(bind: division.rawValue), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "credit.\(draft.kind.rawValue)", targetType: "company", targetID: String(company),
                                                  after: ["points": String(draft.points), "until": draft.validUntil.text, "serious": draft.serious ? "yes" : "no"]),
                                      by: actor, at: now, sql: sql)
        }
    }

    static func serves(_ company: Int64, in division: DivisionCode, sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("""
            SELECT 1 FROM service_arrangements a JOIN compounds c ON c.id = a.compound_id
            WHERE a.company_id = \(bind: company) AND a.ends_on IS NULL AND c.community_code LIKE \(bind: division.sharedPrefix + "%")
            """).first() != nil
    }

    /// Every company serving the division, best first.
    public func standings(in division: DivisionCode) async throws -> [Standing] {
        let today = CivilDate.inChina(clock.now()).text
        return try await database.read { sql in
            let companies = try await sql.raw("""
                SELECT DISTINCT p.id, p.name FROM property_companies p JOIN service_arrangements a ON a.company_id = p.id JOIN compounds c ON c.id = a.compound_id
                WHERE a.ends_on IS NULL AND c.community_code LIKE \(bind: division.sharedPrefix + "%")
                """).all().map { (id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self)) }
            guard !companies.isEmpty else { return [] }
            let ids = companies.map(\.id)
            // Each company's mean over its compounds in the latest published round that scored it.
            var means: [Int64: Int] = [:]
            for row in try await sql.raw("""
                SELECT r.company_id, CAST(SUM(r.total_centi) AS BIGINT) AS total, CAST(COUNT(*) AS BIGINT) AS n FROM evaluation_results r
                WHERE r.company_id IN (\(binds: ids))
                  AND r.round_id = (SELECT MAX(x.round_id) FROM evaluation_results x WHERE x.company_id = r.company_id)
                GROUP BY r.company_id
                """).all() {
                let total = try row.decode(column: "total", as: Int64.self), n = try row.decode(column: "n", as: Int64.self)
                means[try row.decode(column: "company_id", as: Int64.self)] = Int((2 * total + n) / (2 * n))
            }
            var good: [Int64: [Int]] = [:], bad: [Int64: [Int]] = [:], serious: Set<Int64> = []
            for row in try await sql.raw("""
                SELECT company_id, kind, points_centi, serious FROM credit_entries
                WHERE company_id IN (\(binds: ids)) AND valid_from <= \(bind: today) AND valid_until > \(bind: today)
                """).all() {
                let company = try row.decode(column: "company_id", as: Int64.self), points = Int(try row.decode(column: "points_centi", as: Int64.self))
                if try row.decode(column: "kind", as: String.self) == "good" { good[company, default: []].append(points) } else {
                    bad[company, default: []].append(points)
                    if try row.decode(column: "serious", as: Int64.self) == 1 { serious.insert(company) }
                }
            }
            return companies.map { company in
                let basic = CreditGrade.basic(evaluationMean: means[company.id])
                let score = CreditGrade.score(basic: basic, good: good[company.id] ?? [], bad: bad[company.id] ?? [])
                return Standing(companyID: company.id, name: company.name, evaluationMean: means[company.id], basic: basic,
                                good: min(CreditGrade.goodCap, (good[company.id] ?? []).reduce(0, +)), bad: (bad[company.id] ?? []).reduce(0, +),
                                score: score, grade: CreditGrade.of(score: score, hasBadRecord: !(bad[company.id] ?? []).isEmpty),
                                serious: serious.contains(company.id))
            }.sorted { ($0.score, -$0.companyID) > ($1.score, -$1.companyID) }
        }
    }

    /// A company's records, newest first, each marked valid or lapsed today.
    public func entries(company: Int64) async throws -> [Entry] {
        let today = CivilDate.inChina(clock.now()).text
        return try await database.read { sql in
            try await sql.raw("SELECT * FROM credit_entries WHERE company_id = \(bind: company) ORDER BY id DESC LIMIT 500").all().map { row in
                let from = try row.decode(column: "valid_from", as: String.self), until = try row.decode(column: "valid_until", as: String.self)
                return Entry(kind: CreditEntryDraft.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .bad,
                             points: Int(try row.decode(column: "points_centi", as: Int64.self)), reason: try row.decode(column: "reason", as: String.self),
                             serious: try row.decode(column: "serious", as: Int64.self) == 1, validFrom: from, validUntil: until,
                             valid: from <= today && today < until, by: try row.decode(column: "recorded_by_label", as: String.self))
            }
        }
    }
}

extension CreditRecords {
    /// Does the company serve a compound in the division today?
    public func serves(_ company: Int64, in division: DivisionCode) async throws -> Bool {
        try await database.read { sql in try await Self.serves(company, in: division, sql: sql) }
    }

    public func name(of company: Int64) async throws -> String? {
        try await database.read { sql in
            try await sql.raw("SELECT name FROM property_companies WHERE id = \(bind: company)").first()?.decode(column: "name", as: String.self)
        }
    }
}
