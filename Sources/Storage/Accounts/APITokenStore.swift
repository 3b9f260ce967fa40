import Access
import Foundation
import SQLKit
import WuyeCore

/// Bearer tokens for integrations (a district's 12345 hotline system, a bank's fund feed). A
/// token acts with one role of its account, is shown once, kept only as a SHA-256, and revocable.
public struct APITokenStore: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock
    static let prefix = "wuye_"

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Listed: Sendable, Codable, Equatable {
        public let id: Int64
        public let name: String
        public let roleID: Int64
        public let createdAt: String
        public let lastUsedAt: String?
        public let revokedAt: String?

        enum CodingKeys: String, CodingKey {
            case id, name, roleID = "role_id", createdAt = "created_at", lastUsedAt = "last_used_at", revokedAt = "revoked_at"
        }
    }

    /// Issues a token for one of the account's roles and returns it: the only time it is shown.
    public func issue(accountID: Int64, roleID: Int64, name raw: String, by actor: AuditActor) async throws -> (id: Int64, token: String) {
        let name = raw.trimmedWhitespace
        guard !name.isEmpty, name.count <= 60 else {
            throw DomainError(code: "invalid_name", message: "请填写 1 到 60 个字的用途名称", english: "a token name has 1 to 60 characters",
                              field: "name")
        }
        let token = Self.prefix + Secret.token()
        let now = clock.now()
        let id = try await database.write { sql in
            guard try await sql.raw("""
                SELECT id FROM account_roles WHERE id = \(bind: roleID) AND account_id = \(bind: accountID)
                """).first() != nil else {
                throw DomainError(code: "invalid_role", message: "请选择本账号的一个角色", english: "choose a role of this account",
                                  field: "role_id")
            }
            guard let row = try await sql.raw("""
                INSERT INTO api_tokens (account_id, role_id, name, token_hash, created_at)
                VALUES (\(bind: accountID), \(bind: roleID), \(bind: name), \(bind: Secret.digest(token)), \(bind: AuditTime.text(now)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "api_token.issue", targetType: "api_token", targetID: String(id),
                                                  after: ["name": name, "role_id": String(roleID)]),
                                      by: actor, at: now, sql: sql)
            return id
        }
        return (id, token)
    }

    public func tokens(ofAccount accountID: Int64) async throws -> [Listed] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT id, name, role_id, created_at, last_used_at, revoked_at FROM api_tokens
                WHERE account_id = \(bind: accountID) ORDER BY id DESC
                """).all(decoding: Listed.self)
        }
    }

    /// Revokes one of the account's own tokens. Unknown ids, and other accounts' tokens, are not found.
    public func revoke(id: Int64, accountID: Int64, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard try await sql.raw("""
                SELECT id FROM api_tokens WHERE id = \(bind: id) AND account_id = \(bind: accountID) AND revoked_at IS NULL
                """).first() != nil else {
                throw DomainError(code: "not_found", message: "令牌不存在或已撤销", english: "no such live token", field: "id")
            }
            try await sql.raw("UPDATE api_tokens SET revoked_at = \(bind: AuditTime.text(now)) WHERE id = \(bind: id)").run()
            try await AuditLog.append(AuditChange(action: "api_token.revoke", targetType: "api_token", targetID: String(id)),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// The account and role a live token acts as, or nil.
    public func resolve(_ token: String) async throws -> (accountID: Int64, roleID: Int64)? {
        guard token.hasPrefix(Self.prefix), token.utf8.count == Self.prefix.utf8.count + 43 else { return nil }
        let hash = Secret.digest(token)
        let row = try await database.read { sql in
            try await sql.raw("""
                SELECT id, account_id, role_id, last_used_at FROM api_tokens WHERE token_hash = \(bind: hash) AND revoked_at IS NULL
                """).first()
        }
        guard let row else { return nil }
        let id = try row.decode(column: "id", as: Int64.self)
        // Recorded at most once a minute: integrations call often.
        let now = AuditTime.text(clock.now())
        let last = try row.decode(column: "last_used_at", as: String?.self) ?? ""
        if last.prefix(16) != now.prefix(16) {
            try await database.write { sql in
                try await sql.raw("UPDATE api_tokens SET last_used_at = \(bind: now) WHERE id = \(bind: id)").run()
            }
        }
        return (try row.decode(column: "account_id", as: Int64.self), try row.decode(column: "role_id", as: Int64.self))
    }
}
