/// Party building: the party organisations of companies, grids and owners' committees (one per
/// company, grid or compound; members as a count), the instructors assigned to committees and
/// companies, and the service stations' activity calendar.
enum Migration017PartyBuilding {
    static let migration = Migration(number: 17, name: "party_building", statements: [
        """
        CREATE TABLE party_organisations (
            id {serial},
            kind TEXT NOT NULL,
            target_id {bigint} NOT NULL,
            division_code TEXT NOT NULL REFERENCES divisions (code),
            name TEXT NOT NULL,
            members {bigint} NOT NULL,
            secretary TEXT NOT NULL,
            established_on TEXT NOT NULL,
            recorded_by_label TEXT NOT NULL,
            recorded_at {bigint} NOT NULL,
            UNIQUE (kind, target_id))
        """,
        """
        CREATE TABLE party_instructors (
            id {serial},
            target_kind TEXT NOT NULL,
            target_id {bigint} NOT NULL,
            division_code TEXT NOT NULL REFERENCES divisions (code),
            name TEXT NOT NULL,
            unit TEXT NOT NULL,
            phone TEXT NOT NULL,
            assigned_on TEXT NOT NULL,
            recorded_by_label TEXT NOT NULL,
            UNIQUE (target_kind, target_id))
        """,
        """
        CREATE TABLE party_activities (
            id {serial},
            community_code TEXT NOT NULL REFERENCES divisions (code),
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            place TEXT NOT NULL,
            starts_at {bigint} NOT NULL,
            ends_at {bigint} NOT NULL,
            recorded_by_label TEXT NOT NULL,
            recorded_at {bigint} NOT NULL)
        """,
        "CREATE INDEX party_activities_community ON party_activities (community_code, starts_at)",
    ])
}
