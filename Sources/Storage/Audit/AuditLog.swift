import Foundation
import SQLKit

/// The append-only audit log. Every write appends an entry in the same transaction as the write;
/// each entry carries the hash of the one before, so an edited, inserted or deleted row breaks the
/// chain and `verify` names the first one.
public struct AuditLog: Sendable {
    public let database: WuyeDatabase

    public init(database: WuyeDatabase) {
        self.database = database
    }

    /// Appends an entry inside the caller's transaction and returns its number.
    @discardableResult
    public static func append(_ change: AuditChange, by actor: AuditActor, at date: Date,
                              sql: any SQLDatabase) async throws -> Int64 {
        try await appendAll([(change, actor)], at: date, sql: sql)
    }

    /// Appends entries in order inside the caller's transaction, reading and moving the chain's
    /// head once for all of them (a batch of reports commits together); returns the last number.
    @discardableResult
    public static func appendAll(_ changes: [(AuditChange, AuditActor)], at date: Date, sql: any SQLDatabase) async throws -> Int64 {
        // PostgreSQL: lock the head row until commit so concurrent writers chain one after another.
        // SQLite: the writer already holds the database's write lock (BEGIN IMMEDIATE).
        let lock = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE"
        guard let head = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1\(unsafeRaw: lock)").first() else {
            throw AuditLogMissing()
        }
        var seq = try head.decode(column: "seq", as: Int64.self)
        var prevHash = try head.decode(column: "hash", as: String.self)
        guard !changes.isEmpty else { return seq }
        let at = AuditTime.text(date)
        var rows: [SQLQueryString] = []
        for (change, actor) in changes {
            seq += 1
            let before = AuditEntry.json(change.before)
            let after = AuditEntry.json(change.after)
            let hash = AuditEntry.hash(seq: seq, at: at, actorAccountID: actor.accountID, actor: actor.label,
                                       action: change.action, targetType: change.targetType, targetID: change.targetID,
                                       before: before, after: after, requestID: actor.requestID, prevHash: prevHash)
            rows.append("""
                (\(bind: seq), \(bind: at), \(bind: actor.accountID), \(bind: actor.label), \(bind: change.action),
                 \(bind: change.targetType), \(bind: change.targetID), \(bind: before), \(bind: after),
                 \(bind: actor.requestID), \(bind: prevHash), \(bind: hash))
                """)
            prevHash = hash
        }
        try await sql.raw("""
            INSERT INTO audit_log (seq, at, actor_account_id, actor, action, target_type, target_id,
                                   before_json, after_json, request_id, prev_hash, hash)
            VALUES \(rows.joined(separator: ", "))
            """).run()
        try await sql.raw("UPDATE audit_head SET seq = \(bind: seq), hash = \(bind: prevHash) WHERE id = 1").run()
        return seq
    }

    /// Entries newest first, optionally of one target or one actor, before entry `before`.
    public func entries(targetType: String? = nil, targetID: String? = nil, actorAccountID: Int64? = nil,
                        before: Int64? = nil, limit: Int = 50) async throws -> [AuditEntry] {
        try await database.read { sql in
            var query = SQLQueryString("SELECT \(unsafeRaw: Self.columns) FROM audit_log WHERE 1 = 1")
            if let targetType { query.appendInterpolation(unsafeRaw: " AND target_type = "); query.appendInterpolation(bind: targetType) }
            if let targetID { query.appendInterpolation(unsafeRaw: " AND target_id = "); query.appendInterpolation(bind: targetID) }
            if let actorAccountID {
                query.appendInterpolation(unsafeRaw: " AND actor_account_id = ")
                query.appendInterpolation(bind: actorAccountID)
            }
            if let before { query.appendInterpolation(unsafeRaw: " AND seq < "); query.appendInterpolation(bind: before) }
            query.appendInterpolation(unsafeRaw: " ORDER BY seq DESC LIMIT \(max(1, min(limit, 500)))")
            return try await sql.raw(query).all().map(AuditEntry.init(row:))
        }
    }

    static let columns = """
        seq, at, actor_account_id, actor, action, target_type, target_id, before_json AS before, after_json AS after,
        request_id, prev_hash, hash
        """
}

struct AuditLogMissing: Error {}

extension AuditEntry {
    init(row: any SQLRow) throws {
        self.init(seq: try row.decode(column: "seq", as: Int64.self), at: try row.decode(column: "at", as: String.self),
                  actorAccountID: try row.decode(column: "actor_account_id", as: Int64?.self),
                  actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
                  targetType: try row.decode(column: "target_type", as: String.self),
                  targetID: try row.decode(column: "target_id", as: String.self),
                  before: try row.decode(column: "before", as: String?.self), after: try row.decode(column: "after", as: String?.self),
                  requestID: try row.decode(column: "request_id", as: String?.self),
                  prevHash: try row.decode(column: "prev_hash", as: String.self), hash: try row.decode(column: "hash", as: String.self))
    }
}

/// Audit times: UTC, milliseconds, ISO 8601 — one spelling, since the text is hashed.
enum AuditTime {
    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
