/// Evaluation of property companies: scorecards as versioned data per jurisdiction, year and compound
/// type; rounds; the owners' survey (one answer per home per round); inspectors' deductions with their
/// evidence; and a round's published results, which are never changed.
enum Migration015Evaluation {
    static let migration = Migration(number: 15, name: "evaluation", statements: [
        """
        CREATE TABLE scorecards (
            id {serial},
            division_code TEXT NOT NULL REFERENCES divisions (code),
            year {bigint} NOT NULL,
            compound_type TEXT NOT NULL,
            version {bigint} NOT NULL,
            definition TEXT NOT NULL,
            created_by_label TEXT NOT NULL,
            created_at {bigint} NOT NULL,
            UNIQUE (division_code, year, compound_type, version))
        """,
        """
        CREATE TABLE evaluation_rounds (
            id {serial},
            division_code TEXT NOT NULL REFERENCES divisions (code),
            year {bigint} NOT NULL,
            name TEXT NOT NULL,
            starts_on TEXT NOT NULL,
            ends_on TEXT NOT NULL,
            status TEXT NOT NULL,
            published_at {bigint},
            created_by_label TEXT NOT NULL,
            created_at {bigint} NOT NULL)
        """,
        """
        CREATE TABLE evaluation_answers (
            round_id {bigint} NOT NULL REFERENCES evaluation_rounds (id),
            home_id {bigint} NOT NULL REFERENCES homes (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            rating {bigint} NOT NULL,
            comment TEXT NOT NULL,
            answered_at {bigint} NOT NULL,
            PRIMARY KEY (round_id, home_id))
        """,
        "CREATE INDEX evaluation_answers_compound ON evaluation_answers (round_id, compound_id)",
        """
        CREATE TABLE evaluation_deductions (
            id {serial},
            round_id {bigint} NOT NULL REFERENCES evaluation_rounds (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            item TEXT NOT NULL,
            deduction_centi {bigint} NOT NULL,
            evidence TEXT NOT NULL,
            by_label TEXT NOT NULL,
            at {bigint} NOT NULL)
        """,
        "CREATE INDEX evaluation_deductions_round ON evaluation_deductions (round_id, compound_id)",
        """
        CREATE TABLE evaluation_results (
            round_id {bigint} NOT NULL REFERENCES evaluation_rounds (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            company_id {bigint} REFERENCES property_companies (id),
            compound_type TEXT NOT NULL,
            scorecard_id {bigint} REFERENCES scorecards (id),
            rank {bigint} NOT NULL,
            total_centi {bigint} NOT NULL,
            band TEXT NOT NULL,
            reward_fen {bigint} NOT NULL,
            star {bigint} NOT NULL,
            demonstration {bigint} NOT NULL,
            details TEXT NOT NULL,
            PRIMARY KEY (round_id, compound_id))
        """,
        "CREATE INDEX evaluation_results_company ON evaluation_results (company_id, round_id)",
    ], only: Migration.appendOnly(["scorecards", "evaluation_deductions", "evaluation_results"], function: "evaluation_append_only",
                                  message: "scorecards, deductions and published results are kept as written"))
}
