import Cases
import Foundation
import Logging
import SQLKit
import WuyeCore

/// The escalation sweep (网格吹哨、部门报到): every open case past its deadline, or not acknowledged
/// in time by the level it climbed to, climbs one level and that level is notified. Several app
/// instances may run it: a lease in the database lets one sweep at a time, and each climb is a
/// guarded update, so even two sweeps at once never climb a case twice. After downtime the first
/// sweep catches up: a case climbs once and gets fresh deadlines from now.
public struct CaseScheduler: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock
    public let deadlines: CaseDeadlines
    /// This instance's name in the lease.
    public let holder: String
    public let leaseSeconds: Int64

    public static let leaseName = "case-escalation"

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock(), deadlines: CaseDeadlines = CaseDeadlines(),
                holder: String = "instance-" + Secret.token().prefix(8), leaseSeconds: Int64 = CaseScheduler.defaultLeaseSeconds) {
        self.database = database
        self.clock = clock
        self.deadlines = deadlines
        self.holder = holder
        self.leaseSeconds = leaseSeconds
    }

    /// Takes (or keeps) the lease; false while another instance holds an unexpired one.
    public func acquireLease() async throws -> Bool {
        let now = Int64(clock.now().timeIntervalSince1970)
        return try await database.write { sql in
            if try await sql.raw("""
                UPDATE scheduler_leases SET holder = \(bind: holder), expires_at = \(bind: now + leaseSeconds)
                WHERE name = \(bind: Self.leaseName) AND (holder = \(bind: holder) OR expires_at <= \(bind: now))
                RETURNING holder
                """).first() != nil { return true }
            if try await sql.raw("SELECT holder FROM scheduler_leases WHERE name = \(bind: Self.leaseName)").first() != nil { return false }
            try await sql.raw("""
                INSERT INTO scheduler_leases (name, holder, expires_at) VALUES (\(bind: Self.leaseName), \(bind: holder), \(bind: now + leaseSeconds))
                ON CONFLICT (name) DO NOTHING
                """).run()
            return try await sql.raw("SELECT holder FROM scheduler_leases WHERE name = \(bind: Self.leaseName)").first()?
                .decode(column: "holder", as: String.self) == holder
        }
    }

    public struct SweepResult: Sendable, Equatable {
        /// Open cases found past a deadline.
        public var due = 0
        /// Of those, the ones that climbed in this sweep.
        public var escalated = 0

        public init(due: Int = 0, escalated: Int = 0) {
            self.due = due
            self.escalated = escalated
        }
    }

    /// One sweep at `clock.now()`. Climbs are written in batches of `batch` per transaction (100: larger statements cost more per row on SQLite).
    public func sweep(batch: Int = 100) async throws -> SweepResult {
        let now = clock.now()
        let seconds = Int64(now.timeIntervalSince1970)
        let calendar = try await CaseStore(database: database, clock: clock, deadlines: deadlines).workingCalendar()
        let climbing = "state NOT IN ('closed', 'rejected', 'suspended') AND level <> 'department'"
        let rows = try await database.read { sql in
            try await sql.raw("""
                SELECT id, kind, urgent, level, state, due_at, acknowledge_by, acknowledged FROM cases
                WHERE due_at <= \(bind: seconds) AND \(unsafeRaw: climbing)
                UNION
                SELECT id, kind, urgent, level, state, due_at, acknowledge_by, acknowledged FROM cases
                WHERE acknowledge_by <= \(bind: seconds) AND acknowledged = FALSE AND \(unsafeRaw: climbing)
                """).all()
        }
        var open: [OpenCase] = []
        open.reserveCapacity(rows.count)
        for row in rows {
            open.append(OpenCase(
                id: try row.decode(column: "id", as: Int64.self), kind: try row.known("kind", as: CaseKind.self),
                urgent: try row.decode(column: "urgent", as: Bool.self), level: try row.known("level", as: CaseLevel.self),
                state: try row.known("state", as: CaseState.self),
                due: Date(timeIntervalSince1970: Double(try row.decode(column: "due_at", as: Int64.self))),
                acknowledgeBy: try row.decode(column: "acknowledge_by", as: Int64?.self).map { Date(timeIntervalSince1970: Double($0)) },
                acknowledged: try row.decode(column: "acknowledged", as: Bool.self)))
        }
        let steps = open.compactMap { Escalation.step(for: $0, now: now, deadlines: deadlines, calendar: calendar) }
        var result = SweepResult(due: open.count)
        let actor = AuditActor.command("escalation")
        for chunk in stride(from: 0, to: steps.count, by: max(1, batch)).map({ steps[$0..<min($0 + batch, steps.count)] }) {
            result.escalated += try await database.write { sql in
                var events: [SQLQueryString] = []
                var notifications: [SQLQueryString] = []
                var audit: [(AuditChange, AuditActor)] = []
                // One guarded update for the chunk: a case climbs only if it is still at the level the sweep
                // saw (another sweep or a closing handler may have moved it since).
                let rows: [SQLQueryString] = chunk.map { step in
                    """
                    (CAST(\(bind: step.caseID) AS BIGINT), CAST(\(bind: step.from.rawValue) AS TEXT), CAST(\(bind: step.to.rawValue) AS TEXT),
                     CAST(\(bind: Int64(step.due.timeIntervalSince1970)) AS BIGINT),
                     CAST(\(bind: Int64(step.acknowledgeBy.timeIntervalSince1970)) AS BIGINT))
                    """
                }
                let climbed = try await sql.raw("""
                    UPDATE cases SET level = v.column3, due_at = v.column4, acknowledge_by = v.column5, acknowledged = FALSE,
                           escalations = escalations + 1, event_count = event_count + 1, updated_at = \(bind: seconds)
                    FROM (VALUES \(rows.joined(separator: ", "))) AS v
                    WHERE id = v.column1 AND level = v.column2 AND \(unsafeRaw: climbing)
                    RETURNING id, event_count
                    """).all()
                let steps = Dictionary(chunk.map { ($0.caseID, $0) }, uniquingKeysWith: { first, _ in first })
                for row in climbed {
                    guard let step = steps[try row.decode(column: "id", as: Int64.self)] else { continue }
                    let seq = try row.decode(column: "event_count", as: Int64.self)
                    let why = step.reason == .overdue ? "\(step.from.chineseName)逾期未办结" : "\(step.from.chineseName)未按时报到"
                    let note = "\(why)，升级至\(step.to.chineseName)，请于 \(BeijingTime.text(step.acknowledgeBy)) 前报到"
                    events.append("""
                        (\(bind: step.caseID), \(bind: seq), \(bind: seconds), 'escalate', NULL, NULL, \(bind: step.to.rawValue), NULL, NULL,
                         \(bind: actor.label), \(bind: note))
                        """)
                    notifications.append("(\(bind: step.caseID), \(bind: step.to.rawValue), \(bind: note), \(bind: seconds))")
                    audit.append((AuditChange(action: "case.escalate", targetType: "case", targetID: String(step.caseID),
                                              before: ["level": step.from.rawValue],
                                              after: ["level": step.to.rawValue, "reason": step.reason.rawValue]), actor))
                }
                // The chunk's timeline entries, notifications and audit entries, each in one statement.
                guard !events.isEmpty else { return 0 }
                try await sql.raw("""
                    INSERT INTO case_events (case_id, seq, at, event, from_state, to_state, level, capacity, actor_account_id,
                                             actor_label, note)
                    VALUES \(events.joined(separator: ", "))
                    """).run()
                try await sql.raw("""
                    INSERT INTO case_notifications (case_id, level, message, created_at) VALUES \(notifications.joined(separator: ", "))
                    """).run()
                try await AuditLog.appendAll(audit, at: now, sql: sql)
                return events.count
            }
        }
        return result
    }

    /// Sweeps every `interval` while this instance holds the lease, until the task is cancelled.
    public func run(every interval: Duration = .seconds(60), logger: Logger) async {
        while !Task.isCancelled {
            do {
                if try await acquireLease() {
                    let result = try await sweep()
                    if result.escalated > 0 { logger.info("escalation sweep", metadata: ["escalated": "\(result.escalated)"]) }
                }
            } catch {
                logger.error("escalation sweep failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}

extension CaseScheduler {
    /// Seconds since any instance last took the escalation lease — that is, last swept (each sweep
    /// takes it for `defaultLeaseSeconds`); nil when no sweep ever ran. What `/metrics` reports as lag.
    public static func leaseAge(in database: WuyeDatabase, now: Date, leaseSeconds: Int64 = defaultLeaseSeconds) async throws -> Int64? {
        try await database.read { sql in
            try await sql.raw("SELECT expires_at FROM scheduler_leases WHERE name = \(bind: leaseName)").first()
                .map { Int64(now.timeIntervalSince1970) - (try $0.decode(column: "expires_at", as: Int64.self) - leaseSeconds) }
        }
    }

    public static let defaultLeaseSeconds: Int64 = 120
}
