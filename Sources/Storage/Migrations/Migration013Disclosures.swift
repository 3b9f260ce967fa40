/// 三公开 publications: every version of every item a compound's company or committee publishes,
/// dated and kept up until a day at least 3 days on. Versions are never changed or removed.
enum Migration013Disclosures {
    static let migration = Migration(number: 13, name: "disclosures", statements: [
        """
        CREATE TABLE disclosures (
            id {serial},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            item TEXT NOT NULL,
            version {bigint} NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            published_at {bigint} NOT NULL,
            kept_until {bigint} NOT NULL,
            published_by_label TEXT NOT NULL,
            UNIQUE (compound_id, item, version))
        """,
    ], only: Migration.appendOnly(["disclosures"], function: "disclosures_kept", message: "publications are kept as published"))
}
