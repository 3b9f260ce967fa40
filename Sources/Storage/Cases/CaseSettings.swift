import Access
import Cases
import Foundation
import SQLKit
import WuyeCore

/// What offices configure about cases: a district's routing table (where each kind starts and which
/// department answers it at the top) and the working calendar's holidays and 调休 days, which each
/// year's State Council notice sets and deadlines are counted in.
public struct CaseSettings: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    // MARK: the routing table

    public func routing(district: DivisionCode) async throws -> CaseRouting {
        try await database.read { sql in try await Self.routing(district: district, sql: sql) }
    }

    /// The district's routing table over the standard one.
    static func routing(district: DivisionCode, sql: any SQLDatabase) async throws -> CaseRouting {
        var routing = CaseRouting.standard
        for row in try await sql.raw("""
            SELECT kind, first_level, department FROM case_routes WHERE district_code = \(bind: district.rawValue)
            """).all() {
            guard let kind = CaseKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let level = CaseLevel(rawValue: try row.decode(column: "first_level", as: String.self)),
                  let department = Department(rawValue: try row.decode(column: "department", as: String.self)) else { continue }
            routing.routes[kind] = .init(firstLevel: level, department: department)
        }
        return routing
    }

    /// Sets the routes of a district that differ from what it has; audited per kind changed.
    /// Returns how many kinds changed.
    @discardableResult
    public func setRoutes(_ routes: [CaseKind: CaseRouting.Route], district: DivisionCode, by actor: AuditActor) async throws -> Int {
        guard district.level == .district else {
            throw DomainError(code: "routes_per_district", message: "分派规则按区设定", english: "routes are set per district", field: "division")
        }
        for route in routes.values { try CaseRouting.checkFirstLevel(route.firstLevel) }
        let now = clock.now()
        return try await database.write { sql in
            let current = try await Self.routing(district: district, sql: sql)
            var changed = 0
            for kind in CaseKind.allCases {
                guard let route = routes[kind], let old = current.routes[kind], route != old else { continue }
                try await sql.raw("DELETE FROM case_routes WHERE district_code = \(bind: district.rawValue) AND kind = \(bind: kind.rawValue)").run()
                try await sql.raw("""
                    INSERT INTO case_routes (district_code, kind, first_level, department)
                    VALUES (\(bind: district.rawValue), \(bind: kind.rawValue), \(bind: route.firstLevel.rawValue), \(bind: route.department.rawValue))
                    """).run()
                try await AuditLog.append(AuditChange(action: "case_route.set", targetType: "division", targetID: district.rawValue,
                                                      before: ["kind": kind.rawValue, "first_level": old.firstLevel.rawValue,
                                                               "department": old.department.rawValue],
                                                      after: ["kind": kind.rawValue, "first_level": route.firstLevel.rawValue,
                                                              "department": route.department.rawValue]),
                                          by: actor, at: now, sql: sql)
                changed += 1
            }
            return changed
        }
    }

    // MARK: the working calendar

    /// A day that differs from the usual week: a holiday on a weekday, or a 调休 working weekend day.
    public struct CalendarDay: Sendable, Equatable {
        public let day: CivilDate
        public let working: Bool
        public let note: String

        public init(day: String, working: Bool, note: String) throws(DomainError) {
            guard let date = CivilDate(text: day.trimmedWhitespace) else {
                throw DomainError(code: "invalid_date", message: "请按 年-月-日 填写日期", english: "a date is YYYY-MM-DD", field: "day")
            }
            let note = note.trimmedWhitespace
            guard (1...40).contains(note.count) else {
                throw DomainError(code: "invalid_note", message: "请写明节日或调休说明（40 字以内）",
                                  english: "a note of 1 to 40 characters, e.g. 春节", field: "note")
            }
            self.day = date
            self.working = working
            self.note = note
        }
    }

    /// The days set for `year`, in order.
    public func calendarDays(year: Int) async throws -> [CalendarDay] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT day, working, note FROM calendar_days WHERE day >= \(bind: "\(year)-01-01") AND day <= \(bind: "\(year)-12-31") ORDER BY day
                """).all().map { row in
                try CalendarDay(day: try row.decode(column: "day", as: String.self), working: try row.decode(column: "working", as: Bool.self),
                                note: try row.decode(column: "note", as: String.self))
            }
        }
    }

    /// Sets days (replacing what a day had), all or none; audited per day.
    public func setDays(_ days: [CalendarDay], by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            var audit: [(AuditChange, AuditActor)] = []
            for day in days {
                try await sql.raw("DELETE FROM calendar_days WHERE day = \(bind: day.day.text)").run()
                try await sql.raw("INSERT INTO calendar_days (day, working, note) VALUES (\(bind: day.day.text), \(bind: day.working), \(bind: day.note))").run()
                audit.append((AuditChange(action: "calendar.set", targetType: "calendar_day", targetID: day.day.text,
                                          after: ["working": day.working ? "yes" : "no", "note": day.note]), actor))
            }
            if !audit.isEmpty { try await AuditLog.appendAll(audit, at: now, sql: sql) }
        }
    }

    /// Returns a day to the usual week.
    public func removeDay(_ day: CivilDate, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard try await sql.raw("DELETE FROM calendar_days WHERE day = \(bind: day.text) RETURNING day").first() != nil else {
                throw DomainError(code: "no_such_day", message: "日历中没有这一天的设置", english: "the day is not set", field: "day")
            }
            try await AuditLog.append(AuditChange(action: "calendar.remove", targetType: "calendar_day", targetID: day.text),
                                      by: actor, at: now, sql: sql)
        }
    }
}
