import Assembly
import Cases
import Hummingbird

/// How large a request body may be: small for forms and JSON, larger only where photos arrive
/// (a new case's form with its photos, one photo posted to a case through the API).
public enum UploadLimits {
    public static let form = 64 * 1024
    public static let photos = CasePhoto.maxBytes * CasePhoto.maxCount + form
    public static let photo = CasePhoto.maxBytes + form
    public static let document = CommitteeDocument.maxBytes + form
    public static let scan = BallotScan.maxBytes + form

    static func limit(for request: Request) -> Int {
        let path = request.uri.path
        if path == "/cases" { return photos }
        if path.hasPrefix("/api/v1/cases/") && path.hasSuffix("/photos") { return photo }
        if path.hasPrefix("/compounds/") && path.hasSuffix("/committee/documents") { return document }
        if path.hasPrefix("/meetings/") && path.hasSuffix("/paper-ballots") { return scan }
        // The API carries the scan in base64: a third larger.
        if path.hasPrefix("/api/v1/meetings/") && path.hasSuffix("/paper-ballots") { return BallotScan.maxBytes / 3 * 4 + 4 + form }
        return form
    }
}
