/// Accounts and their roles, sessions, API tokens, sign-in lock-out, one-time codes and the
/// hash-chained audit log. Secrets (session tokens, API tokens, one-time codes) are stored only
/// as SHA-256 hashes; passwords as bcrypt hashes.
enum Migration002Accounts {
    static let migration = Migration(number: 2, name: "accounts", statements: [
        """
        CREATE TABLE accounts (
            id {serial},
            mobile TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            owner_id {bigint} REFERENCES owners (id),
            active {bool} NOT NULL DEFAULT TRUE,
            created_by {bigint},
            created_at TEXT NOT NULL,
            password_changed_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE account_roles (
            id {serial},
            account_id {bigint} NOT NULL REFERENCES accounts (id),
            kind TEXT NOT NULL,
            compound_id {bigint} REFERENCES compounds (id),
            company_id {bigint} REFERENCES property_companies (id),
            grid_id {bigint} REFERENCES grids (id),
            division_code TEXT REFERENCES divisions (code),
            department TEXT,
            created_by {bigint},
            created_at TEXT NOT NULL)
        """,
        "CREATE INDEX account_roles_account ON account_roles (account_id)",
        "CREATE INDEX account_roles_compound ON account_roles (compound_id)",
        "CREATE INDEX account_roles_company ON account_roles (company_id)",
        "CREATE INDEX account_roles_division ON account_roles (division_code)",
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            account_id {bigint} NOT NULL REFERENCES accounts (id),
            csrf_token TEXT NOT NULL,
            client_address TEXT,
            created_at {bigint} NOT NULL,
            last_seen_at {bigint} NOT NULL,
            expires_at {bigint} NOT NULL)
        """,
        "CREATE INDEX sessions_account ON sessions (account_id)",
        """
        CREATE TABLE api_tokens (
            id {serial},
            account_id {bigint} NOT NULL REFERENCES accounts (id),
            role_id {bigint} NOT NULL REFERENCES account_roles (id),
            name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            last_used_at TEXT,
            revoked_at TEXT)
        """,
        "CREATE INDEX api_tokens_account ON api_tokens (account_id)",
        """
        CREATE TABLE sign_in_throttle (
            throttle_key TEXT PRIMARY KEY,
            failures {bigint} NOT NULL,
            window_start {bigint} NOT NULL,
            locked_until {bigint})
        """,
        """
        CREATE TABLE one_time_codes (
            id {serial},
            purpose TEXT NOT NULL,
            mobile TEXT NOT NULL,
            code_hash TEXT NOT NULL,
            owner_id {bigint} REFERENCES owners (id),
            name TEXT NOT NULL,
            created_at {bigint} NOT NULL,
            expires_at {bigint} NOT NULL,
            attempts {bigint} NOT NULL DEFAULT 0,
            used_at {bigint})
        """,
        "CREATE INDEX one_time_codes_mobile ON one_time_codes (mobile, created_at)",
        """
        CREATE TABLE audit_log (
            seq {id},
            at TEXT NOT NULL,
            actor_account_id {bigint},
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target_type TEXT NOT NULL,
            target_id TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT,
            request_id TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL)
        """,
        "CREATE INDEX audit_log_target ON audit_log (target_type, target_id, seq)",
        "CREATE INDEX audit_log_actor ON audit_log (actor_account_id, seq)",
        // The chain's head: the last entry's number and hash. Appends lock this one row, so two
        // writers never chain onto the same entry; verify compares it with the last entry, so a
        // deleted tail is caught too.
        "CREATE TABLE audit_head (id {bigint} PRIMARY KEY, seq {bigint} NOT NULL, hash TEXT NOT NULL)",
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')",
    ])
}
