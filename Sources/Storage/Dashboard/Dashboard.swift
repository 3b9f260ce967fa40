import Disclosure
import Foundation
import SQLKit
import WuyeCore

/// The city dashboard's figures (一图总览、一网统管): for a division, its own and each child's (each
/// compound's under a community), each figure added up from the records in a handful of grouped
/// reads — counts kept on compounds, cases, fee totals, committees, meetings, ledgers, evaluation
/// results. Nothing is cached: what the page shows is what the records say now.
public struct Dashboard: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// The division's figures and its children's, children in code order.
    public func figures(in division: DivisionCode) async throws -> (total: DashboardFigures, children: [DashboardFigures]) {
        let length = division.level == .community ? 0 : division.level == .subdistrict ? 12 : division.level == .district ? 9 : 6
        let key: SQLQueryString = length == 0 ? "CAST(c.id AS TEXT)" : "SUBSTR(c.community_code, 1, \(unsafeRaw: String(length)))"
        let filter: SQLQueryString = "c.community_code LIKE \(bind: division.sharedPrefix + "%")"
        let rows = try await read(key: key, filter: filter)
        var names: [String: String] = [:]
        try await database.readAllowingLag { sql in
            let query: SQLQueryString = length == 0
                ? "SELECT CAST(id AS TEXT) AS k, name FROM compounds WHERE community_code = \(bind: division.rawValue)"
                : "SELECT code AS k, name FROM divisions WHERE parent_code = \(bind: division.rawValue)"
            for row in try await sql.raw(query).all() { names[try row.decode(column: "k", as: String.self)] = try row.decode(column: "name", as: String.self) }
            if let own = try await sql.raw("SELECT name FROM divisions WHERE code = \(bind: division.rawValue)").first() {
                names[division.rawValue] = try own.decode(column: "name", as: String.self)
            }
        }
        var total = DashboardFigures(key: division.rawValue, name: names[division.rawValue] ?? division.rawValue)
        var children: [DashboardFigures] = []
        for (childKey, var figures) in rows.sorted(by: { $0.key < $1.key }) {
            figures.name = names[childKey] ?? childKey
            total.add(figures)
            children.append(figures)
        }
        return (total, children)
    }

    /// One compound's figures.
    public func figures(ofCompound id: Int64) async throws -> DashboardFigures? {
        let rows = try await read(key: "CAST(c.id AS TEXT)", filter: "c.id = \(bind: id)")
        guard var figures = rows[String(id)] else { return nil }
        figures.name = try await database.readAllowingLag { sql in
            try await sql.raw("SELECT name FROM compounds WHERE id = \(bind: id)").first()?.decode(column: "name", as: String.self) ?? ""
        }
        return figures
    }

    /// Each key's figures: compounds are grouped by `key` among those matching `filter`.
    func read(key: SQLQueryString, filter: SQLQueryString) async throws -> [String: DashboardFigures] {
        let now = clock.now()
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let since = nowSeconds - 90 * 86_400
        let today = CivilDate.inChina(now)
        let yearStart = Int64((CivilDate(year: today.year, month: 1, day: 1) ?? today).startInChina.timeIntervalSince1970)
        var figures: [String: DashboardFigures] = [:]
        var compoundKeys: [Int64: String] = [:]
        try await database.readAllowingLag { sql in
            func grouped(_ select: SQLQueryString, from: SQLQueryString, where extra: SQLQueryString = "",
                         _ apply: (inout DashboardFigures, any SQLRow) throws -> Void) async throws {
                var query: SQLQueryString = "SELECT "
                query += key
                query += " AS k, "
                query += select
                query += " FROM "
                query += from
                query += " WHERE "
                query += filter
                query += extra
                query += " GROUP BY "
                query += key
                for row in try await sql.raw(query).all() {
                    let k = try row.decode(column: "k", as: String.self)
                    try apply(&figures[k, default: DashboardFigures(key: k, name: k)], row)
                }
            }
            func int(_ row: any SQLRow, _ column: String) throws -> Int64 { try row.decode(column: column, as: Int64?.self) ?? 0 }
            var ids: SQLQueryString = "SELECT c.id, "
            ids += key
            ids += " AS k FROM compounds c WHERE "
            ids += filter
            for row in try await sql.raw(ids).all() { compoundKeys[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "k", as: String.self) }
            try await grouped("CAST(COUNT(*) AS BIGINT) AS n, CAST(SUM(c.home_count) AS BIGINT) AS homes, CAST(SUM(c.area_centi) AS BIGINT) AS area",
                              from: "compounds c") { f, row in
                f.compounds = try int(row, "n"); f.homes = try int(row, "homes"); f.areaCenti = try int(row, "area")
            }
            let todayText = today.text
            try await grouped("CAST(COUNT(*) AS BIGINT) AS n", from: "compounds c", where: """
                 AND EXISTS (SELECT 1 FROM service_arrangements a WHERE a.compound_id = c.id AND a.company_id IS NOT NULL
                             AND a.starts_on <= \(bind: todayText) AND (a.ends_on IS NULL OR a.ends_on > \(bind: todayText)))
                """) { f, row in f.served = try int(row, "n") }
            try await grouped("CAST(COUNT(*) AS BIGINT) AS n, CAST(SUM(CASE WHEN o.id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS party",
                              from: """
                                committees k JOIN compounds c ON c.id = k.compound_id
                                LEFT JOIN party_organisations o ON o.kind = 'committee_branch' AND o.target_id = k.compound_id
                                """,
                              where: " AND k.stage IN ('elected', 'filed', 'active')") { f, row in
                f.committees = try int(row, "n"); f.partyCommittees = try int(row, "party")
            }
            try await grouped("CAST(COUNT(*) AS BIGINT) AS n", from: "compounds c", where: """
                 AND EXISTS (SELECT 1 FROM service_arrangements a JOIN party_organisations o ON o.kind = 'company_branch' AND o.target_id = a.company_id
                             WHERE a.compound_id = c.id AND a.starts_on <= \(bind: todayText) AND (a.ends_on IS NULL OR a.ends_on > \(bind: todayText)))
                """) { f, row in f.partyServed = try int(row, "n") }
            try await grouped("""
                CAST(SUM(CASE WHEN x.state NOT IN ('closed', 'rejected') THEN 1 ELSE 0 END) AS BIGINT) AS open,
                CAST(SUM(CASE WHEN x.state NOT IN ('closed', 'rejected', 'suspended') AND x.due_at < \(bind: nowSeconds) THEN 1 ELSE 0 END) AS BIGINT) AS overdue,
                CAST(SUM(CASE WHEN x.closed_at >= \(bind: since) THEN 1 ELSE 0 END) AS BIGINT) AS closed,
                CAST(SUM(CASE WHEN x.closed_at >= \(bind: since) AND x.closed_on_time THEN 1 ELSE 0 END) AS BIGINT) AS on_time,
                CAST(SUM(CASE WHEN x.kind = 'complaint' AND x.state <> 'rejected' AND x.reported_at >= \(bind: since) THEN 1 ELSE 0 END) AS BIGINT) AS complaints
                """, from: "cases x JOIN compounds c ON c.id = x.compound_id") { f, row in
                f.openCases = try int(row, "open"); f.overdueCases = try int(row, "overdue"); f.closedCases = try int(row, "closed")
                f.closedOnTime = try int(row, "on_time"); f.complaints = try int(row, "complaints")
            }
            try await grouped("CAST(COUNT(DISTINCT x.compound_id) AS BIGINT) AS n", from: "campaign_compounds x JOIN compounds c ON c.id = x.compound_id",
                              where: " AND x.state <> 'rectified'") { f, row in f.keyCompounds = try int(row, "n") }
            try await grouped("CAST(SUM(t.billed_fen) AS BIGINT) AS billed, CAST(SUM(t.collected_fen) AS BIGINT) AS collected",
                              from: "fee_totals t JOIN compounds c ON c.id = t.compound_id", where: " AND t.period_key = \(bind: today.monthText)") { f, row in
                f.billedFen = try int(row, "billed"); f.collectedFen = try int(row, "collected")
            }
            try await grouped("CAST(COUNT(*) AS BIGINT) AS n", from: "meetings m JOIN compounds c ON c.id = m.compound_id",
                              where: " AND m.status = 'closed' AND m.closed_at >= \(bind: yearStart)") { f, row in f.meetingsHeld = try int(row, "n") }
            try await grouped("CAST(SUM(l.debit_fen - l.credit_fen) AS BIGINT) AS n", from: "common_fund_lines l JOIN compounds c ON c.id = l.compound_id",
                              where: " AND l.account = 'bank'") { f, row in f.commonFundFen = try int(row, "n") }
            try await grouped("CAST(SUM(l.debit_fen - l.credit_fen) AS BIGINT) AS n", from: "maintenance_fund_lines l JOIN compounds c ON c.id = l.compound_id",
                              where: " AND l.home_id IS NULL") { f, row in f.maintenanceFundFen = try int(row, "n") }
            // 三公开: a served compound whose company items are all current, by the disclosure board's own rule.
            var served: SQLQueryString = "SELECT c.id FROM compounds c WHERE "
            served += filter
            served += """
                 AND EXISTS (SELECT 1 FROM service_arrangements a WHERE a.compound_id = c.id AND a.company_id IS NOT NULL
                             AND a.starts_on <= \(bind: todayText) AND (a.ends_on IS NULL OR a.ends_on > \(bind: todayText)))
                """
            let servedIDs = Set(try await sql.raw(served).all().map { try $0.decode(column: "id", as: Int64.self) })
            var published: SQLQueryString = "SELECT d.compound_id, d.item, MAX(d.published_at) AS at FROM disclosures d JOIN compounds c ON c.id = d.compound_id WHERE "
            published += filter
            published += " GROUP BY d.compound_id, d.item"
            var current: [Int64: Set<DisclosureItem>] = [:]
            for row in try await sql.raw(published).all() {
                guard let item = DisclosureItem(rawValue: try row.decode(column: "item", as: String.self)) else { continue }
                let at = Date(timeIntervalSince1970: Double(try row.decode(column: "at", as: Int64.self)))
                if DisclosureStatus.of(item, published: at, now: now) == .current { current[try row.decode(column: "compound_id", as: Int64.self), default: []].insert(item) }
            }
            let companyItems = Set(DisclosureItem.items(of: .company))
            for compound in servedIDs where companyItems.isSubset(of: current[compound] ?? []) {
                if let k = compoundKeys[compound] { figures[k, default: DashboardFigures(key: k, name: k)].disclosureComplete += 1 }
            }
            // Each compound's band in the latest published round that scored it.
            var query: SQLQueryString = "SELECT "
            query += key
            query += " AS k, r.band, CAST(COUNT(*) AS BIGINT) AS n FROM evaluation_results r JOIN compounds c ON c.id = r.compound_id WHERE "
            query += filter
            query += " AND r.round_id = (SELECT MAX(x.round_id) FROM evaluation_results x WHERE x.compound_id = r.compound_id) GROUP BY "
            query += key
            query += ", r.band"
            for row in try await sql.raw(query).all() {
                let k = try row.decode(column: "k", as: String.self)
                figures[k, default: DashboardFigures(key: k, name: k)].grades[try row.decode(column: "band", as: String.self)] = try int(row, "n")
            }
        }
        return figures
    }
}

