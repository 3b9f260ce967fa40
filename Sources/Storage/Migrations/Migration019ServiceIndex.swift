/// The quarterly property-service index per district, published once per quarter and kept as
/// published, with the components it was computed from.
enum Migration019ServiceIndex {
    static let migration = Migration(number: 19, name: "service_index", statements: [
        """
        CREATE TABLE service_index (
            district_code TEXT NOT NULL REFERENCES divisions (code),
            quarter TEXT NOT NULL,
            value_centi {bigint} NOT NULL,
            components TEXT NOT NULL,
            published_by_label TEXT NOT NULL,
            published_at {bigint} NOT NULL,
            PRIMARY KEY (district_code, quarter))
        """,
    ], only: Migration.appendOnly(["service_index"], function: "service_index_kept", message: "a published index is kept as published"))
}
