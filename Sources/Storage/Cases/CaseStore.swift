import Access
import Cases
import Foundation
import SQLKit
import WuyeCore

/// Cases in the database: intake with routing and deadlines, the workflow's transitions, the
/// reporter's rating, escalation acknowledgements. Every write is one transaction that also appends
/// the case's timeline and the audit log.
public struct CaseStore: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock
    public let deadlines: CaseDeadlines
    /// How many days after closure the reporter may reopen a case.
    public let reopenDays: Int
    /// Reports waiting to be written, committed together.
    let intake: CaseIntake

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock(), deadlines: CaseDeadlines = CaseDeadlines(),
                reopenDays: Int = 7) {
        self.database = database
        self.intake = CaseIntake(database: database)
        self.clock = clock
        self.deadlines = deadlines
        self.reopenDays = reopenDays
    }

    /// What someone reports. The place is a home, a building's common parts, or the compound.
    public struct NewCase: Sendable {
        public var kind: CaseKind
        public var source: CaseSource
        public var urgent: Bool
        public var description: String
        public var compoundID: Int64
        public var buildingID: Int64?
        public var homeID: Int64?
        public var contactName: String?
        public var contactPhone: String?
        public var photos: [[UInt8]]
        /// The Open311 client's key, media URL and point, for requests posted through `/open311/v2`.
        public var open311: Open311Origin?

        public init(kind: CaseKind, source: CaseSource, urgent: Bool = false, description: String, compoundID: Int64,
                    buildingID: Int64? = nil, homeID: Int64? = nil, contactName: String? = nil, contactPhone: String? = nil,
                    photos: [[UInt8]] = [], open311: Open311Origin? = nil) {
            self.kind = kind
            self.source = source
            self.urgent = urgent
            self.description = description
            self.compoundID = compoundID
            self.buildingID = buildingID
            self.homeID = homeID
            self.contactName = contactName
            self.contactPhone = contactPhone
            self.photos = photos
            self.open311 = open311
        }

        /// The report's own rules, before anything is read or written.
        func validated() throws(DomainError) -> (description: String, phone: String?, photos: [CasePhoto.Format]) {
            try source.check(kind)
            let text = description.trimmedWhitespace
            guard !text.isEmpty else {
                throw DomainError(code: "description_required", message: "请描述一下情况", english: "describe the matter", field: "description")
            }
            guard text.count <= 2000 else {
                throw DomainError(code: "description_too_long", message: "描述最多 2000 字", english: "at most 2,000 characters",
                                  field: "description")
            }
            var phone: String?
            if let raw = contactPhone?.trimmedWhitespace, !raw.isEmpty {
                do { phone = try PhoneNumber(raw).rawValue } catch { throw error.on(field: "contact_phone") }
            }
            try CasePhoto.checkCount(photos.count)
            var formats: [CasePhoto.Format] = []
            for (index, photo) in photos.enumerated() {
                formats.append(try CasePhoto.check(photo, field: "photos[\(index)]"))
            }
            return (text, phone, formats)
        }
    }

    /// Takes a case in: checks it, finds its grid and serving company, routes it by the district's
    /// table, sets its first deadline and stores it with its photos. Returns the case's number.
    /// The registry is read beside the writer; the write joins whatever other reports are waiting
    /// and commits with them (`CaseIntake`), so intake does not queue one transaction per case.
    public func report(_ new: NewCase, reporter: Int64?, by actor: AuditActor) async throws -> Int64 {
        try await reportRouted(new, reporter: reporter, by: actor).id
    }

    /// Where a report went: its number, the level that received it and its first deadline.
    public struct Reported: Sendable, Equatable {
        public let id: Int64
        public let level: CaseLevel
        public let dueAt: Date
    }

    /// `report`, answering also where the case went, for a caller that tells the reporter (Open311's notice).
    public func reportRouted(_ new: NewCase, reporter: Int64?, by actor: AuditActor) async throws -> Reported {
        let checked = try new.validated()
        let now = clock.now()
        let (site, route, calendar) = try await database.read { sql in
            let site = try await locate(new, sql: sql)
            let routing = try await CaseSettings.routing(district: site.district, sql: sql)
            return (site, routing.route(new.kind, hasCompany: site.company != nil, hasGrid: site.grid != nil),
                    try await Self.workingCalendar(sql: sql))
        }
        let due = deadlines.handlingDue(kind: new.kind, urgent: new.urgent, from: now, calendar: calendar)
        let id = try await intake.submit(CaseIntake.Pending(new: new, description: checked.description, phone: checked.phone,
                                                            photoFormats: checked.photos, site: site, route: route, due: due,
                                                            reporter: reporter, actor: actor, at: now))
        return Reported(id: id, level: route.firstLevel, dueAt: due)
    }

    /// Adds a photo to an open case (the API uploads them one by one after the report).
    public func addPhoto(caseID: Int64, bytes: [UInt8], by actor: AuditActor) async throws -> Int {
        let format = try CasePhoto.check(bytes, field: "photo")
        let now = clock.now()
        return try await database.write { sql in
            let row = try await lockedCase(caseID, sql: sql)
            let count = Int(try row.decode(column: "photo_count", as: Int64.self))
            try CasePhoto.checkCount(count + 1)
            let seconds = Int64(now.timeIntervalSince1970)
            try await Self.insertPhoto(caseID: caseID, number: count + 1, format: format, bytes: bytes, at: seconds, sql: sql)
            try await sql.raw("UPDATE cases SET photo_count = photo_count + 1 WHERE id = \(bind: caseID)").run()
            try await AuditLog.append(AuditChange(action: "case.photo", targetType: "case", targetID: String(caseID),
                                                  after: ["number": String(count + 1), "type": format.rawValue,
                                                          "bytes": String(bytes.count)]),
                                      by: actor, at: now, sql: sql)
            return count + 1
        }
    }

    /// The working calendar with the holidays and 调休 days stored in `calendar_days`.
    public func workingCalendar() async throws -> WorkingCalendar {
        try await database.read(Self.workingCalendar(sql:))
    }

    static func workingCalendar(sql: any SQLDatabase) async throws -> WorkingCalendar {
        var calendar = WorkingCalendar()
        for row in try await sql.raw("SELECT day, working FROM calendar_days").all() {
            guard let day = CivilDate(text: try row.decode(column: "day", as: String.self)) else { continue }
            if try row.decode(column: "working", as: Bool.self) { calendar.extraWorkingDays.insert(day) } else { calendar.holidays.insert(day) }
        }
        return calendar
    }

    // MARK: - Reading the registry, writing inside a transaction

    struct Located: Sendable {
        let community: DivisionCode
        let district: DivisionCode
        let building: Int64?
        let grid: Int64?
        let company: Int64?
    }

    /// The case's place in the registry: the home's building, that building's grid (or the
    /// compound's first grid), the company serving the compound today. One statement, since every
    /// report asks it.
    private func locate(_ new: NewCase, sql: any SQLDatabase) async throws -> Located {
        let today = CivilDate.inChina(clock.now()).text
        guard let row = try await sql.raw("""
            SELECT c.community_code,
                   (SELECT h.building_id FROM homes h WHERE h.id = \(bind: new.homeID) AND h.compound_id = c.id) AS home_building,
                   (SELECT b.id FROM buildings b WHERE b.id = \(bind: new.buildingID) AND b.compound_id = c.id) AS building,
                   (SELECT MIN(g.grid_id) FROM grid_buildings g WHERE g.compound_id = c.id) AS compound_grid,
                   (SELECT a.company_id FROM service_arrangements a
                    WHERE a.compound_id = c.id AND a.company_id IS NOT NULL AND a.starts_on <= \(bind: today)
                      AND (a.ends_on IS NULL OR a.ends_on > \(bind: today))
                    ORDER BY a.starts_on DESC LIMIT 1) AS company
            FROM compounds c WHERE c.id = \(bind: new.compoundID)
            """).first(),
              let community = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self)),
              let district = community.parent?.parent else {
            throw DomainError(code: "no_such_compound", message: "没有这个小区", english: "no such compound", field: "compound_id")
        }
        let homeBuilding = try row.decode(column: "home_building", as: Int64?.self)
        if new.homeID != nil && homeBuilding == nil {
            throw DomainError(code: "no_such_home", message: "该小区没有这户房屋", english: "no such home in the compound", field: "home_id")
        }
        if new.buildingID != nil, try row.decode(column: "building", as: Int64?.self) == nil {
            throw DomainError(code: "no_such_building", message: "该小区没有这栋楼", english: "no such building in the compound",
                              field: "building_id")
        }
        if let homeBuilding, let building = new.buildingID, building != homeBuilding {
            throw DomainError(code: "home_not_in_building", message: "房屋不在所选楼栋", english: "the home is not in that building",
                              field: "home_id")
        }
        let building = homeBuilding ?? new.buildingID
        let grid: Int64? = if let building {
            try await sql.raw("SELECT grid_id FROM grid_buildings WHERE building_id = \(bind: building)").first()?
                .decode(column: "grid_id", as: Int64.self)
        } else {
            try row.decode(column: "compound_grid", as: Int64?.self)
        }
        return Located(community: community, district: district, building: building, grid: grid,
                       company: try row.decode(column: "company", as: Int64?.self))
    }

    static func insertPhoto(caseID: Int64, number: Int, format: CasePhoto.Format, bytes: [UInt8], at seconds: Int64,
                             sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO case_photos (case_id, number, content_type, bytes, uploaded_at)
            VALUES (\(bind: caseID), \(bind: Int64(number)), \(bind: format.rawValue), \(bind: Data(bytes)), \(bind: seconds))
            """).run()
    }

    /// The case's row, locked until commit on PostgreSQL (SQLite's writer holds the whole database).
    func lockedCase(_ id: Int64, sql: any SQLDatabase) async throws -> any SQLRow {
        let lock = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE"
        guard let row = try await sql.raw("SELECT * FROM cases WHERE id = \(bind: id)\(unsafeRaw: lock)").first() else {
            throw Self.noCase
        }
        return row
    }

    func appendEvent(caseID: Int64, seq: Int64, at seconds: Int64, event: String, from: CaseState?, to: CaseState?,
                     level: CaseLevel, capacity: CaseCapacity?, actor: AuditActor, note: String, sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO case_events (case_id, seq, at, event, from_state, to_state, level, capacity, actor_account_id, actor_label, note)
            VALUES (\(bind: caseID), \(bind: seq), \(bind: seconds), \(bind: event), \(bind: from?.rawValue), \(bind: to?.rawValue),
                    \(bind: level.rawValue), \(bind: capacity?.rawValue), \(bind: actor.accountID), \(bind: actor.label), \(bind: note))
            """).run()
    }

    static let noCase = DomainError(code: "no_such_case", message: "没有这件案件", english: "no such case", field: "case")
}
