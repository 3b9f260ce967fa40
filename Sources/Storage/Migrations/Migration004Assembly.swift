/// Owners' meetings: motions, the voting rights fixed at the record date, ballots in a hash chain
/// per meeting, and each meeting's chain head (locked by appends, like the audit log's).
enum Migration004Assembly {
    static let migration = Migration(number: 4, name: "assembly", statements: [
        """
        CREATE TABLE meetings (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            title TEXT NOT NULL,
            record_date TEXT NOT NULL,
            agenda_published_at {bigint} NOT NULL,
            opens_at {bigint} NOT NULL,
            closes_at {bigint} NOT NULL,
            status TEXT NOT NULL,
            results_json TEXT,
            closed_at {bigint},
            convened_by {bigint} REFERENCES accounts (id),
            created_at TEXT NOT NULL)
        """,
        "CREATE INDEX meetings_compound ON meetings (compound_id, id)",
        """
        CREATE TABLE motions (
            id {serial},
            meeting_id {bigint} NOT NULL REFERENCES meetings (id),
            number {bigint} NOT NULL,
            matter {bigint} NOT NULL,
            title TEXT NOT NULL,
            UNIQUE (meeting_id, number))
        """,
        """
        CREATE TABLE voting_rights (
            meeting_id {bigint} NOT NULL REFERENCES meetings (id),
            number {bigint} NOT NULL,
            holder TEXT NOT NULL,
            area_centi {bigint} NOT NULL,
            home_ids TEXT NOT NULL,
            PRIMARY KEY (meeting_id, number))
        """,
        """
        CREATE TABLE voting_right_owners (
            meeting_id {bigint} NOT NULL REFERENCES meetings (id),
            owner_id {bigint} NOT NULL REFERENCES owners (id),
            right_number {bigint} NOT NULL,
            PRIMARY KEY (meeting_id, owner_id))
        """,
        """
        CREATE TABLE ballots (
            meeting_id {bigint} NOT NULL REFERENCES meetings (id),
            seq {bigint} NOT NULL,
            right_number {bigint} NOT NULL,
            motion_number {bigint} NOT NULL,
            choice TEXT NOT NULL,
            channel TEXT NOT NULL,
            receipt TEXT NOT NULL,
            cast_at TEXT NOT NULL,
            cast_by {bigint} REFERENCES accounts (id),
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (meeting_id, seq))
        """,
        "CREATE INDEX ballots_right ON ballots (meeting_id, right_number)",
        "CREATE INDEX ballots_receipt ON ballots (meeting_id, receipt)",
        "CREATE TABLE meeting_heads (meeting_id {bigint} PRIMARY KEY REFERENCES meetings (id), seq {bigint} NOT NULL, hash TEXT NOT NULL)",
    ])
}
