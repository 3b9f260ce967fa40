/// Whether a meeting's ballots may be changed until the close: the assembly's rules of procedure
/// (议事规则) decide; meetings convened before this migration allowed it.
enum Migration009BallotRules {
    static let migration = Migration(number: 9, name: "ballot_rules", statements: [
        "ALTER TABLE meetings ADD COLUMN ballots_changeable {bool} NOT NULL DEFAULT TRUE",
    ])
}
