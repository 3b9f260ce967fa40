/// The housing maintenance fund (专项维修资金): deposit rates per division and building kind, the
/// kind of each building, a double-entry ledger whose lines name the home whose account moves (a
/// line without a home is the bank), the uses with their steps, and each use's apportionment.
/// Ledger and apportionment are append-only in the database itself.
enum Migration014MaintenanceFund {
    static let migration = Migration(number: 14, name: "maintenance_fund", statements: [
        """
        CREATE TABLE maintenance_fund_rates (
            division_code TEXT NOT NULL REFERENCES divisions (code),
            building_kind TEXT NOT NULL,
            fen_per_m2 {bigint} NOT NULL,
            PRIMARY KEY (division_code, building_kind))
        """,
        """
        CREATE TABLE maintenance_fund_buildings (
            building_id {bigint} PRIMARY KEY REFERENCES buildings (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            building_kind TEXT NOT NULL)
        """,
        """
        CREATE TABLE maintenance_fund_uses (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            title TEXT NOT NULL,
            budget_fen {bigint} NOT NULL,
            contractor TEXT NOT NULL,
            scope_kind TEXT NOT NULL,
            scope_id {bigint},
            emergency TEXT,
            stage TEXT NOT NULL,
            meeting_id {bigint} REFERENCES meetings (id),
            decision TEXT,
            filing_number TEXT,
            acceptance TEXT,
            proposed_by_label TEXT NOT NULL,
            created_at {bigint} NOT NULL,
            updated_at {bigint} NOT NULL)
        """,
        "CREATE INDEX maintenance_fund_uses_compound ON maintenance_fund_uses (compound_id, stage)",
        """
        CREATE TABLE maintenance_fund_use_steps (
            use_id {bigint} NOT NULL REFERENCES maintenance_fund_uses (id),
            seq {bigint} NOT NULL,
            stage TEXT NOT NULL,
            note TEXT NOT NULL,
            by_label TEXT NOT NULL,
            at {bigint} NOT NULL,
            PRIMARY KEY (use_id, seq))
        """,
        """
        CREATE TABLE maintenance_fund_entries (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            kind TEXT NOT NULL,
            use_id {bigint} REFERENCES maintenance_fund_uses (id),
            amount_fen {bigint} NOT NULL,
            posted_on TEXT NOT NULL,
            memo TEXT NOT NULL,
            recorded_by_label TEXT NOT NULL,
            recorded_at {bigint} NOT NULL)
        """,
        "CREATE INDEX maintenance_fund_entries_compound ON maintenance_fund_entries (compound_id, posted_on)",
        """
        CREATE TABLE maintenance_fund_lines (
            entry_id {bigint} NOT NULL REFERENCES maintenance_fund_entries (id),
            line_no {bigint} NOT NULL,
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            home_id {bigint} REFERENCES homes (id),
            first_deposit {bigint} NOT NULL,
            debit_fen {bigint} NOT NULL,
            credit_fen {bigint} NOT NULL,
            PRIMARY KEY (entry_id, line_no))
        """,
        "CREATE INDEX maintenance_fund_lines_home ON maintenance_fund_lines (compound_id, home_id)",
        "CREATE UNIQUE INDEX maintenance_fund_first_deposits ON maintenance_fund_lines (home_id, first_deposit) WHERE first_deposit = 1",
        """
        CREATE TABLE maintenance_fund_shares (
            use_id {bigint} NOT NULL REFERENCES maintenance_fund_uses (id),
            home_id {bigint} NOT NULL REFERENCES homes (id),
            area_centi {bigint} NOT NULL,
            share_fen {bigint} NOT NULL,
            from_fund_fen {bigint} NOT NULL,
            PRIMARY KEY (use_id, home_id))
        """,
    ], only: Migration.appendOnly(["maintenance_fund_entries", "maintenance_fund_lines", "maintenance_fund_shares", "maintenance_fund_use_steps"],
                                  function: "maintenance_fund_append_only", message: "the maintenance fund ledger is append-only"))
}
