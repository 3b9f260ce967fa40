import Foundation
import SQLKit
import WuyeCore

/// The api_keys of Open311 clients (reference §6.4). A key is issued by an administrator for a
/// client (a district's 12345 system, a city app), may be limited to a division, is shown once and
/// kept only as a SHA-256, and is revocable. Requests posted with it are reported as `open311`.
public struct Open311Keys: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock
    static let prefix = "o311_"

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// A key as its list shows it: never the key, only its last characters.
    public struct Key: Sendable, Equatable {
        public let id: Int64
        public let name: String
        public let hint: String
        /// Where the key may report and read; nil: the whole platform.
        public let division: DivisionCode?
        public let createdBy: String
        public let createdAt: Date
        public let revokedAt: Date?

        /// Does the key's scope lie inside `division` (everything does for nil)?
        public func lies(within division: DivisionCode?) -> Bool {
            guard let division else { return true }
            return self.division.map(division.contains) ?? false
        }

        /// May the key report and read at a place in `code`?
        public func covers(_ code: DivisionCode) -> Bool { division.map { $0.contains(code) } ?? true }
    }

    /// Issues a key and returns it: the only time it is shown.
    public func create(name raw: String, division: DivisionCode?, by actor: AuditActor) async throws -> (id: Int64, key: String) {
        let name = raw.trimmedWhitespace
        guard !name.isEmpty, name.count <= 60 else {
            throw DomainError(code: "invalid_name", message: "请填写 1 到 60 个字的客户端名称", english: "a key's name has 1 to 60 characters",
                              field: "name")
        }
        let key = Self.prefix + Secret.token()
        let now = clock.now()
        let id = try await database.write { sql in
            if let division {
                guard try await sql.raw("SELECT code FROM divisions WHERE code = \(bind: division.rawValue)").first() != nil else {
                    throw DomainError(code: "no_such_division", message: "没有这个行政区划", english: "no such division", field: "division")
                }
            }
            guard let row = try await sql.raw("""
                INSERT INTO open311_keys (name, key_hash, key_hint, division_code, created_by, created_by_label, created_at)
                VALUES (\(bind: name), \(bind: Secret.digest(key)), \(bind: String(key.suffix(4))), \(bind: division?.rawValue),
                        \(bind: actor.accountID), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "open311_key.create", targetType: "open311_key", targetID: String(id),
                                                  after: ["name": name, "division": division?.rawValue ?? "*"]),
                                      by: actor, at: now, sql: sql)
            return id
        }
        return (id, key)
    }

    /// The keys whose division lies inside `division` (all of them for nil), newest first.
    public func list(within division: DivisionCode?) async throws -> [Key] {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM open311_keys ORDER BY id DESC").all().map(Self.key).filter { $0.lies(within: division) }
        }
    }

    /// One key, live or revoked.
    public func key(id: Int64) async throws -> Key? {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM open311_keys WHERE id = \(bind: id)").first().map(Self.key)
        }
    }

    /// Revokes a live key inside `division`; other keys are not found.
    public func revoke(id: Int64, within division: DivisionCode?, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard let row = try await sql.raw("SELECT * FROM open311_keys WHERE id = \(bind: id) AND revoked_at IS NULL").first(),
                  try Self.key(row).lies(within: division) else {
                throw DomainError(code: "not_found", message: "密钥不存在或已撤销", english: "no such live key", field: "id")
            }
            try await sql.raw("UPDATE open311_keys SET revoked_at = \(bind: Int64(now.timeIntervalSince1970)) WHERE id = \(bind: id)").run()
            try await AuditLog.append(AuditChange(action: "open311_key.revoke", targetType: "open311_key", targetID: String(id)),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// The live key a client sent, or nil.
    public func resolve(_ key: String) async throws -> Key? {
        guard key.hasPrefix(Self.prefix), key.utf8.count == Self.prefix.utf8.count + 43 else { return nil }
        let hash = Secret.digest(key)
        return try await database.read { sql in
            try await sql.raw("SELECT * FROM open311_keys WHERE key_hash = \(bind: hash) AND revoked_at IS NULL").first().map(Self.key)
        }
    }

    static func key(_ row: any SQLRow) throws -> Key {
        Key(id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            hint: try row.decode(column: "key_hint", as: String.self),
            division: try row.decode(column: "division_code", as: String?.self).flatMap(DivisionCode.init(rawValue:)),
            createdBy: try row.decode(column: "created_by_label", as: String.self),
            createdAt: Date(timeIntervalSince1970: Double(try row.decode(column: "created_at", as: Int64.self))),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map { Date(timeIntervalSince1970: Double($0)) })
    }
}