extension Dashboard {
    public struct Month: Sendable, Equatable {
        public let month: String
        public var reported: Int64 = 0
        public var complaints: Int64 = 0
        public var closed: Int64 = 0
        public var closedOnTime: Int64 = 0
        /// Service fees billed for the month and collected on those bills so far.
        public var billedFen: Int64 = 0
        public var collectedFen: Int64 = 0
        public var collectionRate: Int? { billedFen > 0 ? Int((collectedFen * 2000 + billedFen) / (2 * billedFen)) : nil }
        public var onTimeRate: Int? { Permille.of(Int(closedOnTime), Int(closed)) }
    }

    /// Cases and fee collection month by month over the last `months` calendar months (Beijing time), this month last.
    public func trend(in division: DivisionCode, months: Int = 12) async throws -> [Month] {
        let today = CivilDate.inChina(clock.now())
        var keys: [String] = []
        var (year, month) = (today.year, today.month)
        for _ in 0..<months {
            keys.insert("\(year)-" + (month < 10 ? "0" : "") + "\(month)", at: 0)
            (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
        }
        let from = Int64((CivilDate(text: keys[0] + "-01") ?? today).startInChina.timeIntervalSince1970)
        var result = Dictionary(uniqueKeysWithValues: keys.map { ($0, Month(month: $0)) })
        try await database.readAllowingLag { sql in
            // Grouped by Beijing day, then folded into months: at most a few hundred rows whatever the case count.
            for row in try await sql.raw("""
                SELECT (reported_at + 28800) / 86400 AS day, CAST(COUNT(*) AS BIGINT) AS reported,
                       CAST(SUM(CASE WHEN kind = 'complaint' AND state <> 'rejected' THEN 1 ELSE 0 END) AS BIGINT) AS complaints
                FROM cases WHERE community_code LIKE \(bind: division.sharedPrefix + "%") AND reported_at >= \(bind: from)
                GROUP BY (reported_at + 28800) / 86400
                """).all() {
                let key = CivilDate(daysSince1970: Int(try row.decode(column: "day", as: Int64.self))).monthText
                result[key]?.reported += try row.decode(column: "reported", as: Int64.self)
                result[key]?.complaints += try row.decode(column: "complaints", as: Int64.self)
            }
            for row in try await sql.raw("""
                SELECT (closed_at + 28800) / 86400 AS day, CAST(COUNT(*) AS BIGINT) AS closed,
                       CAST(SUM(CASE WHEN closed_on_time THEN 1 ELSE 0 END) AS BIGINT) AS on_time
                FROM cases WHERE community_code LIKE \(bind: division.sharedPrefix + "%") AND closed_at >= \(bind: from)
                GROUP BY (closed_at + 28800) / 86400
                """).all() {
                let key = CivilDate(daysSince1970: Int(try row.decode(column: "day", as: Int64.self))).monthText
                result[key]?.closed += try row.decode(column: "closed", as: Int64.self)
                result[key]?.closedOnTime += try row.decode(column: "on_time", as: Int64.self)
            }
            for row in try await sql.raw("""
                SELECT t.period_key, CAST(SUM(t.billed_fen) AS BIGINT) AS billed, CAST(SUM(t.collected_fen) AS BIGINT) AS collected
                FROM fee_totals t JOIN compounds c ON c.id = t.compound_id
                WHERE c.community_code LIKE \(bind: division.sharedPrefix + "%") AND t.period_key >= \(bind: keys[0]) GROUP BY t.period_key
                """).all() {
                let key = try row.decode(column: "period_key", as: String.self)
                result[key]?.billedFen += try row.decode(column: "billed", as: Int64.self)
                result[key]?.collectedFen += try row.decode(column: "collected", as: Int64.self)
            }
        }
        return keys.compactMap { result[$0] }
    }
}

extension Dashboard {
    public func name(of division: DivisionCode) async throws -> String {
        try await database.readAllowingLag { sql in
            try await sql.raw("SELECT name FROM divisions WHERE code = \(bind: division.rawValue)").first()?.decode(column: "name", as: String.self) ?? division.rawValue
        }
    }
}
