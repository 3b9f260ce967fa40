import Foundation

/// A point on the map in integer micro-degrees (WGS-84), as Open311 clients send `lat` and `long`.
/// Integers, like every other measure here; 1 micro-degree is about 0.1 m.
public struct GeoPoint: Sendable, Equatable, Hashable {
    public let latitudeE6: Int64
    public let longitudeE6: Int64

    public init(latitudeE6: Int64, longitudeE6: Int64) {
        self.latitudeE6 = latitudeE6
        self.longitudeE6 = longitudeE6
    }

    /// Reads decimal degrees ("36.066938", "120.382626"); more than six decimals are rounded.
    public init(latitude: String, longitude: String) throws(DomainError) {
        guard let lat = Double(latitude.trimmedWhitespace), lat.isFinite, abs(lat) <= 90 else {
            throw DomainError(code: "invalid_latitude", message: "纬度应为 -90 到 90 之间的小数", english: "lat is decimal degrees in -90…90",
                              field: "lat")
        }
        guard let long = Double(longitude.trimmedWhitespace), long.isFinite, abs(long) <= 180 else {
            throw DomainError(code: "invalid_longitude", message: "经度应为 -180 到 180 之间的小数", english: "long is decimal degrees in -180…180",
                              field: "long")
        }
        self.init(latitudeE6: Int64((lat * 1_000_000).rounded()), longitudeE6: Int64((long * 1_000_000).rounded()))
    }

    public var latitudeText: String { Self.degrees(latitudeE6) }
    public var longitudeText: String { Self.degrees(longitudeE6) }

    /// Metres to another point, by the equirectangular approximation: within a city (tens of
    /// kilometres) it is off by well under a metre per kilometre.
    public func metres(to other: GeoPoint) -> Double {
        let radians = Double.pi / 180 / 1_000_000
        let meanLatitude = Double(latitudeE6 + other.latitudeE6) / 2 * radians
        let x = Double(other.longitudeE6 - longitudeE6) * radians * cos(meanLatitude)
        let y = Double(other.latitudeE6 - latitudeE6) * radians
        return (x * x + y * y).squareRoot() * 6_371_000
    }

    /// The micro-degrees either side of this point that hold every point within `metres`.
    public func boundingBox(metres: Double) -> (latitudes: ClosedRange<Int64>, longitudes: ClosedRange<Int64>) {
        let latitudeSpan = Int64((metres / 6_371_000 * 180 / Double.pi * 1_000_000).rounded(.up))
        let cosine = max(cos(Double(latitudeE6) / 1_000_000 * Double.pi / 180), 0.01)
        let longitudeSpan = Int64((Double(latitudeSpan) / cosine).rounded(.up))
        return (latitudeE6 - latitudeSpan...latitudeE6 + latitudeSpan, longitudeE6 - longitudeSpan...longitudeE6 + longitudeSpan)
    }

    static func degrees(_ micro: Int64) -> String {
        let sign = micro < 0 ? "-" : ""
        let whole = abs(micro) / 1_000_000, fraction = String(abs(micro) % 1_000_000)
        return sign + String(whole) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
