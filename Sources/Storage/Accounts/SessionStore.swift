import Access
import Foundation
import SQLKit
import WuyeCore

/// Signed-in sessions, kept in the database so they survive a restart and are shared by every
/// app instance. The cookie holds a random token; the table holds only its SHA-256.
public struct SessionStore: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock
    /// A session ends after this long without a request...
    public static let idleSeconds: Int64 = 4 * 3600
    /// ...and in any case this long after sign-in.
    public static let lifetimeSeconds: Int64 = 12 * 3600
    /// Seen-times are written at most this often, so browsing does not write on every request.
    static let touchSeconds: Int64 = 60

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Opened: Sendable {
        public let token: String
        public let csrfToken: String
    }

    public struct Current: Sendable {
        public let accountID: Int64
        public let tokenHash: String
        public let csrfToken: String
    }

    /// Opens a session inside the caller's transaction.
    static func open(accountID: Int64, clientAddress: String?, now: Int64, sql: any SQLDatabase) async throws -> Opened {
        let token = Secret.token()
        let csrf = Secret.token()
        try await sql.raw("""
            INSERT INTO sessions (token_hash, account_id, csrf_token, client_address, created_at, last_seen_at, expires_at)
            VALUES (\(bind: Secret.digest(token)), \(bind: accountID), \(bind: csrf), \(bind: clientAddress),
                    \(bind: now), \(bind: now), \(bind: now + idleSeconds))
            """).run()
        return Opened(token: token, csrfToken: csrf)
    }

    /// The live session a cookie names, or nil (unknown, expired or tampered token).
    public func current(token: String) async throws -> Current? {
        guard token.utf8.count == 43 else { return nil }
        let hash = Secret.digest(token)
        let now = Int64(clock.now().timeIntervalSince1970)
        let row = try await database.read { sql in
            try await sql.raw("""
                SELECT account_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = \(bind: hash)
                """).first()
        }
        guard let row else { return nil }
        let created = try row.decode(column: "created_at", as: Int64.self)
        let lastSeen = try row.decode(column: "last_seen_at", as: Int64.self)
        let expires = try row.decode(column: "expires_at", as: Int64.self)
        guard now < expires, now < created + Self.lifetimeSeconds else {
            try await database.write { sql in try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: hash)").run() }
            return nil
        }
        if now - lastSeen >= Self.touchSeconds {
            try await database.write { sql in
                try await sql.raw("""
                    UPDATE sessions SET last_seen_at = \(bind: now), expires_at = \(bind: now + Self.idleSeconds)
                    WHERE token_hash = \(bind: hash)
                    """).run()
            }
        }
        return Current(accountID: try row.decode(column: "account_id", as: Int64.self), tokenHash: hash,
                       csrfToken: try row.decode(column: "csrf_token", as: String.self))
    }

    /// Ends a session (sign-out).
    public func end(_ session: Current, by actor: AuditActor) async throws {
        try await database.write { sql in
            try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: session.tokenHash)").run()
            try await AuditLog.append(AuditChange(action: "session.sign_out", targetType: "account",
                                                  targetID: String(session.accountID)),
                                      by: actor, at: clock.now(), sql: sql)
        }
    }
}
