import Access
import Cases
import Foundation
import SQLKit
import WuyeCore

extension CaseStore {
    /// Moves a case by one workflow event, if the account's part on the case allows it (decided
    /// inside the transaction, against the level the case is at now). Returns the case's new state.
    @discardableResult
    public func apply(_ event: CaseEvent, caseID: Int64, note: String, by principal: Principal, actor: AuditActor) async throws
        -> CaseState {
        let text = try Self.checkedNote(note, required: event != .accept && event != .startHandling && event != .startVerifying)
        let now = clock.now()
        let seconds = Int64(now.timeIntervalSince1970)
        let calendar = try await workingCalendar()
        return try await database.write { sql in
            let row = try await lockedCase(caseID, sql: sql)
            let current = try Stored(row: row)
            let capacities = CaseParties.capacities(of: principal, on: current.site)
            if event == .reopen, let closed = current.closedAt, seconds > closed + Int64(reopenDays) * 86_400 {
                throw DomainError(code: "reopen_window_passed", message: "结案超过 \(reopenDays) 天，不能重新打开，请重新报事",
                                  english: "a case may be reopened within \(reopenDays) days of closure", field: "event")
            }
            let (to, capacity) = try CaseWorkflow.next(current.state, event, capacities: capacities, resumingTo: current.suspendedFrom)
            var update = SQLQueryString("UPDATE cases SET state = \(bind: to.rawValue), updated_at = \(bind: seconds)")
            update.appendInterpolation(unsafeRaw: ", event_count = event_count + 1")
            switch event {
            case .close:
                update.appendInterpolation(unsafeRaw: ", closed_at = ")
                update.appendInterpolation(bind: seconds)
                update.appendInterpolation(unsafeRaw: ", closed_on_time = ")
                update.appendInterpolation(bind: seconds <= current.dueAt)
            case .suspend:
                update.appendInterpolation(unsafeRaw: ", suspended_from = ")
                update.appendInterpolation(bind: current.state.rawValue)
                update.appendInterpolation(unsafeRaw: ", suspended_at = ")
                update.appendInterpolation(bind: seconds)
            case .resume:
                // The extension: the deadline moves by the time the case stood suspended.
                let shift = seconds - (current.suspendedAt ?? seconds)
                update.appendInterpolation(unsafeRaw: ", suspended_from = NULL, suspended_at = NULL, due_at = due_at + ")
                update.appendInterpolation(bind: shift)
            case .reopen:
                try Self.reworkDeadline(&update, kind: current.kind, urgent: current.urgent, now: now, deadlines: deadlines, calendar: calendar)
            case .returnForRework where current.state == .closed:
                try Self.reworkDeadline(&update, kind: current.kind, urgent: current.urgent, now: now, deadlines: deadlines, calendar: calendar)
            default:
                break
            }
            update.appendInterpolation(unsafeRaw: " WHERE id = ")
            update.appendInterpolation(bind: caseID)
            try await sql.raw(update).run()
            try await appendEvent(caseID: caseID, seq: current.eventCount + 1, at: seconds, event: event.rawValue, from: current.state,
                                  to: to, level: current.level, capacity: capacity, actor: actor, note: text, sql: sql)
            try await AuditLog.append(AuditChange(action: "case.\(event.rawValue)", targetType: "case", targetID: String(caseID),
                                                  before: ["state": current.state.rawValue],
                                                  after: ["state": to.rawValue, "capacity": capacity.rawValue]),
                                      by: actor, at: now, sql: sql)
            return to
        }
    }

