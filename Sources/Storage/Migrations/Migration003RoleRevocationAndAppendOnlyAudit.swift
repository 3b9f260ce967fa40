/// Roles can be revoked (kept, with the time, so the audit trail and API tokens still name them),
/// and the audit log refuses UPDATE and DELETE in the database itself: only someone who first drops
/// the guard can change history, and `wuye audit verify` still catches what they changed.
enum Migration003RoleRevocationAndAppendOnlyAudit {
    static let migration = Migration(number: 3, name: "role revocation, append-only audit log", statements: [
        "ALTER TABLE account_roles ADD COLUMN revoked_at TEXT",
        "ALTER TABLE account_roles ADD COLUMN revoked_by {bigint}",
    ], only: [
        .sqlite: [
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        ],
        .postgres: [
            """
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
            """,
            """
            CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
            """,
        ],
    ])
}
