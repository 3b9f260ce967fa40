/// Owners' committees: each compound's lifecycle record (stage and the dates and numbers of its
/// steps), the people on its preparatory group, committee and supervisory board, the steps as they
/// were taken with their notes, the documents attached to them, and the rules a district or city
/// chose (Qingdao's when none).
enum Migration008Committees {
    static let migration = Migration(number: 8, name: "committees", statements: [
        """
        CREATE TABLE committees (
            compound_id {bigint} PRIMARY KEY REFERENCES compounds (id),
            rules TEXT NOT NULL,
            stage TEXT NOT NULL,
            reported_on TEXT,
            group_formed_on TEXT,
            extension_approved {bool} NOT NULL DEFAULT FALSE,
            elected_on TEXT,
            term_years {bigint},
            full_size {bigint},
            first_meeting_on TEXT,
            filed_on TEXT,
            filing_number TEXT,
            seal_on TEXT,
            seal_number TEXT,
            credit_code TEXT,
            bank_name TEXT,
            bank_account TEXT,
            updated_at {bigint} NOT NULL)
        """,
        "CREATE INDEX committees_stage ON committees (stage)",
        """
        CREATE TABLE committee_members (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            body TEXT NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            is_owner {bool} NOT NULL,
            from_subdistrict {bool} NOT NULL,
            joined_on TEXT NOT NULL,
            left_on TEXT,
            left_reason TEXT)
        """,
        "CREATE INDEX committee_members_compound ON committee_members (compound_id, body)",
        """
        CREATE TABLE committee_steps (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            step TEXT NOT NULL,
            taken_on TEXT NOT NULL,
            note TEXT NOT NULL,
            actor_label TEXT NOT NULL,
            at {bigint} NOT NULL)
        """,
        "CREATE INDEX committee_steps_compound ON committee_steps (compound_id, id)",
        """
        CREATE TABLE committee_documents (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            step TEXT NOT NULL,
            name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            bytes {blob} NOT NULL,
            uploaded_by_label TEXT NOT NULL,
            uploaded_at {bigint} NOT NULL)
        """,
        "CREATE INDEX committee_documents_compound ON committee_documents (compound_id, step)",
        "CREATE TABLE committee_rule_settings (division_code TEXT PRIMARY KEY REFERENCES divisions (code), rules TEXT NOT NULL)",
    ])
}
