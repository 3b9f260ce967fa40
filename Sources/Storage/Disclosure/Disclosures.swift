import Disclosure
import Foundation
import SQLKit
import WuyeCore

/// 三公开 in the database: each publication a new version of its item, dated and kept up for its
/// days; a compound's items judged current, stale or missing; coverage over a division.
public struct Disclosures: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Publication: Sendable, Equatable {
        public let id: Int64
        public let item: DisclosureItem
        public let version: Int
        public let title: String
        public let body: String
        public let publishedAt: Date
        public let keptUntil: Date
        public let publishedBy: String
    }

    @discardableResult
    public func publish(_ item: DisclosureItem, draft: DisclosureDraft, compound: Int64, by actor: AuditActor) async throws -> Int {
        let now = clock.now()
        return try await database.write { sql in
            let version = Int(try await sql.raw("""
                SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) AS v FROM disclosures WHERE compound_id = \(bind: compound) AND item = \(bind: item.rawValue)
                """).first()?.decode(column: "v", as: Int64.self) ?? 0) + 1
            let seconds = Int64(now.timeIntervalSince1970)
            try await sql.raw("""
                INSERT INTO disclosures (compound_id, item, version, title, body, published_at, kept_until, published_by_label)
                VALUES (\(bind: compound), \(bind: item.rawValue), \(bind: Int64(version)), \(bind: draft.title), \(bind: draft.body),
                        \(bind: seconds), \(bind: seconds + Int64(draft.keptDays) * 86_400), \(bind: actor.label))
                """).run()
            try await AuditLog.append(AuditChange(action: "disclosure.publish", targetType: "compound", targetID: String(compound),
                                                  after: ["item": item.rawValue, "version": String(version), "title": draft.title]),
                                      by: actor, at: now, sql: sql)
            return version
        }
    }

    static func publication(_ row: any SQLRow) throws -> Publication? {
        guard let item = DisclosureItem(rawValue: try row.decode(column: "item", as: String.self)) else { return nil }
        return Publication(id: try row.decode(column: "id", as: Int64.self), item: item, version: Int(try row.decode(column: "version", as: Int64.self)),
                           title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
                           publishedAt: Date(timeIntervalSince1970: Double(try row.decode(column: "published_at", as: Int64.self))),
                           keptUntil: Date(timeIntervalSince1970: Double(try row.decode(column: "kept_until", as: Int64.self))),
                           publishedBy: AuditActor.shown(try row.decode(column: "published_by_label", as: String.self)))
    }

    /// Every version of every item the compound has published, newest first per item, in one read.
    public func history(compound: Int64) async throws -> [DisclosureItem: [Publication]] {
        try await database.read { sql in
            Dictionary(grouping: try await sql.raw("""
                SELECT * FROM disclosures WHERE compound_id = \(bind: compound) ORDER BY item, version DESC
                """).all().compactMap(Self.publication), by: \.item)
        }
    }

    /// The latest version of each item the compound has published.
    public func latest(compound: Int64) async throws -> [DisclosureItem: Publication] {
        try await history(compound: compound).compactMapValues(\.first)
    }

    /// Every version of one item, newest first.
    public func versions(of item: DisclosureItem, compound: Int64) async throws -> [Publication] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT * FROM disclosures WHERE compound_id = \(bind: compound) AND item = \(bind: item.rawValue) ORDER BY version DESC LIMIT 50
                """).all().compactMap(Self.publication)
        }
    }

    /// One compound's company items judged now, for coverage.
    public struct Coverage: Sendable, Equatable {
        public let compoundID: Int64
        public let name: String
        public let statuses: [DisclosureItem: DisclosureStatus]
        public var complete: Bool { DisclosureItem.items(of: .company).allSatisfy { statuses[$0] == .current } }
        public var permille: Int? { DisclosureCoverage.completeness(DisclosureItem.items(of: .company).map { statuses[$0] ?? .missing }) }
    }

    /// The compounds of `division` that a company serves today, with their company items' status;
    /// incomplete ones first.
    public func coverage(in division: DivisionCode) async throws -> [Coverage] {
        let now = clock.now()
        let today = CivilDate.inChina(now).text
        return try await database.read { sql in
            let compounds = try await sql.raw("""
                SELECT c.id, c.name FROM compounds c WHERE c.community_code LIKE \(bind: division.sharedPrefix + "%")
                  AND EXISTS (SELECT 1 FROM service_arrangements a WHERE a.compound_id = c.id AND a.company_id IS NOT NULL
                              AND a.starts_on <= \(bind: today) AND (a.ends_on IS NULL OR a.ends_on > \(bind: today)))
                ORDER BY c.name LIMIT 5000
                """).all().map { (id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self)) }
            var published: [Int64: [DisclosureItem: Date]] = [:]
            for row in try await sql.raw("""
                SELECT d.compound_id, d.item, MAX(d.published_at) AS at FROM disclosures d JOIN compounds c ON c.id = d.compound_id
                WHERE c.community_code LIKE \(bind: division.sharedPrefix + "%") GROUP BY d.compound_id, d.item
                """).all() {
                guard let item = DisclosureItem(rawValue: try row.decode(column: "item", as: String.self)) else { continue }
                published[try row.decode(column: "compound_id", as: Int64.self), default: [:]][item] =
                    Date(timeIntervalSince1970: Double(try row.decode(column: "at", as: Int64.self)))
            }
            let rows = compounds.map { compound in
                Coverage(compoundID: compound.id, name: compound.name, statuses: Dictionary(uniqueKeysWithValues: DisclosureItem.allCases.map { item in
                    (item, DisclosureStatus.of(item, published: published[compound.id]?[item], now: now))
                }))
            }
            return rows.filter { !$0.complete } + rows.filter(\.complete)
        }
    }
}
