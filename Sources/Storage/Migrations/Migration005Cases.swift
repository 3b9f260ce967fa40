/// Cases: the case with its place, routing, level and deadlines; its timeline of events; photos;
/// the per-district routing table; the working calendar's holidays and 调休 days; notifications to
/// a level a case climbed to; and the scheduler's lease, so one instance sweeps at a time.
enum Migration005Cases {
    static let migration = Migration(number: 5, name: "cases", statements: [
        """
        CREATE TABLE cases (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            building_id {bigint} REFERENCES buildings (id),
            home_id {bigint} REFERENCES homes (id),
            grid_id {bigint} REFERENCES grids (id),
            company_id {bigint} REFERENCES property_companies (id),
            community_code TEXT NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            urgent {bool} NOT NULL,
            description TEXT NOT NULL,
            department TEXT NOT NULL,
            state TEXT NOT NULL,
            suspended_from TEXT,
            suspended_at {bigint},
            level TEXT NOT NULL,
            reporter_account_id {bigint} REFERENCES accounts (id),
            contact_name TEXT,
            contact_phone TEXT,
            reported_at {bigint} NOT NULL,
            updated_at {bigint} NOT NULL,
            due_at {bigint} NOT NULL,
            acknowledge_by {bigint},
            acknowledged {bool} NOT NULL,
            escalations {bigint} NOT NULL DEFAULT 0,
            event_count {bigint} NOT NULL DEFAULT 0,
            photo_count {bigint} NOT NULL DEFAULT 0,
            closed_at {bigint},
            closed_on_time {bool},
            rating {bigint},
            rating_comment TEXT)
        """,
        "CREATE INDEX cases_compound ON cases (compound_id, id)",
        "CREATE INDEX cases_reporter ON cases (reporter_account_id, id)",
        "CREATE INDEX cases_grid ON cases (grid_id, id)",
        "CREATE INDEX cases_company ON cases (company_id, id)",
        "CREATE INDEX cases_community ON cases (community_code, id)",
        // The escalation sweep reads only cases that can still climb, by deadline.
        """
        CREATE INDEX cases_sweep_due ON cases (due_at)
        WHERE state NOT IN ('closed', 'rejected', 'suspended') AND level <> 'department'
        """,
        """
        CREATE INDEX cases_sweep_acknowledge ON cases (acknowledge_by)
        WHERE acknowledged = FALSE AND state NOT IN ('closed', 'rejected', 'suspended') AND level <> 'department'
        """,
        """
        CREATE TABLE case_events (
            case_id {bigint} NOT NULL REFERENCES cases (id),
            seq {bigint} NOT NULL,
            at {bigint} NOT NULL,
            event TEXT NOT NULL,
            from_state TEXT,
            to_state TEXT,
            level TEXT NOT NULL,
            capacity TEXT,
            actor_account_id {bigint} REFERENCES accounts (id),
            actor_label TEXT NOT NULL,
            note TEXT NOT NULL,
            PRIMARY KEY (case_id, seq))
        """,
        """
        CREATE TABLE case_photos (
            case_id {bigint} NOT NULL REFERENCES cases (id),
            number {bigint} NOT NULL,
            content_type TEXT NOT NULL,
            bytes {blob} NOT NULL,
            uploaded_at {bigint} NOT NULL,
            PRIMARY KEY (case_id, number))
        """,
        """
        CREATE TABLE case_routes (
            district_code TEXT NOT NULL REFERENCES divisions (code),
            kind TEXT NOT NULL,
            first_level TEXT NOT NULL,
            department TEXT NOT NULL,
            PRIMARY KEY (district_code, kind))
        """,
        "CREATE TABLE calendar_days (day TEXT PRIMARY KEY, working {bool} NOT NULL, note TEXT NOT NULL)",
        """
        CREATE TABLE case_notifications (
            id {serial},
            case_id {bigint} NOT NULL REFERENCES cases (id),
            level TEXT NOT NULL,
            message TEXT NOT NULL,
            created_at {bigint} NOT NULL)
        """,
        "CREATE INDEX case_notifications_case ON case_notifications (case_id)",
        "CREATE TABLE scheduler_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at {bigint} NOT NULL)",
    ])
}
