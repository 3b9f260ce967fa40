import Foundation
import Testing
import WuyeCore

struct GeoPointTests {
    @Test func decimalDegreesBecomeMicroDegreesAndBack() throws {
        let point = try GeoPoint(latitude: "36.0669384", longitude: "-120.3826")
        #expect(point.latitudeE6 == 36_066_938 && point.longitudeE6 == -120_382_600)
        #expect(point.latitudeText == "36.066938" && point.longitudeText == "-120.382600")
        #expect(GeoPoint(latitudeE6: -5, longitudeE6: 0).latitudeText == "-0.000005")
    }

    @Test func outOfRangeOrNonNumericCoordinatesNameTheirField() {
        #expect(throws: DomainError.self) { try GeoPoint(latitude: "90.5", longitude: "120") }
        do {
            _ = try GeoPoint(latitude: "36", longitude: "东经120")
            Issue.record("accepted a longitude that is not a number")
        } catch { #expect(error.field == "long") }
        do {
            _ = try GeoPoint(latitude: "nan", longitude: "120")
            Issue.record("accepted NaN")
        } catch { #expect(error.field == "lat") }
    }

    @Test func distancesWithinACityAreMetres() {
        let a = GeoPoint(latitudeE6: 36_066_938, longitudeE6: 120_382_600)
        // 0.01° of latitude is 1,111.9 m on a 6,371 km sphere; 0.01° of longitude at 36° N is 898.8 m.
        #expect(abs(a.metres(to: GeoPoint(latitudeE6: 36_076_938, longitudeE6: 120_382_600)) - 1_111.9) < 0.5)
        #expect(abs(a.metres(to: GeoPoint(latitudeE6: 36_066_938, longitudeE6: 120_392_600)) - 898.8) < 0.5)
        let box = a.boundingBox(metres: 1_000)
        #expect(box.latitudes.contains(36_075_900) && !box.latitudes.contains(36_076_000))
        #expect(box.longitudes.contains(120_393_700) && !box.longitudes.contains(120_394_000))
    }

    @Test func beijingTimeAsAW3CDatetimeCarriesItsZone() {
        #expect(BeijingTime.w3c(Date(timeIntervalSince1970: 0)) == "1970-01-01T08:00:00+08:00")
        #expect(BeijingTime.w3c(Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18T19:06:40+08:00")
        #expect(BeijingTime.text(Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18 19:06")
    }
}
