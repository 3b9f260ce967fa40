import Access
import SQLKit
import WuyeCore

/// Roles in rows: one row per role held, its scope in the column its kind uses.
extension AccountStore {
    static func insert(_ role: Role, account: Int64, by actor: AuditActor, at now: String, sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO account_roles (account_id, kind, compound_id, company_id, grid_id, division_code, department,
                                       created_by, created_at)
            VALUES (\(bind: account), \(bind: role.kind.rawValue), \(bind: role.compoundID), \(bind: role.companyID),
                    \(bind: role.gridID), \(bind: role.division?.rawValue), \(bind: role.department?.rawValue),
                    \(bind: actor.accountID), \(bind: now))
            """).run()
    }

    static func roleRows(_ account: Int64, sql: any SQLDatabase) async throws -> [(id: Int64, role: Role)] {
        try await sql.raw("""
            SELECT id, kind, compound_id, company_id, grid_id, division_code, department FROM account_roles
            WHERE account_id = \(bind: account) AND revoked_at IS NULL ORDER BY id
            """).all().compactMap { row in
            guard let role = try role(row) else { return nil }
            return (try row.decode(column: "id", as: Int64.self), role)
        }
    }

    /// A stored role, or nil when the row no longer makes a valid role (skipped rather than trusted).
    static func role(_ row: any SQLRow) throws -> Role? {
        guard let kind = RoleKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        let compound = try row.decode(column: "compound_id", as: Int64?.self)
        let company = try row.decode(column: "company_id", as: Int64?.self)
        let grid = try row.decode(column: "grid_id", as: Int64?.self)
        let division = try row.decode(column: "division_code", as: String?.self).flatMap(DivisionCode.init(rawValue:))
        let department = try row.decode(column: "department", as: String?.self).flatMap(Department.init(rawValue:))
        switch kind.scopeKind {
        case .compound:
            guard let compound else { return nil }
            return kind == .owner ? .owner(compound: compound, homes: []) : try? Role.committee(kind, compound: compound)
        case .company:
            return company.flatMap { try? Role.company(kind, company: $0) }
        case .grid:
            guard let grid, let division else { return nil }
            return try? Role.gridWorker(grid: grid, community: division)
        case .division:
            return division.flatMap { try? Role.administration($0) }
        case .department:
            guard let division, let department else { return nil }
            return try? Role.department(department, division: division)
        case .platform:
            return .platformAdministrator
        }
    }
}

extension AccountStore {
    /// A live role of an account, or nil.
    public func role(_ roleID: Int64, ofAccount accountID: Int64) async throws -> Role? {
        try await roles(ofAccount: accountID).first { $0.id == roleID }?.role
    }

    /// Revokes one role of an account (the steward who left, the committee whose term ended). The
    /// role's API tokens are revoked with it. The row stays, marked, for the audit trail.
    public func revoke(roleID: Int64, ofAccount accountID: Int64, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.write { sql in
            guard let role = try await Self.roleRows(accountID, sql: sql).first(where: { $0.id == roleID })?.role else {
                throw DomainError(code: "not_found", message: "该账号没有这个角色", english: "no such live role", field: "role_id")
            }
            try await sql.raw("""
                UPDATE account_roles SET revoked_at = \(bind: AuditTime.text(now)), revoked_by = \(bind: actor.accountID)
                WHERE id = \(bind: roleID)
                """).run()
            try await sql.raw("""
                UPDATE api_tokens SET revoked_at = \(bind: AuditTime.text(now)) WHERE role_id = \(bind: roleID) AND revoked_at IS NULL
                """).run()
            try await AuditLog.append(AuditChange(action: "account.revoke_role", targetType: "account", targetID: String(accountID),
                                                  before: ["role": role.description]),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// Accounts an administrator created (all of them for nil), newest first, with their roles.
    public func accounts(createdBy creator: Int64?, limit: Int = 200) async throws -> [AccountSummary] {
        try await database.read { sql in
            var query: SQLQueryString = "SELECT id, mobile, name, active, created_at FROM accounts"
            if let creator { query = query + " WHERE created_by = \(bind: creator)" }
            query = query + " ORDER BY id DESC LIMIT \(literal: limit)"
            var summaries: [AccountSummary] = []
            for row in try await sql.raw(query).all() {
                let id = try row.decode(column: "id", as: Int64.self)
                let roles = try await Self.roleRows(id, sql: sql).map { stored in
                    RoleSummary(id: stored.id, kind: stored.role.kind.rawValue, kindName: stored.role.kind.chineseName,
                                compoundID: stored.role.compoundID, companyID: stored.role.companyID, gridID: stored.role.gridID,
                                divisionCode: stored.role.division?.rawValue, department: stored.role.department?.rawValue)
                }
                summaries.append(AccountSummary(id: id, mobile: try row.decode(column: "mobile", as: String.self),
                                                name: try row.decode(column: "name", as: String.self),
                                                active: try row.decode(column: "active", as: Bool.self), roles: roles,
                                                createdAt: try row.decode(column: "created_at", as: String.self)))
            }
            return summaries
        }
    }
}
