import Cases
import Foundation
import SQLKit
import WuyeCore

/// Complaint hot spots: each compound's complaints in a period against its homes. A complaint is a
/// case of kind `complaint` from any source (owners, the 12345 hotline, Open311), counted on the day
/// it was reported; cases rejected as not a matter for the platform (不予立案) are not counted.
public struct HotSpots: Sendable {
    public let database: WuyeDatabase

    public init(database: WuyeDatabase) {
        self.database = database
    }

    /// The days a hot-spot list counts, both included, in Beijing's calendar.
    public struct Period: Sendable, Equatable {
        public let from: CivilDate
        public let to: CivilDate

        public static let longestDays = 366

        public init(from: String, to: String) throws(DomainError) {
            guard let start = CivilDate(text: from.trimmedWhitespace) else {
                throw DomainError(code: "invalid_date", message: "请按 年-月-日 填写开始日期", english: "from is YYYY-MM-DD", field: "from")
            }
            guard let end = CivilDate(text: to.trimmedWhitespace), end >= start else {
                throw DomainError(code: "invalid_date", message: "结束日期须按 年-月-日 填写，且不早于开始日期",
                                  english: "to is YYYY-MM-DD, not before from", field: "to")
            }
            guard end.daysSince1970 - start.daysSince1970 < Self.longestDays else {
                throw DomainError(code: "period_too_long", message: "统计期最长 \(Self.longestDays) 天",
                                  english: "a period spans at most \(Self.longestDays) days", field: "to")
            }
            self.from = start
            self.to = end
        }

        /// The last `days` days up to and including `today`.
        public static func last(_ days: Int, until today: CivilDate) -> Period {
            // Both dates are valid by construction.
            try! Period(from: CivilDate(daysSince1970: today.daysSince1970 - days + 1).text, to: today.text)
        }

        var seconds: (from: Int64, until: Int64) {
            (Int64(from.startInChina.timeIntervalSince1970), Int64(CivilDate(daysSince1970: to.daysSince1970 + 1).startInChina.timeIntervalSince1970))
        }
    }

    /// A compound on the hot-spot list.
    public struct Row: Sendable, Equatable {
        public let load: ComplaintLoad
        public let compoundName: String
        public let communityName: String
        public let subdistrictName: String
    }

    /// Every compound in `division` with at least one complaint in `period`, busiest first.
    public func loads(in division: DivisionCode, period: Period) async throws -> [Row] {
        let (from, until) = period.seconds
        return try await database.read { sql in
            try await sql.raw("""
                SELECT p.id, p.name, p.home_count, m.name AS community_name, s.name AS subdistrict_name, k.complaints
                FROM (SELECT compound_id, COUNT(*) AS complaints FROM cases
                      WHERE kind = 'complaint' AND state <> 'rejected' AND reported_at >= \(bind: from) AND reported_at < \(bind: until)
                        AND community_code LIKE \(bind: division.sharedPrefix + "%")
                      GROUP BY compound_id) k
                JOIN compounds p ON p.id = k.compound_id
                JOIN divisions m ON m.code = p.community_code
                JOIN divisions s ON s.code = m.parent_code
                """).all().map { row in
                Row(load: ComplaintLoad(compoundID: try row.decode(column: "id", as: Int64.self),
                                        complaints: Int(try row.decode(column: "complaints", as: Int64.self)),
                                        homes: Int(try row.decode(column: "home_count", as: Int64.self))),
                    compoundName: try row.decode(column: "name", as: String.self),
                    communityName: try row.decode(column: "community_name", as: String.self),
                    subdistrictName: try row.decode(column: "subdistrict_name", as: String.self))
            }
            .sorted { ComplaintLoad.busierFirst($0.load, $1.load) }
        }
    }

    /// The key compounds `rule` picks in `division` over `period`.
    public func keyCompounds(in division: DivisionCode, period: Period, rule: KeyCompoundRule) async throws -> [Row] {
        let rows = try await loads(in: division, period: period)
        let chosen = Set(rule.select(rows.map(\.load)).map(\.compoundID))
        return rows.filter { chosen.contains($0.load.compoundID) }
    }
}
