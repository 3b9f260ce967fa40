import WuyeCore

/// What an Open311 client adds to a case it posts: the key it came with, a media URL and its point.
public struct Open311Origin: Sendable, Equatable {
    public let keyID: Int64
    public let mediaURL: String?
    public let point: GeoPoint?

    public init(keyID: Int64, mediaURL: String?, point: GeoPoint?) {
        self.keyID = keyID
        self.mediaURL = mediaURL
        self.point = point
    }
}
