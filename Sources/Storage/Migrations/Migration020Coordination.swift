/// Coordination: joint meetings and the "three meetings" with their agenda and sides, decisions as
/// tasks with an owner and a deadline, the cases a mediation settles, and the community's party-building
/// service projects that company party organisations claim and complete.
enum Migration020Coordination {
    static let migration = Migration(number: 20, name: "coordination", statements: [
        """
        CREATE TABLE coordination_meetings (
            id {serial},
            division_code TEXT NOT NULL REFERENCES divisions (code),
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            agenda TEXT NOT NULL,
            held_on TEXT NOT NULL,
            parties TEXT NOT NULL,
            minutes TEXT NOT NULL,
            recorded_by_label TEXT NOT NULL,
            recorded_at {bigint} NOT NULL)
        """,
        "CREATE INDEX coordination_meetings_division ON coordination_meetings (division_code, held_on)",
        """
        CREATE TABLE coordination_tasks (
            id {serial},
            meeting_id {bigint} NOT NULL REFERENCES coordination_meetings (id),
            description TEXT NOT NULL,
            assignee TEXT NOT NULL,
            due_on TEXT NOT NULL,
            done_on TEXT,
            done_note TEXT,
            recorded_by_label TEXT NOT NULL)
        """,
        "CREATE INDEX coordination_tasks_meeting ON coordination_tasks (meeting_id)",
        """
        CREATE TABLE mediation_cases (
            meeting_id {bigint} NOT NULL REFERENCES coordination_meetings (id),
            case_id {bigint} NOT NULL REFERENCES cases (id),
            PRIMARY KEY (meeting_id, case_id))
        """,
        """
        CREATE TABLE service_projects (
            id {serial},
            community_code TEXT NOT NULL REFERENCES divisions (code),
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            claimed_by {bigint} REFERENCES party_organisations (id),
            claimed_at {bigint},
            completed_on TEXT,
            completion_note TEXT,
            recorded_by_label TEXT NOT NULL,
            recorded_at {bigint} NOT NULL)
        """,
    ])
}
