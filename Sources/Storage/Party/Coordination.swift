import Foundation
import Party
import SQLKit
import WuyeCore

/// Coordination in the database: meetings with their tasks, the cases a mediation settles, and the
/// community service projects company party organisations claim. Tasks and projects move by guarded
/// updates (done once, claimed once); every write is audited.
public struct Coordination: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Meeting: Sendable, Equatable {
        public let id: Int64
        public let division: String
        public let kind: CoordinationKind
        public let title: String
        public let agenda: String
        public let heldOn: String
        public let parties: [CoordinationParty]
        public let minutes: String
    }

    public struct Task: Sendable, Equatable {
        public let id: Int64
        public let meetingID: Int64
        public let meetingTitle: String
        public let description: String
        public let assignee: String
        public let dueOn: CivilDate
        public let doneOn: String?
        public let doneNote: String?
        public func overdue(today: CivilDate) -> Bool { doneOn == nil && dueOn < today }
    }

    public struct Project: Sendable, Equatable {
        public let id: Int64
        public let community: String
        public let title: String
        public let description: String
        public let claimedBy: String?
        public let completedOn: String?
        public let completionNote: String?
    }

    @discardableResult
    public func hold(_ draft: CoordinationMeetingDraft, division: DivisionCode, by actor: AuditActor) async throws -> Int64 {
        let now = clock.now()
        return try await database.write { sql in
            guard let row = try await sql.raw("""
                INSERT INTO coordination_meetings (division_code, kind, title, agenda, held_on, parties, minutes, recorded_by_label, recorded_at)
                VALUES (\(bind: division.rawValue), \(bind: draft.kind.rawValue), \(bind: draft.title), \(bind: draft.agenda), \(bind: draft.heldOn.text),
                        \(bind: draft.parties.map(\.rawValue).joined(separator: ",")), \(bind: draft.minutes), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "coordination.meeting", targetType: "coordination_meeting", targetID: String(id),
                                                  after: ["kind": draft.kind.rawValue, "title": draft.title]), by: actor, at: now, sql: sql)
            return id
        }
    }

    public func meeting(id: Int64) async throws -> Meeting? {
        try await database.read { sql in try await sql.raw("SELECT * FROM coordination_meetings WHERE id = \(bind: id)").first().map(Self.meeting) }
    }

    public func meetings(in division: DivisionCode, limit: Int = 100) async throws -> [Meeting] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT * FROM coordination_meetings WHERE division_code LIKE \(bind: division.sharedPrefix + "%") ORDER BY held_on DESC, id DESC LIMIT \(unsafeRaw: String(limit))
                """).all().map(Self.meeting)
        }
    }

    static func meeting(_ row: any SQLRow) throws -> Meeting {
        Meeting(id: try row.decode(column: "id", as: Int64.self), division: try row.decode(column: "division_code", as: String.self),
                kind: CoordinationKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .joint, title: try row.decode(column: "title", as: String.self),
                agenda: try row.decode(column: "agenda", as: String.self), heldOn: try row.decode(column: "held_on", as: String.self),
                parties: try row.decode(column: "parties", as: String.self).split(separator: ",").compactMap { CoordinationParty(rawValue: String($0)) },
                minutes: try row.decode(column: "minutes", as: String.self))
    }

    @discardableResult
    public func assign(_ draft: CoordinationTaskDraft, meeting: Int64, by actor: AuditActor) async throws -> Int64 {
        let now = clock.now()
        return try await database.write { sql in
            guard let row = try await sql.raw("""
                INSERT INTO coordination_tasks (meeting_id, description, assignee, due_on, recorded_by_label)
                VALUES (\(bind: meeting), \(bind: draft.description), \(bind: draft.assignee), \(bind: draft.dueOn.text), \(bind: actor.label))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "coordination.task", targetType: "coordination_meeting", targetID: String(meeting),
                                                  after: ["task": String(id), "assignee": draft.assignee, "due": draft.dueOn.text]), by: actor, at: now, sql: sql)
            return id
        }
    }

    /// Marks a task done with what was done; once.
    public func complete(task id: Int64, meeting: Int64, note raw: String, by actor: AuditActor) async throws {
        let note = raw.trimmedWhitespace
        guard (2...300).contains(note.count) else {
            throw DomainError(code: "note_required", message: "请写明办理结果", english: "say what was done", field: "note")
        }
        let now = clock.now()
        try await database.write { sql in
            guard try await sql.raw("""
                UPDATE coordination_tasks SET done_on = \(bind: CivilDate.inChina(now).text), done_note = \(bind: note)
                WHERE id = \(bind: id) AND meeting_id = \(bind: meeting) AND done_on IS NULL RETURNING id
                """).first() != nil else {
                throw DomainError(code: "task_done", message: "该事项不存在或已办结", english: "no such open task", field: "note")
            }
            try await AuditLog.append(AuditChange(action: "coordination.task_done", targetType: "coordination_meeting", targetID: String(meeting),
                                                  after: ["task": String(id), "note": note]), by: actor, at: now, sql: sql)
        }
    }

    /// Tasks of the meetings over the division: open ones first, by deadline.
    public func tasks(in division: DivisionCode? = nil, meeting: Int64? = nil) async throws -> [Task] {
        try await database.read { sql in
            var query: SQLQueryString = "SELECT t.*, m.title FROM coordination_tasks t JOIN coordination_meetings m ON m.id = t.meeting_id WHERE "
            if let meeting { query += "t.meeting_id = \(bind: meeting)" } else { query += "m.division_code LIKE \(bind: (division?.sharedPrefix ?? "") + "%")" }
            query += " ORDER BY CASE WHEN t.done_on IS NULL THEN 0 ELSE 1 END, t.due_on, t.id LIMIT 500"
            return try await sql.raw(query).all().map { row in
                Task(id: try row.decode(column: "id", as: Int64.self), meetingID: try row.decode(column: "meeting_id", as: Int64.self),
                     meetingTitle: try row.decode(column: "title", as: String.self), description: try row.decode(column: "description", as: String.self),
                     assignee: try row.decode(column: "assignee", as: String.self),
                     dueOn: CivilDate(text: try row.decode(column: "due_on", as: String.self)) ?? CivilDate(daysSince1970: 0),
                     doneOn: try row.decode(column: "done_on", as: String?.self), doneNote: try row.decode(column: "done_note", as: String?.self))
            }
        }
    }

    /// Links a mediation to a case it settles: the case must lie in the meeting's division.
    public func settle(case caseID: Int64, by meetingID: Int64, actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard let meeting = try await sql.raw("SELECT division_code, kind FROM coordination_meetings WHERE id = \(bind: meetingID)").first(),
                  try meeting.decode(column: "kind", as: String.self) == CoordinationKind.mediation.rawValue,
                  let division = DivisionCode(rawValue: try meeting.decode(column: "division_code", as: String.self)) else {
                throw DomainError(code: "not_mediation", message: "只有调解会可以关联调解的案件", english: "only a mediation settles cases", field: "case")
            }
            guard try await sql.raw("SELECT 1 FROM cases WHERE id = \(bind: caseID) AND community_code LIKE \(bind: division.sharedPrefix + "%")").first() != nil else {
                throw DomainError(code: "unknown_case", message: "请填写辖区内的案件编号", english: "a case in the division", field: "case")
            }
            guard try await sql.raw("SELECT 1 FROM mediation_cases WHERE meeting_id = \(bind: meetingID) AND case_id = \(bind: caseID)").first() == nil else { return }
            try await sql.raw("INSERT INTO mediation_cases (meeting_id, case_id) VALUES (\(bind: meetingID), \(bind: caseID))").run()
            try await AuditLog.append(AuditChange(action: "coordination.mediation", targetType: "case", targetID: String(caseID),
                                                  after: ["meeting": String(meetingID)]), by: actor, at: now, sql: sql)
        }
    }

    public func settledCases(by meetingID: Int64) async throws -> [(id: Int64, description: String, state: String)] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT c.id, c.description, c.state FROM mediation_cases m JOIN cases c ON c.id = m.case_id WHERE m.meeting_id = \(bind: meetingID) ORDER BY c.id
                """).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "description", as: String.self),
                                  try $0.decode(column: "state", as: String.self)) }
        }
    }
}
