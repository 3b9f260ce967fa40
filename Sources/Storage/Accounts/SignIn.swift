import Access
import Foundation
import SQLKit
import WuyeCore

/// Signing in by mobile number and password, with lock-out per account and per client address.
public struct SignIn: Sendable {
    public let accounts: AccountStore
    public var database: WuyeDatabase { accounts.database }
    public var clock: any WuyeClock { accounts.clock }

    public init(accounts: AccountStore) {
        self.accounts = accounts
    }

    public static let failed = DomainError(code: "sign_in_failed", message: "手机号或密码不正确",
                                           english: "wrong mobile number or password", field: "password")
    public static let locked = DomainError(code: "sign_in_locked", message: "尝试次数过多，请 15 分钟后再试",
                                           english: "too many attempts; try again in 15 minutes", field: "mobile")

    /// Signs in and opens a session, or throws `failed` or `locked`. Nothing tells an unknown
    /// number from a wrong password.
    public func signIn(mobile raw: String, password: String, clientAddress: String?,
                       requestID: String?) async throws -> SessionStore.Opened {
        let mobile = raw.trimmedWhitespace
        let now = Int64(clock.now().timeIntervalSince1970)
        let keys = ["account:\(mobile)", "address:\(clientAddress ?? "unknown")"]
        let states = try await database.read { sql in try await keys.asyncMap { try await Self.state($0, sql: sql) } }
        if SignInThrottle.perAccount.isLocked(states[0], now: now) || SignInThrottle.perAddress.isLocked(states[1], now: now) {
            throw Self.locked
        }
        let record = try await accounts.account(mobile: mobile)
        let matches = try await accounts.hasher.verify(password, hash: record?.passwordHash ?? PasswordHasher.absentAccountHash)
        guard let record, matches, record.active else {
            let lockedNow = try await recordFailure(keys: keys, states: states, now: now, accountID: record?.id,
                                                    requestID: requestID)
            throw lockedNow ? Self.locked : Self.failed
        }
        return try await database.write { sql in
            try await sql.raw("DELETE FROM sign_in_throttle WHERE throttle_key = \(bind: keys[0])").run()
            let opened = try await SessionStore.open(accountID: record.id, clientAddress: clientAddress, now: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "session.sign_in", targetType: "account", targetID: String(record.id),
                                                  after: ["client_address": clientAddress ?? "unknown"]),
                                      by: AuditActor(accountID: record.id, label: Masking.name(record.name), requestID: requestID),
                                      at: clock.now(), sql: sql)
            return opened
        }
    }

    /// Counts a failure against both keys; returns whether it locked either.
    private func recordFailure(keys: [String], states: [SignInThrottle.State?], now: Int64, accountID: Int64?,
                               requestID: String?) async throws -> Bool {
        let throttles = [SignInThrottle.perAccount, SignInThrottle.perAddress]
        return try await database.write { sql in
            var locked = false
            for index in keys.indices {
                let next = throttles[index].failing(states[index], now: now)
                try await sql.raw("DELETE FROM sign_in_throttle WHERE throttle_key = \(bind: keys[index])").run()
                try await sql.raw("""
                    INSERT INTO sign_in_throttle (throttle_key, failures, window_start, locked_until)
                    VALUES (\(bind: keys[index]), \(bind: Int64(next.failures)), \(bind: next.windowStart), \(bind: next.lockedUntil))
                    """).run()
                if throttles[index].isLocked(next, now: now) && !throttles[index].isLocked(states[index], now: now) {
                    locked = true
                    try await AuditLog.append(AuditChange(action: "session.lock_out", targetType: "sign_in",
                                                          targetID: keys[index].hasPrefix("account:") ? String(accountID ?? 0) : keys[index]),
                                              by: AuditActor(accountID: nil, label: "sign-in throttle", requestID: requestID),
                                              at: clock.now(), sql: sql)
                }
            }
            return locked
        }
    }

    static func state(_ key: String, sql: any SQLDatabase) async throws -> SignInThrottle.State? {
        try await sql.raw("""
            SELECT failures, window_start, locked_until FROM sign_in_throttle WHERE throttle_key = \(bind: key)
            """).first().map { row in
            SignInThrottle.State(failures: Int(try row.decode(column: "failures", as: Int64.self)),
                                 windowStart: try row.decode(column: "window_start", as: Int64.self),
                                 lockedUntil: try row.decode(column: "locked_until", as: Int64?.self))
        }
    }
}
