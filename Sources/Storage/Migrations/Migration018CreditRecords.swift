/// Property companies' credit records: good and bad entries with their evidence and validity,
/// kept as written (a record lapses at the end of its validity; it is never removed).
enum Migration018CreditRecords {
    static let migration = Migration(number: 18, name: "credit_records", statements: [
        """
        CREATE TABLE credit_entries (
            id {serial},
            company_id {bigint} NOT NULL REFERENCES property_companies (id),
            kind TEXT NOT NULL,
            points_centi {bigint} NOT NULL,
            reason TEXT NOT NULL,
            serious {bigint} NOT NULL,
            valid_from TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            division_code TEXT NOT NULL REFERENCES divisions (code),
            recorded_by_label TEXT NOT NULL,
            recorded_at {bigint} NOT NULL)
        """,
        "CREATE INDEX credit_entries_company ON credit_entries (company_id, valid_until)",
    ], only: Migration.appendOnly(["credit_entries"], function: "credit_entries_kept", message: "credit records are kept as written"))
}
