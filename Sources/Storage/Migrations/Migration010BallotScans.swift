/// The scan of each paper ballot or written vote the committee enters (Qingdao Art. 28: written
/// votes are signed; the scan is the record of the signature). Never published with the export:
/// it bears the owner's name.
enum Migration010BallotScans {
    static let migration = Migration(number: 10, name: "ballot_scans", statements: [
        """
        CREATE TABLE ballot_scans (
            id {serial},
            meeting_id {bigint} NOT NULL REFERENCES meetings (id),
            right_number {bigint} NOT NULL,
            content_type TEXT NOT NULL,
            bytes {blob} NOT NULL,
            uploaded_by_label TEXT NOT NULL,
            uploaded_at {bigint} NOT NULL)
        """,
        "CREATE INDEX ballot_scans_right ON ballot_scans (meeting_id, right_number)",
    ])
}
