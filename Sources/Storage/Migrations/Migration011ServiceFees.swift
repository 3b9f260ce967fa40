/// Service fees: each compound's fee standard, the periods billed, a bill per home and period
/// (payer, area, amount, what is paid), payments with their receipt and invoice, reminders, and
/// per-compound totals per period kept with every bill and payment so that collection rates at any
/// level read a few thousand rows, not millions.
enum Migration011ServiceFees {
    static let migration = Migration(number: 11, name: "service_fees", statements: [
        """
        CREATE TABLE fee_standards (
            compound_id {bigint} PRIMARY KEY REFERENCES compounds (id),
            rate_milli {bigint} NOT NULL,
            method TEXT NOT NULL,
            set_by_label TEXT NOT NULL,
            set_at {bigint} NOT NULL)
        """,
        """
        CREATE TABLE fee_periods (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            period_key TEXT NOT NULL,
            months {bigint} NOT NULL,
            rate_milli {bigint} NOT NULL,
            issued_by_label TEXT NOT NULL,
            issued_at {bigint} NOT NULL,
            UNIQUE (compound_id, period_key))
        """,
        """
        CREATE TABLE fee_bills (
            id {serial},
            period_id {bigint} NOT NULL REFERENCES fee_periods (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            home_id {bigint} NOT NULL REFERENCES homes (id),
            payer TEXT NOT NULL,
            area_centi {bigint} NOT NULL,
            amount_fen {bigint} NOT NULL,
            paid_fen {bigint} NOT NULL DEFAULT 0,
            UNIQUE (period_id, home_id))
        """,
        "CREATE INDEX fee_bills_compound ON fee_bills (compound_id, period_id)",
        "CREATE INDEX fee_bills_home ON fee_bills (home_id)",
        """
        CREATE TABLE fee_payments (
            id {serial},
            bill_id {bigint} NOT NULL REFERENCES fee_bills (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            amount_fen {bigint} NOT NULL,
            method TEXT NOT NULL,
            receipt_number TEXT NOT NULL,
            invoice_number TEXT,
            paid_at {bigint} NOT NULL,
            recorded_by_label TEXT NOT NULL)
        """,
        "CREATE INDEX fee_payments_bill ON fee_payments (bill_id)",
        """
        CREATE TABLE fee_reminders (
            id {serial},
            bill_id {bigint} NOT NULL REFERENCES fee_bills (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            note TEXT NOT NULL,
            sent_by_label TEXT NOT NULL,
            sent_at {bigint} NOT NULL)
        """,
        "CREATE INDEX fee_reminders_bill ON fee_reminders (bill_id)",
        """
        CREATE TABLE fee_totals (
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            period_key TEXT NOT NULL,
            billed_fen {bigint} NOT NULL,
            collected_fen {bigint} NOT NULL,
            PRIMARY KEY (compound_id, period_key))
        """,
        "CREATE INDEX fee_totals_period ON fee_totals (period_key)",
    ])
}
