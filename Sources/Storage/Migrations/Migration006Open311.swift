/// Open311 GeoReport v2: the api_keys administrators issue (only a hash is kept), which key brought
/// each case in with the client's media URL and point, and the compounds' coordinates that a
/// request's `lat`/`long` is matched against (micro-degrees, integers like every other measure).
enum Migration006Open311 {
    static let migration = Migration(number: 6, name: "open311", statements: [
        """
        CREATE TABLE open311_keys (
            id {serial},
            name TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            key_hint TEXT NOT NULL,
            division_code TEXT,
            created_by {bigint} REFERENCES accounts (id),
            created_by_label TEXT NOT NULL,
            created_at {bigint} NOT NULL,
            revoked_at {bigint})
        """,
        "ALTER TABLE cases ADD COLUMN open311_key_id {bigint} REFERENCES open311_keys (id)",
        "ALTER TABLE cases ADD COLUMN media_url TEXT",
        "ALTER TABLE cases ADD COLUMN latitude_e6 {bigint}",
        "ALTER TABLE cases ADD COLUMN longitude_e6 {bigint}",
        // GET requests reads by the time a request came in, newest first.
        "CREATE INDEX cases_reported ON cases (reported_at)",
        "ALTER TABLE compounds ADD COLUMN latitude_e6 {bigint}",
        "ALTER TABLE compounds ADD COLUMN longitude_e6 {bigint}",
        "CREATE INDEX compounds_latitude ON compounds (latitude_e6) WHERE latitude_e6 IS NOT NULL",
    ])
}
