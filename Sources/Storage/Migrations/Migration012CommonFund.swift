/// The owners' common fund: journal entries with their lines (append-only in the database itself:
/// a correction is a reversal), approvals attached to expenses (an expense recorded from the bank
/// statement before its approval is flagged until one is attached), each compound's threshold above
/// which the assembly must approve, and the bank's month-end balances for reconciliation.
enum Migration012CommonFund {
    static let migration = Migration(number: 12, name: "common_fund", statements: [
        """
        CREATE TABLE common_fund_entries (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            kind TEXT NOT NULL,
            category TEXT NOT NULL,
            amount_fen {bigint} NOT NULL,
            posted_on TEXT NOT NULL,
            memo TEXT NOT NULL,
            reverses_id {bigint} REFERENCES common_fund_entries (id),
            recorded_by_label TEXT NOT NULL,
            recorded_at {bigint} NOT NULL)
        """,
        "CREATE INDEX common_fund_entries_compound ON common_fund_entries (compound_id, posted_on)",
        "CREATE UNIQUE INDEX common_fund_entries_reverses ON common_fund_entries (reverses_id)",
        """
        CREATE TABLE common_fund_lines (
            entry_id {bigint} NOT NULL REFERENCES common_fund_entries (id),
            line_no {bigint} NOT NULL,
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            account TEXT NOT NULL,
            debit_fen {bigint} NOT NULL,
            credit_fen {bigint} NOT NULL,
            PRIMARY KEY (entry_id, line_no))
        """,
        "CREATE INDEX common_fund_lines_compound ON common_fund_lines (compound_id, account)",
        """
        CREATE TABLE common_fund_approvals (
            entry_id {bigint} PRIMARY KEY REFERENCES common_fund_entries (id),
            decision TEXT NOT NULL,
            meeting_id {bigint} REFERENCES meetings (id),
            motion_number {bigint},
            approved_by_label TEXT NOT NULL,
            approved_at {bigint} NOT NULL)
        """,
        "CREATE TABLE common_fund_settings (compound_id {bigint} PRIMARY KEY REFERENCES compounds (id), assembly_above_fen {bigint} NOT NULL)",
        """
        CREATE TABLE bank_statements (
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            month TEXT NOT NULL,
            balance_fen {bigint} NOT NULL,
            recorded_by_label TEXT NOT NULL,
            recorded_at {bigint} NOT NULL,
            PRIMARY KEY (compound_id, month))
        """,
    ], only: Migration.appendOnly(["common_fund_entries", "common_fund_lines", "common_fund_approvals"], function: "common_fund_append_only",
                        message: "the common fund ledger is append-only"))
}