    /// The level a case climbed to reports for duty (报到): from now its own deadline runs, and the
    /// sweep no longer climbs it for want of an answer.
    public func acknowledge(caseID: Int64, note: String, by principal: Principal, actor: AuditActor) async throws {
        let text = try Self.checkedNote(note, required: false)
        let now = clock.now()
        let seconds = Int64(now.timeIntervalSince1970)
        try await database.write { sql in
            let current = try Stored(row: try await lockedCase(caseID, sql: sql))
            guard CaseParties.capacities(of: principal, on: current.site).contains(.intake) else {
                throw DomainError(code: "not_your_step", message: "只有案件所在层级可以报到", english: "only the case's level acknowledges",
                                  field: "case")
            }
            guard !current.acknowledged else {
                throw DomainError(code: "already_acknowledged", message: "已经报到过了", english: "already acknowledged", field: "case")
            }
            try await sql.raw("""
                UPDATE cases SET acknowledged = TRUE, updated_at = \(bind: seconds), event_count = event_count + 1
                WHERE id = \(bind: caseID)
                """).run()
            try await appendEvent(caseID: caseID, seq: current.eventCount + 1, at: seconds, event: "acknowledge", from: nil, to: nil,
                                  level: current.level, capacity: .intake, actor: actor, note: text.isEmpty ? "已报到" : text, sql: sql)
            try await AuditLog.append(AuditChange(action: "case.acknowledge", targetType: "case", targetID: String(caseID),
                                                  after: ["level": current.level.rawValue]),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// The reporter's rating of a closed case. A dissatisfied one (two stars or fewer) sends the case
    /// back for rework with a new deadline (Jinan 12345 regulation Art. 27). Returns the new state.
    @discardableResult
    public func rate(caseID: Int64, rating: CaseRating, by principal: Principal, actor: AuditActor) async throws -> CaseState {
        let now = clock.now()
        let seconds = Int64(now.timeIntervalSince1970)
        let calendar = try await workingCalendar()
        return try await database.write { sql in
            let current = try Stored(row: try await lockedCase(caseID, sql: sql))
            guard CaseParties.capacities(of: principal, on: current.site).contains(.reporter) else {
                throw DomainError(code: "not_your_step", message: "只有报事人可以评价", english: "only the reporter rates", field: "stars")
            }
            guard current.state == .closed else {
                throw DomainError(code: "not_closed", message: "结案后才能评价", english: "rate a case once it is closed", field: "stars")
            }
            guard current.rating == nil else {
                throw DomainError(code: "already_rated", message: "已经评价过了", english: "the case is already rated", field: "stars")
            }
            let to: CaseState = rating.isDissatisfied ? .returned : .closed
            var update = SQLQueryString("UPDATE cases SET rating = \(bind: Int64(rating.stars)), rating_comment = \(bind: rating.comment)")
            update.appendInterpolation(unsafeRaw: ", state = ")
            update.appendInterpolation(bind: to.rawValue)
            update.appendInterpolation(unsafeRaw: ", updated_at = ")
            update.appendInterpolation(bind: seconds)
            update.appendInterpolation(unsafeRaw: ", event_count = event_count + 1")
            if rating.isDissatisfied {
                try Self.reworkDeadline(&update, kind: current.kind, urgent: current.urgent, now: now, deadlines: deadlines, calendar: calendar)
            }
            update.appendInterpolation(unsafeRaw: " WHERE id = ")
            update.appendInterpolation(bind: caseID)
            try await sql.raw(update).run()
            let note = "\(rating.stars) 星" + (rating.comment.isEmpty ? "" : "：\(rating.comment)")
                + (rating.isDissatisfied ? "（不满意，退回重办）" : "")
            try await appendEvent(caseID: caseID, seq: current.eventCount + 1, at: seconds, event: "rate", from: current.state, to: to,
                                  level: current.level, capacity: .reporter, actor: actor, note: note, sql: sql)
            try await AuditLog.append(AuditChange(action: "case.rate", targetType: "case", targetID: String(caseID),
                                                  after: ["stars": String(rating.stars), "state": to.rawValue]),
                                      by: actor, at: now, sql: sql)
            return to
        }
    }

    /// A case back for rework after closure is open again with a fresh deadline; its closure no
    /// longer counts.
    static func reworkDeadline(_ update: inout SQLQueryString, kind: CaseKind, urgent: Bool, now: Date, deadlines: CaseDeadlines,
                               calendar: WorkingCalendar) throws {
        let due = deadlines.handlingDue(kind: kind, urgent: urgent, from: now, calendar: calendar)
        update.appendInterpolation(unsafeRaw: ", closed_at = NULL, closed_on_time = NULL, due_at = ")
        update.appendInterpolation(bind: Int64(due.timeIntervalSince1970))
    }

    /// Every step but the routine ones carries a note: why it was rejected, sent back, returned.
    static func checkedNote(_ note: String, required: Bool) throws(DomainError) -> String {
        let text = note.trimmedWhitespace
        guard !required || !text.isEmpty else {
            throw DomainError(code: "note_required", message: "请填写办理意见", english: "a note is required", field: "note")
        }
        guard text.count <= 1000 else {
            throw DomainError(code: "note_too_long", message: "办理意见最多 1000 字", english: "at most 1,000 characters", field: "note")
        }
        return text
    }

    /// The columns a transition reads from the locked row.
    struct Stored {
        let site: CaseSite
        let kind: CaseKind
        let urgent: Bool
        let state: CaseState
        let level: CaseLevel
        let suspendedFrom: CaseState?
        let suspendedAt: Int64?
        let dueAt: Int64
        let acknowledged: Bool
        let closedAt: Int64?
        let rating: Int64?
        let eventCount: Int64

        init(row: any SQLRow) throws {
            let communityCode = try row.decode(column: "community_code", as: String.self)
            guard let community = DivisionCode(rawValue: communityCode) else {
                throw CaseStoreCorrupt(column: "community_code", value: communityCode)
            }
            kind = try row.known("kind", as: CaseKind.self)
            urgent = try row.decode(column: "urgent", as: Bool.self)
            state = try row.known("state", as: CaseState.self)
            level = try row.known("level", as: CaseLevel.self)
            suspendedFrom = try row.decode(column: "suspended_from", as: String?.self).flatMap(CaseState.init(rawValue:))
            suspendedAt = try row.decode(column: "suspended_at", as: Int64?.self)
            dueAt = try row.decode(column: "due_at", as: Int64.self)
            acknowledged = try row.decode(column: "acknowledged", as: Bool.self)
            closedAt = try row.decode(column: "closed_at", as: Int64?.self)
            rating = try row.decode(column: "rating", as: Int64?.self)
            eventCount = try row.decode(column: "event_count", as: Int64.self)
            site = CaseSite(community: community, compoundID: try row.decode(column: "compound_id", as: Int64.self),
                            gridID: try row.decode(column: "grid_id", as: Int64?.self),
                            companyID: try row.decode(column: "company_id", as: Int64?.self),
                            department: try row.known("department", as: Department.self), level: level,
                            reporterAccountID: try row.decode(column: "reporter_account_id", as: Int64?.self))
        }
    }
}
