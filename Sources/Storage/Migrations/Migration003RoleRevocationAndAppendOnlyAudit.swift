/// Roles can be revoked (kept, with the time, so the audit trail and API tokens still name them),
/// and the audit log refuses UPDATE and DELETE in the database itself: only someone who first drops
/// the guard can change history, and `wuye audit verify` still catches what they changed.
enum Migration003RoleRevocationAndAppendOnlyAudit {
    static let migration = Migration(number: 3, name: "role revocation, append-only audit log", statements: [
        "ALTER TABLE account_roles ADD COLUMN revoked_at TEXT",
        "ALTER TABLE account_roles ADD COLUMN revoked_by {bigint}",
    ], only: Migration.appendOnly(["audit_log"], function: "audit_log_append_only", message: "the audit log is append-only"))
}
