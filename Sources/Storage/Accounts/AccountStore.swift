import Access
import Foundation
import SQLKit
import WuyeCore

/// Accounts and the roles they hold. Every write validates, writes in one transaction and appends
/// an audit entry in that same transaction.
public struct AccountStore: Sendable {
    public let database: WuyeDatabase
    public let hasher: PasswordHasher
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, hasher: PasswordHasher = PasswordHasher(), clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.hasher = hasher
        self.clock = clock
    }

    /// Creates an account with its roles. The mobile number is the sign-in name and must be new.
    @discardableResult
    public func create(_ account: NewAccount, by actor: AuditActor) async throws -> Int64 {
        let valid = try await validated(account)
        return try await database.write { sql in try await insert(valid, by: actor, sql: sql) }
    }

    /// An account checked and its password hashed, ready to insert.
    struct ValidAccount: Sendable {
        let mobile: String
        let name: String
        let passwordHash: String
        let ownerID: Int64?
        let roles: [Role]
    }

    func validated(_ account: NewAccount) async throws -> ValidAccount {
        let mobile = try Self.validMobile(account.mobile)
        let name = account.name.trimmedWhitespace
        guard !name.isEmpty, name.count <= 40 else {
            throw DomainError(code: "invalid_name", message: "请填写 1 到 40 个字的姓名", english: "a name has 1 to 40 characters",
                              field: "name")
        }
        try PasswordRules.check(account.password, mobile: mobile)
        guard !account.roles.isEmpty else {
            throw DomainError(code: "no_role", message: "请至少选择一个角色", english: "an account holds a role", field: "role")
        }
        return ValidAccount(mobile: mobile, name: name, passwordHash: try await hasher.hash(account.password),
                            ownerID: account.ownerID, roles: account.roles)
    }

    /// Inserts a validated account, its roles and the audit entry inside the caller's transaction.
    func insert(_ account: ValidAccount, by actor: AuditActor, sql: any SQLDatabase) async throws -> Int64 {
        let now = AuditTime.text(clock.now())
        if try await sql.raw("SELECT id FROM accounts WHERE mobile = \(bind: account.mobile)").first() != nil {
            throw Self.mobileTaken
        }
        guard let row = try await sql.raw("""
            INSERT INTO accounts (mobile, name, password_hash, owner_id, active, created_by, created_at, password_changed_at)
            VALUES (\(bind: account.mobile), \(bind: account.name), \(bind: account.passwordHash), \(bind: account.ownerID), TRUE,
                    \(bind: actor.accountID), \(bind: now), \(bind: now))
            RETURNING id
            """).first() else { throw Self.mobileTaken }
        let id = try row.decode(column: "id", as: Int64.self)
        for role in account.roles { try await Self.insert(role, account: id, by: actor, at: now, sql: sql) }
        try await AuditLog.append(AuditChange(action: "account.create", targetType: "account", targetID: String(id),
                                              after: ["mobile": (try? PhoneNumber(account.mobile).masked) ?? "****",
                                                      "name": Masking.name(account.name),
                                                      "roles": account.roles.map(\.description).joined(separator: "; ")]),
                                  by: actor, at: clock.now(), sql: sql)
        return id
    }

    /// Adds a role to an existing account (a steward who becomes a grid worker too).
    public func grant(_ role: Role, to accountID: Int64, by actor: AuditActor) async throws {
        let now = AuditTime.text(clock.now())
        try await database.write { sql in
            guard try await sql.raw("SELECT id FROM accounts WHERE id = \(bind: accountID)").first() != nil else {
                throw DomainError(code: "not_found", message: "账号不存在", english: "no such account", field: "account")
            }
            let held = try await Self.roleRows(accountID, sql: sql).map(\.role)
            guard !held.contains(role) else {
                throw DomainError(code: "role_held", message: "该账号已有这个角色", english: "the account already holds this role",
                                  field: "role")
            }
            try await Self.insert(role, account: accountID, by: actor, at: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "account.grant_role", targetType: "account", targetID: String(accountID),
                                                  after: ["role": role.description]),
                                      by: actor, at: clock.now(), sql: sql)
        }
    }

    public func account(mobile: String) async throws -> AccountRecord? {
        try await database.read { sql in
            try await sql.raw("""
                SELECT id, mobile, name, password_hash, owner_id, active FROM accounts WHERE mobile = \(bind: mobile)
                """).first().map(Self.record)
        }
    }

    public func account(id: Int64) async throws -> AccountRecord? {
        try await database.read { sql in
            try await sql.raw("""
                SELECT id, mobile, name, password_hash, owner_id, active FROM accounts WHERE id = \(bind: id)
                """).first().map(Self.record)
        }
    }

    /// The account with its roles, owners' homes filled in from the registry; with `roleID`, acting
    /// with that one role only (an API token's). Nil when the account does not exist or is disabled.
    public func principal(accountID: Int64, onlyRole roleID: Int64? = nil) async throws -> Principal? {
        try await database.read { sql in
            guard let record = try await sql.raw("""
                SELECT id, mobile, name, password_hash, owner_id, active FROM accounts WHERE id = \(bind: accountID)
                """).first().map(Self.record), record.active else { return nil }
            var roles: [Role] = []
            for stored in try await Self.roleRows(accountID, sql: sql) where roleID == nil || stored.id == roleID {
                guard stored.role.kind == .owner, let compound = stored.role.compoundID else {
                    roles.append(stored.role)
                    continue
                }
                let homes = try await sql.raw("""
                    SELECT home_id FROM ownerships WHERE owner_id = \(bind: record.ownerID ?? -1) AND compound_id = \(bind: compound)
                    """).all().map { try $0.decode(column: "home_id", as: Int64.self) }
                roles.append(stored.role.holding(homes: Set(homes)))
            }
            return Principal(accountID: record.id, name: record.name, mobile: record.mobile, roles: roles)
        }
    }

    /// The stored roles of an account with their row ids (API tokens name one).
    public func roles(ofAccount accountID: Int64) async throws -> [(id: Int64, role: Role)] {
        try await database.read { sql in try await Self.roleRows(accountID, sql: sql) }
    }

    /// Changes a password after checking the current one; every other session of the account ends.
    public func changePassword(accountID: Int64, current: String, new: String, keepingSession tokenHash: String?,
                               by actor: AuditActor) async throws {
        guard let record = try await account(id: accountID) else {
            throw DomainError(code: "not_found", message: "账号不存在", english: "no such account")
        }
        guard try await hasher.verify(current, hash: record.passwordHash) else {
            throw DomainError(code: "wrong_password", message: "当前密码不正确", english: "the current password is wrong",
                              field: "current_password")
        }
        do throws(DomainError) { try PasswordRules.check(new, mobile: record.mobile) } catch {
            throw error.on(field: "new_password")
        }
        let hash = try await hasher.hash(new)
        try await database.write { sql in
            try await sql.raw("""
                UPDATE accounts SET password_hash = \(bind: hash), password_changed_at = \(bind: AuditTime.text(clock.now()))
                WHERE id = \(bind: accountID)
                """).run()
            try await sql.raw("""
                DELETE FROM sessions WHERE account_id = \(bind: accountID) AND token_hash <> \(bind: tokenHash ?? "")
                """).run()
            try await AuditLog.append(AuditChange(action: "account.change_password", targetType: "account",
                                                  targetID: String(accountID)),
                                      by: actor, at: clock.now(), sql: sql)
        }
    }

    static func validMobile(_ raw: String) throws(DomainError) -> String {
        let phone: PhoneNumber
        do throws(DomainError) { phone = try PhoneNumber(raw) } catch { throw error.on(field: "mobile") }
        guard phone.isMobile else {
            throw DomainError(code: "invalid_mobile", message: "请填写 11 位手机号码", english: "a mobile number has 11 digits",
                              field: "mobile")
        }
        return phone.rawValue
    }

    static let mobileTaken = DomainError(code: "mobile_taken", message: "这个手机号已注册", english: "this mobile number has an account",
                                         field: "mobile")

    private static func record(_ row: any SQLRow) throws -> AccountRecord {
        AccountRecord(id: try row.decode(column: "id", as: Int64.self), mobile: try row.decode(column: "mobile", as: String.self),
                      name: try row.decode(column: "name", as: String.self),
                      passwordHash: try row.decode(column: "password_hash", as: String.self),
                      ownerID: try row.decode(column: "owner_id", as: Int64?.self),
                      active: try row.decode(column: "active", as: Bool.self))
    }
}
