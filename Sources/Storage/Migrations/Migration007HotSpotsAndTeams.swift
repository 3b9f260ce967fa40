/// Hot spots and grid service teams: remediation campaigns over key compounds with each compound's
/// rectification and re-check; the people on each grid's team; and the staffing norm a district or
/// the city sets (the 万科城 norm when none is set).
enum Migration007HotSpotsAndTeams {
    static let migration = Migration(number: 7, name: "hot_spots_and_teams", statements: [
        """
        CREATE TABLE remediation_campaigns (
            id {serial},
            division_code TEXT NOT NULL REFERENCES divisions (code),
            name TEXT NOT NULL,
            measures TEXT NOT NULL,
            rule TEXT NOT NULL,
            period_from TEXT NOT NULL,
            period_to TEXT NOT NULL,
            starts_on TEXT NOT NULL,
            deadline TEXT NOT NULL,
            created_by {bigint} REFERENCES accounts (id),
            created_by_label TEXT NOT NULL,
            created_at {bigint} NOT NULL)
        """,
        "CREATE INDEX remediation_campaigns_division ON remediation_campaigns (division_code)",
        """
        CREATE TABLE campaign_compounds (
            campaign_id {bigint} NOT NULL REFERENCES remediation_campaigns (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            complaints {bigint} NOT NULL,
            homes {bigint} NOT NULL,
            state TEXT NOT NULL,
            report_note TEXT,
            reported_at {bigint},
            recheck_note TEXT,
            rechecked_at {bigint},
            rechecks {bigint} NOT NULL DEFAULT 0,
            PRIMARY KEY (campaign_id, compound_id))
        """,
        "CREATE INDEX campaign_compounds_compound ON campaign_compounds (compound_id)",
        // Hot spots count complaints per compound in a period.
        "CREATE INDEX cases_kind_reported ON cases (kind, reported_at)",
        """
        CREATE TABLE grid_team_members (
            id {serial},
            grid_id {bigint} NOT NULL REFERENCES grids (id),
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            phone TEXT NOT NULL,
            company_id {bigint} REFERENCES property_companies (id),
            added_by_label TEXT NOT NULL,
            joined_at {bigint} NOT NULL,
            left_at {bigint})
        """,
        "CREATE INDEX grid_team_members_grid ON grid_team_members (grid_id)",
        """
        CREATE TABLE staffing_norms (
            division_code TEXT PRIMARY KEY REFERENCES divisions (code),
            households_per_team {bigint} NOT NULL,
            stewards {bigint} NOT NULL,
            security_guards {bigint} NOT NULL,
            cleaners {bigint} NOT NULL,
            set_by_label TEXT NOT NULL,
            set_at {bigint} NOT NULL)
        """,
    ])
}
